"""A council's rules of procedure (forretningsorden), numbered and versioned."""

import difflib
import re
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import models
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.functional import cached_property
from django.utils.html import strip_tags
from django.utils.text import normalize_newlines
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import PageLogEntry, Revision
from wagtail.rich_text import expand_db_html
from wagtail.search import index

from council_pages.blocks import RulesStreamBlock

from .base import BasePage

# Log actions of a revision going live: at once, or later by `manage.py publish_scheduled`.
PUBLISH_ACTIONS = ("wagtail.publish", "wagtail.publish.scheduled")


@dataclass
class NumberedClause:
    number: int
    anchor: str
    text: object  # wagtail.rich_text.RichText

    @property
    def plain_text(self) -> str:
        return " ".join(strip_tags(normalize_newlines(str(self.text.source))).split())


@dataclass
class NumberedParagraph:
    number: int
    anchor: str
    topic: str
    clauses: list[NumberedClause]

    @property
    def plain_text(self) -> str:
        parts = [self.clauses[0].plain_text] if self.clauses else []
        parts += [f"Stk. {c.number}. {c.plain_text}" for c in self.clauses[1:]]
        return "\n".join(parts)


@dataclass
class RulesChapter:
    heading: str
    paragraphs: list[NumberedParagraph] = field(default_factory=list)


def number_rules(body) -> list[RulesChapter]:
    """Number the paragraphs (§) and sub-clauses (Stk.) of a rules body from their order.

    Paragraph numbers run through the whole document; Stk. numbers restart in each §.
    Anchors have the form ``p9`` and ``p9-stk2``, the way people cite "§ 9, stk. 2".
    """
    chapters: list[RulesChapter] = []
    number = 0
    for block in body:
        if block.block_type == "heading":
            chapters.append(RulesChapter(heading=block.value))
            continue
        if block.block_type != "paragraph":
            continue
        if not chapters:
            chapters.append(RulesChapter(heading=""))
        number += 1
        anchor = f"p{number}"
        clauses = [
            NumberedClause(number=i, anchor=f"{anchor}-stk{i}", text=text)
            for i, text in enumerate(block.value["clauses"], start=1)
        ]
        chapters[-1].paragraphs.append(
            NumberedParagraph(
                number=number, anchor=anchor, topic=block.value.get("topic") or "", clauses=clauses
            )
        )
    return chapters


def _paragraphs(body) -> list[NumberedParagraph]:
    return [p for chapter in number_rules(body) for p in chapter.paragraphs]


@dataclass
class ParagraphChange:
    """How one § differs between two versions: ``equal``, ``changed``, ``added``, ``removed``."""

    status: str
    old_number: int | None
    new_number: int | None
    segments: list[tuple[str, str]]  # (op, text) with op in "equal", "insert", "delete"


def _word_diff(old: str, new: str) -> list[tuple[str, str]]:
    # Line breaks (between Stk.) are tokens of their own, so a new Stk. shows as one insert.
    old_words, new_words = re.findall(r"\n|[^ \n]+", old), re.findall(r"\n|[^ \n]+", new)
    segments = []
    matcher = difflib.SequenceMatcher(a=old_words, b=new_words, autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            segments.append(("equal", " ".join(old_words[i1:i2])))
        if op in ("delete", "replace"):
            segments.append(("delete", " ".join(old_words[i1:i2])))
        if op in ("insert", "replace"):
            segments.append(("insert", " ".join(new_words[j1:j2])))
    return segments


# Two versions of a § count as "the same § changed" when at least this share of words match.
SIMILARITY_THRESHOLD = 0.5


def _similarity(a: NumberedParagraph, b: NumberedParagraph) -> float:
    return difflib.SequenceMatcher(
        a=a.plain_text.split(), b=b.plain_text.split(), autojunk=False
    ).ratio()


def _match_changed(old: list[NumberedParagraph], new: list[NumberedParagraph]):
    """Pair up the paragraphs of a changed stretch by similarity, keeping their order."""
    changes, next_new = [], 0
    for a in old:
        best, best_ratio = None, SIMILARITY_THRESHOLD
        for j in range(next_new, len(new)):
            ratio = _similarity(a, new[j])
            if ratio > best_ratio or (best is None and ratio == best_ratio):
                best, best_ratio = j, ratio
        if best is None:
            changes.append(ParagraphChange("removed", a.number, None, [("delete", a.plain_text)]))
            continue
        for b in new[next_new:best]:
            changes.append(ParagraphChange("added", None, b.number, [("insert", b.plain_text)]))
        b = new[best]
        changes.append(
            ParagraphChange("changed", a.number, b.number, _word_diff(a.plain_text, b.plain_text))
        )
        next_new = best + 1
    for b in new[next_new:]:
        changes.append(ParagraphChange("added", None, b.number, [("insert", b.plain_text)]))
    return changes


def diff_rules(old_body, new_body) -> list[ParagraphChange]:
    """Compare two versions of a rules body paragraph by paragraph, word by word.

    Paragraphs are matched by their text, not their number, so that a § inserted early on
    shows as one new § rather than as every later § having changed.
    """
    old, new = _paragraphs(old_body), _paragraphs(new_body)
    matcher = difflib.SequenceMatcher(
        a=[p.plain_text for p in old], b=[p.plain_text for p in new], autojunk=False
    )
    changes = []
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            for a, b in zip(old[i1:i2], new[j1:j2], strict=True):
                changes.append(
                    ParagraphChange("equal", a.number, b.number, [("equal", b.plain_text)])
                )
            continue
        changes += _match_changed(old[i1:i2], new[j1:j2])
    return changes


class RulesOfProcedurePage(RoutablePageMixin, BasePage):
    """A council's rules of procedure, e.g. /odense/forretningsorden/ (one per council).

    The secretary enters chapter headings and paragraphs; § and Stk. numbers and their anchors
    are computed. Each published version stays readable at ``versioner/``, with a comparison of
    any two, because amendments are adopted by the city council and people cite old wording.
    """

    template = "council_pages/rules_of_procedure_page.html"
    parent_page_types = ["council_pages.CouncilPage"]
    subpage_types: list[str] = []
    max_count_per_parent = 1

    adopted_by = models.CharField(
        _("vedtaget af"),
        max_length=255,
        help_text=_("Hvem der har vedtaget forretningsordenen, fx “Byrådet”."),
    )
    adopted_on = models.DateField(_("vedtaget den"))
    in_force_from = models.DateField(
        _("gælder fra"), help_text=_("Den dag forretningsordenen træder i kraft.")
    )
    amendment_note = models.CharField(
        _("hvad er ændret"),
        max_length=255,
        blank=True,
        help_text=_(
            "Ved en ændring: en kort linje om hvad der er nyt. Vises i listen over versioner."
        ),
    )
    body = StreamField(RulesStreamBlock(), verbose_name=_("paragraffer"))

    content_panels = BasePage.content_panels + [
        MultiFieldPanel(
            [
                FieldPanel("adopted_by"),
                FieldRowPanel([FieldPanel("adopted_on"), FieldPanel("in_force_from")]),
                FieldPanel("amendment_note"),
            ],
            heading=_("Vedtagelse"),
        ),
        FieldPanel("body"),
    ]

    search_fields = BasePage.search_fields + [
        index.SearchField("body"),
        index.FilterField("adopted_on"),
    ]

    api_fields = [
        APIField("adopted_by"),
        APIField("adopted_on"),
        APIField("in_force_from"),
        APIField("amendment_note"),
        APIField("numbered_paragraphs"),
    ]

    class Meta:
        verbose_name = _("forretningsorden")
        verbose_name_plural = _("forretningsordener")

    def clean(self):
        super().clean()
        if self.adopted_on and self.in_force_from and self.in_force_from < self.adopted_on:
            raise ValidationError(
                {"in_force_from": _("Forretningsordenen kan ikke gælde fra før den er vedtaget.")}
            )

    @cached_property
    def chapters(self) -> list[RulesChapter]:
        return number_rules(self.body)

    @cached_property
    def key_rules(self) -> dict[str, NumberedParagraph]:
        """The paragraphs marked as key rules, by topic (the first § for each topic wins)."""
        found: dict[str, NumberedParagraph] = {}
        for chapter in self.chapters:
            for paragraph in chapter.paragraphs:
                if paragraph.topic and paragraph.topic not in found:
                    found[paragraph.topic] = paragraph
        return found

    @property
    def numbered_paragraphs(self) -> list[dict]:
        """The rules as open data: every § and Stk. with its number, anchor and HTML."""
        return [
            {
                "chapter": chapter.heading,
                "number": paragraph.number,
                "anchor": paragraph.anchor,
                "clauses": [
                    {
                        "number": clause.number,
                        "anchor": clause.anchor,
                        "html": expand_db_html(clause.text.source),
                    }
                    for clause in paragraph.clauses
                ],
            }
            for chapter in self.chapters
            for paragraph in chapter.paragraphs
        ]

    # Versions ---------------------------------------------------------------------------

    def published_revisions(self):
        """Revisions of this page that were actually published, newest first.

        Only revisions with a publish log entry count (published at once, or by Wagtail's
        scheduler: ``wagtail.publish.scheduled``), so a draft or a revision waiting for the
        chair's approval never becomes readable here.
        """
        published_ids = PageLogEntry.objects.filter(
            page=self, action__in=PUBLISH_ACTIONS, revision__isnull=False
        ).values("revision_id")
        return Revision.page_revisions.filter(
            object_id=str(self.pk), pk__in=published_ids
        ).order_by("-created_at", "-pk")

    def versions(self) -> list[dict]:
        """Published versions with their adoption dates, for the public list of versions."""
        published_at = dict(
            PageLogEntry.objects.filter(
                page=self, action__in=PUBLISH_ACTIONS, revision__isnull=False
            )
            .order_by("timestamp")
            .values_list("revision_id", "timestamp")
        )
        versions = []
        for revision in self.published_revisions():
            content = revision.content
            versions.append(
                {
                    "id": revision.pk,
                    "published_at": published_at.get(revision.pk, revision.created_at),
                    "adopted_on": self._content_date(content, "adopted_on"),
                    "in_force_from": self._content_date(content, "in_force_from"),
                    "adopted_by": content.get("adopted_by", ""),
                    "amendment_note": content.get("amendment_note", ""),
                    "is_current": revision.pk == self.live_revision_id,
                }
            )
        return versions

    @staticmethod
    def _content_date(content, name):
        value = content.get(name)
        if not value:
            return None
        return models.DateField().to_python(value)

    def _published_version(self, revision_id: int):
        revision = get_object_or_404(self.published_revisions(), pk=revision_id)
        return revision, revision.as_object()

    @path("versioner/", name="versions")
    def versions_view(self, request):
        versions = self.versions()
        comparison = None
        old_id, new_id = request.GET.get("fra"), request.GET.get("til")
        if old_id or new_id:
            try:
                old_id, new_id = int(old_id), int(new_id)
            except (TypeError, ValueError):
                raise Http404(_("Vælg to versioner at sammenligne.")) from None
            old_revision, old_page = self._published_version(old_id)
            new_revision, new_page = self._published_version(new_id)
            comparison = {
                "old": old_page,
                "new": new_page,
                "old_id": old_revision.pk,
                "new_id": new_revision.pk,
            }
            comparison["changed"] = [
                c for c in diff_rules(old_page.body, new_page.body) if c.status != "equal"
            ]
        return TemplateResponse(
            request,
            "council_pages/rules_of_procedure_versions.html",
            {
                **self.get_context(request),
                "versions": versions,
                "comparison": comparison,
            },
        )

    @path("versioner/<int:revision_id>/", name="version")
    def version_view(self, request, revision_id):
        revision, old_page = self._published_version(revision_id)
        if revision.pk == self.live_revision_id:
            # The current version lives at the page's own address.
            return redirect(self.get_url(request))
        return TemplateResponse(
            request,
            "council_pages/rules_of_procedure_page.html",
            {
                **self.get_context(request),
                "rules": old_page,
                "historic_revision": revision,
                "chapters": number_rules(old_page.body),
            },
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.setdefault("rules", self)
        context.setdefault("chapters", self.chapters)
        return context

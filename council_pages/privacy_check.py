"""The privacy guard on pages: what a page would publish, checked for personal data.

``check_page(page)`` reads everything a page makes public (its title, search description, every
text and rich-text field, every text in its StreamFields, and the extracted text of every
document it links to) and runs ``privacy_guard.detector`` over it. The council's own published
contact details (on its council page) and the public institutions' contacts that site
administrators list under *Indstillinger → Personoplysninger* are allowed.

It runs when a page is submitted for approval, when the chair approves it and whenever it is
published (``BasePage.publish``), so scheduled publishing and an administrator's publish are
checked too. A CPR number stops all of them; other findings are warnings the approver confirms.
"""

import itertools
import json
from collections.abc import Iterator
from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.db import models
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from modelcluster.models import get_all_child_relations
from wagtail import blocks
from wagtail.documents import get_document_model
from wagtail.fields import RichTextField, StreamField
from wagtail.models import PageLogEntry, ReferenceIndex
from wagtail.rich_text import RichText, get_text_for_indexing

from documents.extraction import text_pages
from privacy_guard.detector import (
    CPR,
    EMAIL,
    PHONE,
    WORD,
    Finding,
    find_personal_data,
    mask_cpr_numbers,
)
from privacy_guard.models import PrivacyGuardSettings

# Page fields that are addresses or bookkeeping, never shown as text.
SKIPPED_FIELDS = {"slug", "url_path", "path", "draft_title", "translation_key"}

# A scan with no text that even OCR could read: the approver must look at it themselves.
UNCHECKABLE = "uncheckable"

KIND_LABELS = {
    CPR: _("CPR-nummer"),
    PHONE: _("telefonnummer"),
    EMAIL: _("e-mailadresse"),
    WORD: _("ord om en enkeltsag"),
}


# Log actions (labels registered in council_pages.privacy_hooks).
LOG_WARNINGS_CHECKED = "council_pages.privacy_checked"
LOG_PUBLISH_BLOCKED = "council_pages.privacy_blocked"

# The editor's "replace CPR numbers" button (an action menu item; the view saves a draft).
MASK_ACTION = "action-privacy-mask"

# The approve form's tick box: "I have checked the warnings".
CHECKED_FIELD = "privacy_checked"


@dataclass
class PrivacyReport:
    """What the guard found on one page: CPR numbers block, the rest are warnings."""

    findings: list[Finding] = field(default_factory=list)

    @property
    def blocking(self) -> list[Finding]:
        return [finding for finding in self.findings if finding.blocks]

    @property
    def warnings(self) -> list[Finding]:
        return [finding for finding in self.findings if not finding.blocks]

    def blocking_message(self) -> str:
        """The Danish message that says why the page cannot go out, one line per CPR number."""
        count = len(self.blocking)
        lines = [
            ngettext(
                "Siden indeholder et CPR-nummer og kan ikke sendes til godkendelse eller "
                "udgives. Skriv det om, eller vælg «Erstat CPR-numre med xxxxxx-xxxx» i menuen "
                "ved Gem:",
                "Siden indeholder %(count)d CPR-numre og kan ikke sendes til godkendelse eller "
                "udgives. Skriv dem om, eller vælg «Erstat CPR-numre med xxxxxx-xxxx» i menuen "
                "ved Gem:",
                count,
            )
            % {"count": count}
        ]
        lines += [describe(finding) for finding in self.blocking]
        return "\n".join(lines)

    def warning_message(self) -> str:
        """The Danish list of warnings the approver must check before approving."""
        lines = [
            str(
                _(
                    "Tjek disse mulige personoplysninger, før siden udgives. Er de i orden (fx "
                    "en offentlig institutions telefonnummer), kan siden godkendes alligevel:"
                )
            )
        ]
        lines += [describe(finding) for finding in self.warnings]
        return "\n".join(lines)

    def unchecked_message(self) -> str:
        return "\n".join(
            [
                self.warning_message(),
                str(
                    _(
                        "Sæt flueben i «Jeg har tjekket advarslerne om personoplysninger», når "
                        "du godkender."
                    )
                ),
            ]
        )

    def as_log_data(self) -> list[dict]:
        """The warnings for the page's log: kind and place, never the personal data itself."""
        return [{"kind": finding.kind, "place": finding.place} for finding in self.warnings]


class PersonalDataBlocked(PermissionDenied):
    """Raised when something tries to publish a page with a CPR number: a 403, never a 500."""

    def __init__(self, report: PrivacyReport):
        self.report = report
        super().__init__(report.blocking_message())


def guarded_action(data) -> str | None:
    """Which guarded step an edit-form POST is: "submit", "publish", "approve" or None."""
    if data.get("action-publish"):
        return "publish"
    if data.get("action-submit") or data.get("action-restart-workflow"):
        return "submit"
    if data.get("action-workflow-action") and data.get("workflow-action-name") == "approve":
        return "approve"
    return None


def warnings_checked(data) -> bool:
    """True if the approve dialog's tick box came with an edit-form POST."""
    try:
        extra = json.loads(data.get("workflow-action-extra-data") or "{}")
    except ValueError:
        return False
    return isinstance(extra, dict) and bool(extra.get(CHECKED_FIELD))


def log_warnings_checked(page, revision, user, report: PrivacyReport) -> None:
    PageLogEntry.objects.log_action(
        page,
        LOG_WARNINGS_CHECKED,
        user=user,
        revision=revision,
        data={"findings": report.as_log_data()},
    )


def log_blocked_publish(page, revision, report: PrivacyReport) -> None:
    """Take a scheduled revision off the schedule and say why in the page's log."""
    revision.approved_go_live_at = None
    revision.save(update_fields=["approved_go_live_at"])
    PageLogEntry.objects.log_action(
        page,
        LOG_PUBLISH_BLOCKED,
        revision=revision,
        data={"findings": [{"kind": f.kind, "place": f.place} for f in report.blocking]},
    )


def describe(finding: Finding) -> str:
    """One finding in Danish, e.g. "CPR-nummer «010190-1234» i Dagsorden, punkt 2"."""
    if finding.kind == UNCHECKABLE:
        return str(
            format_lazy(
                _("– {place} kan ikke kontrolleres for personoplysninger (ingen tekst at læse)"),
                place=finding.place,
            )
        )
    return str(
        format_lazy(
            _("– {kind} «{text}» i {place}"),
            kind=KIND_LABELS[finding.kind],
            text=finding.text,
            place=finding.place,
        )
    )


def check_page(page, parent=None, *, documents=True, rows=None) -> PrivacyReport:
    """Everything ``page`` would make public, checked for personal data.

    ``parent`` is needed only for a page that is not in the tree yet (the create form);
    ``documents=False`` leaves out the attachments' text. ``rows`` replaces the page's own
    child rows (the members) with (place, text) pairs: the edit form passes what was typed.
    """
    texts = public_texts(page) if documents else page_field_texts(page)
    rows = child_row_texts(page) if rows is None else rows
    report = check_texts(itertools.chain(texts, rows), council_contacts(page, parent))
    if documents:
        report.findings += [
            Finding(UNCHECKABLE, document.title, document_place(document))
            for document in linked_documents(page)
            if getattr(document, "cannot_be_checked", False)
        ]
    return report


def check_document(document) -> PrivacyReport:
    """A document's extracted text, with its council's own contact details allowed."""
    council = getattr(document, "council", None)
    published = getattr(council, "published_contacts", None)
    report = check_texts(document_texts(document), published() if callable(published) else [])
    if getattr(document, "cannot_be_checked", False):
        report.findings.append(Finding(UNCHECKABLE, document.title, document_place(document)))
    return report


def check_texts(texts, allowed_contacts=()) -> PrivacyReport:
    """(place, text) pairs checked with the site's lists (Indstillinger → Personoplysninger)."""
    settings = PrivacyGuardSettings.load()
    allowed = settings.allowed_contact_lines() + list(allowed_contacts)
    words = settings.case_word_lines()
    findings: list[Finding] = []
    for place, text in texts:
        findings += find_personal_data(text, str(place), allowed_contacts=allowed, case_words=words)
    return PrivacyReport(findings)


def council_contacts(page, parent=None) -> list[str]:
    """The contact details the page's council publishes itself (allowed on its pages)."""
    if page.pk and page.path:
        chain = list(page.get_ancestors().specific()) + [page]
    elif parent is not None:
        chain = list(parent.get_ancestors(inclusive=True).specific()) + [page]
    else:
        chain = [page]
    contacts = []
    for ancestor in chain:
        published = getattr(ancestor, "published_contacts", None)
        if callable(published):
            contacts += published()
    return contacts


def public_texts(page) -> Iterator[tuple[str, str]]:
    """(place, text) for every piece of text ``page`` publishes, attachments included."""
    yield from page_field_texts(page)
    for document in linked_documents(page):
        yield from document_texts(document)


def page_field_texts(page) -> Iterator[tuple[str, str]]:
    for model_field in page._meta.concrete_fields:
        if model_field.name in SKIPPED_FIELDS or model_field.choices:
            continue
        label = str(model_field.verbose_name).capitalize()
        value = getattr(page, model_field.attname, None)
        if isinstance(model_field, StreamField):
            yield from stream_texts(value, label)
        elif isinstance(model_field, RichTextField):
            yield label, get_text_for_indexing(value or "")
        elif isinstance(model_field, models.CharField | models.TextField) and value:
            yield label, str(value)


def child_row_texts(page) -> Iterator[tuple[str, str]]:
    """The text fields of the rows edited inside the page (e.g. the council's members)."""
    for relation in get_all_child_relations(page):
        rows = getattr(page, relation.get_accessor_name()).all()
        for number, row in enumerate(rows, start=1):
            for model_field in row._meta.concrete_fields:
                value = getattr(row, model_field.attname, None)
                if (
                    isinstance(model_field, models.CharField | models.TextField)
                    and not model_field.choices
                    and value
                ):
                    yield row_place(row._meta, number, model_field.verbose_name), str(value)


def row_place(options, number: int, label) -> str:
    """Where in the page a child row's text is, e.g. "Medlemmer, nr. 2, navn"."""
    return f"{str(options.verbose_name_plural).capitalize()}, nr. {number}, {str(label).lower()}"


def stream_texts(value, place: str) -> Iterator[tuple[str, str]]:
    """The texts inside a StreamField (or StreamBlock) value, with "Field, block n" places."""
    for index, child in enumerate(value or [], start=1):
        yield from block_texts(
            child.block, child.value, f"{place}, {block_label(child.block)} {index}"
        )


def block_texts(block, value, place: str) -> Iterator[tuple[str, str]]:
    if value is None:
        return
    if isinstance(block, blocks.StreamBlock):
        yield from stream_texts(value, place)
    elif isinstance(block, blocks.StructBlock):
        for name, child_block in block.child_blocks.items():
            yield from block_texts(
                child_block, value.get(name), f"{place}, {block_label(child_block)}"
            )
    elif isinstance(block, blocks.ListBlock):
        for index, item in enumerate(value, start=1):
            yield from block_texts(block.child_block, item, f"{place} {index}")
    elif isinstance(block, blocks.RichTextBlock):
        source = value.source if isinstance(value, RichText) else str(value)
        yield place, get_text_for_indexing(source)
    elif isinstance(block, blocks.CharBlock | blocks.TextBlock | blocks.EmailBlock):
        yield place, str(value)


def block_label(block) -> str:
    return str(block.label or block.name or "").lower()


def mask_page(page) -> None:
    """Replace every CPR number in the page's own text with ``xxxxxx-xxxx``, in place.

    The editor's "Erstat CPR-numre" button: the same fields the check reads, attachments
    excepted (a file must be cleaned and replaced by whoever has the original).
    """
    for model_field in page._meta.concrete_fields:
        if model_field.name in SKIPPED_FIELDS or model_field.choices:
            continue
        value = getattr(page, model_field.attname, None)
        if not value:
            continue
        if isinstance(model_field, StreamField):
            raw = model_field.get_prep_value(value)
            data = json.loads(raw) if isinstance(raw, str) else raw
            setattr(page, model_field.attname, model_field.to_python(_mask_json(data)))
        elif isinstance(model_field, RichTextField | models.CharField | models.TextField):
            setattr(page, model_field.attname, mask_cpr_numbers(str(value)))


def _mask_json(data, key=None):
    if isinstance(data, str):
        return data if key in ("id", "type") else mask_cpr_numbers(data)
    if isinstance(data, list):
        return [_mask_json(item) for item in data]
    if isinstance(data, dict):
        return {name: _mask_json(item, name) for name, item in data.items()}
    return data


def linked_documents(page) -> list:
    """The documents ``page`` links to (choosers, StreamField blocks, rich-text links).

    Read from the page object itself, not from the reference index, so an unsaved revision's
    attachments are seen before it is published.
    """
    document_model = get_document_model()
    document_type = ContentType.objects.get_for_model(document_model).pk
    ids = {
        object_id
        for content_type_id, object_id, _path, _content_path in (
            ReferenceIndex._extract_references_from_object(page)
        )
        if content_type_id == document_type
    }
    numeric = [int(pk) for pk in ids if str(pk).isdigit()]
    return list(document_model.objects.filter(pk__in=numeric).order_by("pk"))


def document_texts(document) -> Iterator[tuple[str, str]]:
    pages = text_pages(document.extracted_text or "")
    if len(pages) == 1:
        yield document_place(document), pages[0]
        return
    for number, text in enumerate(pages, start=1):
        yield (
            _("dokumentet «{title}», side {number}").format(title=document.title, number=number),
            text,
        )


def document_place(document) -> str:
    return _("dokumentet «{title}»").format(title=document.title)

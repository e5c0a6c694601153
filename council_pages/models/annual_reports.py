"""Annual reports, with figures computed from what the council published in the period."""

import datetime

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, HelpPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField, StreamField
from wagtail.search import index

from council_pages.blocks import FocusAreaBlock, ProposalBlock
from council_pages.follow_up import outcome_tally, proposal_tally
from council_pages.lists import AnnualReportFilterForm
from council_pages.page_forms import NaturalSlugPageForm
from council_pages.serializers import RichTextHTMLField
from visibility.rules import visible

from .base import BasePage
from .council import CouncilPage
from .easy_read import SummaryDescriptionMixin, summary_field
from .hearings import HearingResponsePage
from .indexes import CouncilIndexPage
from .meetings import MeetingPage


class AnnualReportPageForm(NaturalSlugPageForm):
    def natural_slug(self, cleaned_data) -> str:
        """New reports are addressed by their period: /<council>/aarsrapporter/2008-2009/."""
        start, end = cleaned_data.get("start_year"), cleaned_data.get("end_year")
        if not start:
            return ""
        return f"{start}-{end}" if end and end != start else str(start)


REPORT_TEXT_FEATURES = ["h2", "h3", "bold", "italic", "link", "document-link", "ol", "ul"]


class AnnualReportIndexPage(CouncilIndexPage):
    """A council's annual reports, e.g. /odense/aarsrapporter/, newest period first."""

    template = "council_pages/annual_report_index_page.html"
    subpage_types = ["council_pages.AnnualReportPage"]
    child_model = "council_pages.AnnualReportPage"
    feed_kind = "aarsrapporter"
    ordering = ("-end_year", "-start_year")
    filter_form_class = AnnualReportFilterForm
    list_name = "reports_page"

    intro = RichTextField(_("introduktion"), blank=True, features=["bold", "italic", "link"])

    class Meta:
        verbose_name = _("oversigt over årsrapporter")
        verbose_name_plural = _("oversigter over årsrapporter")

    @property
    def reports(self):
        return self.publications()


class AnnualReportPage(SummaryDescriptionMixin, BasePage):
    """One annual report, e.g. /odense/aarsrapporter/2009/ or /herning/aarsrapporter/2008-2009/.

    The secretary writes the prose (focus areas, the situation of the most vulnerable groups,
    activities, proposals); the figures on meetings and hearing responses in the period are
    counted from the site itself and never typed.
    """

    template = "council_pages/annual_report_page.html"
    parent_page_types = ["council_pages.AnnualReportIndexPage"]
    subpage_types: list[str] = []
    base_form_class = AnnualReportPageForm

    start_year = models.PositiveSmallIntegerField(_("fra år"))
    end_year = models.PositiveSmallIntegerField(
        _("til år"),
        null=True,
        blank=True,
        help_text=_("Kun hvis rapporten dækker mere end ét år, fx 2008-2009."),
    )
    summary = summary_field(required=True)
    focus_areas = StreamField(
        [("focus_area", FocusAreaBlock())],
        blank=True,
        verbose_name=_("årets fokusområder"),
        help_text=_("De 5-8 temaer, rådet valgte at arbejde med i perioden."),
    )
    situation = RichTextField(
        _("de mest udsattes situation"), blank=True, features=REPORT_TEXT_FEATURES
    )
    activities = RichTextField(
        _("aktiviteter og projekter"), blank=True, features=REPORT_TEXT_FEATURES
    )
    proposals = StreamField(
        [("proposal", ProposalBlock())],
        blank=True,
        verbose_name=_("forslag til byrådet"),
    )
    pdf = models.ForeignKey(
        "documents.CouncilDocument",
        verbose_name=_("rapporten som PDF"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    content_panels = BasePage.content_panels + [
        FieldRowPanel([FieldPanel("start_year"), FieldPanel("end_year")], heading=_("Periode")),
        FieldPanel("summary"),
        FieldPanel("focus_areas"),
        FieldPanel("situation"),
        FieldPanel("activities"),
        FieldPanel("proposals"),
        FieldPanel("pdf"),
        MultiFieldPanel(
            [
                HelpPanel(
                    _(
                        "Rapporten viser selv, hvor mange møder rådet holdt, og hvilke "
                        "høringssvar det gav i perioden, og hvad kommunen gjorde med dem. "
                        "Tallene hentes fra sitet og skal ikke skrives her."
                    )
                )
            ],
            heading=_("Tal fra sitet"),
        ),
    ]

    api_fields = [
        APIField("start_year"),
        APIField("end_year"),
        APIField("period_label"),
        APIField("summary"),
        APIField("focus_areas"),
        APIField("situation", serializer=RichTextHTMLField()),
        APIField("activities", serializer=RichTextHTMLField()),
        APIField("proposals"),
        APIField("pdf"),
        APIField("computed_figures"),
    ]

    search_fields = BasePage.search_fields + [
        index.SearchField("summary"),
        index.SearchField("focus_areas"),
        index.SearchField("situation"),
        index.SearchField("activities"),
        index.SearchField("proposals"),
        index.FilterField("start_year"),
    ]

    class Meta:
        verbose_name = _("årsrapport")
        verbose_name_plural = _("årsrapporter")

    def clean(self):
        super().clean()
        errors = {}
        this_year = timezone.localdate().year
        if self.start_year and self.start_year > this_year:
            errors["start_year"] = _("Årsrapporten kan ikke handle om et år, der ikke er begyndt.")
        elif self.start_year and self.start_year < 1990:
            errors["start_year"] = _("Skriv årstallet med fire cifre, fx 2009.")
        if self.end_year is not None and self.start_year:
            if self.end_year < self.start_year:
                errors["end_year"] = _("Perioden kan ikke slutte, før den begynder.")
            elif self.end_year > this_year:
                errors["end_year"] = _("Perioden kan ikke slutte i et år, der ikke er begyndt.")
        if len(self.focus_areas or []) > 8:
            errors["focus_areas"] = _("Vælg højst 8 fokusområder, så rapporten er til at overskue.")
        if errors:
            raise ValidationError(errors)

    def full_clean(self, *args, **kwargs):
        if self.end_year == self.start_year:
            self.end_year = None
        if not self.title and self.start_year:
            self.title = str(_("Årsrapport %(period)s")) % {"period": self.period_label}
        if not self.slug and self.start_year:
            self.slug = self.period_label
        super().full_clean(*args, **kwargs)

    @property
    def period_label(self) -> str:
        if self.end_year and self.end_year != self.start_year:
            return f"{self.start_year}-{self.end_year}"
        return str(self.start_year)

    @property
    def period_start(self) -> datetime.date:
        return datetime.date(self.start_year, 1, 1)

    @property
    def period_end(self) -> datetime.date:
        return datetime.date(self.end_year or self.start_year, 12, 31)

    # Computed from the site --------------------------------------------------------------

    @cached_property
    def council(self) -> CouncilPage | None:
        if not self.path:
            return None
        return CouncilPage.objects.ancestor_of(self).order_by("-depth").first()

    @cached_property
    def meetings_held(self):
        """The council's live, public meetings in the period that have taken place."""
        if self.council is None:
            return MeetingPage.objects.none()
        last_day = min(self.period_end, timezone.localdate())
        return (
            visible(MeetingPage.objects.descendant_of(self.council))
            .filter(date__gte=self.period_start, date__lte=last_day)
            .order_by("date", "start_time")
            .defer_streamfields()  # the figures link to them; the agendas are not shown
        )

    @cached_property
    def hearing_responses(self):
        """The council's live, public hearing responses and statements given in the period."""
        if self.council is None:
            return HearingResponsePage.objects.none()
        return (
            visible(HearingResponsePage.objects.descendant_of(self.council))
            .filter(response_date__gte=self.period_start, response_date__lte=self.period_end)
            .order_by("response_date", "pk")
            .defer_streamfields()
            .defer("response")
        )

    @cached_property
    def figures(self) -> dict:
        """The computed section: counts with the pages behind them."""
        meetings = list(self.meetings_held)
        responses = list(self.hearing_responses)
        return {
            "meetings": meetings,
            "meeting_count": len(meetings),
            "responses": responses,
            "response_count": len(responses),
            "hearing_response_count": sum(1 for r in responses if r.kind == "hearing_response"),
            "statement_count": sum(1 for r in responses if r.kind == "statement"),
            "outcomes": outcome_tally(self.hearing_responses),
            "proposal_outcomes": proposal_tally(self.proposals),
        }

    @property
    def computed_figures(self) -> dict:
        """The figures section as open data, with the ids of the pages counted."""
        figures = self.figures
        return {
            "meeting_count": figures["meeting_count"],
            "hearing_response_count": figures["hearing_response_count"],
            "statement_count": figures["statement_count"],
            "outcomes": {row["outcome"]: row["count"] for row in figures["outcomes"]},
            "proposal_outcomes": {
                row["outcome"]: row["count"] for row in figures["proposal_outcomes"]
            },
            "meeting_ids": [page.pk for page in figures["meetings"]],
            "response_ids": [page.pk for page in figures["responses"]],
        }

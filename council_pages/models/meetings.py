"""A council's meetings: agenda, minutes, attendance and whether the minutes are public."""

import datetime
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from wagtail.admin.panels import FieldPanel, FieldRowPanel, HelpPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField, StreamField
from wagtail.search import index

from council_pages.blocks import AgendaStreamBlock, agenda_skeleton
from council_pages.lists import MeetingFilterForm
from visibility.rules import is_visible, visible

from .base import BasePage
from .council import CouncilPage
from .easy_read import SummaryDescriptionMixin, summary_field
from .indexes import CouncilIndexPage
from .meeting_agenda import MeetingAgendaMixin
from .meeting_privacy import MeetingPageForm


class MeetingStatus(models.TextChoices):
    PLANNED = "planned", _("Planlagt")
    AGENDA = "agenda", _("Dagsorden offentliggjort")
    MINUTES = "minutes", _("Referat offentliggjort")


@dataclass
class MinutesApproval:
    """Whether a meeting's minutes count as approved (they are, unless objected to next time)."""

    state: str  # "pending", "approved" or "objection"
    next_meeting: "MeetingPage | None"


class MeetingIndexPage(CouncilIndexPage):
    """A council's list of meetings, e.g. /odense/moeder/: newest first, filterable by year.

    The secretary adds each meeting as a child page; its calendar is at ``kalender.ics``.
    """

    template = "council_pages/meeting_index_page.html"
    subpage_types = ["council_pages.MeetingPage"]
    child_model = "council_pages.MeetingPage"
    feed_kind = "moeder"
    ordering = ("-date", "-start_time")
    filter_form_class = MeetingFilterForm
    list_name = "meetings_page"
    calendar = True

    intro = RichTextField(
        _("introduktion"),
        blank=True,
        features=["bold", "italic", "link"],
        help_text=_("Fx hvor ofte rådet mødes, og at møderne ikke er offentlige."),
    )

    class Meta:
        verbose_name = _("mødeoversigt")
        verbose_name_plural = _("mødeoversigter")

    @property
    def meetings(self):
        """Live, public meetings of this council, newest first."""
        return self.publications()

    @property
    def upcoming_meetings(self):
        return self.meetings.filter(date__gte=timezone.localdate()).order_by("date", "start_time")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(
            selected_year=context["filters"].get("aar", ""),
            upcoming=self.upcoming_meetings[:3],
        )
        return context


class MeetingPage(MeetingAgendaMixin, SummaryDescriptionMixin, BasePage):
    """One meeting of a council, e.g. /odense/moeder/2009-10-22/: its agenda, then its minutes.

    The secretary creates it with the usual agenda skeleton, publishes the agenda, and after
    the meeting fills in the minutes on the same agenda items. Minutes of this meeting count
    as approved once the next meeting has taken place without an objection recorded there.
    """

    template = "council_pages/meeting_page.html"
    parent_page_types = ["council_pages.MeetingIndexPage"]
    subpage_types: list[str] = []
    base_form_class = MeetingPageForm

    summary = summary_field(
        required=False,
        help_text=_(
            "Valgfrit: 2-4 korte sætninger i et let sprog om, hvad mødet handler om, og efter "
            "mødet, hvad rådet besluttede. Vises først på siden og i oversigter og feeds."
        ),
    )
    date = models.DateField(_("dato"), db_index=True)
    start_time = models.TimeField(_("starter"), null=True, blank=True)
    end_time = models.TimeField(_("slutter"), null=True, blank=True)
    place = models.CharField(
        _("sted"),
        max_length=255,
        blank=True,
        help_text=_("Hvor mødet holdes, fx et medlems værested eller institution, med adresse."),
    )
    extraordinary = models.BooleanField(
        _("ekstraordinært møde"),
        default=False,
        help_text=_("Ekstraordinære møder kan indkaldes med kortere varsel."),
    )
    status = models.CharField(
        _("status"), max_length=20, choices=MeetingStatus.choices, default=MeetingStatus.PLANNED
    )
    agenda_sent_on = models.DateField(
        _("dagsorden sendt ud"),
        null=True,
        blank=True,
        help_text=_(
            "Den dag dagsordenen blev sendt til medlemmerne. Tom = i dag, når du "
            "sætter status til “Dagsorden offentliggjort”."
        ),
    )
    minutes_published_on = models.DateField(
        _("referat offentliggjort"),
        null=True,
        blank=True,
        help_text=_("Tom = i dag, når du sætter status til “Referat offentliggjort”."),
    )
    agenda = StreamField(
        AgendaStreamBlock(),
        blank=True,
        default=agenda_skeleton,
        verbose_name=_("dagsorden og referat"),
        help_text=_(
            "Punkterne nummereres automatisk. Udfyld referatfelterne på hvert punkt efter mødet."
        ),
    )
    present = models.TextField(_("til stede"), blank=True, help_text=_("Ét navn pr. linje."))
    absent = models.TextField(_("afbud"), blank=True, help_text=_("Ét navn pr. linje."))
    substitutes = models.TextField(
        _("suppleanter"),
        blank=True,
        help_text=_("Ét navn pr. linje, gerne med hvem de var suppleant for."),
    )
    objection_to_previous_minutes = models.TextField(
        _("indsigelse mod sidste referat"),
        blank=True,
        help_text=_(
            "Udfyldes kun, hvis et medlem på dette møde protesterede mod referatet fra sidste "
            "møde. Ellers regnes det referat for godkendt."
        ),
    )

    content_panels = BasePage.content_panels + [
        MultiFieldPanel(
            [
                FieldPanel("date"),
                FieldRowPanel([FieldPanel("start_time"), FieldPanel("end_time")]),
                FieldPanel("place"),
                FieldPanel("extraordinary"),
            ],
            heading=_("Tid og sted"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("status"),
                FieldRowPanel([FieldPanel("agenda_sent_on"), FieldPanel("minutes_published_on")]),
                FieldPanel("minutes_not_public"),
            ],
            heading=_("Status"),
        ),
        FieldPanel("summary"),
        FieldPanel("agenda"),
        MultiFieldPanel(
            [
                HelpPanel(_("Udfyldes efter mødet.")),
                FieldPanel("present"),
                FieldPanel("absent"),
                FieldPanel("substitutes"),
                FieldPanel("objection_to_previous_minutes"),
            ],
            heading=_("Fremmøde og godkendelse"),
        ),
    ]

    api_fields = [
        APIField("summary"),
        APIField("date"),
        APIField("start_time"),
        APIField("end_time"),
        APIField("place"),
        APIField("extraordinary"),
        APIField("status"),
        APIField("agenda_sent_on"),
        APIField("minutes_published_on"),
        APIField("notice_days_required"),
        APIField("agenda_items"),
        APIField("attendance"),
    ]

    search_fields = BasePage.search_fields + [
        index.SearchField("summary"),
        index.SearchField("agenda"),
        index.SearchField("place"),
        index.FilterField("date"),
        index.FilterField("status"),
    ]

    class Meta:
        verbose_name = _("møde")
        verbose_name_plural = _("møder")

    def clean(self):
        super().clean()
        errors = {}
        today = timezone.localdate()
        if self.start_time and self.end_time and self.end_time <= self.start_time:
            errors["end_time"] = _("Mødet kan ikke slutte, før det er begyndt.")
        if self.status in (MeetingStatus.AGENDA, MeetingStatus.MINUTES) and not self.agenda_sent_on:
            self.agenda_sent_on = min(today, self.date) if self.date else today
        if self.status == MeetingStatus.MINUTES and not self.minutes_published_on:
            self.minutes_published_on = max(today, self.date) if self.date else today
        if self.date:
            if self.agenda_sent_on and self.agenda_sent_on > self.date:
                errors["agenda_sent_on"] = _("Dagsordenen kan ikke være sendt ud efter mødet.")
            if self.minutes_published_on and self.minutes_published_on < self.date:
                errors["minutes_published_on"] = _(
                    "Referatet kan ikke være offentliggjort før mødet."
                )
            if self.status == MeetingStatus.MINUTES and self.date > today:
                errors["status"] = _(
                    "Der kan ikke være et referat fra et møde, der ikke er holdt endnu."
                )
        if errors:
            raise ValidationError(errors)

    def description_fallback(self) -> str:
        return f"{self.get_status_display()}. {self.place}".strip(". ")

    # Where the meeting sits ------------------------------------------------------------

    @cached_property
    def council(self) -> CouncilPage | None:
        if not self.path:
            return None
        return CouncilPage.objects.ancestor_of(self).order_by("-depth").first()

    @property
    def start(self) -> datetime.datetime | None:
        if not self.start_time:
            return None
        return timezone.make_aware(datetime.datetime.combine(self.date, self.start_time))

    @property
    def end(self) -> datetime.datetime | None:
        if not self.end_time:
            return None
        return timezone.make_aware(datetime.datetime.combine(self.date, self.end_time))

    @property
    def has_taken_place(self) -> bool:
        if self.status == MeetingStatus.MINUTES:
            return True
        today = timezone.localdate()
        if self.date != today:
            return self.date < today
        moment = self.end or self.start
        return moment is not None and timezone.now() >= moment

    @property
    def has_minutes(self) -> bool:
        return self.status == MeetingStatus.MINUTES

    # Agenda notice ---------------------------------------------------------------------

    @property
    def notice_days_required(self) -> int | None:
        return self.council.agenda_notice_days if self.council else None

    @property
    def notice_days_given(self) -> int | None:
        if not (self.agenda_sent_on and self.date):
            return None
        return (self.date - self.agenda_sent_on).days

    @property
    def agenda_deadline(self) -> datetime.date | None:
        """The last day the agenda may go out under the council's rules."""
        if self.notice_days_required is None or not self.date:
            return None
        return self.date - datetime.timedelta(days=self.notice_days_required)

    @property
    def agenda_was_late(self) -> bool:
        required, given = self.notice_days_required, self.notice_days_given
        return (
            not self.extraordinary
            and required is not None
            and given is not None
            and given < required
        )

    def late_agenda_warning(self) -> str | None:
        """A Danish warning for the editor when the agenda went out later than the rules allow."""
        if not self.agenda_was_late:
            return None
        return ngettext(
            "Dagsordenen blev sendt ud %(given)d dag før mødet, men rådets forretningsorden "
            "kræver mindst %(required)d dage.",
            "Dagsordenen blev sendt ud %(given)d dage før mødet, men rådets forretningsorden "
            "kræver mindst %(required)d dage.",
            self.notice_days_given,
        ) % {"given": self.notice_days_given, "required": self.notice_days_required}

    # Minutes approval ------------------------------------------------------------------

    @cached_property
    def following_meeting(self) -> "MeetingPage | None":
        """The council's next live meeting by date, whether or not the public may see it."""
        if not self.pk or not self.date:
            return None
        return (
            MeetingPage.objects.sibling_of(self, inclusive=False)
            .live()
            .filter(
                models.Q(date__gt=self.date)
                | models.Q(date=self.date, start_time__gt=self.start_time or datetime.time.min)
            )
            .order_by("date", "start_time")
            .first()
        )

    @cached_property
    def next_meeting(self) -> "MeetingPage | None":
        """The next meeting when it is visible; a non-public meeting leaves no trace here."""
        following = self.following_meeting
        return following if following is not None and is_visible(following) else None

    @cached_property
    def previous_meeting(self) -> "MeetingPage | None":
        if not self.pk or not self.date:
            return None
        return (
            visible(MeetingPage.objects.sibling_of(self, inclusive=False))
            .filter(date__lt=self.date)
            .order_by("-date", "-start_time")
            .first()
        )

    @cached_property
    def minutes_approval(self) -> MinutesApproval | None:
        if not self.has_minutes:
            return None
        if self.following_meeting is not None and self.next_meeting is None:
            # The next meeting is not public: whether it approved these minutes is not either.
            return None
        following = self.next_meeting
        if following is None or not following.has_taken_place:
            return MinutesApproval("pending", following)
        if following.objection_to_previous_minutes.strip():
            return MinutesApproval("objection", following)
        return MinutesApproval("approved", following)

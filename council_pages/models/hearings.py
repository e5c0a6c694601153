"""Hearing responses and statements, and what the municipality did with them.

A hearing response may be published before the council has answered ("under arbejde"): the
public then sees what is being consulted on and the deadline, and the answer follows in a later
revision that the chair approves like any other.
"""

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Exists, OuterRef
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.fields import RichTextField, StreamField
from wagtail.models import PageManager
from wagtail.query import PageQuerySet
from wagtail.search import index

from council_pages import follow_up
from council_pages.blocks import MinorityOpinionBlock
from council_pages.follow_up import FollowUpOutcome, outcome_tally
from council_pages.lists import ListFilterForm, page_years, year_choices
from council_pages.serializers import RichTextHTMLField, TargetGroupsField
from visibility.rules import visible

from .base import BasePage
from .easy_read import SummaryDescriptionMixin, first_words, summary_field
from .indexes import CouncilIndexPage
from .tags import TargetGroup, TargetGroupItemBase


class HearingKind(models.TextChoices):
    HEARING_RESPONSE = "hearing_response", _("Høringssvar")
    STATEMENT = "statement", _("Udtalelse af egen drift")


class HearingStatus(models.TextChoices):
    ANSWERED = "answered", _("Besvaret")
    IN_PROGRESS = "in_progress", _("Under arbejde")


class HearingResponseQuerySet(PageQuerySet):
    def answered(self):
        return self.filter(status=HearingStatus.ANSWERED)

    def in_progress(self):
        """Hearings the council is still answering, the nearest deadline first."""
        return self.filter(status=HearingStatus.IN_PROGRESS).order_by("deadline", "pk")


HearingResponsePageManager = PageManager.from_queryset(HearingResponseQuerySet)


class HearingResponsePageTargetGroup(TargetGroupItemBase):
    content_object = ParentalKey(
        "council_pages.HearingResponsePage",
        on_delete=models.CASCADE,
        related_name="tagged_target_groups",
    )


class HearingResponseFilterForm(ListFilterForm):
    type = forms.ChoiceField(label=_("Type"), required=False)
    opfoelgning = forms.ChoiceField(label=_("Kommunens beslutning"), required=False)
    aar = forms.ChoiceField(label=_("År"), required=False)
    maalgruppe = forms.ChoiceField(label=_("Målgruppe"), required=False)

    def set_choices(self, pages):
        self.fields["type"].choices = [("", _("Alle typer"))] + HearingKind.choices
        self.fields["opfoelgning"].choices = [("", _("Alle"))] + FollowUpOutcome.choices
        self.fields["aar"].choices = year_choices(page_years(pages, "response_date"))
        # One EXISTS per target group, which stops at its first response, instead of every
        # tagging of every response made DISTINCT (70 ms nationally at 100,000 records).
        tagged = HearingResponsePageTargetGroup.objects.filter(
            tag=OuterRef("pk"), content_object__in=pages.order_by().values("pk")
        )
        groups = TargetGroup.objects.filter(Exists(tagged)).order_by("name")
        self.fields["maalgruppe"].choices = [("", _("Alle målgrupper"))] + [
            (g.slug, g.name) for g in groups
        ]

    def filter_type(self, pages, value):
        return pages.filter(kind=value)

    def filter_opfoelgning(self, pages, value):
        return pages.filter(outcome=value)

    def filter_aar(self, pages, value):
        return pages.filter(response_date__year=value)

    def filter_maalgruppe(self, pages, value):
        return pages.filter(tagged_target_groups__tag__slug=value)


class HearingResponseIndexPage(CouncilIndexPage):
    """A council's hearing responses and statements, e.g. /odense/hoeringssvar/.

    Lists them newest first and lets citizens filter by kind, year, target group and by what
    the municipality did with the advice.
    """

    template = "council_pages/hearing_response_index_page.html"
    subpage_types = ["council_pages.HearingResponsePage"]
    child_model = "council_pages.HearingResponsePage"
    feed_kind = "hoeringssvar"
    ordering = ("-response_date", "-pk")
    filter_form_class = HearingResponseFilterForm
    list_name = "responses_page"

    intro = RichTextField(
        _("introduktion"),
        blank=True,
        features=["bold", "italic", "link"],
        help_text=_("Fx hvornår kommunen hører rådet, og hvordan rådet svarer."),
    )

    class Meta:
        verbose_name = _("oversigt over høringssvar")
        verbose_name_plural = _("oversigter over høringssvar")

    def prepare(self, pages):
        return pages.prefetch_related("tagged_target_groups__tag")

    def publications(self):
        """The answered ones: a hearing still in progress has no answer date to list it by."""
        return super().publications().answered()

    @property
    def responses(self):
        """Live, public responses of this council, newest first."""
        return self.publications()

    def open_hearings(self):
        """Live, public hearings this council is still answering, by deadline."""
        return visible(HearingResponsePage.objects.child_of(self)).in_progress()

    def outcome_tally(self) -> list[dict]:
        return outcome_tally(self.responses)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["tally"] = self.outcome_tally()
        context["open_hearings"] = self.open_hearings()
        return context


class HearingResponsePage(SummaryDescriptionMixin, BasePage):
    """One hearing response or statement, e.g. /odense/hoeringssvar/ny-hjemloesestrategi/.

    The secretary records what was consulted on, the council's answer and any minority
    opinions, and later the follow-up: what the municipality decided about the advice.
    """

    template = "council_pages/hearing_response_page.html"
    parent_page_types = ["council_pages.HearingResponseIndexPage"]
    subpage_types: list[str] = []

    summary = summary_field(required=True)
    kind = models.CharField(
        _("type"), max_length=20, choices=HearingKind.choices, default=HearingKind.HEARING_RESPONSE
    )
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=HearingStatus.choices,
        default=HearingStatus.ANSWERED,
        db_index=True,
        help_text=_(
            "Vælg “Under arbejde” for at vise høringen og fristen, før rådet har svaret. "
            "Når rådet har svaret, vælger du “Besvaret” og skriver svaret."
        ),
    )
    consultation_title = models.CharField(
        _("hvad rådet blev hørt om"),
        max_length=255,
        blank=True,
        help_text=_("Titlen på forslaget, fx “Forslag til hjemløsestrategi 2010-2013”."),
    )
    consulting_body = models.CharField(
        _("hvem hørte rådet"),
        max_length=255,
        blank=True,
        help_text=_("Fx “Socialudvalget” eller “Social- og Arbejdsmarkedsforvaltningen”."),
    )
    case_number = models.CharField(_("sagsnummer"), max_length=100, blank=True)
    received_on = models.DateField(_("modtaget"), null=True, blank=True)
    deadline = models.DateField(_("høringsfrist"), null=True, blank=True)
    consultation_material = StreamField(
        [("document", DocumentChooserBlock(label=_("Dokument")))],
        blank=True,
        verbose_name=_("høringsmateriale"),
        help_text=_("Det materiale, kommunen sendte i høring."),
    )
    response = RichTextField(
        _("rådets svar"),
        blank=True,
        features=["h2", "h3", "bold", "italic", "link", "document-link", "ol", "ul"],
    )
    response_date = models.DateField(_("svaret den"), null=True, blank=True, db_index=True)
    minority_opinions = StreamField(
        [("opinion", MinorityOpinionBlock())],
        blank=True,
        verbose_name=_("mindretalsudtalelser"),
    )
    target_groups = ClusterTaggableManager(
        through=HearingResponsePageTargetGroup,
        blank=True,
        verbose_name=_("målgrupper"),
        help_text=_("Hvilke grupper svaret handler om."),
    )
    outcome = models.CharField(
        follow_up.OUTCOME_LABEL,
        max_length=20,
        choices=FollowUpOutcome.choices,
        default=FollowUpOutcome.PENDING,
        help_text=follow_up.OUTCOME_HELP,
    )
    outcome_date = models.DateField(follow_up.DATE_LABEL, null=True, blank=True)
    outcome_note = models.TextField(follow_up.NOTE_LABEL, blank=True, help_text=follow_up.NOTE_HELP)
    outcome_link = models.URLField(follow_up.LINK_LABEL, blank=True, help_text=follow_up.LINK_HELP)

    objects = HearingResponsePageManager()

    content_panels = BasePage.content_panels + [
        FieldPanel("summary"),
        FieldRowPanel([FieldPanel("kind"), FieldPanel("status")]),
        MultiFieldPanel(
            [
                FieldPanel("consultation_title"),
                FieldPanel("consulting_body"),
                FieldPanel("case_number"),
                FieldRowPanel([FieldPanel("received_on"), FieldPanel("deadline")]),
                FieldPanel("consultation_material"),
            ],
            heading=_("Høringen"),
        ),
        FieldPanel("response_date"),
        FieldPanel("response"),
        FieldPanel("minority_opinions"),
        FieldPanel("target_groups"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("outcome"), FieldPanel("outcome_date")]),
                FieldPanel("outcome_note"),
                FieldPanel("outcome_link"),
            ],
            heading=_("Opfølgning: hvad besluttede kommunen?"),
        ),
    ]

    api_fields = [
        APIField("summary"),
        APIField("kind"),
        APIField("status"),
        APIField("consultation_title"),
        APIField("consulting_body"),
        APIField("case_number"),
        APIField("received_on"),
        APIField("deadline"),
        APIField("consultation_material"),
        APIField("response", serializer=RichTextHTMLField()),
        APIField("response_date"),
        APIField("minority_opinions"),
        APIField("target_groups", serializer=TargetGroupsField()),
        APIField("outcome"),
        APIField("outcome_date"),
        APIField("outcome_note"),
        APIField("outcome_link"),
    ]

    search_fields = BasePage.search_fields + [
        index.SearchField("summary"),
        index.SearchField("consultation_title"),
        index.SearchField("consulting_body"),
        index.SearchField("case_number"),
        index.SearchField("response"),
        index.SearchField("minority_opinions"),
        index.SearchField("outcome_note"),
        index.FilterField("kind"),
        index.FilterField("status"),
        index.FilterField("outcome"),
        index.FilterField("response_date"),
    ]

    class Meta:
        verbose_name = _("høringssvar eller udtalelse")
        verbose_name_plural = _("høringssvar og udtalelser")
        indexes = [
            # The answered responses by date, with their outcome: every list of them, the
            # years it offers and its tally of outcomes read this index, not the wide rows.
            models.Index(
                fields=["status", "response_date", "outcome"], name="response_status_date"
            ),
        ]

    def clean(self):
        super().clean()
        errors = {}
        if self.received_on and self.deadline and self.deadline < self.received_on:
            errors["deadline"] = _("Høringsfristen kan ikke ligge før den dag, høringen kom.")
        if self.received_on and self.response_date and self.response_date < self.received_on:
            errors["response_date"] = _("Rådet kan ikke have svaret, før høringen kom.")
        errors.update(
            follow_up.follow_up_errors(self.outcome, self.outcome_date, self.response_date)
        )
        errors.update(self._status_errors())
        if errors:
            raise ValidationError(errors)

    def _status_errors(self) -> dict:
        """What an answered response lacks, or what a hearing still in progress cannot have."""
        has_answer = bool(strip_tags(self.response or "").strip())
        errors = {}
        if self.status == HearingStatus.ANSWERED:
            if not has_answer:
                errors["response"] = _("Skriv rådets svar.")
            if not self.response_date:
                errors["response_date"] = _("Skriv hvornår rådet svarede.")
            return errors
        if not self.deadline:
            errors["deadline"] = _(
                "Skriv høringsfristen. Den vises på siden og i listen over aktuelle høringer."
            )
        if has_answer or self.response_date:
            message = _(
                "En høring under arbejde har intet svar endnu. Vælg “Besvaret”, når du skriver "
                "svaret. Du kan gemme det som kladde: Den offentlige side viser høringen som "
                "under arbejde, til svaret er godkendt."
            )
            errors["response" if has_answer else "response_date"] = message
        if self.outcome != FollowUpOutcome.PENDING:
            errors["outcome"] = _("Kommunen kan ikke have besluttet noget, før rådet har svaret.")
        return errors

    @property
    def is_in_progress(self) -> bool:
        return self.status == HearingStatus.IN_PROGRESS

    def description_fallback(self) -> str:
        return first_words(self.response)

    @property
    def outcome_is_known(self) -> bool:
        return self.outcome != FollowUpOutcome.PENDING

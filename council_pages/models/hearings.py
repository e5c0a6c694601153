"""Hearing responses and statements, and what the municipality did with them."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.fields import RichTextField, StreamField
from wagtail.search import index

from council_pages.blocks import MinorityOpinionBlock
from council_pages.listing import choice_param, paginate, querystring_without
from council_pages.serializers import RichTextHTMLField, TargetGroupsField
from visibility.rules import visible

from .base import BasePage
from .easy_read import SummaryDescriptionMixin, first_words, summary_field
from .tags import TargetGroup, TargetGroupItemBase


class HearingKind(models.TextChoices):
    HEARING_RESPONSE = "hearing_response", _("Høringssvar")
    STATEMENT = "statement", _("Udtalelse af egen drift")


class FollowUpOutcome(models.TextChoices):
    PENDING = "pending", _("Afventer")
    ADOPTED = "adopted", _("Fulgt")
    PARTLY_ADOPTED = "partly_adopted", _("Delvist fulgt")
    NOT_ADOPTED = "not_adopted", _("Ikke fulgt")


class HearingResponsePageTargetGroup(TargetGroupItemBase):
    content_object = ParentalKey(
        "council_pages.HearingResponsePage",
        on_delete=models.CASCADE,
        related_name="tagged_target_groups",
    )


class HearingResponseIndexPage(BasePage):
    """A council's hearing responses and statements, e.g. /odense/hoeringssvar/.

    Lists them newest first and lets citizens filter by kind, year, target group and by what
    the municipality did with the advice.
    """

    template = "council_pages/hearing_response_index_page.html"
    parent_page_types = ["council_pages.CouncilPage"]
    subpage_types = ["council_pages.HearingResponsePage"]
    max_count_per_parent = 1

    intro = RichTextField(
        _("introduktion"),
        blank=True,
        features=["bold", "italic", "link"],
        help_text=_("Fx hvornår kommunen hører rådet, og hvordan rådet svarer."),
    )

    content_panels = BasePage.content_panels + [FieldPanel("intro")]

    class Meta:
        verbose_name = _("oversigt over høringssvar")
        verbose_name_plural = _("oversigter over høringssvar")

    @property
    def responses(self):
        """Live, public responses of this council, newest first."""
        return (
            visible(HearingResponsePage.objects.child_of(self))
            .order_by("-response_date", "-pk")
            .prefetch_related("tagged_target_groups__tag")
        )

    def outcome_tally(self) -> list[dict]:
        return outcome_tally(self.responses)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        responses = self.responses
        years = sorted({d.year for d in responses.dates("response_date", "year")}, reverse=True)
        groups = TargetGroup.objects.filter(
            council_pages_hearingresponsepagetargetgroup_items__content_object__in=responses
        ).distinct()
        filters = {
            "kind": choice_param(request, "type", HearingKind.values),
            "outcome": choice_param(request, "opfoelgning", FollowUpOutcome.values),
            "year": choice_param(request, "aar", years),
            "group": choice_param(request, "maalgruppe", [g.slug for g in groups]),
        }
        if filters["kind"]:
            responses = responses.filter(kind=filters["kind"])
        if filters["outcome"]:
            responses = responses.filter(outcome=filters["outcome"])
        if filters["year"]:
            responses = responses.filter(response_date__year=filters["year"])
        if filters["group"]:
            responses = responses.filter(tagged_target_groups__tag__slug=filters["group"])
        context.update(
            filters=filters,
            years=years,
            target_groups=groups,
            kinds=HearingKind.choices,
            outcomes=FollowUpOutcome.choices,
            tally=self.outcome_tally(),
            responses_page=paginate(request, responses),
            filter_querystring=querystring_without(request, "side"),
        )
        return context


def outcome_tally(responses) -> list[dict]:
    """How many of ``responses`` the municipality followed, partly followed, etc."""
    counts = dict(responses.order_by().values_list("outcome").annotate(n=models.Count("pk")))
    return [
        {"outcome": value, "label": label, "count": counts.get(value, 0)}
        for value, label in FollowUpOutcome.choices
    ]


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
        features=["h2", "h3", "bold", "italic", "link", "document-link", "ol", "ul"],
    )
    response_date = models.DateField(_("svaret den"))
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
        _("kommunens beslutning"),
        max_length=20,
        choices=FollowUpOutcome.choices,
        default=FollowUpOutcome.PENDING,
        help_text=_("Fulgte kommunen rådets råd? Opdater, når beslutningen er truffet."),
    )
    outcome_date = models.DateField(_("besluttet den"), null=True, blank=True)
    outcome_note = models.TextField(
        _("kort om beslutningen"), blank=True, help_text=_("Et par linjer i klart sprog.")
    )
    outcome_link = models.URLField(
        _("link til beslutningen"),
        blank=True,
        help_text=_("Fx til byrådets eller udvalgets referat."),
    )

    content_panels = BasePage.content_panels + [
        FieldPanel("summary"),
        FieldPanel("kind"),
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
        index.FilterField("outcome"),
        index.FilterField("response_date"),
    ]

    class Meta:
        verbose_name = _("høringssvar eller udtalelse")
        verbose_name_plural = _("høringssvar og udtalelser")

    def clean(self):
        super().clean()
        errors = {}
        if self.received_on and self.deadline and self.deadline < self.received_on:
            errors["deadline"] = _("Høringsfristen kan ikke ligge før den dag, høringen kom.")
        if self.received_on and self.response_date and self.response_date < self.received_on:
            errors["response_date"] = _("Rådet kan ikke have svaret, før høringen kom.")
        if self.outcome_date and self.response_date and self.outcome_date < self.response_date:
            errors["outcome_date"] = _("Kommunen kan ikke have besluttet, før rådet svarede.")
        if self.outcome != FollowUpOutcome.PENDING and not self.outcome_date:
            errors["outcome_date"] = _("Skriv hvornår kommunen traf beslutningen.")
        if errors:
            raise ValidationError(errors)

    def description_fallback(self) -> str:
        return first_words(self.response)

    @property
    def outcome_is_known(self) -> bool:
        return self.outcome != FollowUpOutcome.PENDING

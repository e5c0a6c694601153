"""A council (udsatteråd) and its members."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField
from wagtail.models import Orderable
from wagtail.search import index

from council_pages.lists import feed_urls
from council_pages.serializers import (
    CouncilMemberSerializer,
    RichTextHTMLField,
    TargetGroupsField,
)

from .base import BasePage
from .tags import CouncilPageTargetGroup


class CompositionModel(models.TextChoices):
    ODENSE = "odense", _("Odense-modellen (3/3/3): brugere, fagfolk og personligt udpegede")
    USERS = "users", _("Kun brugere")
    ELECTED = "elected", _("Valgt på en stiftende generalforsamling")
    OTHER = "other", _("Anden sammensætning")


class CouncilPage(BasePage):
    """One council, e.g. /odense/: its facts, purpose, target groups and members.

    Sits directly under the home page. Everything the council publishes (rules of procedure,
    meetings, hearing responses, annual reports) lives below it, so the subtree is the council's
    own: its secretary edits it and its chair approves it.
    """

    template = "council_pages/council_page.html"
    parent_page_types = ["council_pages.HomePage"]
    subpage_types = [
        "council_pages.RulesOfProcedurePage",
        "council_pages.MeetingIndexPage",
        "council_pages.HearingResponseIndexPage",
        "council_pages.AnnualReportIndexPage",
    ]

    official_name = models.CharField(
        _("officielt navn"),
        max_length=255,
        help_text=_("Rådets fulde navn, fx “Rådet for Socialt Udsatte i Odense”."),
    )
    municipality = models.CharField(
        _("kommune"), max_length=100, help_text=_("Kommunens navn, fx “Odense”.")
    )
    founded_year = models.PositiveSmallIntegerField(
        _("oprettet år"), null=True, blank=True, help_text=_("Året rådet blev oprettet.")
    )
    established_by = models.CharField(
        _("oprettet af"),
        max_length=255,
        blank=True,
        help_text=_("Hvem der satte rådet i gang, fx “Byrådet” eller “Socialudvalget”."),
    )
    appointment = models.TextField(
        _("sådan udpeges medlemmerne"),
        blank=True,
        help_text=_("Kort om hvem der indstiller og udpeger medlemmer og formand."),
    )
    purpose = RichTextField(
        _("formål"),
        blank=True,
        features=["bold", "italic", "link", "ol", "ul"],
        help_text=_("Hvad rådet arbejder for. Skriv kort og i et klart sprog."),
    )
    target_groups = ClusterTaggableManager(
        through=CouncilPageTargetGroup,
        blank=True,
        verbose_name=_("målgrupper"),
        help_text=_("Vælg de grupper rådet taler for."),
    )
    composition_model = models.CharField(
        _("sammensætning"),
        max_length=20,
        choices=CompositionModel.choices,
        default=CompositionModel.OTHER,
    )
    composition_note = models.CharField(
        _("om sammensætningen"),
        max_length=255,
        blank=True,
        help_text=_("Fx “formændene for brugerrådene på seks institutioner”."),
    )
    members_min = models.PositiveSmallIntegerField(
        _("mindst antal medlemmer"),
        null=True,
        blank=True,
        help_text=_("Fra forretningsordenen, fx 8."),
    )
    members_max = models.PositiveSmallIntegerField(
        _("højst antal medlemmer"),
        null=True,
        blank=True,
        help_text=_("Fra forretningsordenen, fx 12."),
    )
    meetings_per_year = models.PositiveSmallIntegerField(_("møder om året"), null=True, blank=True)
    agenda_notice_days = models.PositiveSmallIntegerField(
        _("dagsorden sendes ud (dage før mødet)"),
        null=True,
        blank=True,
        help_text=_("Hvor mange dage før mødet dagsordenen senest skal sendes ud."),
    )
    term = models.CharField(
        _("valgperiode"),
        max_length=255,
        blank=True,
        help_text=_("Fx “4 år, følger byrådets valgperiode”."),
    )
    secretariat = models.CharField(
        _("sekretariat"),
        max_length=255,
        blank=True,
        help_text=_("Hvor sekretariatet sidder, fx “Socialforvaltningen”."),
    )
    contact_email = models.EmailField(_("kontakt, e-mail"), blank=True)
    contact_phone = models.CharField(_("kontakt, telefon"), max_length=40, blank=True)
    contact_address = models.TextField(_("kontakt, adresse"), blank=True)

    content_panels = BasePage.content_panels + [
        FieldPanel("official_name"),
        FieldRowPanel([FieldPanel("municipality"), FieldPanel("founded_year")]),
        FieldPanel("purpose"),
        FieldPanel("target_groups"),
        MultiFieldPanel(
            [
                FieldPanel("established_by"),
                FieldPanel("appointment"),
                FieldPanel("composition_model"),
                FieldPanel("composition_note"),
                FieldRowPanel([FieldPanel("members_min"), FieldPanel("members_max")]),
                FieldRowPanel([FieldPanel("meetings_per_year"), FieldPanel("agenda_notice_days")]),
                FieldPanel("term"),
            ],
            heading=_("Sammensætning og regler"),
        ),
        InlinePanel("members", heading=_("Medlemmer"), label=_("medlem")),
        MultiFieldPanel(
            [
                FieldPanel("secretariat"),
                FieldPanel("contact_email"),
                FieldPanel("contact_phone"),
                FieldPanel("contact_address"),
            ],
            heading=_("Sekretariat og kontakt"),
        ),
    ]

    search_fields = BasePage.search_fields + [
        index.SearchField("official_name"),
        index.SearchField("purpose"),
        index.FilterField("municipality"),
    ]

    api_fields = [
        APIField("official_name"),
        APIField("municipality"),
        APIField("founded_year"),
        APIField("established_by"),
        APIField("appointment"),
        APIField("purpose", serializer=RichTextHTMLField()),
        APIField("target_groups", serializer=TargetGroupsField()),
        APIField("composition_model"),
        APIField("composition_note"),
        APIField("members_min"),
        APIField("members_max"),
        APIField("meetings_per_year"),
        APIField("agenda_notice_days"),
        APIField("term"),
        APIField("current_members", serializer=CouncilMemberSerializer(many=True)),
        APIField("current_substitutes", serializer=CouncilMemberSerializer(many=True)),
        APIField("secretariat"),
        APIField("contact_email"),
        APIField("contact_phone"),
        APIField("contact_address"),
    ]

    class Meta:
        verbose_name = _("udsatteråd")
        verbose_name_plural = _("udsatteråd")

    def clean(self):
        super().clean()
        if (
            self.members_min is not None
            and self.members_max is not None
            and self.members_min > self.members_max
        ):
            raise ValidationError(
                {"members_max": _("Højst antal medlemmer kan ikke være mindre end mindst antal.")}
            )

    def feeds(self) -> dict:
        """The feeds of everything the council publishes: /<council>/rss/ and /<council>/atom/."""
        return feed_urls(council_slug=self.slug)

    def published_contacts(self) -> list[str]:
        """The council's own contact details: the privacy guard allows them on its pages."""
        return [
            value
            for value in (self.contact_email, self.contact_phone, self.contact_address)
            if value
        ]

    @cached_property
    def current_members(self):
        """Members serving today (substitutes excluded), in the order the editor set."""
        today = timezone.localdate()
        return [
            m
            for m in self.members.all()
            if m.role != MemberRole.SUBSTITUTE
            and (m.from_date is None or m.from_date <= today)
            and (m.to_date is None or m.to_date >= today)
        ]

    @cached_property
    def current_substitutes(self):
        today = timezone.localdate()
        return [
            m
            for m in self.members.all()
            if m.role == MemberRole.SUBSTITUTE and (m.to_date is None or m.to_date >= today)
        ]

    def member_bounds_warning(self) -> str | None:
        """A Danish warning when the number of current members breaks the council's own rules."""
        count = len(self.current_members)
        if self.members_min is not None and count < self.members_min:
            return ngettext(
                "Rådet har %(count)d medlem, men forretningsordenen kræver mindst %(min)d.",
                "Rådet har %(count)d medlemmer, men forretningsordenen kræver mindst %(min)d.",
                count,
            ) % {"count": count, "min": self.members_min}
        if self.members_max is not None and count > self.members_max:
            return ngettext(
                "Rådet har %(count)d medlem, men forretningsordenen tillader højst %(max)d.",
                "Rådet har %(count)d medlemmer, men forretningsordenen tillader højst %(max)d.",
                count,
            ) % {"count": count, "max": self.members_max}
        return None


class MemberRole(models.TextChoices):
    CHAIR = "chair", _("Formand")
    VICE_CHAIR = "vice_chair", _("Næstformand")
    MEMBER = "member", _("Medlem")
    SUBSTITUTE = "substitute", _("Suppleant")


class MemberSeat(models.TextChoices):
    USER = "user", _("Brugerrepræsentant")
    PROFESSIONAL = "professional", _("Fagperson")
    PERSONAL = "personal", _("Personligt udpeget")


class CouncilMember(Orderable):
    """A person on the council (or a substitute), shown on the council's page."""

    page = ParentalKey(CouncilPage, on_delete=models.CASCADE, related_name="members")
    name = models.CharField(_("navn"), max_length=255)
    role = models.CharField(
        _("rolle"), max_length=20, choices=MemberRole.choices, default=MemberRole.MEMBER
    )
    seat = models.CharField(
        _("plads"),
        max_length=20,
        choices=MemberSeat.choices,
        blank=True,
        help_text=_("Hvilken slags plads medlemmet har i rådet."),
    )
    organisation = models.CharField(
        _("organisation"),
        max_length=255,
        blank=True,
        help_text=_("Fx et værested, et brugerråd eller en forening."),
    )
    substitute_for = models.CharField(
        _("suppleant for"),
        max_length=255,
        blank=True,
        help_text=_("Kun for suppleanter: navnet på det medlem, de træder ind for."),
    )
    from_date = models.DateField(_("fra"), null=True, blank=True)
    to_date = models.DateField(_("til"), null=True, blank=True)

    panels = [
        FieldPanel("name"),
        FieldRowPanel([FieldPanel("role"), FieldPanel("seat")]),
        FieldPanel("organisation"),
        FieldPanel("substitute_for"),
        FieldRowPanel([FieldPanel("from_date"), FieldPanel("to_date")]),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("medlem")
        verbose_name_plural = _("medlemmer")

    def __str__(self):
        return self.name

    def clean(self):
        super().clean()
        if self.from_date and self.to_date and self.to_date < self.from_date:
            raise ValidationError({"to_date": _("Slutdatoen ligger før startdatoen.")})
        if self.substitute_for and self.role != MemberRole.SUBSTITUTE:
            raise ValidationError(
                {"substitute_for": _("Kun en suppleant kan være suppleant for et andet medlem.")}
            )

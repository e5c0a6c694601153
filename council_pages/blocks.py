"""StreamField blocks shared by the page types."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock

from council_pages import follow_up


class HeadingBlock(blocks.StructBlock):
    """A section heading inside a page body (rendered as h2 or h3)."""

    text = blocks.CharBlock(label=_("Overskrift"))
    level = blocks.ChoiceBlock(
        choices=[("h2", _("Overskrift")), ("h3", _("Underoverskrift"))],
        default="h2",
        label=_("Niveau"),
    )

    class Meta:
        icon = "title"
        label = _("Overskrift")
        template = "council_pages/blocks/heading_block.html"


class BodyStreamBlock(blocks.StreamBlock):
    """The free-text body used by standard pages: headings, text and document links."""

    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(
        features=["bold", "italic", "link", "document-link", "ol", "ul"],
        label=_("Tekst"),
        icon="pilcrow",
    )
    document = DocumentChooserBlock(
        label=_("Dokument"), icon="doc-full", template="council_pages/blocks/document_block.html"
    )


# --- Blocks of what councils publish: rules, agendas and minutes, hearing responses, reports ---

RULES_TEXT_FEATURES = ["bold", "italic", "link", "ol", "ul"]
MINUTES_TEXT_FEATURES = ["bold", "italic", "link", "document-link", "ol", "ul"]


class RuleTopic:
    """Key rules a council page reads from its rules of procedure (the § that says it)."""

    MEMBERS = "members"
    MEETINGS_PER_YEAR = "meetings_per_year"
    AGENDA_NOTICE = "agenda_notice"
    MINUTES_APPROVAL = "minutes_approval"
    MINUTES_PUBLICATION = "minutes_publication"

    CHOICES = [
        (MEMBERS, _("Antal medlemmer")),
        (MEETINGS_PER_YEAR, _("Møder om året")),
        (AGENDA_NOTICE, _("Varsel for dagsorden")),
        (MINUTES_APPROVAL, _("Godkendelse af referat")),
        (MINUTES_PUBLICATION, _("Offentliggørelse af referater")),
    ]


class RuleParagraphBlock(blocks.StructBlock):
    """One paragraph (§) of a council's rules of procedure, with its sub-clauses (Stk.).

    The editor writes only the text: the § number and the Stk. numbers are computed from the
    order on the page, so inserting a paragraph renumbers everything after it.
    """

    clauses = blocks.ListBlock(
        blocks.RichTextBlock(features=RULES_TEXT_FEATURES, label=_("Stykke")),
        min_num=1,
        label=_("Stykker"),
        help_text=_(
            "Første felt er selve paragraffen; hvert felt derefter bliver Stk. 2, Stk. 3 osv. "
            "Skriv ikke numrene: de sættes automatisk."
        ),
    )
    topic = blocks.ChoiceBlock(
        choices=RuleTopic.CHOICES,
        required=False,
        label=_("Nøgleregel"),
        help_text=_(
            "Vælg, hvis paragraffen fastsætter en af rådets nøgleregler. "
            "Så henviser rådets side til den."
        ),
    )

    class Meta:
        icon = "list-ol"
        label = _("Paragraf (§)")


class RulesStreamBlock(blocks.StreamBlock):
    """The body of a rules-of-procedure page: chapter headings and numbered paragraphs."""

    heading = blocks.CharBlock(
        label=_("Kapiteloverskrift"), icon="title", help_text=_("Fx “Rådets virksomhed”.")
    )
    paragraph = RuleParagraphBlock()


class AgendaItemKind:
    """How an agenda item is meant to be handled at the meeting."""

    INFORMATION = "information"
    DISCUSSION = "discussion"
    DECISION = "decision"
    OTHER_BUSINESS = "other_business"

    CHOICES = [
        (INFORMATION, _("Til orientering")),
        (DISCUSSION, _("Til drøftelse")),
        (DECISION, _("Til beslutning")),
        (OTHER_BUSINESS, _("Eventuelt")),
    ]


class AgendaSubItemBlock(blocks.StructBlock):
    """A sub-item of an agenda item (numbered 3.1, 3.2 ...), with its part of the minutes.

    The secretary fills in the agenda fields before the meeting and the minutes fields
    (discussion, decision, minority view) afterwards, on the same item.
    """

    title = blocks.CharBlock(label=_("Titel"))
    kind = blocks.ChoiceBlock(choices=AgendaItemKind.CHOICES, required=False, label=_("Behandling"))
    description = blocks.RichTextBlock(
        features=MINUTES_TEXT_FEATURES, required=False, label=_("Sagsfremstilling")
    )
    attachments = blocks.ListBlock(
        DocumentChooserBlock(label=_("Bilag")), default=[], label=_("Bilag")
    )
    discussion = blocks.RichTextBlock(
        features=MINUTES_TEXT_FEATURES,
        required=False,
        label=_("Referat: drøftelse"),
        help_text=_("Udfyldes efter mødet: hvad rådet talte om."),
    )
    decision = blocks.RichTextBlock(
        features=MINUTES_TEXT_FEATURES,
        required=False,
        label=_("Referat: beslutning"),
        help_text=_("Udfyldes efter mødet: hvad rådet besluttede."),
    )
    minority_view = blocks.RichTextBlock(
        features=MINUTES_TEXT_FEATURES,
        required=False,
        label=_("Mindretalsudtalelse"),
        help_text=_("Et mindretal kan få sin opfattelse ført til referat. Skriv hvem og hvad."),
    )

    class Meta:
        icon = "list-ul"
        label = _("Underpunkt")

    @staticmethod
    def has_minutes(value) -> bool:
        return any(value.get(name) for name in ("discussion", "decision", "minority_view"))


class AgendaItemBlock(AgendaSubItemBlock):
    """An item on a meeting's agenda (numbered 1, 2, 3 ... from its place in the list)."""

    sub_items = blocks.ListBlock(AgendaSubItemBlock(), default=[], label=_("Underpunkter"))

    class Meta:
        icon = "list-ol"
        label = _("Dagsordenspunkt")


class AgendaStreamBlock(blocks.StreamBlock):
    """A meeting's agenda and minutes: a list of agenda items, numbered when shown."""

    item = AgendaItemBlock()


def agenda_skeleton():
    """The usual start of a new agenda: approvals first, any other business last.

    Each item is a complete block value (every child block at its default, then the title and
    kind): the editor's widgets need a value for every field, an empty rich text included.
    """
    item_block = AgendaStreamBlock.base_blocks["item"]

    def item(title, kind):
        value = item_block.get_default()
        value["title"] = str(title)
        value["kind"] = kind
        return ("item", value)

    return [
        item(_("Godkendelse af dagsorden"), AgendaItemKind.DECISION),
        item(_("Godkendelse af referat fra sidste møde"), AgendaItemKind.DECISION),
        item(_("Eventuelt"), AgendaItemKind.OTHER_BUSINESS),
    ]


class MinorityOpinionBlock(blocks.StructBlock):
    """A minority opinion attached to a hearing response: who holds it and what it says."""

    holders = blocks.CharBlock(
        label=_("Hvem"), help_text=_("Fx “To medlemmer, der repræsenterer brugerne”.")
    )
    text = blocks.RichTextBlock(features=RULES_TEXT_FEATURES, label=_("Udtalelse"))

    class Meta:
        icon = "group"
        label = _("Mindretalsudtalelse")


class TitledTextBlock(blocks.StructBlock):
    """The base of an annual report's entries: a title and an optional text.

    Each entry names its own title (``title``'s label) and may add fields after the text.
    """

    title = blocks.CharBlock()
    text = blocks.RichTextBlock(features=MINUTES_TEXT_FEATURES, required=False, label=_("Tekst"))


class FocusAreaBlock(TitledTextBlock):
    """One of the year's focus areas (themes) in an annual report."""

    title = blocks.CharBlock(label=_("Tema"))

    class Meta:
        icon = "pick"
        label = _("Fokusområde")


class FollowUpBlock(blocks.StructBlock):
    """What the municipality did with a proposal: the same four facts a hearing response has."""

    outcome = blocks.ChoiceBlock(
        choices=follow_up.FollowUpOutcome.choices,
        default=follow_up.FollowUpOutcome.PENDING,
        label=follow_up.OUTCOME_LABEL,
        help_text=follow_up.OUTCOME_HELP,
    )
    outcome_date = blocks.DateBlock(required=False, label=follow_up.DATE_LABEL)
    outcome_note = blocks.TextBlock(
        required=False, label=follow_up.NOTE_LABEL, help_text=follow_up.NOTE_HELP
    )
    outcome_link = blocks.URLBlock(
        required=False, label=follow_up.LINK_LABEL, help_text=follow_up.LINK_HELP
    )

    class Meta:
        icon = "tick"
        label = _("Opfølgning: hvad besluttede kommunen?")
        form_classname = "follow-up-block"

    def clean(self, value):
        value = super().clean(value)
        errors = follow_up.follow_up_errors(value.get("outcome"), value.get("outcome_date"))
        if errors:
            raise blocks.StructBlockValidationError(
                block_errors={name: ValidationError(msg) for name, msg in errors.items()}
            )
        return value


class ProposalBlock(TitledTextBlock):
    """A proposal the council makes to the city council in its annual report, and its fate."""

    title = blocks.CharBlock(label=_("Forslag"))
    follow_up = FollowUpBlock()

    class Meta:
        icon = "pick"
        label = _("Forslag")

"""StreamField blocks shared by the page types."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock


class HeadingBlock(blocks.StructBlock):
    """A section heading inside a page body (rendered as h2 or h3)."""

    text = blocks.CharBlock(label=_("overskrift"))
    level = blocks.ChoiceBlock(
        choices=[("h2", _("Overskrift")), ("h3", _("Underoverskrift"))],
        default="h2",
        label=_("niveau"),
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

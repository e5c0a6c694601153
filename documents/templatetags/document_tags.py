"""Template tags for showing documents: ``{% load document_tags %}``.

``{% document_attachment document %}`` shows a link to a document with its file type, size and
page count ("PDF, 1,2 MB, 14 sider"), so a reader on a phone knows what a click costs.
"""

from django import template
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from documents.filetypes import SCANNABLE_KINDS
from documents.models import TextStatus
from documents.privacy import can_download, collection_is_restricted, is_public

register = template.Library()


@register.filter
def downloadable_for(document, request) -> bool:
    """True when the visitor behind ``request`` may download ``document`` (``documents.privacy``).

    Pages show a document's title, size and link only then: a link to a file the reader may
    not have would still give away its title and file name.
    """
    if document is None:
        return False
    if request is None:
        return is_public(document)
    if not can_download(request, document):
        return False
    return all(
        restriction.accept_request(request)
        for restriction in document.collection.get_view_restrictions()
    )


@register.filter
def danish_filesize(num_bytes) -> str:
    """A file size the way Danes write it: ``"245 kB"``, ``"1,2 MB"``."""
    try:
        size = int(num_bytes)
    except (TypeError, ValueError):
        return ""
    if size < 1000:
        return _("%(size)s byte") % {"size": size}
    if size < 1000 * 1000:
        return f"{round(size / 1000)} kB"
    return f"{size / 1_000_000:.1f} MB".replace(".", ",")


@register.filter
def document_summary(document) -> str:
    """File type, size and (when known) page count, e.g. "PDF, 1,2 MB, 14 sider"."""
    if document is None:
        return ""
    kind = document.kind
    parts = [str(kind.label) if kind else document.file_extension.upper()]
    size = document.get_file_size()
    if size:
        parts.append(danish_filesize(size))
    if document.page_count:
        parts.append(
            ngettext("%(count)d side", "%(count)d sider", document.page_count)
            % {"count": document.page_count}
        )
    return ", ".join(part for part in parts if part)


@register.inclusion_tag("documents/attachment.html")
def document_attachment(document, title=None):
    """A link to ``document`` with its summary; ``title`` overrides the document's own title."""
    return {
        "document": document,
        "title": title or (document.title if document else ""),
        "summary": document_summary(document),
        "opens_in_browser": bool(document) and document.content_disposition == "inline",
    }


@register.inclusion_tag("documents/admin/accessibility_warnings.html")
def document_accessibility_warnings(document):
    """The editor's hints for one document (admin only)."""
    return {
        "document": document,
        "personal_data": document.personal_data_warnings(),
        "warnings": document.accessibility_warnings(),
    }


@register.inclusion_tag("documents/admin/listing_hints.html", takes_context=True)
def document_listing_hints(context, documents):
    """A note above the admin's document listing naming the documents with problems."""
    flagged = [document for document in documents if document.accessibility_warnings()]
    return {"flagged": flagged, "request": context.get("request")}


@register.simple_tag
def document_visibility(document) -> str:
    """A Danish sentence telling the editor whether the public can download the document."""
    if is_public(document):
        return _("Alle kan hente dokumentet, fordi en offentliggjort side linker til det.")
    if document.contains_cpr_number:
        return _("Dokumentet indeholder et CPR-nummer og kan ikke hentes af alle.")
    if collection_is_restricted(document):
        return _("Dokumentet ligger i en privat samling og kan ikke hentes af alle.")
    return _(
        "Dokumentet kan endnu ikke hentes af alle: det bliver offentligt, når en side, "
        "der linker til det, er offentliggjort."
    )


@register.simple_tag
def document_text_status(document) -> str:
    """A Danish sentence on whether the document's text has been read and can be searched."""
    if document.text_status == TextStatus.PENDING:
        return _("Teksten i filen bliver læst. Genindlæs siden om lidt.")
    if document.text_status == TextStatus.FAILED:
        return _("Teksten i filen kunne ikke læses. Filen kan ikke findes ved søgning på indhold.")
    if (
        document.is_searchable
        and not document.has_text_layer
        and document.file_kind in (SCANNABLE_KINDS)
    ):
        return _(
            "Teksten i filen er læst med tekstgenkendelse (OCR), og der kan søges i den. "
            "Tekstgenkendelse kan tage fejl: se selv scanningen igennem for personoplysninger."
        )
    if document.is_searchable:
        return _("Teksten i filen er læst, og der kan søges i den.")
    if document.kind and document.kind.key in ("pdf", "docx", "odt", *SCANNABLE_KINDS):
        return _("Filen indeholder ingen tekst, der kan søges i.")
    return _("Der søges kun i titlen på denne type fil.")

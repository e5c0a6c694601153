"""A page may use only its own council's documents and the shared ones (``visibility.rules``)."""

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.utils.translation import gettext as _

from visibility.rules import foreign_documents


def check_document_ownership(page, parent=None, exclude=()) -> None:
    """Refuse content that links to another council's documents (``visibility.rules``).

    Raises a ``ValidationError`` naming each document and whose it is, on the field that links
    to it, so the editor sees it beside their text and keeps everything they wrote.
    """
    errors: dict[str, list[str]] = {}
    for document, field in foreign_documents(page, parent):
        owner = document.council.title if document.council_id else _("sidens administratorer")
        message = _(
            "Dokumentet “%(document)s” tilhører %(owner)s. En side må kun bruge sit eget råds "
            "dokumenter og dokumenterne i de fælles samlinger. Fjern dokumentet eller linket, "
            "eller bed en administrator om at lægge dokumentet i en fælles samling."
        ) % {"document": document.title, "owner": owner}
        key = field if field and field not in exclude else NON_FIELD_ERRORS
        errors.setdefault(key, []).append(message)
    if errors:
        raise ValidationError(errors)

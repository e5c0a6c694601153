"""The site's document model: every file belongs to a council and carries its text."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.documents.models import AbstractDocument, Document


class CouncilDocument(AbstractDocument):
    """A file a council publishes (consultation material, signed responses, reports, minutes).

    ``extracted_text`` holds the document's plain text so that search can find what is inside
    the file, not just its title.
    """

    council = models.ForeignKey(
        "council_pages.CouncilPage",
        verbose_name=_("udsatteråd"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="documents",
    )
    extracted_text = models.TextField(_("tekst fra filen"), blank=True, editable=False)

    admin_form_fields = (*Document.admin_form_fields, "council")

    class Meta(AbstractDocument.Meta):
        verbose_name = _("dokument")
        verbose_name_plural = _("dokumenter")

"""The admin's document form, used by every upload path (single, multiple and chooser upload).

Wagtail builds all its document forms on ``WAGTAILDOCS_DOCUMENT_FORM_BASE``; pointing that
setting here means no upload can skip the checks in ``documents.validation``. A refused file
only ever exists as Django's temporary upload: the form is invalid, so nothing is saved.
"""

import unicodedata

from django.core.files.uploadedfile import UploadedFile
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _
from wagtail.documents.forms import BaseDocumentForm

from documents.filetypes import ALLOWED_TYPES_TEXT
from documents.validation import clean_filename, max_upload_size, validate_upload


class CouncilDocumentForm(BaseDocumentForm):
    """Upload and edit form for council documents: checks the file by its content.

    Editors meet it under Dokumenter > Tilføj dokument, when uploading several files at once, and
    when uploading from the document chooser on a page.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "file" in self.fields:
            field = self.fields["file"]
            limit = max_upload_size()
            field.max_upload_size = limit
            field.help_text = _("Tilladte filtyper: %(allowed)s.") % {"allowed": ALLOWED_TYPES_TEXT}
            if limit is not None:
                field.max_upload_size_text = filesizeformat(limit)
                field.help_text = _("Tilladte filtyper: %(allowed)s. Højst %(max)s.") % {
                    "allowed": ALLOWED_TYPES_TEXT,
                    "max": filesizeformat(limit),
                }
                field.error_messages["file_too_large"] = _(
                    "Filen er for stor (%(file_size)s). Den må højst fylde %(max_filesize)s."
                )
                field.error_messages["file_too_large_unknown_size"] = _(
                    "Filen er for stor. Den må højst fylde %(max_filesize)s."
                ) % {"max_filesize": filesizeformat(limit)}
            field.error_messages["required"] = _("Vælg en fil.")
            field.error_messages["empty"] = _("Filen er tom.")

    def clean_title(self):
        title = self.cleaned_data.get("title", "")
        # Titles of multiple uploads come from file names; keep them printable.
        title = "".join(ch for ch in title if not unicodedata.category(ch).startswith("C"))
        return " ".join(title.split())

    def clean_file(self):
        uploaded = self.cleaned_data.get("file")
        if not isinstance(uploaded, UploadedFile):
            return uploaded  # no new file: editing the title, tags or collection only
        filename = clean_filename(uploaded.name or "")
        kind = validate_upload(uploaded, filename)
        uploaded.name = filename
        self.instance.original_filename = filename
        self.instance.file_kind = kind.key
        return uploaded

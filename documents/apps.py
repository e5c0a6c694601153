from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DocumentsConfig(AppConfig):
    """Council documents: the document model, upload checks, text extraction and serving."""

    name = "documents"
    verbose_name = _("Dokumenter")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from documents import checks, signals  # noqa: F401 (checks registers itself)

        signals.connect()

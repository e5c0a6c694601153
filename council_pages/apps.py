from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CouncilPagesConfig(AppConfig):
    name = "council_pages"
    verbose_name = _("Udsatteråd")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from council_pages import signals  # noqa: F401

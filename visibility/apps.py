from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class VisibilityConfig(AppConfig):
    """The rule that decides what the public may see, used by every channel that shows it."""

    name = "visibility"
    verbose_name = _("Synlighed")
    default_auto_field = "django.db.models.BigAutoField"

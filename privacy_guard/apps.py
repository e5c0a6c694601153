from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PrivacyGuardConfig(AppConfig):
    name = "privacy_guard"
    verbose_name = _("Personoplysninger")
    default_auto_field = "django.db.models.BigAutoField"

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CouncilPagesConfig(AppConfig):
    name = "council_pages"
    verbose_name = _("Udsatteråd")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from council_pages import notifications, signals  # noqa: F401

        # The workflow e-mails take over the dispatch_uids of Wagtail's own approve and reject
        # notifiers, so they must be connected before wagtail.admin's ready() connects those:
        # this app comes before wagtail.admin in INSTALLED_APPS.
        notifications.connect()

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    """The search service: flat index of public, published items, /soeg/ and /api/search/."""

    name = "search"
    label = "site_search"
    verbose_name = _("Søgning")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import checks, page_adapters, signals  # noqa: F401 (page_adapters registers)

        checks.register()
        signals.connect()

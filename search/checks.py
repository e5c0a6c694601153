"""System checks for the search settings (``manage.py check``)."""

from django.core import checks
from django.utils.module_loading import import_string
from wagtail.models import Page, get_page_models

from .adapters import registered_page_models
from .backends import search_settings


def check_search_settings(app_configs=None, **kwargs):
    params = search_settings()
    errors = []
    try:
        import_string(params["BACKEND"])
    except ImportError as exc:
        errors.append(
            checks.Error(
                f"SITE_SEARCH['BACKEND'] cannot be imported: {exc}",
                id="site_search.E001",
            )
        )
        return errors
    if params["BACKEND"].endswith("ElasticsearchBackend") and not params.get("URL"):
        errors.append(
            checks.Error(
                "The Elasticsearch search backend needs SITE_SEARCH['URL'] "
                "(set ELASTICSEARCH_URL).",
                id="site_search.E002",
            )
        )
    return errors


def check_page_adapters(app_configs=None, **kwargs):
    """Every page type has its search adapter declared (``search.page_adapters``)."""
    registered = registered_page_models()
    return [
        checks.Warning(
            f"The page type {model._meta.label} has no search adapter, so its search results "
            "are dated by publication.",
            hint="Register one in search/page_adapters.py.",
            obj=model,
            id="site_search.W001",
        )
        for model in get_page_models()
        if model is not Page and model._meta.label_lower not in registered
    ]


def register() -> None:
    checks.register(check_search_settings, "site_search")
    checks.register(check_page_adapters, "site_search")

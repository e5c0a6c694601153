"""System checks for the search settings (``manage.py check``)."""

from django.core import checks
from django.utils.module_loading import import_string


def check_search_settings(app_configs=None, **kwargs):
    from .backends import search_settings

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


def register() -> None:
    checks.register(check_search_settings, "site_search")

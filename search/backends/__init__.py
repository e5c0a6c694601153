"""The backend the site searches with, chosen by the ``SITE_SEARCH`` setting."""

from functools import lru_cache

from django.conf import settings
from django.utils.module_loading import import_string

from .base import (
    PAGE_SIZE,
    SORTS,
    BaseSearchBackend,
    FacetValue,
    FoundIn,
    Hit,
    SearchBackendError,
    SearchRequest,
    SearchResults,
)

DEFAULT_BACKEND = "search.backends.database.DatabaseBackend"

__all__ = [
    "DEFAULT_BACKEND",
    "PAGE_SIZE",
    "SORTS",
    "BaseSearchBackend",
    "FacetValue",
    "FoundIn",
    "Hit",
    "SearchBackendError",
    "SearchRequest",
    "SearchResults",
    "get_backend",
]


def search_settings() -> dict:
    return {"BACKEND": DEFAULT_BACKEND, **getattr(settings, "SITE_SEARCH", {})}


@lru_cache(maxsize=4)
def _load(path: str, frozen_params: tuple) -> BaseSearchBackend:
    return import_string(path)(dict(frozen_params))


def get_backend() -> BaseSearchBackend:
    params = search_settings()
    return _load(params["BACKEND"], tuple(sorted((k, str(v)) for k, v in params.items())))

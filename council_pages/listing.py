"""Helpers for the public index pages: validated GET filters and safe pagination."""

from django.core.paginator import Paginator

PAGE_SIZE = 10


def paginate(request, queryset, per_page: int = PAGE_SIZE):
    """One page of ``queryset``; a missing, bad or too large ``?side=`` never raises."""
    return Paginator(queryset, per_page).get_page(request.GET.get("side"))


def choice_param(request, name: str, allowed) -> str:
    """The GET parameter ``name`` if it is one of ``allowed``; otherwise ``""`` (ignored)."""
    value = request.GET.get(name, "")
    return value if value in {str(a) for a in allowed} else ""


def querystring_without(request, *names: str) -> str:
    """The current query string without ``names`` (for pagination links that keep filters)."""
    params = request.GET.copy()
    for name in names:
        params.pop(name, None)
    return params.urlencode()

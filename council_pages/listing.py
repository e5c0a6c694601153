"""Helpers for the public index pages: validated GET filters and safe pagination."""

from django.core.paginator import Paginator

PAGE_SIZE = 10


def children(model, page):
    """The pages of ``model`` right below ``page``, found as treebeard's ``get_children`` does.

    By the interval of the children's paths, which a database answers from the path index;
    Wagtail's ``child_of`` is a ``LIKE 'path%'``, which SQLite cannot answer from an index
    (its ``LIKE`` ignores case), so it read every page of the site for each list.
    """
    low, high = page._get_children_path_interval(page.path)
    return model.objects.filter(depth=page.depth + 1, path__range=(low, high))


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

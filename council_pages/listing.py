"""Helpers for the public index pages: validated GET filters and safe pagination."""

from django.core.paginator import Paginator
from django.db.models import QuerySet

PAGE_SIZE = 10


def children(model, page):
    """The pages of ``model`` right below ``page``, found as treebeard's ``get_children`` does.

    By the interval of the children's paths, which a database answers from the path index;
    Wagtail's ``child_of`` is a ``LIKE 'path%'``, which SQLite cannot answer from an index
    (its ``LIKE`` ignores case), so it read every page of the site for each list.
    """
    low, high = page._get_children_path_interval(page.path)
    return model.objects.filter(depth=page.depth + 1, path__range=(low, high))


class IdsFirstPaginator(Paginator):
    """Finds a page's ids first, then reads those rows only.

    The database sorts and skips small rows (an id and the ordering columns), not whole pages
    with their text: page 50 of a council's hearing responses sorted 4,500 rows with the
    response text before.
    """

    def page(self, number):
        if not isinstance(self.object_list, QuerySet):
            return super().page(number)
        number = self.validate_number(number)
        bottom = (number - 1) * self.per_page
        top = bottom + self.per_page
        if top + self.orphans >= self.count:
            top = self.count
        ids = list(self.object_list.values_list("pk", flat=True)[bottom:top])
        rows = self.object_list.in_bulk(ids)
        return self._get_page([rows[pk] for pk in ids if pk in rows], number, self)


def paginate(request, queryset, per_page: int = PAGE_SIZE, *, count: int | None = None):
    """One page of ``queryset``; a missing, bad or too large ``?side=`` never raises.

    ``count``: how many ``queryset`` holds, when the caller knows it already (one query less).
    """
    paginator = IdsFirstPaginator(queryset, per_page)
    if count is not None:
        paginator.count = count  # Paginator.count is a cached property.
    return paginator.get_page(request.GET.get("side"))


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

"""The search page ``/soeg/`` and the JSON API ``/api/search/``.

Neither view logs the query: citizens type personal details into search boxes.
"""

from django.http import JsonResponse
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe
from wagtail.models import Site

from council_pages.national import public_councils

from . import service
from .backends import PAGE_SIZE, SearchBackendError
from .facets import FACETS


def _unavailable_message() -> str:
    return _("Søgningen virker ikke lige nu. Prøv igen om lidt.")


@require_safe
def search_page(request):
    """The citizen's search page: a form, results with highlighted excerpts, facet links."""
    status = 200
    try:
        outcome = service.search(request.GET)
        unavailable = False
    except SearchBackendError:
        outcome = service.SearchOutcome(query=service.parse_query(request.GET.get("q", "")))
        unavailable = True
        status = 503
    if outcome.errors:
        status = 400
    context = {
        "outcome": outcome,
        "query": outcome.query,
        "search_query": outcome.query.text,  # fills the header's search box
        "results": outcome.results,
        "unavailable": unavailable,
        "unavailable_message": _unavailable_message() if unavailable else "",
        "facet_groups": _facet_groups(request, outcome),
        "pages": _pagination(request, outcome),
        "sort_links": _sort_links(request, outcome),
        "active_filters": _active_filters(request, outcome),
        "browse": _browse_links(request) if outcome.results and not outcome.results.total else None,
    }
    response = TemplateResponse(request, "search/search_page.html", context, status=status)
    response["X-Robots-Tag"] = "noindex"
    return response


@require_safe
def search_api(request):
    """``GET /api/search/?q=...``: the same search as the page, as JSON."""
    try:
        outcome = service.search(request.GET)
    except SearchBackendError:
        return JsonResponse({"error": _unavailable_message()}, status=503)
    if outcome.errors:
        return JsonResponse(
            {"error": _("Ugyldige parametre."), "fields": outcome.errors}, status=400
        )
    results = outcome.results
    request_obj = results.request if results else None
    body = {
        "query": outcome.query.text,
        "corrected_from": outcome.corrected_from or None,
        "notices": [str(n) for n in outcome.query.notices],
        "total": results.total if results else 0,
        "page": request_obj.page if request_obj else int(outcome.params.get("page") or 1),
        "page_size": PAGE_SIZE,
        "results": [
            {
                "title": hit.title,
                "url": _absolute(request, hit.url),
                "kind": hit.kind,
                "council": hit.council,
                "municipality": hit.municipality,
                "date": hit.date.isoformat() if hit.date else None,
                "snippet": hit.snippet,
                "outcome": hit.outcome or None,
                "attachment": (
                    {"title": hit.attachment.title, "url": _absolute(request, hit.attachment.url)}
                    if hit.attachment
                    else None
                ),
            }
            for hit in (results.hits if results else [])
        ],
        "facets": {
            name: [
                {"value": f.value, "label": f.label, "count": f.count}
                for f in (results.facets.get(name, []) if results else [])
            ]
            for name in (facet.name for facet in FACETS)
        },
    }
    response = JsonResponse(body, json_dumps_params={"ensure_ascii": False})
    response["X-Robots-Tag"] = "noindex"
    return response


def _absolute(request, url: str) -> str:
    return request.build_absolute_uri(url) if url.startswith("/") else url


# Link building for the page (kept out of the template) -----------------------------------


def _browse_links(request) -> dict:
    """Where to look when nothing was found: the lists across councils and each council."""
    site = Site.find_for_request(request)
    councils = public_councils(site.root_page) if site else []
    return {
        "kinds": [
            (_("Møder"), reverse("council_pages:national_moeder")),
            (_("Høringssvar og udtalelser"), reverse("council_pages:national_hoeringssvar")),
            (_("Årsrapporter"), reverse("council_pages:national_aarsrapporter")),
            (_("Aktuelle høringer"), reverse("council_pages:open_hearings")),
        ],
        "councils": [(c.title, c.url) for c in councils],
    }


def _url(request, **changes) -> str:
    params = request.GET.copy()
    for key, value in changes.items():
        if value in (None, ""):
            params.pop(key, None)
        else:
            params[key] = str(value)
    if "page" not in changes:
        params.pop("page", None)
    encoded = params.urlencode()
    return "?" + encoded if encoded else "?"


def _facet_groups(request, outcome) -> list[dict]:
    if not outcome.results:
        return []
    groups = []
    for facet in FACETS:
        name = facet.name
        values = outcome.results.facets.get(name, [])
        if not values:
            continue
        current = str(outcome.params.get(name) or "")
        groups.append(
            {
                "name": name,
                "title": str(facet.title),
                "values": [
                    {
                        "label": f.label,
                        "count": f.count,
                        "active": f.value == current,
                        "url": _url(request, **{name: "" if f.value == current else f.value}),
                    }
                    for f in values
                ],
            }
        )
    return groups


def _active_filters(request, outcome) -> list[dict]:
    active = []
    for facet in FACETS:
        name = facet.name
        value = outcome.params.get(name)
        if value not in (None, ""):
            label = str(value)
            if outcome.results:
                for f in outcome.results.facets.get(name, []):
                    if f.value == str(value):
                        label = f.label
            active.append(
                {
                    "title": str(facet.title),
                    "label": label,
                    "url": _url(request, **{name: ""}),
                }
            )
    return active


def _sort_links(request, outcome) -> list[dict]:
    if not outcome.results or outcome.query.is_empty:
        return []
    current = outcome.results.request.sort
    return [
        {"label": str(label), "active": key == current, "url": _url(request, sort=key)}
        for key, label in service.SORT_LABELS.items()
    ]


def _pagination(request, outcome) -> dict | None:
    results = outcome.results
    if not results or results.total <= PAGE_SIZE:
        return None
    page = results.request.page
    last = min(service.MAX_PAGE, (results.total + PAGE_SIZE - 1) // PAGE_SIZE)
    numbers = sorted({1, last, *range(max(1, page - 2), min(last, page + 2) + 1)})
    return {
        "page": page,
        "last": last,
        "previous": _url(request, page=page - 1) if page > 1 else None,
        "next": _url(request, page=page + 1) if page < last else None,
        "numbers": [
            {"number": n, "url": _url(request, page=n), "current": n == page} for n in numbers
        ],
    }

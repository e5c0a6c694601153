"""A page cache for anonymous readers, emptied whenever anything in the database changes.

``PageCacheMiddleware`` keeps the complete response of a GET or HEAD request for
``PAGE_CACHE_SECONDS`` in the ``page_cache`` cache (files under ``var/cache/pages/``, shared by
every gunicorn worker and the task worker) and only when all of these hold:

* the request carries no cookie at all (no session: not logged in, no page password given),
  and no query string (search, filters and paging are always computed);
* the response is a 200, not streamed (documents are never cached), sets no cookie, carries no
  CSP nonce and is not marked private or ``no-cache``/``no-store`` (Wagtail marks restricted
  pages' password forms and previews so);
* the path is not the admin, the API, the search or ``/health/``.

Invalidation is by generation: any ``post_save``, ``post_delete`` or ``m2m_changed`` of a model
(publish, unpublish, move, delete, privacy settings, snippets, documents, settings), and
Wagtail's publish, unpublish, slug-change and move signals bump one counter in the
shared cache, and entries of older generations are never served. Writes that are frequent and
change no page (sessions, login attempts, task results, the search outbox) do not count.
"""

from django.conf import settings
from django.core.cache import caches
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save

GENERATION_KEY = "page-cache-generation"
IGNORED_MODELS = {
    "sessions.session",
    "axes.accessattempt",
    "axes.accesslog",
    "axes.accessfailurelog",
    "django_tasks_database.dbtaskresult",
    "site_search.indexqueue",
    "wagtailcore.modellogentry",
    "wagtailcore.pagelogentry",
    "wagtailsearch.indexentry",
}
SKIPPED_PREFIXES = ("/admin/", "/api/", "/soeg/", "/health/", "/dokumenter/", "/static/", "/media/")


def _cache():
    return caches["page_cache"]


def _generation() -> int:
    return _cache().get_or_set(GENERATION_KEY, 1, timeout=None)


def invalidate(sender=None, **kwargs) -> None:
    """Make every cached page stale (cheap: one counter), now and again after the commit.

    Again after the commit, because a reader that took the new generation before the change was
    committed may have cached the old content under it.
    """
    if settings.PAGE_CACHE_SECONDS <= 0:
        return
    model = sender if isinstance(sender, type) else None
    if model is not None and model._meta.label_lower in IGNORED_MODELS:
        return
    _bump()
    transaction.on_commit(_bump, robust=True)


def _bump() -> None:
    cache = _cache()
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:
        cache.set(GENERATION_KEY, 2, timeout=None)


def connect_signals() -> None:
    from wagtail import signals

    for signal in (
        post_save,
        post_delete,
        m2m_changed,
        signals.page_published,
        signals.page_unpublished,
        signals.published,
        signals.unpublished,
        signals.page_slug_changed,
        signals.post_page_move,
    ):
        signal.connect(invalidate, dispatch_uid=f"page-cache-{id(signal)}")


def _cacheable_request(request) -> bool:
    return (
        settings.PAGE_CACHE_SECONDS > 0
        and request.method in ("GET", "HEAD")
        and not request.COOKIES
        and not request.META.get("HTTP_COOKIE")
        and not request.META.get("QUERY_STRING")
        and not request.path_info.startswith(SKIPPED_PREFIXES)
    )


class PageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def key(self, request, generation) -> str:
        return f"page:{generation}:{request.get_host()}:{request.path}"

    def __call__(self, request):
        if not _cacheable_request(request):
            return self.get_response(request)
        generation = _generation()
        key = self.key(request, generation)
        cached = _cache().get(key)
        if cached is not None:
            cached["X-Page-Cache"] = "hit"
            return cached
        response = self.get_response(request)
        user = getattr(request, "user", None)
        anonymous = user is None or not user.is_authenticated
        if anonymous and _cacheable_response(request, response):
            if hasattr(response, "render") and callable(response.render):
                response = response.render()
            _cache().set(key, response, settings.PAGE_CACHE_SECONDS)
        return response


def _cacheable_response(request, response) -> bool:
    session = getattr(request, "session", None)
    cache_control = response.get("Cache-Control", "").lower()
    return (
        request.method == "GET"  # a HEAD response may have lost its body on the way
        and response.status_code == 200
        and not response.streaming
        and not response.cookies
        # The view wrote to the session or used a CSRF token (a page's password form): that
        # answer belongs to one visitor. (Reading request.user reads the empty session: fine.)
        and not (session is not None and session.modified)
        and "CSRF_COOKIE" not in request.META
        and not getattr(request, "_csp_nonce", None)
        and not any(word in cache_control for word in ("private", "no-cache", "no-store"))
    )

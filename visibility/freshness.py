"""When the public site last changed, for conditional GET (``Last-Modified``, ``ETag``, 304).

Feeds, calendars and the sitemap are read again and again by machines. Django's ``condition``
decorator answers such a repeated request with 304 Not Modified before the view runs, when
nothing has happened to the site's pages since the client's copy:

* no page was published (Wagtail's ``last_published_at``),
* nothing else happened to a page that Wagtail logs (unpublishing, moving, deleting, renaming,
  a privacy setting: the page log's newest ``timestamp``),
* and no page was added (the newest page id; pages created in code are not always logged).

The ``ETag`` carries all three with the address; ``Last-Modified`` the newest of the two
moments. Three indexed look-ups, however many pages the site has (the migration
``visibility.0002_public_page_indexes`` indexes ``last_published_at``), once per request.
"""

import datetime
import hashlib

from django.utils import timezone
from django.views.decorators.http import condition
from wagtail.models import Page, PageLogEntry


def _newest(queryset, field):
    return queryset.order_by(f"-{field}").values_list(field, flat=True).first()


def site_state(request) -> tuple[datetime.datetime | None, int | None]:
    """(the newest publication or page log entry, the newest page id), once per request."""
    if not hasattr(request, "_public_site_state"):
        published = _newest(
            Page.objects.filter(last_published_at__isnull=False), "last_published_at"
        )
        logged = _newest(PageLogEntry.objects.all(), "timestamp")
        moments = [m for m in (published, logged) if m is not None]
        request._public_site_state = (
            max(moments) if moments else None,
            _newest(Page.objects, "pk"),
        )
    return request._public_site_state


def _midnight() -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(timezone.localdate(), datetime.time.min))


def _last_modified(moves_daily: bool):
    def last_modified(request, *args, **kwargs):
        moment, _ = site_state(request)
        if moves_daily:
            return max(moment, _midnight()) if moment else _midnight()
        return moment

    return last_modified


def _etag(moves_daily: bool):
    def etag(request, *args, **kwargs):
        moment, newest_page = site_state(request)
        day = timezone.localdate().isoformat() if moves_daily else ""
        key = f"{moment} {newest_page} {day} {request.get_host()} {request.get_full_path()}"
        return hashlib.sha256(key.encode()).hexdigest()[:32]

    return etag


def conditional(view=None, *, moves_daily: bool = False):
    """Decorate a public view with ``ETag``/``Last-Modified`` and 304 answers.

    ``moves_daily``: the answer also changes at midnight (a window of dates relative to today).
    """
    decorator = condition(
        etag_func=_etag(moves_daily), last_modified_func=_last_modified(moves_daily)
    )
    return decorator(view) if view is not None else decorator

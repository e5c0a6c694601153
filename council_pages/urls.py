"""Feeds and calendars; included in the project's URLs before Wagtail's page serving.

Lists across councils: ``/moeder/``, ``/hoeringssvar/``, ``/aarsrapporter/``, and the hearings
being answered now, ``/aktuelle-hoeringer/`` (with ``/aktuelle-hoeringer/frister.ics``).
Feeds: ``/rss/`` and ``/atom/`` (everything from every council), ``/<kind>/rss/``,
``/<council>/rss/``, ``/<council>/<kind>/rss/`` (and the same with ``atom``), where kind is
``moeder``, ``hoeringssvar`` or ``aarsrapporter``. Calendars: ``/moeder/kalender.ics`` and
``/<council>/moeder/kalender.ics``. All of them answer 304 Not Modified to a repeated request
while nothing public has changed (``visibility.freshness``).
"""

from django.urls import path

from visibility.freshness import conditional

from .feeds import KINDS, PublicationAtomFeed, PublicationFeed, meeting_calendar
from .national import national_list, target_group
from .open_hearings import deadline_calendar, open_hearings
from .statistics import statistics

app_name = "council_pages"

# Feed instances keep no per-request state (see PublicationFeed.get_object): one of each will do.
rss = conditional(PublicationFeed())
atom = conditional(PublicationAtomFeed())

# Fixed paths first, so that e.g. /moeder/rss/ is never read as a council called "moeder".
urlpatterns = [
    path("moeder/kalender.ics", meeting_calendar, name="calendar"),
    path("maalgrupper/<slug:slug>/", target_group, name="target_group"),
    path("aktuelle-hoeringer/", open_hearings, name="open_hearings"),
    path("aktuelle-hoeringer/frister.ics", deadline_calendar, name="open_hearings_calendar"),
    path("i-tal/", statistics, name="statistics"),
    path("i-tal/udsatteraadene.csv", statistics, {"fmt": "csv"}, name="statistics_csv"),
    path("i-tal/udsatteraadene.json", statistics, {"fmt": "json"}, name="statistics_json"),
    path("rss/", rss, name="feed_rss"),
    path("atom/", atom, name="feed_atom"),
]
for kind in KINDS:
    urlpatterns += [
        path(f"{kind}/", national_list, {"kind": kind}, name=f"national_{kind}"),
        path(f"{kind}/rss/", rss, {"kind": kind}, name=f"{kind}_feed_rss"),
        path(f"{kind}/atom/", atom, {"kind": kind}, name=f"{kind}_feed_atom"),
    ]

urlpatterns += [
    path("<slug:council>/moeder/kalender.ics", meeting_calendar, name="council_calendar"),
    path("<slug:council>/rss/", rss, name="council_feed_rss"),
    path("<slug:council>/atom/", atom, name="council_feed_atom"),
]
for kind in KINDS:
    urlpatterns += [
        path(
            f"<slug:council>/{kind}/rss/",
            rss,
            {"kind": kind},
            name=f"council_{kind}_feed_rss",
        ),
        path(
            f"<slug:council>/{kind}/atom/",
            atom,
            {"kind": kind},
            name=f"council_{kind}_feed_atom",
        ),
    ]

"""RSS/Atom feeds and iCalendar files of what councils publish. Public content only.

Feeds exist per council and across all councils, for everything or one kind (meetings,
hearing responses, annual reports). Every queryset goes through ``visibility.rules.visible``, so
nothing unpublished, private or below an unpublished section can be syndicated.

A council's calendar holds the meetings of the last twelve months and every meeting ahead, the
national calendar those of last month and every meeting ahead (it is for what is coming up, and
a year of every council's meetings is thousands of events); ``?aar=2024`` gives one year instead
(a bad year: 400 with a Danish message). Feeds and calendars answer a repeated request with 304
Not Modified while nothing public has changed (``visibility.freshness``).
"""

import datetime

import icalendar
from django.contrib.syndication.views import Feed
from django.http import Http404, HttpResponse, HttpResponseBadRequest
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import escape
from django.utils.translation import gettext as _
from wagtail.models import Page, Site

from council_pages.models import (
    AnnualReportPage,
    CouncilPage,
    HearingResponsePage,
    MeetingPage,
    MeetingStatus,
)
from visibility.freshness import conditional
from visibility.rules import visible

FEED_SIZE = 30
CALENDAR_MONTHS_BACK = 12
NATIONAL_CALENDAR_MONTHS_BACK = 1
FIRST_YEAR = 1990

# URL segment -> (page model, Danish name of the kind)
KINDS = {
    "moeder": (MeetingPage, "møder"),
    "hoeringssvar": (HearingResponsePage, "høringssvar og udtalelser"),
    "aarsrapporter": (AnnualReportPage, "årsrapporter"),
}


def _site_root(request) -> Page:
    site = Site.find_for_request(request)
    if site is None:
        raise Http404
    return site.root_page


def public_council(request, slug: str) -> CouncilPage:
    """The visible council with this slug on the request's site, or 404."""
    council = visible(CouncilPage.objects.child_of(_site_root(request))).filter(slug=slug).first()
    if council is None:
        raise Http404(_("Rådet findes ikke."))
    return council


def public_pages(request, model, council: CouncilPage | None):
    """Visible pages of ``model`` below one council or below the request's site."""
    return visible(model.objects).descendant_of(council or _site_root(request))


class PublicationFeed(Feed):
    """RSS 2.0 feed of a council's (or every council's) publications, newest first."""

    def get_object(self, request, council=None, kind=None):
        if kind is not None and kind not in KINDS:
            raise Http404(_("Feedet findes ikke."))
        # Feed instances are shared between requests: per-request state lives in ``obj``.
        return {
            "council": public_council(request, council) if council else None,
            "kind": kind,
            "request": request,
        }

    def title(self, obj):
        who = obj["council"].title if obj["council"] else _("Alle udsatteråd")
        what = KINDS[obj["kind"]][1] if obj["kind"] else _("nyt")
        return f"{who}: {what}"

    def link(self, obj):
        if obj["council"]:
            return obj["council"].get_url(obj["request"])
        return _site_root(obj["request"]).get_url(obj["request"])

    def description(self, obj):
        return _("Nyt fra udsatterådene: møder, høringssvar og årsrapporter.")

    def items(self, obj):
        kinds = [obj["kind"]] if obj["kind"] else list(KINDS)
        items = []
        for kind in kinds:
            model = KINDS[kind][0]
            pages = public_pages(obj["request"], model, obj["council"])
            items += list(pages.order_by("-last_published_at", "-pk")[:FEED_SIZE])
        items.sort(key=lambda p: p.last_published_at or timezone.now(), reverse=True)
        return items[:FEED_SIZE]

    def item_title(self, item):
        if getattr(item, "is_in_progress", False):
            return _("Under arbejde: %(title)s") % {"title": item.title}
        return item.title

    def item_description(self, item):
        # "Kort fortalt" where the page has one (council_pages.models.easy_read). Plain text;
        # a feed's description is HTML to its readers, so "<" and "&" are escaped (once).
        return escape(getattr(item, "description", None) or item.search_description)

    def item_link(self, item):
        return item.get_full_url()

    def item_guid(self, item):
        return item.get_full_url()

    def item_pubdate(self, item):
        return item.first_published_at

    def item_updateddate(self, item):
        return item.last_published_at

    def item_categories(self, item):
        return [item.specific_class._meta.verbose_name.capitalize()]


class PublicationAtomFeed(PublicationFeed):
    """The same feed as Atom 1.0."""

    feed_type = Atom1Feed

    def subtitle(self, obj):
        return self.description(obj)


def calendar_window(request, months_back: int) -> tuple[datetime.date, datetime.date | None] | None:
    """The dates a calendar covers: ``?aar=`` one year, else ``months_back`` months and all ahead.

    None when ``?aar=`` is not a year.
    """
    today = timezone.localdate()
    year = request.GET.get("aar")
    if year is None or year == "":
        # From the first of the month ``months_back`` months ago.
        months = today.year * 12 + today.month - 1 - months_back
        return datetime.date(months // 12, months % 12 + 1, 1), None
    if not (year.isascii() and year.isdigit() and len(year) == 4):
        return None
    if not FIRST_YEAR <= int(year) <= today.year + 10:
        return None
    return datetime.date(int(year), 1, 1), datetime.date(int(year), 12, 31)


@conditional(moves_daily=True)
def meeting_calendar(request, council=None):
    """An iCalendar file of live, public meetings, for one council or all of them."""
    council_page = public_council(request, council) if council else None
    window = calendar_window(
        request, CALENDAR_MONTHS_BACK if council_page else NATIONAL_CALENDAR_MONTHS_BACK
    )
    if window is None:
        return HttpResponseBadRequest(
            _(
                "Kalenderen kan ikke vise det år. Skriv et årstal med fire cifre mellem "
                "%(first)d og %(last)d, fx ?aar=%(year)d."
            )
            % {
                "first": FIRST_YEAR,
                "last": timezone.localdate().year + 10,
                "year": timezone.localdate().year,
            },  # fmt: skip
            content_type="text/plain; charset=utf-8",
        )
    first, last = window
    meetings = public_pages(request, MeetingPage, council_page).filter(date__gte=first)
    if last is not None:
        meetings = meetings.filter(date__lte=last)
    # Only what an event shows: a calendar of thousands of meetings spent a sixth of its time
    # making full page objects.
    meetings = meetings.order_by("date", "start_time").only(
        "id", "path", "depth", "url_path", "title", "date", "start_time", "end_time", "place",
        "status", "last_published_at",
    )  # fmt: skip
    calendar = icalendar.Calendar()
    calendar.add("prodid", "-//Udsatteråd//Møder//DA")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    name = council_page.title if council_page else _("Alle udsatteråd")
    calendar.add("x-wr-calname", _("%(name)s: møder") % {"name": name})
    calendar.add("x-wr-timezone", str(timezone.get_current_timezone()))
    host = request.get_host().split(":")[0]
    councils = {}
    # The status labels once, not a lazy translation per meeting: 0.38 of 2.68 s in a profile
    # of the national calendar at 100,000 records.
    statuses = {value: str(label) for value, label in MeetingStatus.choices}
    for meeting in meetings:
        event = icalendar.Event()
        event.add("uid", f"meeting-{meeting.pk}@{host}")
        event.add("dtstamp", meeting.last_published_at or timezone.now())
        council_of_meeting = councils.get(meeting.path[: CouncilPage.steplen * 3])
        if council_of_meeting is None:
            council_of_meeting = meeting.council
            councils[meeting.path[: CouncilPage.steplen * 3]] = council_of_meeting
        council_name = council_of_meeting.title if council_of_meeting else ""
        event.add("summary", f"{council_name}: {meeting.title}" if council_name else meeting.title)
        if meeting.start:
            event.add("dtstart", timezone.localtime(meeting.start))
            end = meeting.end or meeting.start + datetime.timedelta(hours=2)
            event.add("dtend", timezone.localtime(end))
        else:
            event.add("dtstart", meeting.date)
            event.add("dtend", meeting.date + datetime.timedelta(days=1))
        if meeting.place:
            event.add("location", meeting.place)
        event.add("url", meeting.get_full_url(request))
        event.add("description", statuses.get(meeting.status, meeting.status))
        if meeting.last_published_at:
            event.add("last-modified", meeting.last_published_at)
        calendar.add_component(event)
    calendar.add_missing_timezones()
    response = HttpResponse(calendar.to_ical(), content_type="text/calendar; charset=utf-8")
    filename = f"{council or 'udsatteraad'}-moeder.ics"
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response

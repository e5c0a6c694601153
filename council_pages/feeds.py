"""RSS/Atom feeds and iCalendar files of what councils publish. Public content only.

Feeds exist per council and across all councils, for everything or one kind (meetings,
hearing responses, annual reports). Every queryset goes through ``visibility.rules.visible``, so
nothing unpublished, private or below an unpublished section can be syndicated.
"""

import datetime

import icalendar
from django.contrib.syndication.views import Feed
from django.http import Http404, HttpResponse
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _
from wagtail.models import Page, Site

from council_pages.models import (
    AnnualReportPage,
    CouncilPage,
    HearingResponsePage,
    MeetingPage,
)
from visibility.rules import visible

FEED_SIZE = 30

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


def _item_date(page) -> datetime.date:
    if isinstance(page, MeetingPage):
        return page.date
    if isinstance(page, HearingResponsePage):
        return page.response_date
    if isinstance(page, AnnualReportPage):
        return page.period_end
    return timezone.localdate(page.first_published_at)


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
            items += list(pages.order_by("-last_published_at")[:FEED_SIZE])
        items.sort(key=lambda p: p.last_published_at or timezone.now(), reverse=True)
        return items[:FEED_SIZE]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        # "Kort fortalt" where the page has one (council_pages.models.easy_read).
        return getattr(item, "description", None) or item.search_description

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


def meeting_calendar(request, council=None):
    """An iCalendar file of live, public meetings, for one council or all of them."""
    council_page = public_council(request, council) if council else None
    meetings = public_pages(request, MeetingPage, council_page).order_by("date", "start_time")
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
        event.add("description", meeting.get_status_display())
        if meeting.last_published_at:
            event.add("last-modified", meeting.last_published_at)
        calendar.add_component(event)
    calendar.add_missing_timezones()
    response = HttpResponse(calendar.to_ical(), content_type="text/calendar; charset=utf-8")
    filename = f"{council or 'udsatteraad'}-moeder.ics"
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response

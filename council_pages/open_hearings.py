"""Hearings the councils are answering now: /aktuelle-hoeringer/, its calendar, the dashboard.

A hearing response published "under arbejde" (``HearingStatus.IN_PROGRESS``) shows what the
municipality consulted the council on and the deadline, before the council has answered. The list
across councils orders them by deadline (those still ahead first, then those past it), the
calendar holds one all-day event per deadline, and a secretary's or chair's dashboard shows their
own council's coming deadlines, drafts included.
"""

import datetime

import icalendar
from django.http import HttpResponse
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe
from wagtail.admin.ui.components import Component

from council_pages.admin_scope import is_scoped, own_pages_q
from council_pages.listing import paginate, querystring_without
from council_pages.lists import ListFilterForm, with_council_filter
from council_pages.models import HearingResponsePage
from council_pages.national import national_pages, public_councils, site_root, with_council_title
from visibility.freshness import conditional

OpenHearingFilterForm = with_council_filter(ListFilterForm)

# The calendar keeps deadlines this long after they passed: a subscriber's past weeks stay.
CALENDAR_DAYS_BACK = 90
DASHBOARD_SIZE = 10


def open_hearings_qs(request):
    """Visible hearings in progress below the request's site, by deadline."""
    return national_pages(request, HearingResponsePage).in_progress()


@require_safe
def open_hearings(request):
    root = site_root(request)
    today = timezone.localdate()
    pages = open_hearings_qs(request)
    form = OpenHearingFilterForm(request.GET, pages, public_councils(root))
    filtered = with_council_title(form.filter(pages))
    context = {
        "list_title": _("Aktuelle høringer"),
        "filter_form": form,
        "filters": form.selected,
        "items_page": paginate(request, filtered.filter(deadline__gte=today)),
        "overdue": filtered.filter(deadline__lt=today)[:50],
        "filter_querystring": querystring_without(request, "side"),
        "calendar_url": reverse("council_pages:open_hearings_calendar"),
        "show_council": True,
    }
    return TemplateResponse(request, "council_pages/national/open_hearings.html", context)


@conditional(moves_daily=True)
def deadline_calendar(request):
    """An iCalendar file with one all-day event per deadline of a hearing in progress."""
    since = timezone.localdate() - datetime.timedelta(days=CALENDAR_DAYS_BACK)
    hearings = with_council_title(open_hearings_qs(request).filter(deadline__gte=since))
    calendar = icalendar.Calendar()
    calendar.add("prodid", "-//Udsatteråd//Høringsfrister//DA")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", _("Udsatterådene: høringsfrister"))
    host = request.get_host().split(":")[0]
    for hearing in hearings.defer_streamfields():
        event = icalendar.Event()
        event.add("uid", f"hearing-deadline-{hearing.pk}@{host}")
        event.add("dtstamp", hearing.last_published_at or timezone.now())
        event.add("summary", _("Høringsfrist: %(title)s") % {"title": hearing.title})
        event.add("dtstart", hearing.deadline)
        event.add("dtend", hearing.deadline + datetime.timedelta(days=1))
        event.add("transp", "TRANSPARENT")
        event.add("url", hearing.get_full_url(request))
        about = [hearing.council_title or "", hearing.consultation_title, hearing.summary]
        event.add("description", "\n".join(part for part in about if part))
        if hearing.last_published_at:
            event.add("last-modified", hearing.last_published_at)
        calendar.add_component(event)
    response = HttpResponse(calendar.to_ical(), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="hoeringsfrister.ics"'
    return response


def coming_deadlines(user):
    """The hearings in progress of the councils ``user`` works for, live or draft, by deadline.

    Site administrators work for every council; a user with no council role sees none.
    """
    pages = HearingResponsePage.objects.in_progress().filter(deadline__gte=timezone.localdate())
    if is_scoped(user):
        pages = pages.filter(own_pages_q(user))
    return with_council_title(pages)[:DASHBOARD_SIZE]


class ComingDeadlinesPanel(Component):
    """The dashboard panel "Kommende høringsfrister"."""

    name = "coming_deadlines"
    template_name = "council_pages/admin/coming_deadlines_panel.html"
    order = 150

    def __init__(self, user):
        self.user = user

    def get_context_data(self, parent_context):
        today = timezone.localdate()
        return {
            "hearings": [
                (hearing, (hearing.deadline - today).days)
                for hearing in coming_deadlines(self.user)
            ]
        }

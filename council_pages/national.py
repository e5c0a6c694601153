"""The lists across councils: /moeder/, /hoeringssvar/, /aarsrapporter/.

Django views rather than pages: their addresses are fixed (the feeds below them already were),
they hold no text an editor writes, and a page type would let an editor delete, move or
duplicate them. They reuse the council lists' filter forms (plus a council filter), template
and pagination, and list visible pages only.
"""

import datetime
from dataclasses import dataclass

from django.db.models import F, OuterRef, Q, Subquery
from django.db.models.functions import Substr
from django.http import Http404
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_safe
from wagtail.models import Site

from council_pages.follow_up import outcome_counts, tally
from council_pages.listing import paginate, querystring_without
from council_pages.lists import (
    ListFilterForm,
    MeetingFilterForm,
    NationalAnnualReportFilterForm,
    feed_urls,
    with_council_filter,
)
from council_pages.models import (
    AnnualReportPage,
    CouncilPage,
    HearingResponseFilterForm,
    HearingResponsePage,
    MeetingPage,
    TargetGroup,
)
from visibility.rules import visible


def public_councils(root):
    """The visible councils below ``root`` (the site's root page), by name."""
    return visible(CouncilPage.objects.descendant_of(root)).order_by("title")


@dataclass(frozen=True)
class NationalList:
    model: type
    ordering: tuple[str, ...]
    filter_form: type[ListFilterForm]
    title: str
    template: str
    calendar: bool = False


NATIONAL_LISTS = {
    "moeder": NationalList(
        MeetingPage,
        ("-date", "-start_time", "-pk"),
        with_council_filter(MeetingFilterForm),
        _("Møder i alle udsatteråd"),
        "council_pages/national/meetings.html",
        calendar=True,
    ),
    "hoeringssvar": NationalList(
        HearingResponsePage,
        ("-response_date", "-pk"),
        with_council_filter(HearingResponseFilterForm),
        _("Høringssvar og udtalelser fra alle udsatteråd"),
        "council_pages/national/hearing_responses.html",
    ),
    "aarsrapporter": NationalList(
        AnnualReportPage,
        ("-end_year", "-start_year", "-pk"),
        with_council_filter(NationalAnnualReportFilterForm),
        _("Årsrapporter fra alle udsatteråd"),
        "council_pages/national/annual_reports.html",
    ),
}


def site_root(request):
    site = Site.find_for_request(request)
    if site is None:
        raise Http404
    return site.root_page


def with_council_title(pages):
    """``pages`` with ``council_title``: the name of the council each page belongs to.

    The council is the ancestor whose path is the start of the page's path. Compared at the
    depths councils have (one, in practice), so that the database looks each one up in the
    path index; ``path = SUBSTR(page.path, 1, LENGTH(path))`` read every page for every row.
    """
    depths = CouncilPage.objects.order_by().values_list("depth", flat=True).distinct()
    at_depth = Q(pk__in=[])
    for depth in depths:
        at_depth |= Q(path=Substr(OuterRef("path"), 1, depth * CouncilPage.steplen))
    council = CouncilPage.objects.filter(at_depth)
    return pages.annotate(
        council_title=Subquery(council.order_by("-depth").values("title")[:1]),
    )


def national_pages(request, model):
    """The visible pages of ``model`` below the request's site, every council's."""
    return visible(model.objects.descendant_of(site_root(request)))


@require_safe
def national_list(request, kind: str):
    spec = NATIONAL_LISTS[kind]
    root = site_root(request)
    pages = visible(spec.model.objects.descendant_of(root)).order_by(*spec.ordering)
    if spec.model is MeetingPage:
        # Always true (a meeting has a date), but it shows SQLite, which keeps no statistics,
        # that the date index answers the list: it reads the newest meetings from it and stops
        # at the page asked for, instead of reading every live page and sorting the meetings
        # (at 100,000 records: 80 ms -> 5 ms for page 100).
        pages = pages.filter(date__gte=datetime.date.min)
    if spec.model is HearingResponsePage:
        # Hearings still in progress have no answer date: /aktuelle-hoeringer/ lists them.
        pages = pages.answered()
    form = spec.filter_form(request.GET, pages, public_councils(root))
    filtered = with_council_title(form.filter(pages))
    context = {
        "list_title": spec.title,
        "feed_title": spec.title,
        "feeds": feed_urls(kind, calendar=spec.calendar),
        "filter_form": form,
        "filters": form.selected,
        "filter_querystring": querystring_without(request, "side"),
        "show_council": True,
    }
    count = None
    if spec.model is HearingResponsePage:
        council = form.selected.get("raad")
        tallied = form.filter_raad(pages, council) if council else pages
        counts = outcome_counts(tallied)
        context["tally"] = tally(counts)
        context["tally_link"] = f"{request.path}?raad={council}" if council else request.path
        context["open_hearings_count"] = (
            national_pages(request, HearingResponsePage).in_progress().count()
        )
        if not any(value for name, value in form.selected.items() if name != "raad"):
            # The list is what the tally counted: every answered response (of the council).
            # Summing it spares a second pass over them (45 ms at 100,000 records on
            # PostgreSQL, which reads every answered response for either).
            count = sum(counts.values())
    context["items_page"] = paginate(request, filtered, count=count)
    return TemplateResponse(request, spec.template, context)


@require_safe
def target_group(request, slug: str):
    """/maalgrupper/<slug>/: what every council published about one target group, newest first."""
    group = TargetGroup.objects.filter(slug=slug).first()
    if group is None:
        raise Http404(_("Målgruppen findes ikke."))
    root = site_root(request)
    responses = national_pages(request, HearingResponsePage).filter(tagged_target_groups__tag=group)
    councils = public_councils(root).filter(tagged_target_groups__tag=group)
    context = {
        "list_title": _("Målgruppe: %(name)s") % {"name": group.name},
        "group": group,
        "councils": councils,
        "filter_form": None,
        # Hearings still in progress (no answer date yet) are the newest: they come first.
        "items_page": paginate(
            request,
            with_council_title(
                responses.order_by(F("response_date").desc(nulls_first=True), "-pk")
            ),
        ),
        "filter_querystring": querystring_without(request, "side"),
        "show_council": True,
    }
    return TemplateResponse(request, "council_pages/national/target_group.html", context)

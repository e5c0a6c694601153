"""Template tags and filters for the public site: Danish dates, file sizes, members, sections.

Load with ``{% load site_tags %}``. Everything here is safe to use on any public template;
nothing returns unpublished or private pages.
"""

import datetime

from django import template
from django.apps import apps
from django.conf import settings
from django.core.exceptions import DisallowedHost
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from documents.templatetags.document_tags import danish_filesize, document_summary
from visibility.rules import visible

register = template.Library()

DANISH_MONTHS = (
    "januar",
    "februar",
    "marts",
    "april",
    "maj",
    "juni",
    "juli",
    "august",
    "september",
    "oktober",
    "november",
    "december",
)


def _as_local_date(value):
    if isinstance(value, datetime.datetime):
        if timezone.is_aware(value):
            value = timezone.localtime(value)
        return value.date()
    if isinstance(value, datetime.date):
        return value
    return None


@register.filter
def danish_date(value):
    """``date(2009, 10, 22)`` -> ``"22. oktober 2009"``; datetimes are shown in local time.

    Written out by hand rather than through ``|date`` so that the result is Danish whatever
    language is active (the admin preview, a management command, an e-mail).
    """
    day = _as_local_date(value)
    if day is None:
        return ""
    return f"{day.day}. {DANISH_MONTHS[day.month - 1]} {day.year}"


@register.filter
def danish_datetime(value):
    """``22. oktober 2009 kl. 14.30``: Danish practice writes the time with a full stop."""
    if not isinstance(value, datetime.datetime):
        return danish_date(value)
    if timezone.is_aware(value):
        value = timezone.localtime(value)
    return f"{danish_date(value)} kl. {value:%H.%M}"


# File sizes and document details come from the documents app, so that every link to a file
# reads the same ("PDF, 1,2 MB, 14 sider").
register.filter("danish_filesize", danish_filesize)
register.filter("document_summary", document_summary)


@register.simple_tag
def site_name():
    """The site's name from ``WAGTAIL_SITE_NAME``: works without a database (the 500 page)."""
    return getattr(settings, "WAGTAIL_SITE_NAME", "")


# The header's main menu: (label, path). The national lists are plain Django views at these
# paths; "Rådene" is the list of councils on the home page.
MAIN_MENU = [
    ("Rådene", "/#raadene"),
    ("Møder", "/moeder/"),
    ("Høringssvar", "/hoeringssvar/"),
    ("Årsrapporter", "/aarsrapporter/"),
    ("I tal", "/i-tal/"),
    ("Søg", "/soeg/"),
]


@register.simple_tag(takes_context=True)
def main_menu(context):
    """The main menu's links, the one for the current section marked. No database access."""
    request = context.get("request")
    path = getattr(request, "path", "")
    return [
        {"label": label, "url": url, "current": url != "/#raadene" and path.startswith(url)}
        for label, url in MAIN_MENU
    ]


@register.simple_tag(takes_context=True)
def page_has_own_search(context) -> bool:
    """True on the home page and the search page: their big search box is the only one."""
    request = context.get("request")
    match = getattr(request, "resolver_match", None)
    if match is not None and match.view_name == "site_search:page":
        return True
    return type(context.get("page")).__name__ == "HomePage"


@register.simple_tag(takes_context=True)
def absolute_url(context):
    """The full address of the current page, e.g. for print; just the path if the host is bad."""
    request = context.get("request")
    if request is None:
        return ""
    try:
        return request.build_absolute_uri()
    except DisallowedHost:
        return request.get_full_path()


@register.simple_tag(takes_context=True)
def webcal_url(context, path: str) -> str:
    """The subscribe address of a calendar: ``webcal://`` on the request's own host.

    A calendar program that opens it keeps the calendar and fetches it again by itself, where
    the plain ``.ics`` link only imports the meetings once. Empty without a request or a
    valid host (the page then offers the download alone).
    """
    request = context.get("request")
    if request is None or not path:
        return ""
    try:
        host = request.get_host()
    except DisallowedHost:
        return ""
    return f"webcal://{host}{path}"


CHILDREN_SHOWN = 50


@register.simple_tag
def public_children(page, page_type=None, limit=CHILDREN_SHOWN):
    """The live, public child pages of ``page`` in menu order, e.g. a council's sections.

    ``page_type`` ("app_label.ModelName") keeps only pages of that type (and its subclasses).
    At most ``limit`` (50) pages: a menu, not a list of everything below a page. Plain pages,
    not their specific types: a menu needs the title and address only, and one query answers
    it however many page types the children have.
    """
    if page is None:
        return []
    children = visible(page.get_children())
    if page_type:
        children = children.type(apps.get_model(page_type))
    return children.order_by("path")[:limit]


@register.simple_tag
def latest_pages(page_type, count=5, order_by="-first_published_at"):
    """The newest live, public pages of one type across all councils.

    ``{% latest_pages "council_pages.HearingResponsePage" 5 "-response_date" as latest %}``
    """
    model = apps.get_model(page_type)
    # Pages without the date (a hearing still in progress has no answer date) come last, on
    # every database: PostgreSQL would put them first in a descending order.
    field = order_by.lstrip("-")
    ordering = F(field).desc(nulls_last=True) if order_by.startswith("-") else F(field).asc()
    return visible(model.objects).order_by(ordering, "-pk")[:count]


@register.simple_tag
def public_ancestors(page):
    """The pages between the home page and ``page`` (home page first), for breadcrumbs."""
    if page is None:
        return []
    return page.get_ancestors().filter(depth__gte=2).specific()


@register.simple_tag
def members_by_role(council):
    """The council's current members grouped by role: chair, vice-chair, then members.

    Returns ``[(role_label_plural, [member, ...]), ...]`` without empty groups; substitutes are
    listed separately through ``council.current_substitutes``.
    """
    from council_pages.models import MemberRole

    plural = {
        MemberRole.CHAIR: _("Formand"),
        MemberRole.VICE_CHAIR: _("Næstformand"),
        MemberRole.MEMBER: _("Medlemmer"),
    }
    groups = []
    for role in (MemberRole.CHAIR, MemberRole.VICE_CHAIR, MemberRole.MEMBER):
        members = [m for m in council.current_members if m.role == role]
        if members:
            groups.append((plural[role], members))
    return groups

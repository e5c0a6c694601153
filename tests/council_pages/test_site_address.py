"""One public address: links in e-mails, feeds and the calendar carry its host and port."""

import re
from io import StringIO
from urllib.parse import urlsplit

import feedparser
import icalendar
import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.management import call_command
from django.test import override_settings
from wagtail.models import Site

from council_pages.models import CouncilPage, HearingResponsePage, MeetingPage

pytestmark = pytest.mark.django_db

ADDRESS = "http://udsatteraad.test:8123"


def hosts(urls):
    return {(urlsplit(u).hostname, urlsplit(u).port) for u in urls}


@override_settings(WAGTAILADMIN_BASE_URL=ADDRESS)
def test_links_in_email_feed_and_calendar_use_the_configured_address(
    client, django_capture_on_commit_callbacks
):
    call_command("load_demo", "--password", "demo-i-test", stdout=StringIO(), stderr=StringIO())
    site = Site.objects.get(is_default_site=True)
    assert (site.hostname, site.port) == ("udsatteraad.test", 8123)
    expected = {("udsatteraad.test", 8123)}

    # RSS: every item links to the configured address.
    feed = feedparser.parse(client.get("/odense/rss/", HTTP_HOST="udsatteraad.test:8123").content)
    assert feed.entries
    assert hosts(e.link for e in feed.entries) == expected

    # Calendar: every event's URL too.
    calendar = icalendar.Calendar.from_ical(
        client.get("/odense/moeder/kalender.ics", HTTP_HOST="udsatteraad.test:8123").content
    )
    events = list(calendar.walk("VEVENT"))
    assert events and MeetingPage.objects.live().exists()
    assert hosts(str(e["url"]) for e in events) == expected

    # The chair's notification e-mail.
    council = CouncilPage.objects.get(slug="odense")
    page = HearingResponsePage.objects.descendant_of(council).first()
    secretary = get_user_model().objects.get(username="odense-sekretaer")
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision(user=secretary)
        page.get_workflow().start(page, secretary)
    links = [u for m in mail.outbox for u in re.findall(r"https?://\S+", m.body)]
    assert links
    assert hosts(links) == expected


def test_set_site_address_command(settings):
    settings.WAGTAILADMIN_BASE_URL = "https://raad.example.dk"
    call_command("set_site_address", stdout=StringIO())
    site = Site.objects.get(is_default_site=True)
    assert (site.hostname, site.port) == ("raad.example.dk", 443)
    assert site.root_url == "https://raad.example.dk"

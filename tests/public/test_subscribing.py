"""Subscribing in plain words: a webcal:// calendar link, feeds explained, feeds in <head>."""

import datetime
import re

import pytest

from tests.factories import CouncilPageFactory
from tests.factories_publications import (
    AnnualReportIndexPageFactory,
    AnnualReportPageFactory,
    HearingResponseIndexPageFactory,
    HearingResponsePageFactory,
    MeetingIndexPageFactory,
    MeetingPageFactory,
)

HOST = "udsatteraad.test:8123"
ALTERNATE_RE = re.compile(r"<link\b[^>]*\brel=\"alternate\"[^>]*>")


@pytest.fixture
def council(db):
    odense = CouncilPageFactory(slug="odense", title="Rådet i Odense")
    MeetingPageFactory(
        parent=MeetingIndexPageFactory(parent=odense), date=datetime.date(2009, 10, 22)
    )
    HearingResponsePageFactory(parent=HearingResponseIndexPageFactory(parent=odense))
    AnnualReportPageFactory(parent=AnnualReportIndexPageFactory(parent=odense))
    return odense


def _html(client, url) -> str:
    response = client.get(url, HTTP_HOST=HOST)
    assert response.status_code == 200, url
    return response.content.decode()


def _head_alternates(html: str) -> dict[str, tuple[str, str]]:
    """href -> (type, title) of every <link rel="alternate"> inside <head>."""
    head = html.split("</head>", 1)[0]
    found = {}
    for tag in ALTERNATE_RE.findall(head):
        attrs = dict(re.findall(r'(\w+)="([^"]*)"', tag))
        found[attrs.get("href", "")] = (attrs.get("type", ""), attrs.get("title", ""))
    return found


@pytest.mark.parametrize(
    ("url", "ics"),
    [("/odense/moeder/", "/odense/moeder/kalender.ics"), ("/moeder/", "/moeder/kalender.ics")],
)
def test_meeting_lists_offer_a_calendar_subscription_beside_the_download(client, council, url, ics):
    html = _html(client, url)
    assert "Få møderne i din kalender" in html
    assert f'href="webcal://{HOST}{ics}"' in html
    assert f'href="{ics}"' in html


def test_the_webcal_link_follows_the_host_of_the_request(client, council):
    response = client.get("/odense/moeder/", HTTP_HOST="andet.test")
    assert 'href="webcal://andet.test/odense/moeder/kalender.ics"' in response.content.decode()


@pytest.mark.parametrize("url", ["/odense/hoeringssvar/", "/hoeringssvar/", "/odense/moeder/"])
def test_feeds_are_explained_in_plain_words(client, council, url):
    html = _html(client, url)
    assert "Abonnér med RSS" not in html and "Abonnér med Atom" not in html
    assert "nyhedslæser" in html
    assert "så snart de kommer" in html


@pytest.mark.parametrize(
    ("url", "rss", "atom"),
    [
        ("/", "/rss/", "/atom/"),
        ("/odense/", "/odense/rss/", "/odense/atom/"),
        ("/odense/moeder/", "/odense/moeder/rss/", "/odense/moeder/atom/"),
        ("/odense/hoeringssvar/", "/odense/hoeringssvar/rss/", "/odense/hoeringssvar/atom/"),
        ("/odense/aarsrapporter/", "/odense/aarsrapporter/rss/", "/odense/aarsrapporter/atom/"),
        ("/moeder/", "/moeder/rss/", "/moeder/atom/"),
        ("/hoeringssvar/", "/hoeringssvar/rss/", "/hoeringssvar/atom/"),
        ("/aarsrapporter/", "/aarsrapporter/rss/", "/aarsrapporter/atom/"),
    ],
)
def test_council_and_index_pages_advertise_their_feeds_in_head(client, council, url, rss, atom):
    alternates = _head_alternates(_html(client, url))
    assert alternates[rss][0] == "application/rss+xml"
    assert alternates[atom][0] == "application/atom+xml"
    assert alternates[rss][1] and alternates[atom][1]  # a title a feed reader can show


def test_council_page_names_the_council_in_its_feed_titles(client, council):
    alternates = _head_alternates(_html(client, "/odense/"))
    assert "Rådet i Odense" in alternates["/odense/rss/"][1]


def test_council_page_shows_how_to_follow_the_council(client, council):
    html = _html(client, "/odense/")
    assert 'href="/odense/rss/"' in html.split("</head>", 1)[1]
    assert f'href="webcal://{HOST}/odense/moeder/kalender.ics"' in html

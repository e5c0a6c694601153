"""The sitemap index and its sections: every visible page once, nothing hidden, files bounded."""

import datetime
from collections import Counter
from urllib.parse import urlsplit

import pytest
from defusedxml import ElementTree as ET
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page

from council_pages.models import CouncilPage, MeetingIndexPage, MeetingPage
from tests.factories import CouncilPageFactory, StandardPageFactory
from tests.factories_publications import (
    AnnualReportPageFactory,
    HearingResponseIndexPageFactory,
    HearingResponsePageFactory,
    MeetingIndexPageFactory,
    MeetingPageFactory,
)
from visibility.rules import visible

NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}


def _path(loc: str) -> str:
    parts = urlsplit(loc)
    return parts.path + (f"?{parts.query}" if parts.query else "")


def section_files(client) -> list[str]:
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    root = ET.fromstring(response.content)
    assert root.tag == f"{{{NS['s']}}}sitemapindex"
    return [_path(loc.text) for loc in root.findall("s:sitemap/s:loc", NS)]


def urls_of(client, file_path) -> list[str]:
    response = client.get(file_path)
    assert response.status_code == 200, file_path
    root = ET.fromstring(response.content)
    return [urlsplit(loc.text).path for loc in root.findall("s:url/s:loc", NS)]


def all_sitemap_urls(client) -> Counter:
    found = Counter()
    for file_path in section_files(client):
        found.update(urls_of(client, file_path))
    return found


@pytest.fixture
def site(planted):
    """The planted site, plus a second council with every kind and a hidden section."""
    vejle = CouncilPageFactory(slug="vejle", title="Rådet i Vejle")
    meetings = MeetingIndexPageFactory(parent=vejle)
    for day in range(1, 6):
        MeetingPageFactory(parent=meetings, title=f"Møde {day}", date=datetime.date(2024, 3, day))
    HearingResponsePageFactory(parent__parent=vejle, title="Svar fra Vejle")
    AnnualReportPageFactory(parent__parent=vejle, title="Årsrapport 2023")
    unpublished = HearingResponseIndexPageFactory(parent=CouncilPageFactory(slug="randers"))
    HearingResponsePageFactory(parent=unpublished, title="Under en afpubliceret sektion")
    unpublished.unpublish()
    StandardPageFactory(title="Kontakt", slug="kontakt-os")
    return planted


def visible_urls() -> set[str]:
    return {page.url for page in visible().specific()}


def test_every_visible_page_is_in_exactly_one_section(client, site):
    found = all_sitemap_urls(client)

    assert set(found) == visible_urls()
    assert [url for url, n in found.items() if n > 1] == []


def test_nothing_hidden_is_in_any_section(client, site):
    found = all_sitemap_urls(client)
    hidden = {p.url for p in Page.objects.live().specific()} - visible_urls()

    assert hidden, "the fixture hides live pages (restricted, below an unpublished section)"
    assert not hidden & set(found)
    assert not {p.url for p in site.hidden_pages} & set(found)
    assert "/randers/hoeringssvar/" not in found


def test_sections_are_per_council_and_kind(client, site):
    files = section_files(client)

    assert "/sitemap-sitet.xml" in files
    assert "/sitemap-raad.vejle.xml" in files
    assert "/sitemap-raad.vejle.moeder.xml" in files
    vejle = CouncilPage.objects.get(slug="vejle")
    meetings = MeetingIndexPage.objects.child_of(vejle).get()
    assert set(urls_of(client, "/sitemap-raad.vejle.moeder.xml")) == {
        page.url for page in visible(MeetingPage.objects.child_of(meetings))
    }
    assert set(urls_of(client, "/sitemap-raad.vejle.xml")) == {
        page.url
        for page in visible(Page.objects.descendant_of(vejle, inclusive=True))
        .filter(depth__lte=vejle.depth + 1)
        .specific()
    }


def test_a_section_file_holds_at_most_the_configured_number_of_urls(client, site, settings):
    settings.SITEMAP_SECTION_SIZE = 2
    files = section_files(client)
    sizes = {file_path: len(urls_of(client, file_path)) for file_path in files}

    assert max(sizes.values()) <= 2
    assert "/sitemap-raad.vejle.moeder.xml?p=3" in files  # five meetings: three files
    assert set(all_sitemap_urls(client)) == visible_urls()


def test_unknown_sections_and_pages_are_404(client, site):
    assert client.get("/sitemap-raad.findesikke.xml").status_code == 404
    assert client.get("/sitemap-raad.vejle.findesikke.xml").status_code == 404
    assert client.get("/sitemap-noget.xml").status_code == 404
    assert client.get("/sitemap-raad.randers.hoeringssvar.xml").status_code == 404
    assert client.get("/sitemap-raad.vejle.moeder.xml?p=99").status_code == 404
    assert client.get("/sitemap-raad.vejle.moeder.xml?p=x").status_code == 404


def test_robots_txt_points_at_the_sitemap_index(client, site):
    lines = client.get("/robots.txt").content.decode().splitlines()
    assert "Sitemap: http://testserver/sitemap.xml" in lines
    assert client.get("/sitemap.xml").content.startswith(b"<?xml")


def _queries(client, url) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_queries_of_the_index_and_a_section_do_not_grow_with_pages(client, site):
    meetings = MeetingIndexPage.objects.child_of(CouncilPage.objects.get(slug="vejle")).get()
    before = (_queries(client, "/sitemap.xml"), _queries(client, "/sitemap-raad.vejle.moeder.xml"))
    for day in range(1, 16):
        MeetingPageFactory(parent=meetings, date=datetime.date(2025, 1, day))
    HearingResponsePageFactory(parent__parent=CouncilPageFactory(slug="kolding"))
    after = (_queries(client, "/sitemap.xml"), _queries(client, "/sitemap-raad.vejle.moeder.xml"))

    assert after == before

"""The number of SQL queries of a public page does not grow with the number of pages.

Each test asks for the page, counts its queries, adds more of everything, and counts again.
"""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import CouncilPageFactory, StandardPageFactory
from tests.factories_publications import (
    AnnualReportIndexPageFactory,
    AnnualReportPageFactory,
    HearingResponseIndexPageFactory,
    HearingResponsePageFactory,
    MeetingIndexPageFactory,
    MeetingPageFactory,
)
from tests.public.conftest import make_document, with_document

URLS = [
    "/",
    "/odense/",
    "/odense/moeder/",
    "/odense/moeder/?side=2",
    "/odense/moeder/?aar=2010",
    "/odense/hoeringssvar/",
    "/odense/aarsrapporter/",
    "/odense/aarsrapporter/2010/",
    "/rss/",
    "/atom/",
    "/odense/rss/",
    "/odense/moeder/kalender.ics?aar=2010",
    "/moeder/kalender.ics?aar=2010",
    "/sitemap.xml",
    "/sitemap-raad.odense.moeder.xml",
    "/api/v2/pages/",
    "/api/v2/pages/?type=council_pages.MeetingPage",
    "/api/v2/documents/",
    "/moeder/",
    "/moeder/?side=2",
    "/hoeringssvar/",
    "/aarsrapporter/",
    "/aktuelle-hoeringer/",
    "/i-tal/",
    "/i-tal/udsatteraadene.json",
]


class Site:
    def __init__(self):
        self.odense = CouncilPageFactory(slug="odense", title="Rådet i Odense")
        self.meetings = MeetingIndexPageFactory(parent=self.odense)
        self.responses = HearingResponseIndexPageFactory(parent=self.odense)
        reports = AnnualReportIndexPageFactory(parent=self.odense)
        AnnualReportPageFactory(parent=reports, start_year=2010, slug="2010", title="Årsrapport")
        self.day = 0

    def add(self, n: int) -> None:
        """``n`` more meetings and responses in Odense, another council, a standard page with a
        tagged document."""
        for _ in range(n):
            self.day += 1
            day = datetime.date(2010, 1, 1) + datetime.timedelta(days=self.day)
            MeetingPageFactory(parent=self.meetings, date=day, title=f"Møde {self.day}")
            HearingResponsePageFactory(
                parent=self.responses, response_date=day, title=f"Svar {self.day}"
            )
        other = CouncilPageFactory()
        MeetingPageFactory(parent=MeetingIndexPageFactory(parent=other))
        document = make_document(f"Bilag {self.day}")
        document.tags.add("bilag", f"dag-{self.day}")
        with_document(StandardPageFactory(), document)


def queries(client, url) -> int:
    """The queries of a second request (the first may fill per-process caches)."""
    client.get(url)
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(captured)


@pytest.fixture
def site(db):
    return Site()


def test_queries_per_page_do_not_grow_with_the_number_of_pages(client, site):
    site.add(12)
    before = {url: queries(client, url) for url in URLS}
    site.add(12)
    after = {url: queries(client, url) for url in URLS}

    assert {url: n for url, n in after.items() if n > before[url]} == {}

"""The search page leads phone users past the results to the filters, and loads its own styles."""

import datetime

import pytest
from bs4 import BeautifulSoup

from search.backends import get_backend
from tests.search.conftest import record


@pytest.fixture
def indexed(db):
    get_backend().rebuild(
        [
            record(
                1,
                "Høringssvar om hjemløse",
                "Rådet mener, at hjemløse skal have flere boliger.",
                kind="hearing_response",
                council="odense",
                council_label="Rådet for Socialt Udsatte i Odense",
                municipality="Odense",
                date=datetime.date(2010, 3, 1),
                year=2010,
            )
        ]
    )


def test_results_link_to_the_filters(client, indexed):
    soup = BeautifulSoup(client.get("/soeg/", {"q": "hjemløse"}).content, "html.parser")
    skip = soup.select_one(".search-to-facets a")
    assert skip is not None
    assert skip.get_text(strip=True) == "Afgræns søgningen"
    target = skip["href"].removeprefix("#")
    assert soup.find(id=target) is not None
    assert soup.find(id=target).find_parent("aside", class_="search-facets") is not None
    assert soup.select_one('link[rel="stylesheet"][href$="search/css/search.css"]') is not None


def test_no_filter_link_without_results(client, indexed):
    soup = BeautifulSoup(client.get("/soeg/", {"q": "cykelsti"}).content, "html.parser")
    assert soup.select_one(".search-to-facets") is None

"""Calendars cover twelve months back (nationally: last month) and everything ahead, or one year;
repeated requests for feeds, calendars and the sitemap get 304 Not Modified until something public
changes."""

import datetime

import icalendar
import pytest
from django.utils import timezone

from tests.factories import CouncilPageFactory
from tests.factories_publications import MeetingIndexPageFactory, MeetingPageFactory


@pytest.fixture
def meetings(db):
    today = timezone.localdate()
    odense = CouncilPageFactory(slug="odense", title="Rådet i Odense")
    index = MeetingIndexPageFactory(parent=odense)

    def meeting(title, day):
        return MeetingPageFactory(parent=index, title=title, date=day, status="planned")

    return {
        "index": index,
        "old": meeting("Gammelt møde", today - datetime.timedelta(days=400)),
        "recent": meeting("Nyligt møde", today - datetime.timedelta(days=300)),
        "last_month": meeting("Møde for nylig", today - datetime.timedelta(days=20)),
        "ahead": meeting("Kommende møde", today + datetime.timedelta(days=30)),
        "far_ahead": meeting("Møde om to år", today + datetime.timedelta(days=730)),
        "year": meeting("Møde for tre år siden", datetime.date(today.year - 3, 6, 15)),
    }


def titles(client, url):
    response = client.get(url)
    assert response.status_code == 200
    calendar = icalendar.Calendar.from_ical(response.content)
    return {str(event["summary"]).split(": ", 1)[1] for event in calendar.walk("VEVENT")}


def test_by_default_a_council_calendar_holds_twelve_months_back_and_everything_ahead(
    client, meetings
):
    assert titles(client, "/odense/moeder/kalender.ics") == {
        "Nyligt møde",
        "Møde for nylig",
        "Kommende møde",
        "Møde om to år",
    }


def test_by_default_the_national_calendar_holds_last_month_and_everything_ahead(client, meetings):
    assert titles(client, "/moeder/kalender.ics") == {
        "Møde for nylig",
        "Kommende møde",
        "Møde om to år",
    }


def test_aar_gives_one_year(client, meetings):
    year = timezone.localdate().year - 3
    assert titles(client, f"/odense/moeder/kalender.ics?aar={year}") == {"Møde for tre år siden"}
    assert titles(client, f"/moeder/kalender.ics?aar={year - 1}") == set()


@pytest.mark.parametrize("value", ["abc", "20x4", "1200", "99999", "-2024", "２０２４", "2024.0"])
def test_a_bad_year_is_a_danish_400(client, meetings, value):
    response = client.get("/odense/moeder/kalender.ics", {"aar": value})

    assert response.status_code == 400
    assert response["Content-Type"].startswith("text/plain")
    assert "årstal med fire cifre" in response.content.decode()


def _conditional_headers(response):
    headers = {"HTTP_IF_NONE_MATCH": response["ETag"]}
    if response.has_header("Last-Modified"):
        headers["HTTP_IF_MODIFIED_SINCE"] = response["Last-Modified"]
    return headers


@pytest.mark.parametrize(
    "url", ["/odense/moeder/kalender.ics", "/moeder/kalender.ics", "/rss/", "/odense/atom/",
            "/sitemap.xml", "/sitemap-raad.odense.moeder.xml"],
)  # fmt: skip
def test_a_repeated_request_is_not_modified_until_a_page_is_published(client, meetings, url):
    first = client.get(url)
    assert first.status_code == 200
    assert first.has_header("ETag")

    again = client.get(url, **_conditional_headers(first))
    assert again.status_code == 304
    assert again.content == b""

    MeetingPageFactory(parent=meetings["index"], title="Nyt møde", date=timezone.localdate())
    changed = client.get(url, **_conditional_headers(first))
    assert changed.status_code == 200
    assert changed["ETag"] != first["ETag"]


@pytest.mark.parametrize("url", ["/odense/moeder/kalender.ics", "/rss/", "/sitemap.xml"])
def test_unpublishing_a_page_ends_the_not_modified_answers(client, meetings, url):
    first = client.get(url)
    meetings["ahead"].unpublish()

    assert client.get(url, **_conditional_headers(first)).status_code == 200


def test_last_modified_is_the_newest_publication(client, meetings):
    meetings["ahead"].save_revision().publish()
    response = client.get("/rss/")

    assert response.has_header("Last-Modified")
    since = client.get("/rss/", HTTP_IF_MODIFIED_SINCE=response["Last-Modified"])
    assert since.status_code == 304


def test_a_year_calendar_has_its_own_etag(client, meetings):
    year = timezone.localdate().year - 3
    default = client.get("/odense/moeder/kalender.ics")
    one_year = client.get(f"/odense/moeder/kalender.ics?aar={year}")

    assert default["ETag"] != one_year["ETag"]
    response = client.get(
        f"/odense/moeder/kalender.ics?aar={year}", HTTP_IF_NONE_MATCH=default["ETag"]
    )
    assert response.status_code == 200

"""RSS/Atom feeds and iCalendar files, tested by parsing what they return."""

import datetime
from zoneinfo import ZoneInfo

import feedparser
import icalendar
import pytest
from wagtail.models import PageViewRestriction

from tests.factories import CouncilPageFactory
from tests.factories_publications import (
    AnnualReportIndexPageFactory,
    AnnualReportPageFactory,
    HearingResponseIndexPageFactory,
    HearingResponsePageFactory,
    MeetingIndexPageFactory,
    MeetingPageFactory,
)

COPENHAGEN = ZoneInfo("Europe/Copenhagen")


@pytest.fixture
def content(db):
    odense = CouncilPageFactory(slug="odense", title="Rådet i Odense")
    vejle = CouncilPageFactory(slug="vejle", title="Rådet i Vejle")
    meetings = MeetingIndexPageFactory(parent=odense)
    MeetingPageFactory(
        parent=meetings,
        title="Møde i oktober",
        date=datetime.date(2009, 10, 22),
        start_time=datetime.time(15, 0),
        end_time=datetime.time(17, 0),
        place="Kirkens Korshær",
    )
    MeetingPageFactory(
        parent=meetings,
        title="Møde uden klokkeslæt",
        date=datetime.date(2009, 12, 10),
        start_time=None,
        end_time=None,
    )
    private = MeetingPageFactory(
        parent=meetings, title="Lukket møde", date=datetime.date(2009, 11, 5)
    )
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    MeetingPageFactory(parent=meetings, title="Kladde", date=datetime.date(2009, 11, 6)).unpublish()
    HearingResponsePageFactory(
        parent=HearingResponseIndexPageFactory(parent=odense), title="Svar om hjemløse"
    )
    AnnualReportPageFactory(
        parent=AnnualReportIndexPageFactory(parent=odense), title="Årsrapport 2009"
    )
    MeetingPageFactory(
        parent=MeetingIndexPageFactory(parent=vejle),
        title="Vejle-møde",
        date=datetime.date(2009, 9, 1),
    )
    hidden_council = CouncilPageFactory(slug="skjult")
    MeetingPageFactory(
        parent=MeetingIndexPageFactory(parent=hidden_council), title="Skjult råds møde"
    )
    hidden_council.unpublish()
    return {"odense": odense, "vejle": vejle}


def _titles(client, url):
    response = client.get(url)
    assert response.status_code == 200
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.bozo_exception
    return feed, {entry.title for entry in feed.entries}


@pytest.mark.django_db
class TestFeeds:
    def test_council_feed_has_public_publications_of_that_council_only(self, client, content):
        feed, titles = _titles(client, "/odense/rss/")
        assert feed.version == "rss20"
        assert titles == {
            "Møde i oktober",
            "Møde uden klokkeslæt",
            "Svar om hjemløse",
            "Årsrapport 2009",
        }
        entry = next(e for e in feed.entries if e.title == "Møde i oktober")
        assert entry.link.endswith("/odense/moeder/2009-10-22/")

    def test_kind_feed_has_only_that_kind(self, client, content):
        _feed, titles = _titles(client, "/odense/hoeringssvar/rss/")
        assert titles == {"Svar om hjemløse"}
        _feed, titles = _titles(client, "/odense/moeder/atom/")
        assert titles == {"Møde i oktober", "Møde uden klokkeslæt"}

    def test_atom_feed_parses_as_atom(self, client, content):
        feed, titles = _titles(client, "/odense/atom/")
        assert feed.version == "atom10"
        assert "Årsrapport 2009" in titles

    def test_national_feeds_cover_every_public_council(self, client, content):
        _feed, titles = _titles(client, "/rss/")
        assert {"Møde i oktober", "Vejle-møde", "Svar om hjemløse"} <= titles
        assert not titles & {"Lukket møde", "Kladde", "Skjult råds møde"}
        _feed, titles = _titles(client, "/moeder/atom/")
        assert "Vejle-møde" in titles and "Svar om hjemløse" not in titles

    @pytest.mark.parametrize("url", ["/ukendt/rss/", "/skjult/rss/", "/skjult/moeder/kalender.ics"])
    def test_unknown_or_unpublished_council_is_not_found(self, client, content, url):
        assert client.get(url).status_code == 404


def _calendar(client, url):
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    return icalendar.Calendar.from_ical(response.content)


@pytest.mark.django_db
class TestCalendar:
    def test_council_calendar_lists_public_meetings_with_local_times(self, client, content):
        calendar = _calendar(client, "/odense/moeder/kalender.ics?aar=2009")
        events = {str(e["summary"]): e for e in calendar.walk("VEVENT")}
        assert set(events) == {
            "Rådet i Odense: Møde i oktober",
            "Rådet i Odense: Møde uden klokkeslæt",
        }
        october = events["Rådet i Odense: Møde i oktober"]
        start = october.decoded("dtstart")
        assert start == datetime.datetime(2009, 10, 22, 15, 0, tzinfo=COPENHAGEN)
        assert october.decoded("dtend") == datetime.datetime(2009, 10, 22, 17, 0, tzinfo=COPENHAGEN)
        assert str(october["location"]) == "Kirkens Korshær"
        assert str(october["url"]).endswith("/odense/moeder/2009-10-22/")
        # The meeting's status, in Danish, as the page shows it (the factory publishes minutes).
        assert str(october["description"]) == "Referat offentliggjort"
        whole_day = events["Rådet i Odense: Møde uden klokkeslæt"]
        assert whole_day.decoded("dtstart") == datetime.date(2009, 12, 10)
        assert calendar.walk("VTIMEZONE"), "times refer to a time zone the file defines"

    def test_uids_are_stable(self, client, content):
        first = [
            str(e["uid"])
            for e in _calendar(client, "/odense/moeder/kalender.ics?aar=2009").walk("VEVENT")
        ]
        again = [
            str(e["uid"])
            for e in _calendar(client, "/odense/moeder/kalender.ics?aar=2009").walk("VEVENT")
        ]
        assert first == again and len(set(first)) == len(first)

    def test_calendar_for_all_councils(self, client, content):
        calendar = _calendar(client, "/moeder/kalender.ics?aar=2009")
        summaries = {str(e["summary"]) for e in calendar.walk("VEVENT")}
        assert "Rådet i Vejle: Vejle-møde" in summaries
        assert "Rådet i Odense: Møde i oktober" in summaries
        assert not any("Lukket" in s or "Kladde" in s or "Skjult" in s for s in summaries)

    def test_index_page_links_to_its_feeds_and_calendar(self, client, content):
        html = client.get("/odense/moeder/").content.decode()
        assert 'href="/odense/moeder/kalender.ics"' in html
        assert 'href="/odense/moeder/rss/"' in html


@pytest.mark.django_db
def test_lists_announce_their_feeds_for_feed_readers(client, content):
    html = client.get("/odense/moeder/").content.decode()
    assert '<link rel="alternate" type="application/rss+xml"' in html
    assert 'href="/odense/moeder/atom/"' in html

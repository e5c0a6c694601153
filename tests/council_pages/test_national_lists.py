"""The lists across councils, /moeder/, /hoeringssvar/ and /aarsrapporter/, through HTTP."""

import datetime
import re

import feedparser
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from council_pages.models import FollowUpOutcome, HearingKind
from tests.factories import CouncilPageFactory
from tests.factories_publications import (
    AnnualReportIndexPageFactory,
    AnnualReportPageFactory,
    HearingResponseIndexPageFactory,
    HearingResponsePageFactory,
    MeetingIndexPageFactory,
    MeetingPageFactory,
)


@pytest.fixture
def councils(db):
    odense = CouncilPageFactory(slug="odense", title="Udsatterådet i Odense")
    vejle = CouncilPageFactory(slug="vejle", title="Udsatterådet i Vejle")
    hidden = CouncilPageFactory(slug="skjult", title="Det skjulte råd")
    content = {}
    for council in (odense, vejle, hidden):
        meetings = MeetingIndexPageFactory(parent=council)
        hearings = HearingResponseIndexPageFactory(parent=council)
        reports = AnnualReportIndexPageFactory(parent=council)
        content[council.slug] = (meetings, hearings, reports)
        MeetingPageFactory(
            parent=meetings, title=f"Møde i {council.slug}", date=datetime.date(2009, 10, 22)
        )
        HearingResponsePageFactory(
            parent=hearings,
            title=f"Svar fra {council.slug}",
            response_date=datetime.date(2009, 5, 1),
            received_on=None,
            deadline=None,
        )
        AnnualReportPageFactory(parent=reports, title=f"Årsrapport {council.slug}", start_year=2009)
    meetings, hearings, reports = content["odense"]
    MeetingPageFactory(parent=meetings, title="Møde i Odense 2008", date=datetime.date(2008, 3, 1))
    HearingResponsePageFactory(
        parent=hearings,
        title="Udtalelse fra Odense 2008",
        kind=HearingKind.STATEMENT,
        response_date=datetime.date(2008, 2, 1),
        received_on=None,
        deadline=None,
        outcome=FollowUpOutcome.ADOPTED,
        outcome_date=datetime.date(2008, 6, 1),
    )
    AnnualReportPageFactory(
        parent=reports, title="Årsrapport Odense 2007-2008", start_year=2007, end_year=2008
    )
    # Planted: a draft, a restricted page, and everything of an unpublished council.
    MeetingPageFactory(
        parent=meetings, title="Kladdemøde", date=datetime.date(2009, 1, 5)
    ).unpublish()
    secret = MeetingPageFactory(
        parent=meetings, title="Lukket møde", date=datetime.date(2009, 2, 5)
    )
    PageViewRestriction.objects.create(page=secret, restriction_type=PageViewRestriction.LOGIN)
    draft = HearingResponsePageFactory(parent=hearings, title="Kladdesvar")
    draft.unpublish()
    closed = HearingResponsePageFactory(parent=hearings, title="Lukket svar")
    PageViewRestriction.objects.create(page=closed, restriction_type=PageViewRestriction.LOGIN)
    AnnualReportPageFactory(parent=reports, title="Kladderapport", start_year=2006).unpublish()
    hidden.unpublish()
    return {"odense": odense, "vejle": vejle}


def titles(html: str) -> set[str]:
    return set(re.findall(r'<h[234] class="[^"]*"><a href="[^"]+">([^<]+)</a>', html))


HIDDEN = {"Kladdemøde", "Lukket møde", "Kladdesvar", "Lukket svar", "Kladderapport"}


@pytest.mark.django_db
class TestNationalLists:
    @pytest.mark.parametrize(
        "url, expected",
        [
            ("/moeder/", {"Møde i odense", "Møde i vejle", "Møde i Odense 2008"}),
            (
                "/hoeringssvar/",
                {"Svar fra odense", "Svar fra vejle", "Udtalelse fra Odense 2008"},
            ),
            (
                "/aarsrapporter/",
                {"Årsrapport odense", "Årsrapport vejle", "Årsrapport Odense 2007-2008"},
            ),
        ],
    )
    def test_every_councils_visible_pages_and_nothing_hidden(self, client, councils, url, expected):
        response = client.get(url)
        assert response.status_code == 200
        html = response.content.decode()
        assert titles(html) == expected
        for hidden in HIDDEN | {"skjult", "Det skjulte råd"}:
            assert hidden not in html
        # Each item says which council it is from.
        assert "Udsatterådet i Vejle" in html

    def test_council_filter_and_year_filter(self, client, councils):
        html = client.get("/moeder/?raad=vejle").content.decode()
        assert titles(html) == {"Møde i vejle"}
        html = client.get("/moeder/?raad=odense&aar=2008").content.decode()
        assert titles(html) == {"Møde i Odense 2008"}
        assert '<option value="odense" selected>' in html
        html = client.get("/hoeringssvar/?type=statement").content.decode()
        assert titles(html) == {"Udtalelse fra Odense 2008"}
        html = client.get("/hoeringssvar/?opfoelgning=adopted&raad=vejle").content.decode()
        assert titles(html) == set()
        # A report for 2007-2008 is found under both years.
        html = client.get("/aarsrapporter/?aar=2007").content.decode()
        assert titles(html) == {"Årsrapport Odense 2007-2008"}

    def test_council_filter_offers_visible_councils_only(self, client, councils):
        html = client.get("/hoeringssvar/").content.decode()
        assert '<option value="odense">Udsatterådet i Odense</option>' in html
        assert 'value="skjult"' not in html

    @pytest.mark.parametrize(
        "query", ["?raad=skjult", "?raad=findes-ikke", "?aar=1800", "?type=x", "?side=999"]
    )
    def test_bad_filters_are_ignored(self, client, councils, query):
        response = client.get(f"/hoeringssvar/{query}")
        assert response.status_code == 200
        assert len(titles(response.content.decode())) == 3

    def test_tally_counts_visible_responses(self, client, councils):
        html = client.get("/hoeringssvar/").content.decode()
        tally = {
            label: int(count)
            for count, label in re.findall(
                r'outcome-tally__count">(\d+)</span> <span class="outcome-tally__label">([^<]+)',
                html,
            )
        }
        assert tally == {"afventer": 2, "fulgt": 1, "delvist fulgt": 0, "ikke fulgt": 0}
        html = client.get("/hoeringssvar/?raad=vejle").content.decode()
        assert 'href="/hoeringssvar/?raad=vejle&amp;opfoelgning=pending"' in html

    def test_paginated(self, client, councils):
        meetings = (
            councils["vejle"].get_children().type(MeetingIndexPageFactory._meta.model).first()
        )
        for day in range(1, 13):
            MeetingPageFactory(
                parent=meetings, title=f"Ekstra {day}", date=datetime.date(2010, 1, day)
            )
        first = client.get("/moeder/").content.decode()
        assert "Side 1 af 2" in first
        second = client.get("/moeder/?side=2").content.decode()
        assert len(titles(first)) + len(titles(second)) == 15

    @pytest.mark.parametrize(
        ("query", "pages", "shown"),
        [
            ("", 2, 13),
            ("?raad=vejle", 2, 11),
            ("?raad=odense&type=statement", 1, 1),
            ("?aar=2010", 1, 10),
        ],
    )
    def test_responses_paginated_with_and_without_filters(
        self, client, councils, query, pages, shown
    ):
        # Unfiltered or by council, the list's length comes from the outcome tally's sum; with
        # any other filter from the list itself. Both must give the right number of pages.
        hearings = (
            councils["vejle"]
            .get_children()
            .type(HearingResponseIndexPageFactory._meta.model)
            .first()
        )
        for day in range(1, 11):
            HearingResponsePageFactory(
                parent=hearings,
                title=f"Ekstra svar {day}",
                response_date=datetime.date(2010, 1, day),
                received_on=None,
                deadline=None,
            )
        first = client.get(f"/hoeringssvar/{query}").content.decode()
        status = re.findall(r"Side 1 af \d+", first)
        assert status == ([f"Side 1 af {pages}"] if pages > 1 else [])
        seen = titles(first)
        if pages > 1:
            sep = "&" if query else "?"
            seen |= titles(client.get(f"/hoeringssvar/{query}{sep}side=2").content.decode())
        assert len(seen) == shown

    @pytest.mark.parametrize("kind", ["moeder", "hoeringssvar", "aarsrapporter"])
    def test_feeds_are_linked_and_hold_the_same_pages(self, client, councils, kind):
        html = client.get(f"/{kind}/").content.decode()
        assert f'href="/{kind}/rss/"' in html
        feed = feedparser.parse(client.get(f"/{kind}/rss/").content)
        assert not feed.bozo
        assert {entry.title for entry in feed.entries} == titles(html)

    def test_queries_do_not_grow_with_the_number_of_pages(self, client, councils):
        def count():
            with CaptureQueriesContext(connection) as queries:
                assert client.get("/hoeringssvar/").status_code == 200
            return len(queries)

        before = count()
        hearings = (
            councils["vejle"]
            .get_children()
            .type(HearingResponseIndexPageFactory._meta.model)
            .first()
        )
        for n in range(5):
            HearingResponsePageFactory(parent=hearings, title=f"Ekstra {n}")
        assert count() == before

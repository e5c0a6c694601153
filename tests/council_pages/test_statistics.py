"""/i-tal/, "Udsatterådene i tal": every figure recomputed here, page by page, from the demo.

The view aggregates in the database; this test walks the pages in Python with ``is_visible``
and compares, after planting hidden pages that must change nothing.
"""

import csv
import datetime
import io
import re
from collections import Counter
from io import StringIO

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import PageViewRestriction

from council_pages.models import (
    AnnualReportPage,
    CouncilPage,
    HearingResponseIndexPage,
    HearingResponsePage,
    MeetingIndexPage,
    MeetingPage,
    MemberRole,
)
from tests.factories_publications import HearingResponsePageFactory, MeetingPageFactory
from visibility.rules import is_visible

YEAR = 2009


@pytest.fixture
def demo(db):
    call_command("load_demo", "--password", "demo-i-test", stdout=StringIO(), stderr=StringIO())
    odense = CouncilPage.objects.get(slug="odense")
    meetings = MeetingIndexPage.objects.child_of(odense).get()
    hearings = HearingResponseIndexPage.objects.child_of(odense).get()
    day = datetime.date(YEAR, 6, 1)
    # Planted: a draft, a restricted meeting, a restricted response, and a hidden section.
    MeetingPageFactory(parent=meetings, title="Kladde", slug="kladde", date=day).unpublish()
    closed = MeetingPageFactory(parent=meetings, title="Lukket", slug="lukket", date=day)
    PageViewRestriction.objects.create(page=closed, restriction_type=PageViewRestriction.LOGIN)
    secret = HearingResponsePageFactory(
        parent=hearings, title="Lukket svar", response_date=day, received_on=None, deadline=None
    )
    PageViewRestriction.objects.create(page=secret, restriction_type=PageViewRestriction.LOGIN)
    vejle = CouncilPage.objects.get(slug="vejle")
    vejle_hearings = HearingResponseIndexPage.objects.child_of(vejle).get()
    vejle_hearings.unpublish()  # its responses stay live but sit under an unpublished section
    return {"odense": odense, "vejle": vejle}


def expected_rows():
    today = timezone.localdate()
    rows = {}
    for council in CouncilPage.objects.live():
        if not is_visible(council):
            continue
        meetings = [
            m
            for m in MeetingPage.objects.descendant_of(council)
            if is_visible(m) and m.date.year == YEAR and m.date <= today
        ]
        responses = [
            r
            for r in HearingResponsePage.objects.descendant_of(council)
            if is_visible(r) and r.response_date and r.response_date.year == YEAR
        ]
        outcomes = Counter(r.outcome for r in responses)
        reports = [r for r in AnnualReportPage.objects.descendant_of(council) if is_visible(r)]
        for report in reports:
            if report.start_year <= YEAR <= (report.end_year or report.start_year):
                for block in report.proposals:
                    outcomes[block.value["follow_up"]["outcome"]] += 1
        decided = outcomes["adopted"] + outcomes["partly_adopted"] + outcomes["not_adopted"]
        share = (
            round((outcomes["adopted"] + outcomes["partly_adopted"] / 2) / decided * 100)
            if decided
            else None
        )
        latest = max(
            reports, key=lambda r: (r.end_year or r.start_year, r.start_year), default=None
        )
        rows[council.title] = {
            "council": council.title,
            "members": sum(1 for m in council.current_members if m.role != MemberRole.SUBSTITUTE),
            "meetings": len(meetings),
            "hearing_responses": sum(1 for r in responses if r.kind == "hearing_response"),
            "statements": sum(1 for r in responses if r.kind == "statement"),
            "adopted": outcomes["adopted"],
            "partly_adopted": outcomes["partly_adopted"],
            "not_adopted": outcomes["not_adopted"],
            "pending": outcomes["pending"],
            "share_followed": share,
            "latest_report": latest.title if latest else "",
        }
    return rows


FIGURES = [
    "members",
    "meetings",
    "hearing_responses",
    "statements",
    "adopted",
    "partly_adopted",
    "not_adopted",
    "pending",
]


@pytest.mark.django_db
class TestStatistics:
    def test_json_matches_an_independent_count_and_hidden_pages_change_nothing(self, client, demo):
        response = client.get(f"/i-tal/udsatteraadene.json?aar={YEAR}")
        assert response.status_code == 200
        data = response.json()
        assert data["year"] == YEAR
        got = {row["council"]: row for row in data["councils"]}
        expected = expected_rows()
        assert set(got) == set(expected)
        for title, row in expected.items():
            assert {k: got[title][k] for k in row} == row, title
        # The planted pages would have shown up here.
        assert got[demo["vejle"].title]["hearing_responses"] == 0
        assert got[demo["vejle"].title]["statements"] == 0
        # Not a table of zeros: the demo has something to count.
        assert sum(r["meetings"] for r in expected.values()) > 0
        assert sum(r["adopted"] for r in expected.values()) > 0

    def test_html_and_csv_give_the_same_figures(self, client, demo):
        expected = expected_rows()
        html = client.get(f"/i-tal/?aar={YEAR}").content.decode()
        assert "udsatteraadene.csv?aar=2009" in html and "udsatteraadene.json?aar=2009" in html
        assert '<svg role="img"' in html and '<title id="chart-title">' in html
        for row_html in re.findall(r"<tr>\s*<th scope=\"row\">(.*?)</tr>", html, re.S):
            title = re.search(r">([^<]+)</a></th>", row_html).group(1)
            cells = dict(re.findall(r'data-figure="(\w+)">(\d+)<', row_html))
            assert {k: int(cells[k]) for k in FIGURES} == {k: expected[title][k] for k in FIGURES}
        body = client.get(f"/i-tal/udsatteraadene.csv?aar={YEAR}").content.decode()
        rows = list(csv.DictReader(io.StringIO(body)))
        assert len(rows) == len(expected)
        for row in rows:
            assert int(row["Møder"]) == expected[row["Råd"]]["meetings"]
            assert int(row["Afventer"]) == expected[row["Råd"]]["pending"]

    def test_sorting_and_bad_parameters(self, client, demo):
        data = client.get(f"/i-tal/udsatteraadene.json?aar={YEAR}&sorter=members&orden=faldende")
        members = [row["members"] for row in data.json()["councils"]]
        assert members == sorted(members, reverse=True)
        html = client.get(f"/i-tal/?aar={YEAR}&sorter=members").content.decode()
        assert 'aria-sort="ascending"' in html
        for query in ("?aar=abc", "?aar=1800", "?sorter=x&orden=y"):
            assert client.get(f"/i-tal/{query}").status_code == 200

    def test_queries_do_not_grow_with_the_number_of_pages(self, client, demo):
        def count():
            with CaptureQueriesContext(connection) as queries:
                assert client.get(f"/i-tal/?aar={YEAR}").status_code == 200
            return len(queries)

        before = count()
        meetings = MeetingIndexPage.objects.child_of(demo["odense"]).get()
        for day in range(1, 6):
            MeetingPageFactory(
                parent=meetings, slug=f"ekstra-{day}", date=datetime.date(YEAR, 2, day)
            )
        assert count() == before

"""Annual reports: tree rules, figures computed from the site, validation, print stylesheet."""

import datetime

import pytest
from django.contrib.staticfiles import finders
from django.urls import reverse
from django.utils import timezone
from wagtail.models import PageViewRestriction
from wagtail.test.utils import WagtailPageTestCase

from council_pages.models import (
    AnnualReportIndexPage,
    AnnualReportPage,
    CouncilPage,
    FollowUpOutcome,
    HearingKind,
    MeetingStatus,
)
from tests.factories import CouncilPageFactory
from tests.factories_publications import (
    AnnualReportIndexPageFactory,
    AnnualReportPageFactory,
    HearingResponseIndexPageFactory,
    HearingResponsePageFactory,
    MeetingIndexPageFactory,
    MeetingPageFactory,
)

from .publication_forms import report_form


class AnnualReportTreeTests(WagtailPageTestCase):
    def test_tree(self):
        self.assertAllowedParentPageTypes(AnnualReportIndexPage, {CouncilPage})
        self.assertAllowedSubpageTypes(AnnualReportIndexPage, {AnnualReportPage})
        self.assertAllowedParentPageTypes(AnnualReportPage, {AnnualReportIndexPage})
        self.assertAllowedSubpageTypes(AnnualReportPage, set())


@pytest.fixture
def council(db):
    return CouncilPageFactory(slug="herning")


@pytest.fixture
def site_content(council):
    """Meetings and responses in and around 2009, some of which must not be counted."""
    meetings = MeetingIndexPageFactory(parent=council)
    for day in (datetime.date(2009, 1, 20), datetime.date(2009, 6, 2), datetime.date(2009, 11, 24)):
        MeetingPageFactory(parent=meetings, date=day)
    MeetingPageFactory(parent=meetings, date=datetime.date(2010, 1, 26))  # outside the period
    private = MeetingPageFactory(parent=meetings, date=datetime.date(2009, 3, 3))
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    MeetingPageFactory(parent=meetings, date=datetime.date(2009, 4, 4)).unpublish()

    responses = HearingResponseIndexPageFactory(parent=council)

    def response(day, outcome, kind=HearingKind.HEARING_RESPONSE, title=None):
        return HearingResponsePageFactory(
            parent=responses,
            title=title or f"Svar {day}",
            kind=kind,
            received_on=day - datetime.timedelta(days=20),
            deadline=day + datetime.timedelta(days=5),
            response_date=day,
            outcome=outcome,
            outcome_date=None if outcome == FollowUpOutcome.PENDING else day,
        )

    response(datetime.date(2009, 2, 1), FollowUpOutcome.ADOPTED, title="Svar om tandpleje")
    response(datetime.date(2009, 5, 1), FollowUpOutcome.ADOPTED)
    response(datetime.date(2009, 9, 1), FollowUpOutcome.NOT_ADOPTED)
    response(datetime.date(2009, 12, 1), FollowUpOutcome.PENDING, kind=HearingKind.STATEMENT)
    response(datetime.date(2008, 12, 31), FollowUpOutcome.ADOPTED)  # outside
    response(datetime.date(2009, 7, 1), FollowUpOutcome.ADOPTED).unpublish()  # draft
    return council


@pytest.mark.django_db
class TestComputedFigures:
    def test_counts_only_live_public_items_in_the_period(self, site_content):
        report = AnnualReportPageFactory(
            parent=AnnualReportIndexPageFactory(parent=site_content), start_year=2009
        )
        figures = report.figures
        assert figures["meeting_count"] == 3
        assert figures["hearing_response_count"] == 3
        assert figures["statement_count"] == 1
        assert {row["outcome"]: row["count"] for row in figures["outcomes"]} == {
            "pending": 1,
            "adopted": 2,
            "partly_adopted": 0,
            "not_adopted": 1,
        }

    def test_a_two_year_period_counts_both_years(self, site_content):
        report = AnnualReportPageFactory(
            parent=AnnualReportIndexPageFactory(parent=site_content),
            start_year=2008,
            end_year=2009,
            slug="2008-2009",
        )
        assert report.period_label == "2008-2009"
        assert report.figures["hearing_response_count"] == 4
        assert report.figures["meeting_count"] == 3

    def test_meetings_not_yet_held_are_not_counted(self, council):
        today = timezone.localdate()
        tomorrow = today + datetime.timedelta(days=1)
        if tomorrow.year != today.year:
            pytest.skip("needs a day later in the same year")
        meetings = MeetingIndexPageFactory(parent=council)
        MeetingPageFactory(
            parent=meetings,
            date=tomorrow,
            status=MeetingStatus.PLANNED,
            agenda_sent_on=None,
            minutes_published_on=None,
        )
        report = AnnualReportPageFactory(
            parent=AnnualReportIndexPageFactory(parent=council), start_year=today.year
        )
        assert report.figures["meeting_count"] == 0

    def test_report_page_shows_the_figures_with_links(self, client, site_content):
        report = AnnualReportPageFactory(
            parent=AnnualReportIndexPageFactory(parent=site_content), start_year=2009
        )
        html = client.get(report.url).content.decode()
        assert '<dd data-figure="meetings">3</dd>' in html
        assert '<dd data-figure="hearing-responses">3</dd>' in html
        assert '<dd data-figure="outcome-adopted">2</dd>' in html
        assert 'href="/herning/hoeringssvar/' in html and "Svar om tandpleje" in html
        assert 'href="/herning/moeder/2009-11-24/"' in html
        assert "annual-report-print.css" in html


def test_print_stylesheet_sets_a4():
    path = finders.find("council_pages/css/annual-report-print.css")
    assert path is not None
    with open(path, encoding="utf-8") as css:
        assert "size: A4" in css.read()


@pytest.mark.django_db
class TestAdmin:
    def _add_url(self, index):
        return reverse(
            "wagtailadmin_pages:add", args=("council_pages", "annualreportpage", index.pk)
        )

    def test_create_edit_and_preview(self, admin_client, council):
        index = AnnualReportIndexPageFactory(parent=council)
        # The slug the admin derived from the title gives way to the period.
        data = {**report_form(slug="aarsrapport-2009"), "action-publish": "1"}
        response = admin_client.post(self._add_url(index), data)
        assert response.status_code == 302, response.content.decode()[:3000]
        report = AnnualReportPage.objects.get()
        assert report.url == "/herning/aarsrapporter/2009/"

        edit_url = reverse("wagtailadmin_pages:edit", args=(report.pk,))
        data = report_form(summary="Et nyt resumé.")
        assert admin_client.post(edit_url, data).status_code == 302
        preview_url = reverse("wagtailadmin_pages:preview_on_edit", args=(report.pk,))
        assert admin_client.post(preview_url, data).json()["is_valid"] is True
        assert "Et nyt resumé." in admin_client.get(preview_url).content.decode()

    @pytest.mark.parametrize(
        ("overrides", "message"),
        [
            ({"start_year": "next"}, "Årsrapporten kan ikke handle om et år, der ikke er begyndt."),
            (
                {"start_year": "2009", "end_year": "2008"},
                "Perioden kan ikke slutte, før den begynder.",
            ),
            ({"start_year": "2009", "end_year": "next"}, "Perioden kan ikke slutte i et år"),
        ],
    )
    def test_bad_periods_get_a_danish_message_and_keep_the_input(
        self, admin_client, council, overrides, message
    ):
        next_year = str(timezone.localdate().year + 1)
        overrides = {k: next_year if v == "next" else v for k, v in overrides.items()}
        index = AnnualReportIndexPageFactory(parent=council)
        data = report_form(summary="Mit omhyggelige resumé", **overrides)
        response = admin_client.post(self._add_url(index), data)
        assert response.status_code == 200
        html = response.content.decode()
        assert message in html
        assert "Mit omhyggelige resumé" in html
        assert not AnnualReportPage.objects.exists()


@pytest.mark.django_db
def test_open_data_api_gives_the_computed_figures(client, site_content):
    report = AnnualReportPageFactory(
        parent=AnnualReportIndexPageFactory(parent=site_content), start_year=2009
    )
    figures = client.get(f"/api/v2/pages/{report.pk}/").json()["computed_figures"]
    assert figures["meeting_count"] == 3
    assert figures["outcomes"] == {
        "pending": 1,
        "adopted": 2,
        "partly_adopted": 0,
        "not_adopted": 1,
    }
    assert len(figures["response_ids"]) == 4

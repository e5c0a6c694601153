"""Follow-up of the proposals in an annual report: edited in the admin, shown and tallied."""

import json
import re

import pytest
from django.urls import reverse
from wagtail.test.utils.form_data import rich_text, streamfield

from council_pages.models import AnnualReportPage
from tests.factories import CouncilPageFactory
from tests.factories_publications import (
    AnnualReportIndexPageFactory,
    AnnualReportPageFactory,
)

from .publication_forms import report_form


def proposal(title, outcome="pending", date="", note="", link=""):
    follow_up = {
        "outcome": outcome,
        "outcome_date": date,
        "outcome_note": note,
        "outcome_link": link,
    }
    return ("proposal", {"title": title, "text": rich_text(""), "follow_up": follow_up})


def stored(title, outcome="pending", date=None, note="", link=""):
    follow_up = {"outcome": outcome, "outcome_date": date, "outcome_note": note}
    return (
        "proposal",
        {"title": title, "text": "", "follow_up": {**follow_up, "outcome_link": link}},
    )


@pytest.fixture
def index(db):
    return AnnualReportIndexPageFactory(parent=CouncilPageFactory(slug="herning"))


def figures(html: str) -> dict:
    return {k: int(v) for k, v in re.findall(r'data-figure="([^"]+)">(\d+)<', html)}


@pytest.mark.django_db
class TestAdmin:
    def _add_url(self, index):
        return reverse(
            "wagtailadmin_pages:add", args=("council_pages", "annualreportpage", index.pk)
        )

    def test_a_decided_proposal_needs_its_date_and_the_input_is_kept(self, admin_client, index):
        data = report_form(
            proposals=streamfield(
                [proposal("Tandklinik", "adopted", note="Byrådet sagde ja med forbehold.")]
            )
        )
        response = admin_client.post(self._add_url(index), data)
        assert response.status_code == 200
        html = response.content.decode()
        # Block errors and values travel to the editor's JavaScript as JSON.
        for text in (
            "Skriv hvornår kommunen traf beslutningen.",
            "Byrådet sagde ja med forbehold.",
        ):
            assert text in html or json.dumps(text)[1:-1] in html
        assert not AnnualReportPage.objects.exists()

    def test_publish_with_follow_up_shows_and_tallies_it(self, admin_client, client, index):
        data = report_form(
            proposals=streamfield(
                [
                    proposal(
                        "Tandklinik",
                        "adopted",
                        "2010-03-01",
                        "Klinikken kører fra maj.",
                        "https://example.dk/referat",
                    ),
                    proposal("Aftenåbent", "not_adopted", "2010-03-01"),
                    proposal("Brugerpanel"),
                ]
            )
        )
        response = admin_client.post(self._add_url(index), {**data, "action-publish": "1"})
        assert response.status_code == 302, response.content.decode()[:2000]
        html = client.get(AnnualReportPage.objects.get().url).content.decode()
        assert "Klinikken kører fra maj." in html
        assert 'href="https://example.dk/referat"' in html
        assert '<time datetime="2010-03-01">' in html
        counts = figures(html)
        assert counts["proposal-outcome-adopted"] == 1
        assert counts["proposal-outcome-not_adopted"] == 1
        assert counts["proposal-outcome-pending"] == 1
        assert counts["proposal-outcome-partly_adopted"] == 0


@pytest.mark.django_db
def test_open_data_gives_the_proposal_tally(client, index):
    report = AnnualReportPageFactory(
        parent=index,
        start_year=2009,
        proposals=[
            stored("A", "partly_adopted", "2010-01-01"),
            stored("B", "partly_adopted", "2010-01-01"),
            stored("C"),
        ],
    )
    data = client.get(f"/api/v2/pages/{report.pk}/").json()["computed_figures"]
    assert data["proposal_outcomes"] == {
        "pending": 1,
        "adopted": 0,
        "partly_adopted": 2,
        "not_adopted": 0,
    }


@pytest.mark.django_db
def test_a_proposal_saved_before_follow_up_existed_reads_as_pending(client, index):
    report = AnnualReportPageFactory(
        parent=index, proposals=[("proposal", {"title": "Gammelt forslag", "text": ""})]
    )
    html = client.get(report.url).content.decode()
    assert "Kommunen har ikke truffet en beslutning endnu." in html
    assert figures(html)["proposal-outcome-pending"] == 1

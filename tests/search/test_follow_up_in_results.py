"""Hearing-response results say what the municipality did with the advice."""

import datetime
import io

import pytest
from django.core.management import call_command

from council_pages.models import FollowUpOutcome, HearingStatus
from tests.factories import CouncilPageFactory
from tests.factories_publications import (
    HearingResponseIndexPageFactory,
    HearingResponsePageFactory,
)


@pytest.fixture
def responses(db):
    index = HearingResponseIndexPageFactory(parent=CouncilPageFactory(slug="vejle"))
    followed = HearingResponsePageFactory(
        parent=index,
        title="Svar om nødovernatning",
        summary="Rådet vil have nødovernatning hele året.",
        outcome=FollowUpOutcome.ADOPTED,
        outcome_date=datetime.date(2009, 12, 1),
    )
    open_hearing = HearingResponsePageFactory(
        parent=index,
        title="Høring om nødovernatning i weekenden",
        summary="Kommunen spørger rådet om nødovernatning i weekenden.",
        status=HearingStatus.IN_PROGRESS,
        response="",
        response_date=None,
        deadline=datetime.date(2030, 1, 1),
    )
    call_command("search_index", "rebuild", stdout=io.StringIO())
    return followed, open_hearing


@pytest.mark.django_db
def test_results_show_the_outcome_or_that_the_council_is_answering(client, responses):
    results = client.get("/api/search/", {"q": "nødovernatning"}).json()["results"]
    assert {r["title"]: r["outcome"] for r in results} == {
        "Svar om nødovernatning": "adopted",
        "Høring om nødovernatning i weekenden": "in_progress",
    }
    html = client.get("/soeg/", {"q": "nødovernatning"}).content.decode()
    assert "Kommunen: fulgt" in html
    assert "Rådet arbejder på svaret" in html


@pytest.mark.django_db
def test_a_new_decision_shows_at_once(client, responses, django_capture_on_commit_callbacks):
    followed, _open = responses
    followed.outcome = FollowUpOutcome.NOT_ADOPTED
    with django_capture_on_commit_callbacks(execute=True):
        followed.save_revision().publish()
    html = client.get("/soeg/", {"q": "nødovernatning"}).content.decode()
    assert "Kommunen: ikke fulgt" in html

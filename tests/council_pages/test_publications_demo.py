"""The demo's publications: every council gets rules, meetings, hearing responses, a report."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone
from wagtail.models import PageViewRestriction

from council_pages.models import (
    AnnualReportPage,
    CouncilPage,
    FollowUpOutcome,
    HearingResponsePage,
    HearingStatus,
    MeetingPage,
    MeetingStatus,
    RulesOfProcedurePage,
)

# Clauses per § in the rules attached to the source (Esbjerg 2008, Odense).
ESBJERG_CLAUSES = [2, 2, 3, 2, 2, 2, 3, 2, 6, 2, 1, 2, 2, 1, 2, 2]
ODENSE_CLAUSES = [4, 1, 1, 5, 1, 2, 2, 5, 2, 3, 2, 1, 2, 3, 1, 2]


def _clauses(rules):
    return [len(p.clauses) for chapter in rules.chapters for p in chapter.paragraphs]


@pytest.mark.django_db
def test_demo_publications(client):
    call_command("load_demo", stdout=StringIO(), stderr=StringIO())

    for council in CouncilPage.objects.all():
        rules = RulesOfProcedurePage.objects.child_of(council).live().get()
        assert rules.chapters
        meetings = MeetingPage.objects.descendant_of(council).live()
        with_minutes = meetings.filter(status=MeetingStatus.MINUTES)
        assert with_minutes.count() >= 3, council.slug
        responses = HearingResponsePage.objects.descendant_of(council).live()
        assert responses.count() >= 2
        assert responses.exclude(outcome=FollowUpOutcome.PENDING).exists()
        open_hearings = responses.filter(
            status=HearingStatus.IN_PROGRESS, deadline__gt=timezone.localdate()
        )
        assert open_hearings.public().exists(), council.slug
        assert AnnualReportPage.objects.descendant_of(council).live().exists()

    def rules_of(slug):
        return RulesOfProcedurePage.objects.child_of(CouncilPage.objects.get(slug=slug)).get()

    esbjerg = rules_of("esbjerg")
    assert _clauses(esbjerg) == ESBJERG_CLAUSES
    assert str(esbjerg.adopted_on) == "2008-06-16"
    odense = rules_of("odense")
    assert _clauses(odense) == ODENSE_CLAUSES
    assert len(odense.versions()) == 2  # the amendment keeps the first version readable

    herning = MeetingPage.objects.get(url_path__endswith="/herning/moeder/2009-11-24/")
    titles = [item["value"]["title"] for item in herning.numbered_items]
    assert "Tandpleje for udsatte" in titles
    assert "Evaluering af Udsatterådets temadag" in titles
    odense_meeting = MeetingPage.objects.get(url_path__endswith="/odense/moeder/2009-10-22/")
    numbers = {
        sub["number"]: sub["value"]["title"]
        for item in odense_meeting.numbered_items
        for sub in item["sub_items"]
    }
    assert numbers == {
        "3.1": "Orientering fra formanden",
        "3.2": "Orientering fra forvaltningen",
        "4.1": "Årsrapport 2008-2009",
        "4.2": "Forslag til årsplan 2010",
    }
    assert odense_meeting.minutes_approval.state == "objection"

    # One demo meeting shows the privacy control at work.
    private = PageViewRestriction.objects.get().page
    assert client.get(private.url).status_code == 302
    assert client.get("/odense/forretningsorden/versioner/").status_code == 200

"""Hearing responses: tree rules, follow-up filter and tally, validation, admin editing."""

import datetime

import pytest
from django.urls import reverse
from wagtail.models import PageViewRestriction
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import rich_text, streamfield

from council_pages.models import (
    CouncilPage,
    FollowUpOutcome,
    HearingKind,
    HearingResponseIndexPage,
    HearingResponsePage,
    TargetGroup,
)
from tests.factories import CouncilPageFactory
from tests.factories_publications import (
    HearingResponseIndexPageFactory,
    HearingResponsePageFactory,
)

from .publication_forms import hearing_form


class HearingTreeTests(WagtailPageTestCase):
    def test_tree(self):
        self.assertAllowedParentPageTypes(HearingResponseIndexPage, {CouncilPage})
        self.assertAllowedSubpageTypes(HearingResponseIndexPage, {HearingResponsePage})
        self.assertAllowedParentPageTypes(HearingResponsePage, {HearingResponseIndexPage})
        self.assertAllowedSubpageTypes(HearingResponsePage, set())


@pytest.fixture
def index(db):
    return HearingResponseIndexPageFactory(parent=CouncilPageFactory(slug="odense"))


def _response(index, title, outcome=FollowUpOutcome.PENDING, **kwargs):
    if outcome != FollowUpOutcome.PENDING:
        kwargs.setdefault("outcome_date", datetime.date(2009, 12, 1))
    return HearingResponsePageFactory(parent=index, title=title, outcome=outcome, **kwargs)


@pytest.mark.django_db
class TestPublicPages:
    def test_response_page_shows_consultation_response_minority_and_follow_up(self, client, index):
        page = _response(
            index,
            "Svar om hjemløsestrategi",
            FollowUpOutcome.PARTLY_ADOPTED,
            consultation_title="Strategi for hjemløse 2010-2013",
            case_number="09/18734",
            minority_opinions=[
                ("opinion", {"holders": "To brugerrepræsentanter", "text": rich_text_value()})
            ],
            outcome_note="Byrådet fulgte en del af rådet.",
            outcome_link="https://example.dk/referat",
        )
        html = client.get(page.url).content.decode()
        for text in (
            "Strategi for hjemløse 2010-2013",
            "09/18734",
            "Socialudvalget",
            "1. september 2009",  # received
            "30. september 2009",  # deadline
            "Rådet støtter forslaget.",
            "To brugerrepræsentanter",
            "Mindretallet ønsker mere.",
            "Delvist fulgt",
            "Byrådet fulgte en del af rådet.",
            'href="https://example.dk/referat"',
        ):
            assert text in html, text

    def test_filter_by_follow_up_and_kind_with_tally(self, client, index):
        _response(index, "Svar A", FollowUpOutcome.ADOPTED)
        _response(index, "Svar B", FollowUpOutcome.ADOPTED)
        _response(index, "Svar C", FollowUpOutcome.NOT_ADOPTED)
        _response(index, "Udtalelse D", kind=HearingKind.STATEMENT)
        html = client.get(index.url, {"opfoelgning": "adopted"}).content.decode()
        assert "Svar A" in html and "Svar B" in html
        assert "Svar C" not in html and "Udtalelse D" not in html
        assert index.outcome_tally() == [
            {"outcome": "pending", "label": "Afventer", "count": 1},
            {"outcome": "adopted", "label": "Fulgt", "count": 2},
            {"outcome": "partly_adopted", "label": "Delvist fulgt", "count": 0},
            {"outcome": "not_adopted", "label": "Ikke fulgt", "count": 1},
        ]
        html = client.get(index.url, {"type": "statement"}).content.decode()
        assert "Udtalelse D" in html and "Svar A" not in html

    def test_filter_by_year_and_target_group(self, client, index):
        a = _response(index, "Svar om unge", response_date=datetime.date(2010, 2, 1))
        a.target_groups.set(TargetGroup.objects.filter(slug="unge"))
        a.save_revision().publish()
        _response(index, "Svar om boliger", response_date=datetime.date(2009, 10, 1))
        html = client.get(index.url, {"maalgruppe": "unge"}).content.decode()
        assert "Svar om unge" in html and "Svar om boliger" not in html
        html = client.get(index.url, {"aar": "2009"}).content.decode()
        assert "Svar om boliger" in html and "Svar om unge" not in html

    @pytest.mark.parametrize(
        "params",
        [{"opfoelgning": "nonsense"}, {"aar": "zzz"}, {"maalgruppe": "<b>"}, {"side": "x"}],
    )
    def test_bad_filters_are_ignored(self, client, index, params):
        _response(index, "Svar A")
        response = client.get(index.url, params)
        assert response.status_code == 200
        assert "Svar A" in response.content.decode()

    def test_council_page_shows_tally_of_public_responses_only(self, client, index):
        _response(index, "Svar A", FollowUpOutcome.ADOPTED)
        _response(index, "Svar B", FollowUpOutcome.ADOPTED)
        hidden = _response(index, "Svar C", FollowUpOutcome.NOT_ADOPTED)
        PageViewRestriction.objects.create(page=hidden, restriction_type="login")
        draft = _response(index, "Svar D", FollowUpOutcome.NOT_ADOPTED)
        draft.unpublish()
        html = client.get(index.get_parent().url).content.decode()
        tally = 'outcome-tally__count">{}</span> <span class="outcome-tally__label">{}<'
        assert tally.format(2, "fulgt") in html
        assert tally.format(0, "ikke fulgt") in html
        assert "Svar C" not in client.get(index.url).content.decode()


def rich_text_value():
    from wagtail.rich_text import RichText

    return RichText("<p>Mindretallet ønsker mere.</p>")


@pytest.mark.django_db
class TestAdmin:
    def _add_url(self, index):
        return reverse(
            "wagtailadmin_pages:add", args=("council_pages", "hearingresponsepage", index.pk)
        )

    def test_create_with_minority_opinion_then_edit_and_preview(self, admin_client, index):
        data = hearing_form(
            minority_opinions=streamfield(
                [("opinion", {"holders": "Et mindretal", "text": rich_text("<p>Nej tak.</p>")})]
            ),
            target_groups="Hjemløse",
        )
        response = admin_client.post(self._add_url(index), {**data, "action-publish": "1"})
        assert response.status_code == 302, response.content.decode()[:3000]
        page = HearingResponsePage.objects.get()
        assert page.minority_opinions[0].value["holders"] == "Et mindretal"

        edit_url = reverse("wagtailadmin_pages:edit", args=(page.pk,))
        data = hearing_form(outcome="adopted", outcome_date="2009-11-04", outcome_note="Fulgt.")
        assert admin_client.post(edit_url, data).status_code == 302
        page = HearingResponsePage.objects.get(pk=page.pk)
        assert page.get_latest_revision_as_object().outcome == "adopted"

        preview_url = reverse("wagtailadmin_pages:preview_on_edit", args=(page.pk,))
        assert admin_client.post(preview_url, data).json()["is_valid"] is True
        assert "Fulgt." in admin_client.get(preview_url).content.decode()

    @pytest.mark.parametrize(
        ("overrides", "message"),
        [
            (
                {"received_on": "2009-09-01", "deadline": "2009-08-01"},
                "Høringsfristen kan ikke ligge før den dag, høringen kom.",
            ),
            (
                {"received_on": "2009-09-01", "response_date": "2009-08-01", "deadline": ""},
                "Rådet kan ikke have svaret, før høringen kom.",
            ),
            (
                {"outcome": "adopted", "outcome_date": ""},
                "Skriv hvornår kommunen traf beslutningen.",
            ),
        ],
    )
    def test_bad_dates_get_a_danish_message_and_keep_the_input(
        self, admin_client, index, overrides, message
    ):
        data = hearing_form(consultation_title="Min lange titel", **overrides)
        response = admin_client.post(self._add_url(index), data)
        assert response.status_code == 200
        html = response.content.decode()
        assert message in html
        assert "Min lange titel" in html
        assert not HearingResponsePage.objects.exists()

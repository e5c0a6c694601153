"""Meetings: tree rules, agenda numbering, minutes approval, notice warnings, the admin, the API.

The control that keeps minutes from the public is in ``test_meeting_privacy.py``.
"""

import datetime
import json
import re

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse
from django.utils import timezone
from wagtail.test.utils import WagtailPageTestCase

from council_pages.models import (
    AnnualReportIndexPage,
    CouncilPage,
    HearingResponseIndexPage,
    MeetingIndexPage,
    MeetingPage,
    MeetingStatus,
    RulesOfProcedurePage,
)
from council_pages.models.meeting_privacy import restrict_to_council
from tests.factories import CouncilPageFactory
from tests.factories_publications import (
    MeetingIndexPageFactory,
    MeetingPageFactory,
    agenda_item,
    agenda_sub_item,
)

from .publication_forms import agenda, meeting_form


class MeetingTreeTests(WagtailPageTestCase):
    def test_council_holds_the_four_sections(self):
        self.assertAllowedSubpageTypes(
            CouncilPage,
            {
                RulesOfProcedurePage,
                MeetingIndexPage,
                HearingResponseIndexPage,
                AnnualReportIndexPage,
            },
        )

    def test_meetings_live_under_a_meeting_index_only(self):
        self.assertAllowedParentPageTypes(MeetingIndexPage, {CouncilPage})
        self.assertAllowedSubpageTypes(MeetingIndexPage, {MeetingPage})
        self.assertAllowedParentPageTypes(MeetingPage, {MeetingIndexPage})
        self.assertAllowedSubpageTypes(MeetingPage, set())

    def test_one_meeting_index_per_council(self):
        council = CouncilPageFactory()
        self.assertCanCreateAt(CouncilPage, MeetingIndexPage)
        self.assertTrue(MeetingIndexPage.can_create_at(council))
        MeetingIndexPageFactory(parent=council)
        self.assertFalse(MeetingIndexPage.can_create_at(council))


@pytest.mark.django_db
class TestRendering:
    def test_items_and_sub_items_are_numbered_from_their_order(self, client, meeting_index):
        meeting = MeetingPageFactory(
            parent=meeting_index,
            agenda=[
                agenda_item("Godkendelse af dagsorden"),
                agenda_item("Godkendelse af referat"),
                agenda_item(
                    "Til orientering",
                    sub_items=[
                        agenda_sub_item(
                            "Orientering fra formanden", decision="Taget til efterretning"
                        ),
                        agenda_sub_item("Orientering fra forvaltningen"),
                    ],
                ),
                agenda_item("Eventuelt", kind="other_business"),
            ],
        )
        html = client.get(meeting.url).content.decode()
        assert 'id="punkt-3"' in html
        assert 'id="punkt-3-1"' in html and 'id="punkt-3-2"' in html
        assert 'href="#punkt-3-2">3.2.</a> Orientering fra forvaltningen' in html
        assert 'href="#punkt-4">4.</a> Eventuelt' in html
        assert "Taget til efterretning" in html  # minutes shown once published

        # Moving an item renumbers everything after it.
        items = [("item", block.value) for block in meeting.agenda]
        meeting.agenda = [items[2], *items[:2], items[3]]
        meeting.save_revision().publish()
        html = client.get(meeting.url).content.decode()
        assert 'href="#punkt-1-2">1.2.</a> Orientering fra forvaltningen' in html
        assert 'href="#punkt-4">4.</a> Godkendelse af referat' not in html
        assert 'href="#punkt-2">2.</a> Godkendelse af dagsorden' in html

    def test_minutes_are_hidden_until_published(self, client, meeting_index):
        meeting = MeetingPageFactory(
            parent=meeting_index,
            date=timezone.localdate() + datetime.timedelta(days=10),
            status=MeetingStatus.AGENDA,
            agenda_sent_on=timezone.localdate(),
            minutes_published_on=None,
            agenda=[agenda_item("Budget", decision="Hemmelig beslutning")],
        )
        html = client.get(meeting.url).content.decode()
        assert "Budget" in html
        assert "Hemmelig beslutning" not in html

    def test_public_sees_notice_dates_and_late_agenda(self, client, meeting_index):
        meeting = MeetingPageFactory(
            parent=meeting_index,
            date=datetime.date(2009, 12, 1),
            agenda_sent_on=datetime.date(2009, 11, 28),
        )
        html = client.get(meeting.url).content.decode()
        assert "28. november 2009 (3 dage før mødet)" in html
        assert "senest 5 dage før" in html
        assert "dagsordenen kom for sent ud" in html

    def test_attendance_is_listed(self, client, meeting_index):
        meeting = MeetingPageFactory(
            parent=meeting_index, present="Anna\nBo", absent="Carl", substitutes="Dorte for Carl"
        )
        html = client.get(meeting.url).content.decode()
        for name in ("Anna", "Bo", "Carl", "Dorte for Carl"):
            assert f"<li>{name}</li>" in html


@pytest.mark.django_db
class TestMinutesApproval:
    def test_pending_until_next_meeting_has_taken_place(self, meeting_index):
        meeting = MeetingPageFactory(parent=meeting_index, date=datetime.date(2009, 10, 22))
        assert meeting.minutes_approval.state == "pending"
        MeetingPageFactory(
            parent=meeting_index,
            date=timezone.localdate() + datetime.timedelta(days=30),
            status=MeetingStatus.PLANNED,
        )
        meeting = MeetingPage.objects.get(pk=meeting.pk)
        assert meeting.minutes_approval.state == "pending"

    def test_approved_when_next_meeting_records_no_objection(self, client, meeting_index):
        meeting = MeetingPageFactory(parent=meeting_index, date=datetime.date(2009, 10, 22))
        MeetingPageFactory(parent=meeting_index, date=datetime.date(2009, 12, 10))
        assert MeetingPage.objects.get(pk=meeting.pk).minutes_approval.state == "approved"
        html = client.get(meeting.url).content.decode()
        assert "Godkendt. Ingen protesterede på mødet 10. december 2009." in html

    def test_objection_recorded_on_the_next_meeting(self, client, meeting_index):
        meeting = MeetingPageFactory(parent=meeting_index, date=datetime.date(2009, 10, 22))
        MeetingPageFactory(
            parent=meeting_index,
            date=datetime.date(2009, 12, 10),
            objection_to_previous_minutes="Punkt 4.2 er ikke gengivet rigtigt.",
        )
        assert MeetingPage.objects.get(pk=meeting.pk).minutes_approval.state == "objection"
        html = client.get(meeting.url).content.decode()
        assert "Ikke godkendt: et medlem protesterede på mødet 10. december 2009" in html


@pytest.mark.django_db
class TestIndex:
    def test_newest_first_paginated_and_bad_page_is_not_an_error(self, client, meeting_index):
        for day in range(1, 13):
            MeetingPageFactory(parent=meeting_index, date=datetime.date(2009, 1, day))
        html = client.get(meeting_index.url).content.decode()
        assert html.index("12. januar 2009") < html.index("11. januar 2009")
        assert "Side 1 af 2" in html
        for bad in ("abc", "-1", "999", "1.5"):
            assert client.get(meeting_index.url, {"side": bad}).status_code == 200

    def test_year_filter_and_bad_year_is_ignored(self, client, meeting_index):
        MeetingPageFactory(parent=meeting_index, date=datetime.date(2009, 5, 1))
        MeetingPageFactory(parent=meeting_index, date=datetime.date(2010, 5, 1))
        html = client.get(meeting_index.url, {"aar": "2009"}).content.decode()
        assert "1. maj 2009" in html and "1. maj 2010" not in html
        response = client.get(meeting_index.url, {"aar": "2009'; drop"})
        assert response.status_code == 200
        assert "1. maj 2010" in response.content.decode()

    def test_the_year_choices_are_the_years_with_a_visible_meeting(self, client, meeting_index):
        MeetingPageFactory(parent=meeting_index, date=datetime.date(2007, 3, 1))
        MeetingPageFactory(parent=meeting_index, date=datetime.date(2009, 5, 1))
        MeetingPageFactory(parent=meeting_index, date=datetime.date(2009, 6, 1))
        draft = MeetingPageFactory(parent=meeting_index, date=datetime.date(2011, 5, 1))
        draft.unpublish()

        html = client.get(meeting_index.url).content.decode()

        choices = re.findall(r'<option value="(\d{4})"', html)
        assert choices == ["2009", "2007"]


def _add_url(parent):
    return reverse("wagtailadmin_pages:add", args=("council_pages", "meetingpage", parent.pk))


@pytest.mark.django_db
class TestAdmin:
    def test_new_meeting_starts_from_the_skeleton(self, admin_client, meeting_index):
        html = admin_client.get(_add_url(meeting_index)).content.decode()
        for title in (
            "Godkendelse af dagsorden",
            "Godkendelse af referat fra sidste møde",
            "Eventuelt",
        ):
            # The StreamField's initial value travels as JSON inside the page.
            assert json.dumps(title)[1:-1] in html

    @pytest.mark.parametrize("typed_slug", ["møde-22-oktober-2009", "mde-22-oktober-2009", ""])
    def test_create_addresses_the_meeting_by_its_date(
        self, admin_client, meeting_index, typed_slug
    ):
        response = admin_client.post(
            _add_url(meeting_index), meeting_form(slug=typed_slug, action_publish="1")
        )
        assert response.status_code == 302, response.content.decode()[:2000]
        meeting = MeetingPage.objects.get()
        assert meeting.slug == "2009-10-22"
        assert meeting.url == "/odense/moeder/2009-10-22/"

    def test_a_second_meeting_on_the_same_day_gets_its_own_address(
        self, admin_client, meeting_index
    ):
        MeetingPageFactory(parent=meeting_index, date=datetime.date(2009, 10, 22))
        response = admin_client.post(_add_url(meeting_index), meeting_form(action_publish="1"))
        assert response.status_code == 302
        assert MeetingPage.objects.filter(slug="2009-10-22-2").exists()

    def test_a_slug_the_editor_chose_is_kept(self, admin_client, meeting_index):
        admin_client.post(
            _add_url(meeting_index), meeting_form(slug="ekstraordinaert", action_publish="1")
        )
        assert MeetingPage.objects.get().slug == "ekstraordinaert"

    def test_end_before_start_is_refused_in_danish_and_nothing_is_lost(
        self, admin_client, meeting_index
    ):
        response = admin_client.post(
            _add_url(meeting_index),
            meeting_form(start_time="17:00", end_time="15:00", place="Værestedet Gaden"),
        )
        assert response.status_code == 200
        html = response.content.decode()
        assert "Mødet kan ikke slutte, før det er begyndt." in html
        assert "Værestedet Gaden" in html  # the editor's input is still there
        assert not MeetingPage.objects.exists()

    def test_minutes_for_a_future_meeting_are_refused(self, admin_client, meeting_index):
        future = (timezone.localdate() + datetime.timedelta(days=20)).isoformat()
        response = admin_client.post(
            _add_url(meeting_index),
            meeting_form(date=future, agenda_sent_on="", minutes_published_on=""),
        )
        assert "Der kan ikke være et referat fra et møde, der ikke er holdt endnu." in (
            response.content.decode()
        )

    def test_late_agenda_warns_the_editor_but_saves(self, admin_client, meeting_index):
        meeting = MeetingPageFactory(parent=meeting_index)
        url = reverse("wagtailadmin_pages:edit", args=(meeting.pk,))
        response = admin_client.post(
            url, meeting_form(slug=meeting.slug, agenda_sent_on="2009-10-20")
        )
        assert response.status_code == 302
        warnings = [str(m) for m in get_messages(response.wsgi_request) if m.level_tag == "warning"]
        assert any("2 dage før mødet" in w and "mindst 5 dage" in w for w in warnings)
        assert MeetingPage.objects.get(
            pk=meeting.pk
        ).get_latest_revision_as_object().agenda_sent_on == (datetime.date(2009, 10, 20))

    def test_timely_agenda_gives_no_warning(self, admin_client, meeting_index):
        meeting = MeetingPageFactory(parent=meeting_index)
        url = reverse("wagtailadmin_pages:edit", args=(meeting.pk,))
        response = admin_client.post(url, meeting_form(slug=meeting.slug))
        warnings = [m for m in get_messages(response.wsgi_request) if m.level_tag == "warning"]
        assert warnings == []

    def test_preview_renders_the_agenda(self, admin_client, meeting_index):
        meeting = MeetingPageFactory(parent=meeting_index)
        url = reverse("wagtailadmin_pages:preview_on_edit", args=(meeting.pk,))
        data = meeting_form(
            slug=meeting.slug,
            agenda=agenda([{"title": "Forhåndsvist punkt", "sub_items": [{"title": "Under"}]}]),
        )
        assert admin_client.post(url, data).json()["is_valid"] is True
        html = admin_client.get(url).content.decode()
        assert 'href="#punkt-1-1">1.1.</a> Under' in html
        assert "Forhåndsvist punkt" in html


@pytest.mark.django_db
def test_open_data_api_gives_numbered_agenda_and_minutes_only_once_published(client, meeting_index):
    planned = MeetingPageFactory(
        parent=meeting_index,
        date=timezone.localdate() + datetime.timedelta(days=10),
        status=MeetingStatus.AGENDA,
        agenda_sent_on=timezone.localdate(),
        minutes_published_on=None,
        agenda=[
            agenda_item(
                "Budget", decision="Endnu ikke offentlig", sub_items=[agenda_sub_item("Del")]
            )
        ],
    )
    held = MeetingPageFactory(parent=meeting_index, agenda=[agenda_item("Status", decision="Ja")])
    hidden = MeetingPageFactory(parent=meeting_index, date=datetime.date(2009, 1, 1))
    restrict_to_council(hidden, hidden.council)

    def api(page):
        return client.get(f"/api/v2/pages/{page.pk}/").json()

    items = api(planned)["agenda_items"]
    assert items[0]["number"] == "1" and items[0]["sub_items"][0]["anchor"] == "punkt-1-1"
    assert "decision" not in items[0]
    assert api(planned)["attendance"] is None
    assert api(held)["agenda_items"][0]["decision"] == "<p>Ja</p>"
    listed = client.get("/api/v2/pages/", {"type": "council_pages.MeetingPage"}).json()
    assert {item["id"] for item in listed["items"]} == {planned.pk, held.pk}

"""Meetings: the one checkbox that keeps a meeting's minutes from the public."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.urls import reverse
from wagtail.models import GroupPagePermission, PageViewRestriction

from council_pages.models import MeetingPage
from council_pages.models.meeting_privacy import restrict_to_council
from council_pages.models.roles import council_group
from tests.factories_publications import MeetingPageFactory

from .publication_forms import agenda, meeting_form


@pytest.mark.django_db
class TestMinutesPrivacy:
    def test_one_checkbox_restricts_the_meeting_to_the_councils_people(
        self, client, admin_client, meeting_index
    ):
        meeting = MeetingPageFactory(parent=meeting_index, title="Fortroligt møde")
        edit_url = reverse("wagtailadmin_pages:edit", args=(meeting.pk,))
        assert "Referatet må ikke offentliggøres" in admin_client.get(edit_url).content.decode()

        response = admin_client.post(
            edit_url, meeting_form(slug=meeting.slug, minutes_not_public="on", action_publish="1")
        )
        assert response.status_code == 302
        restriction = PageViewRestriction.objects.get(page=meeting)
        assert restriction.restriction_type == PageViewRestriction.GROUPS
        council = meeting_index.get_parent().specific
        assert list(restriction.groups.all()) == [council_group(council)]

        # The public can neither open the meeting nor see it listed.
        assert client.get(meeting.url).status_code == 302
        assert "Fortroligt møde" not in client.get(meeting_index.url).content.decode()
        # The checkbox shows the current state.

        # Unticking makes the minutes public again.
        assert "checked" in _checkbox_html(admin_client.get(edit_url).content.decode())
        response = admin_client.post(edit_url, meeting_form(slug=meeting.slug, action_publish="1"))
        assert response.status_code == 302
        assert not PageViewRestriction.objects.filter(page=meeting).exists()
        assert client.get(meeting.url).status_code == 200

    def test_council_group_members_can_read_restricted_minutes(self, client, meeting_index):
        meeting = MeetingPageFactory(parent=meeting_index)
        restrict_to_council(meeting, meeting.council)
        council = meeting_index.get_parent().specific
        member = get_user_model().objects.create_user("sekretaer", password="x")
        outsider = get_user_model().objects.create_user("udenfor", password="x")
        council_group(council).user_set.add(member)
        client.force_login(outsider)
        assert client.get(meeting.url).status_code != 200
        client.force_login(member)
        assert client.get(meeting.url).status_code == 200


def _checkbox_html(html: str) -> str:
    start = html.index('name="minutes_not_public"')
    tag_start = html.rindex("<input", 0, start)
    return html[tag_start : html.index(">", start)]


@pytest.mark.django_db
def test_a_meeting_can_be_created_private_and_previewed_before_saving(admin_client, meeting_index):
    preview_url = reverse(
        "wagtailadmin_pages:preview_on_add",
        args=("council_pages", "meetingpage", meeting_index.pk),
    )
    data = meeting_form(agenda=agenda([{"title": "Nyt punkt", "sub_items": [{"title": "Del"}]}]))
    assert admin_client.post(preview_url, data).json()["is_valid"] is True
    html = admin_client.get(preview_url).content.decode()
    assert 'href="#punkt-1-1">1.1.</a> Del' in html

    response = admin_client.post(
        reverse("wagtailadmin_pages:add", args=("council_pages", "meetingpage", meeting_index.pk)),
        {**data, "minutes_not_public": "on", "action-publish": "1"},
    )
    assert response.status_code == 302
    meeting = MeetingPage.objects.get()
    assert PageViewRestriction.objects.filter(page=meeting).exists()


@pytest.mark.django_db
def test_an_editor_who_may_not_publish_can_hide_minutes_but_not_unhide_them(client, meeting_index):
    council = meeting_index.get_parent().specific
    group = council_group(council)
    editor = get_user_model().objects.create_user("redaktoer", password="x")
    group.user_set.add(editor)
    assert not GroupPagePermission.objects.filter(
        group=group, permission=Permission.objects.get(codename="publish_page")
    ).exists()
    client.force_login(editor)
    meeting = MeetingPageFactory(parent=meeting_index)
    edit_url = reverse("wagtailadmin_pages:edit", args=(meeting.pk,))

    response = client.post(edit_url, meeting_form(slug=meeting.slug, minutes_not_public="on"))
    assert response.status_code == 302
    assert PageViewRestriction.objects.filter(page=meeting).exists()

    html = client.get(edit_url).content.decode()
    assert "Kun en administrator kan gøre det offentligt igen." in html
    assert "disabled" in _checkbox_html(html)
    client.post(edit_url, meeting_form(slug=meeting.slug))
    assert PageViewRestriction.objects.filter(page=meeting).exists()

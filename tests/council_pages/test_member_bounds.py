"""The council page warns its editor when the member count breaks the council's own rules."""

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from council_pages.models import MemberRole
from tests.factories import CouncilMemberFactory, CouncilPageFactory


def edit_data(council, members):
    return nested_form_data(
        {
            "title": council.title,
            "slug": council.slug,
            "official_name": council.official_name,
            "municipality": council.municipality,
            "purpose": rich_text("<p>Formål</p>"),
            "target_groups": "",
            "composition_model": council.composition_model,
            "members_min": council.members_min,
            "members_max": council.members_max,
            "members": inline_formset(
                [{"name": name, "role": role, "seat": ""} for name, role in members]
            ),
        }
    )


def warnings_after_save(client, council, members):
    url = reverse("wagtailadmin_pages:edit", args=(council.pk,))
    response = client.post(url, edit_data(council, members))
    assert response.status_code == 302
    return [str(m) for m in get_messages(response.wsgi_request) if m.level_tag == "warning"]


@pytest.mark.django_db
class TestMemberBoundsWarning:
    def test_too_few_members_warns_but_saves(self, admin_client):
        council = CouncilPageFactory(members_min=3, members_max=5)
        members = [("Anna", MemberRole.CHAIR), ("Bo", MemberRole.MEMBER)]
        warnings = warnings_after_save(admin_client, council, members)
        assert warnings == ["Rådet har 2 medlemmer, men forretningsordenen kræver mindst 3."]
        council.refresh_from_db()
        assert [m.name for m in council.get_latest_revision_as_object().members.all()] == [
            "Anna",
            "Bo",
        ]

    def test_too_many_members_warns(self, admin_client):
        council = CouncilPageFactory(members_min=1, members_max=2)
        members = [("Anna", MemberRole.CHAIR), ("Bo", MemberRole.MEMBER), ("Carl", "member")]
        warnings = warnings_after_save(admin_client, council, members)
        assert warnings == ["Rådet har 3 medlemmer, men forretningsordenen tillader højst 2."]

    def test_substitutes_do_not_count_and_within_bounds_is_silent(self, admin_client):
        council = CouncilPageFactory(members_min=2, members_max=2)
        members = [
            ("Anna", MemberRole.CHAIR),
            ("Bo", MemberRole.MEMBER),
            ("Dorte", MemberRole.SUBSTITUTE),
        ]
        assert warnings_after_save(admin_client, council, members) == []

    def test_former_members_do_not_count(self):
        council = CouncilPageFactory(members_min=1, members_max=1)
        CouncilMemberFactory(page=council, name="Nu")
        CouncilMemberFactory(page=council, name="Før", to_date="2000-01-01")
        council = type(council).objects.get(pk=council.pk)
        assert [m.name for m in council.current_members] == ["Nu"]
        assert council.member_bounds_warning() is None


@pytest.mark.django_db
def test_min_above_max_is_a_validation_error(admin_client):
    council = CouncilPageFactory()
    council.members_min = 9
    council.members_max = 3
    data = edit_data(council, [("Anna", MemberRole.CHAIR)])
    response = admin_client.post(reverse("wagtailadmin_pages:edit", args=(council.pk,)), data)
    assert response.status_code == 200
    assert "Højst antal medlemmer kan ikke være mindre end mindst antal." in str(
        response.context["form"].errors
    )

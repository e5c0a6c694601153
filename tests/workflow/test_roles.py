"""Council roles turn into exactly the permissions their holders need, and back."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.models import GroupCollectionPermission, GroupPagePermission

from council_pages.models import CouncilRole, CouncilRoleKind
from council_pages.models.roles import approvers_for, council_for_page, council_group
from documents.collections import council_collection

from .conftest import make_user

pytestmark = pytest.mark.django_db


def page_permission_codenames(group, page):
    return set(
        GroupPagePermission.objects.filter(group=group, page=page).values_list(
            "permission__codename", flat=True
        )
    )


def test_council_group_is_stable_and_holds_add_and_change_only(councils):
    group = council_group(councils["a"])
    assert council_group(councils["a"]) == group
    assert council_group(councils["b"]) != group
    assert page_permission_codenames(group, councils["a"]) == {"add_page", "change_page"}
    assert GroupPagePermission.objects.filter(group=group).exclude(page=councils["a"]).count() == 0
    assert set(group.permissions.values_list("codename", flat=True)) == {"access_admin"}


def test_role_holders_are_exactly_the_group_members(people, councils):
    group_a = council_group(councils["a"])
    members = set(group_a.user_set.values_list("username", flat=True))
    assert members == {"sekretaer-a", "formand-a", "naestformand-a"}


def test_removing_a_role_removes_the_permissions(people, councils):
    role = CouncilRole.objects.get(user=people["secretary_a"])
    role.delete()
    assert not people["secretary_a"].groups.exists()
    page = councils["a"]
    assert not page.permissions_for_user(people["secretary_a"]).can_edit()


def test_moving_a_role_to_another_council_moves_the_access(people, councils):
    role = CouncilRole.objects.get(user=people["secretary_a"])
    role.council = councils["b"]
    role.save()
    groups = set(people["secretary_a"].groups.all())
    assert groups == {council_group(councils["b"])}


def test_a_user_with_roles_in_two_councils_is_in_both_groups(people, councils):
    CouncilRole.objects.create(
        user=people["secretary_a"], council=councils["b"], role=CouncilRoleKind.SECRETARY
    )
    assert set(people["secretary_a"].groups.all()) == {
        council_group(councils["a"]),
        council_group(councils["b"]),
    }


def test_deleting_a_council_deletes_its_group(people, councils):
    group_id = council_group(councils["b"]).pk
    councils["b"].delete()
    assert not Group.objects.filter(pk=group_id).exists()


def test_approvers_are_the_chair_and_vice_chair_of_the_pages_own_council(people, councils):
    assert set(approvers_for(councils["a"])) == {people["chair_a"], people["vice_chair_a"]}
    assert set(approvers_for(councils["b"])) == {people["chair_b"]}
    inactive = make_user("tidligere-formand", is_active=False)
    CouncilRole.objects.create(user=inactive, council=councils["b"], role=CouncilRoleKind.CHAIR)
    assert set(approvers_for(councils["b"])) == {people["chair_b"]}


def test_council_for_page(councils, home):
    assert council_for_page(councils["a"]).specific == councils["a"]
    assert council_for_page(home) is None


def test_council_group_may_use_its_own_document_collection_only(councils):
    group = council_group(councils["a"])
    own = council_collection(councils["a"])
    granted = set(
        GroupCollectionPermission.objects.filter(group=group).values_list(
            "collection_id", "permission__codename"
        )
    )
    assert granted == {
        (own.pk, "add_document"),
        (own.pk, "change_document"),
        (own.pk, "choose_document"),
    }


def test_site_administrator_grants_and_removes_a_role_in_the_admin(client, people, councils):
    newcomer = make_user("ny-sekretaer")
    client.force_login(people["admin"])
    add_url = reverse("wagtailsnippets_council_pages_councilrole:add")
    listing = client.get(reverse("wagtailsnippets_council_pages_councilrole:list"))
    assert listing.status_code == 200
    assert "Rådsroller" in listing.content.decode()
    response = client.post(
        add_url,
        {"council": councils["b"].pk, "user": newcomer.pk, "role": CouncilRoleKind.SECRETARY},
    )
    assert response.status_code == 302
    assert set(newcomer.groups.all()) == {council_group(councils["b"])}
    assert councils["b"].permissions_for_user(newcomer).can_edit()
    assert not councils["a"].permissions_for_user(newcomer).can_edit()

    # A second role for the same person in the same council is refused with a Danish message.
    response = client.post(
        add_url, {"council": councils["b"].pk, "user": newcomer.pk, "role": CouncilRoleKind.CHAIR}
    )
    assert response.status_code == 200
    assert "Brugeren har allerede en rolle i dette udsatteråd." in response.content.decode()

    role = CouncilRole.objects.get(user=newcomer)
    delete_url = reverse("wagtailsnippets_council_pages_councilrole:delete", args=[role.pk])
    assert client.post(delete_url).status_code == 302
    assert not newcomer.groups.exists()
    fresh = type(newcomer).objects.get(pk=newcomer.pk)  # permissions are cached per user object
    assert not councils["b"].permissions_for_user(fresh).can_edit()

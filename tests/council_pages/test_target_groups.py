"""The shared target-group vocabulary: seeded by migration, kept by administrators."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission

from council_pages.models import TARGET_GROUP_VOCABULARY, TargetGroup

LIST_URL = "/admin/snippets/council_pages/targetgroup/"


@pytest.mark.django_db
def test_vocabulary_is_seeded_by_migration():
    assert set(TargetGroup.objects.values_list("slug", "name")) == set(TARGET_GROUP_VOCABULARY)


@pytest.mark.django_db
def test_administrator_lists_and_adds_target_groups(admin_client):
    response = admin_client.get(LIST_URL)
    assert response.status_code == 200
    assert "Hjemløse" in response.content.decode()
    response = admin_client.post(f"{LIST_URL}add/", {"name": "Ældre", "slug": "aeldre"})
    assert response.status_code == 302
    assert TargetGroup.objects.filter(slug="aeldre", name="Ældre").exists()


@pytest.mark.django_db
def test_editor_without_the_permission_cannot_change_the_vocabulary(client):
    user = get_user_model().objects.create_user("redaktoer", password="x")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    response = client.post(f"{LIST_URL}add/", {"name": "Nyt ord", "slug": "nyt-ord"})
    assert response.status_code in (302, 403)
    assert not TargetGroup.objects.filter(slug="nyt-ord").exists()

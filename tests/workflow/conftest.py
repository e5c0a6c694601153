"""Fixtures for the roles and chair-approval tests: two councils, A and B, and their people."""

import pytest
from django.contrib.auth import get_user_model
from wagtail.models import Page

from council_pages.models import CouncilPage, CouncilRole, CouncilRoleKind, HomePage

PASSWORD = "kodeord-til-test"  # noqa: S105


def make_user(username, **extra):
    return get_user_model().objects.create_user(
        username=username, email=f"{username}@example.org", password=PASSWORD, **extra
    )


def make_council(home, slug, title):
    council = CouncilPage(title=title, slug=slug, official_name=title, municipality=title)
    home.add_child(instance=council)
    council.save_revision().publish()
    return council


@pytest.fixture
def home(db):
    return HomePage.objects.get()


@pytest.fixture
def councils(home):
    return {
        "a": make_council(home, "odense", "Odense"),
        "b": make_council(home, "vejle", "Vejle"),
    }


@pytest.fixture
def people(councils):
    """Users keyed by the role they play in the tests."""
    users = {
        "none": make_user("uden-rolle"),
        "secretary_a": make_user("sekretaer-a"),
        "chair_a": make_user("formand-a"),
        "vice_chair_a": make_user("naestformand-a"),
        "secretary_b": make_user("sekretaer-b"),
        "chair_b": make_user("formand-b"),
        "admin": get_user_model().objects.create_superuser(
            username="admin", email="admin@example.org", password=PASSWORD
        ),
    }
    for key, council, role in [
        ("secretary_a", councils["a"], CouncilRoleKind.SECRETARY),
        ("chair_a", councils["a"], CouncilRoleKind.CHAIR),
        ("vice_chair_a", councils["a"], CouncilRoleKind.VICE_CHAIR),
        ("secretary_b", councils["b"], CouncilRoleKind.SECRETARY),
        ("chair_b", councils["b"], CouncilRoleKind.CHAIR),
    ]:
        CouncilRole.objects.create(user=users[key], council=council, role=role)
    return users


def root_page():
    return Page.objects.get(depth=1)

"""`manage.py load_demo` builds the demo site, and running it again changes nothing."""

from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from wagtail.models import Page, Revision

from council_pages.models import CouncilMember, CouncilPage

COUNCIL_SLUGS = ["esbjerg", "herning", "odense", "randers", "vejle"]


def snapshot():
    User = get_user_model()
    return {
        "pages": sorted(
            (p.url_path, p.title, p.live, p.content_type.model) for p in Page.objects.all()
        ),
        "revisions": Revision.objects.count(),
        "members": sorted(
            (m.page.slug, m.name, m.role, m.seat, m.substitute_for)
            for m in CouncilMember.objects.select_related("page")
        ),
        "users": sorted((u.username, u.is_superuser, u.is_active) for u in User.objects.all()),
    }


def run(*args):
    out, err = StringIO(), StringIO()
    call_command("load_demo", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


@pytest.mark.django_db
def test_load_demo_creates_the_five_councils_with_members_and_users():
    out, err = run()
    councils = CouncilPage.objects.live().order_by("slug")
    assert [c.slug for c in councils] == COUNCIL_SLUGS
    assert {c.url for c in councils} == {f"/{slug}/" for slug in COUNCIL_SLUGS}
    odense = councils.get(slug="odense")
    assert odense.founded_year == 2007
    assert (odense.members_min, odense.members_max) == (10, 12)
    assert odense.member_bounds_warning() is None
    assert odense.members.filter(role="chair").count() == 1
    usernames = set(get_user_model().objects.values_list("username", flat=True))
    expected = {"admin"} | {f"{s}-sekretaer" for s in COUNCIL_SLUGS}
    expected |= {f"{s}-formand" for s in COUNCIL_SLUGS}
    assert expected <= usernames
    assert "odense-formand" in out
    assert "ADVARSEL" in err


@pytest.mark.django_db
def test_load_demo_is_idempotent():
    run()
    first = snapshot()
    run()
    assert snapshot() == first


@pytest.mark.django_db
def test_password_option_sets_every_demo_password():
    out, err = run("--password", "hemmelig-42")
    User = get_user_model()
    assert User.objects.get(username="admin").check_password("hemmelig-42")
    assert User.objects.get(username="vejle-formand").check_password("hemmelig-42")
    assert not User.objects.get(username="vejle-formand").check_password("demo")
    assert "ADVARSEL" not in err

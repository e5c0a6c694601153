"""Fixtures for the roles and chair-approval tests: two councils, A and B, and their people."""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from django.urls import reverse
from wagtail.fields import StreamField
from wagtail.models import Page, PageViewRestriction, TaskState

from council_pages.models import (
    CouncilPage,
    CouncilRole,
    CouncilRoleKind,
    HearingResponseIndexPage,
    HearingResponsePage,
    HomePage,
    MeetingIndexPage,
    MeetingPage,
)
from council_pages.models.roles import council_group

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


def make_hearing_response(council, title="Svar om hjemløsestrategi", *, live=True, user=None):
    """A hearing response in ``council`` (with the index page it needs), live unless told."""
    index = HearingResponseIndexPage.objects.child_of(council).first()
    if index is None:
        index = HearingResponseIndexPage(title="Høringssvar", slug="hoeringssvar")
        council.add_child(instance=index)
        index.save_revision().publish()
    page = HearingResponsePage(
        title=title,
        summary="Rådet siger ja, men vil have flere boliger.",
        response="<p>Rådet støtter forslaget, men savner flere boliger.</p>",
        response_date=datetime.date(2010, 3, 1),
        owner=user,
        live=live,
    )
    index.add_child(instance=page)
    revision = page.save_revision(user=user)
    if live:
        revision.publish(user=user, skip_permission_checks=True)
    return HearingResponsePage.objects.get(pk=page.pk)


def make_minutes(council, title="Referat af mødet 22. oktober 2009"):
    """Minutes of a meeting in ``council`` visible only to the council's own people."""
    index = MeetingIndexPage.objects.child_of(council).first()
    if index is None:
        index = MeetingIndexPage(title="Møder", slug="moeder")
        council.add_child(instance=index)
        index.save_revision().publish()
    page = MeetingPage(title=title, date=datetime.date(2009, 10, 22))
    index.add_child(instance=page)
    page.save_revision().publish()
    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.set([council_group(council)])
    return page


def submit(page, user):
    """Start the chair-approval workflow on ``page``'s latest revision as ``user``."""
    page = page.get_latest_revision_as_object()
    page.save_revision(user=user)
    return page.get_workflow().start(page, user)


def login(client, user):
    client.force_login(user)
    return client


def form_data(response, form_id="page-edit-form"):
    """Every field of an admin form as the browser would send it (buttons excluded)."""
    soup = BeautifulSoup(response.content, "html.parser")
    form = soup.find("form", id=form_id) or soup.find("form", attrs={"method": "post"})
    data = {}
    for field in form.find_all(["input", "textarea", "select"]):
        name = field.get("name")
        if not name or field.name == "input" and field.get("type") in ("submit", "button", "file"):
            continue
        if field.name == "input" and field.get("type") in ("checkbox", "radio"):
            if field.has_attr("checked"):
                data.setdefault(name, []).append(field.get("value", "on"))
            continue
        if field.name == "select":
            selected = [o.get("value", o.text) for o in field.find_all("option", selected=True)]
            if not selected and not field.has_attr("multiple"):
                first = field.find("option")
                selected = [first.get("value", first.text)] if first else []
            data.setdefault(name, []).extend(selected)
            continue
        value = field.text if field.name == "textarea" else field.get("value", "")
        data.setdefault(name, []).append(value)
    return data


def post_edit(client, page, **extra):
    """Open a page's editor and press a button (e.g. ``{"action-submit": "1"}``)."""
    url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    response = client.get(url)
    if response.status_code != 200:
        return response
    data = form_data(response)
    # StreamField editors are built by JavaScript; an empty stream is sent as a zero count.
    specific = page.specific
    for field in specific._meta.get_fields():
        if isinstance(field, StreamField):
            assert not getattr(specific, field.name), "fill only empty StreamFields in tests"
            data.setdefault(f"{field.name}-count", ["0"])
    data.update({key: [value] for key, value in extra.items()})
    return client.post(url, data)


def workflow_action(client, page, action, comment=""):
    """Press "Godkend og udgiv" / "Afvis med kommentar" on the page's current task."""
    task_state = (
        page.current_workflow_task_state
        or TaskState.objects.filter(workflow_state__object_id=str(page.pk)).order_by("-pk").first()
    )
    url = reverse("wagtailadmin_pages:workflow_action", args=[page.pk, action, task_state.pk])
    return client.post(url, {"comment": comment})

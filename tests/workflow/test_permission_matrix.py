"""Who may do what to council A's pages, asserted cell by cell through the admin over HTTP.

Rows are the people (anonymous, a user with no role, council A's secretary, chair and vice-chair,
council B's secretary and chair, a site administrator); columns are the actions. Every refusal is
asserted as carefully as every permission: a refused action must leave the page as it was.
"""

import pytest
from django.urls import reverse
from wagtail.models import Page, PageLogEntry, TaskState, WorkflowState

from council_pages.models import HearingResponsePage
from recycle_bin.models import DeletedPage

from .conftest import make_hearing_response, make_minutes, post_edit, submit, workflow_action

pytestmark = pytest.mark.django_db

ACTORS = [
    "anonymous",
    "none",
    "secretary_a",
    "chair_a",
    "vice_chair_a",
    "secretary_b",
    "chair_b",
    "admin",
]
COUNCIL_A = {"secretary_a", "chair_a", "vice_chair_a", "admin"}
APPROVERS_A = {"chair_a", "vice_chair_a", "admin"}
ADMIN_ONLY = {"admin"}

# action -> the actors allowed to do it; everyone else must be refused.
MATRIX = {
    "view_draft": COUNCIL_A,
    "edit": COUNCIL_A,
    "submit": COUNCIL_A,
    "approve_others_submission": APPROVERS_A,
    "reject_others_submission": APPROVERS_A,
    "approve_own_submission": ADMIN_ONLY,
    "reject_own_submission": ADMIN_ONLY,
    "publish_directly": ADMIN_ONLY,
    "unpublish": ADMIN_ONLY,
    "delete": ADMIN_ONLY,
    "view_revision": COUNCIL_A,
    "view_history": COUNCIL_A,
    "view_non_public_minutes": COUNCIL_A,
    "find_minutes_in_admin_search": COUNCIL_A,
}

DRAFT_TITLE = "Svar om hjemløsestrategi, udkast 2"


@pytest.fixture
def page(people, councils):
    """A live hearing response of council A with unpublished changes by its secretary."""
    page = make_hearing_response(councils["a"], user=people["secretary_a"])
    page.title = DRAFT_TITLE
    page.save_revision(user=people["secretary_a"])
    return HearingResponsePage.objects.get(pk=page.pk)


def as_actor(client, people, actor):
    if actor != "anonymous":
        client.force_login(people[actor])
    return client


def refused(response):
    """The ways of saying no: 403, or a redirect to a login page or the dashboard."""
    if response.status_code == 403:
        return True
    if response.status_code == 302:
        return (
            response.url.startswith(reverse("wagtailadmin_login"))
            or response.url
            in (
                reverse("wagtailadmin_home"),
                "/",
            )
            or "/login" in response.url
            or response.url.startswith(reverse("reader_login"))
        )
    return False


def live_title(page):
    return Page.objects.get(pk=page.pk).specific.live_revision.as_object().title


# -- one function per column: perform the action, return True if it happened -----------------


def do_view_draft(client, people, actor, page, councils):
    response = client.get(reverse("wagtailadmin_pages:view_draft", args=[page.pk]))
    if response.status_code == 200:
        assert DRAFT_TITLE in response.content.decode()
        return True
    assert refused(response)
    return False


def do_edit(client, people, actor, page, councils):
    before = page.revisions.count()
    response = post_edit(client, page, title="Rettet i editoren")
    latest = page.revisions.order_by("-created_at", "-pk").first()
    if page.revisions.count() > before:
        assert response.status_code == 302
        assert latest.as_object().title == "Rettet i editoren"
        assert latest.user == people[actor]
        return True
    assert refused(response)
    return False


def do_submit(client, people, actor, page, councils):
    response = post_edit(client, page, **{"action-submit": "1"})
    state = WorkflowState.objects.filter(object_id=str(page.pk)).first()
    if state is not None:
        assert state.status == WorkflowState.STATUS_IN_PROGRESS
        assert state.requested_by == people[actor]
        return True
    assert refused(response)
    return False


def _decide(client, people, actor, page, action, submitter):
    submit(page, submitter)
    response = workflow_action(client, page, action, comment="Ret afsnit to.")
    task_state = TaskState.objects.get(workflow_state__object_id=str(page.pk))
    if task_state.status != TaskState.STATUS_IN_PROGRESS:
        assert response.status_code == 302
        assert task_state.finished_by == people[actor]
        expected = TaskState.STATUS_APPROVED if action == "approve" else TaskState.STATUS_REJECTED
        assert task_state.status == expected
        page.refresh_from_db()
        assert (live_title(page) == DRAFT_TITLE) is (action == "approve")
        return True
    assert refused(response)
    assert live_title(page) != DRAFT_TITLE
    return False


def do_approve_others_submission(client, people, actor, page, councils):
    return _decide(client, people, actor, page, "approve", people["secretary_a"])


def do_reject_others_submission(client, people, actor, page, councils):
    return _decide(client, people, actor, page, "reject", people["secretary_a"])


def do_approve_own_submission(client, people, actor, page, councils):
    return _decide(client, people, actor, page, "approve", people.get(actor))


def do_reject_own_submission(client, people, actor, page, councils):
    return _decide(client, people, actor, page, "reject", people.get(actor))


def do_publish_directly(client, people, actor, page, councils):
    response = post_edit(client, page, title="Udgivet uden om formanden", **{"action-publish": "1"})
    if live_title(page) == "Udgivet uden om formanden":
        assert response.status_code == 302
        assert PageLogEntry.objects.filter(
            page=page, action="wagtail.publish", user=people[actor]
        ).exists()
        return True
    assert refused(response) or response.status_code == 302
    return False


def do_unpublish(client, people, actor, page, councils):
    response = client.post(reverse("wagtailadmin_pages:unpublish", args=[page.pk]))
    if not Page.objects.get(pk=page.pk).live:
        assert PageLogEntry.objects.filter(
            page=page, action="wagtail.unpublish", user=people[actor]
        ).exists()
        return True
    assert refused(response)
    return False


def do_delete(client, people, actor, page, councils):
    response = client.post(reverse("wagtailadmin_pages:delete", args=[page.pk]))
    # Deleting in the admin moves the page to the recycle bin (recycle_bin), or removes it.
    if DeletedPage.objects.filter(page_id=page.pk).exists():
        return True
    if not Page.objects.filter(pk=page.pk).exists():
        return True
    assert refused(response)
    return False


def do_view_revision(client, people, actor, page, councils):
    revision = page.get_latest_revision()
    response = client.get(reverse("wagtailadmin_pages:revisions_view", args=[page.pk, revision.pk]))
    if response.status_code == 200:
        assert DRAFT_TITLE in response.content.decode()
        return True
    assert refused(response)
    return False


def do_view_history(client, people, actor, page, councils):
    response = client.get(reverse("wagtailadmin_pages:history", args=[page.pk]))
    if response.status_code == 200:
        assert "sekretaer-a" in response.content.decode()
        return True
    assert refused(response)
    return False


def do_view_non_public_minutes(client, people, actor, page, councils):
    minutes = make_minutes(councils["a"])
    response = client.get(minutes.url)
    if response.status_code == 200:
        assert minutes.title in response.content.decode()
        return True
    assert refused(response)
    return False


def do_find_minutes_in_admin_search(client, people, actor, page, councils):
    minutes = make_minutes(councils["a"])
    response = client.get(reverse("wagtailadmin_pages:search"), {"q": "Referat"})
    if response.status_code == 200 and minutes.title in response.content.decode():
        return True
    assert response.status_code == 200 or refused(response)
    return False


@pytest.mark.parametrize("actor", ACTORS)
@pytest.mark.parametrize("action", list(MATRIX))
def test_permission_matrix(client, people, councils, page, action, actor):
    as_actor(client, people, actor)
    happened = globals()[f"do_{action}"](client, people, actor, page, councils)
    assert happened is (actor in MATRIX[action]), (
        f"{actor} {'could' if happened else 'could not'} {action.replace('_', ' ')}"
    )


def test_no_role_ever_manages_users_groups_or_roles(client, people):
    for actor in ("secretary_a", "chair_a", "vice_chair_a"):
        client.force_login(people[actor])
        for url in (
            reverse("wagtailusers_users:index"),
            reverse("wagtailusers_groups:index"),
            reverse("wagtailsnippets_council_pages_councilrole:list"),
            reverse("wagtailadmin_workflows:index"),
        ):
            assert refused(client.get(url)), (actor, url)
        user = people[actor]
        assert not any(
            user.has_perm(p)
            for p in ("auth.add_user", "auth.change_user", "auth.change_group", "auth.add_group")
        )

"""The chair-approval journey through the admin: submit, notify, approve or reject, publish."""

import datetime

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone
from wagtail.models import PageLogEntry, TaskState, Workflow, WorkflowState

from council_pages.models import ChairApprovalTask, HearingResponsePage

from .conftest import login, make_hearing_response, post_edit, submit, workflow_action

pytestmark = pytest.mark.django_db


@pytest.fixture
def draft(people, councils):
    """A new hearing response in council A, written by its secretary, not yet public."""
    return make_hearing_response(councils["a"], live=False, user=people["secretary_a"])


def assert_refused(response):
    """Wagtail answers a refused admin action with a redirect to the dashboard and an error."""
    assert response.status_code in (302, 403)
    if response.status_code == 302:
        assert response.url == reverse("wagtailadmin_home")


def test_one_workflow_with_the_chair_task_covers_the_whole_tree(home, draft):
    workflow = Workflow.objects.get(name="Formandsgodkendelse")
    assert workflow.active
    assert [t.specific_class for t in workflow.tasks] == [ChairApprovalTask]
    assert workflow.tasks.get().name == "Godkendelse af formand"
    assert draft.get_workflow() == workflow
    assert home.get_workflow() == workflow
    assert list(Workflow.objects.filter(active=True)) == [workflow]


def test_secretary_submits_and_only_the_councils_approvers_are_told(
    client, people, draft, django_capture_on_commit_callbacks
):
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = post_edit(login(client, people["secretary_a"]), draft, **{"action-submit": "1"})
    assert response.status_code == 302
    state = WorkflowState.objects.get(object_id=str(draft.pk))
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert state.requested_by == people["secretary_a"]
    assert PageLogEntry.objects.filter(
        page=draft, action="wagtail.workflow.start", user=people["secretary_a"]
    ).exists()

    recipients = sorted(address for m in mail.outbox for address in m.to)
    assert recipients == ["formand-a@example.org", "naestformand-a@example.org"]
    message = mail.outbox[0]
    assert "Venter på din godkendelse" in message.subject
    assert draft.title in message.subject
    assert f"/admin/pages/{draft.pk}/edit/" in message.body
    assert "sendt siden" in message.body


def test_chair_dashboard_lists_own_council_only(client, people, councils, draft):
    submit(draft, people["secretary_a"])
    other = make_hearing_response(councils["b"], "Svar fra Vejle", live=False)
    submit(other, people["secretary_b"])

    page = login(client, people["chair_a"]).get(reverse("wagtailadmin_home")).content.decode()
    assert draft.title in page
    assert "Svar fra Vejle" not in page

    page = login(client, people["chair_b"]).get(reverse("wagtailadmin_home")).content.decode()
    assert "Svar fra Vejle" in page
    assert draft.title not in page


def test_secretary_dashboard_lists_own_submissions(client, people, councils, draft):
    submit(draft, people["secretary_a"])
    other = make_hearing_response(councils["b"], "Svar fra Vejle", live=False)
    submit(other, people["secretary_b"])
    page = login(client, people["secretary_a"]).get(reverse("wagtailadmin_home")).content.decode()
    assert draft.title in page
    assert "Svar fra Vejle" not in page


def test_chair_approves_and_the_reviewed_revision_goes_live(
    client, people, draft, django_capture_on_commit_callbacks
):
    submit(draft, people["secretary_a"])
    reviewed = draft.revisions.order_by("-created_at", "-pk").first()
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        response = workflow_action(login(client, people["chair_a"]), draft, "approve")
    assert response.status_code == 302

    draft.refresh_from_db()
    assert draft.live
    assert draft.live_revision_id == reviewed.pk
    assert (
        PageLogEntry.objects.filter(
            page=draft, action="wagtail.workflow.approve", user=people["chair_a"]
        ).count()
        == 1
    )
    assert (
        PageLogEntry.objects.filter(
            page=draft, action="wagtail.publish", user=people["chair_a"]
        ).count()
        == 1
    )
    assert [m.to for m in mail.outbox] == [["sekretaer-a@example.org"]]
    assert "Godkendt" in mail.outbox[0].subject
    assert client.logout() is None
    assert client.get(draft.url).status_code == 200


def test_chair_rejects_with_a_comment_and_the_secretary_gets_it(
    client, people, draft, django_capture_on_commit_callbacks
):
    submit(draft, people["secretary_a"])
    mail.outbox.clear()
    comment = "Skriv hvilke boliger rådet mener."
    with django_capture_on_commit_callbacks(execute=True):
        response = workflow_action(login(client, people["vice_chair_a"]), draft, "reject", comment)
    assert response.status_code == 302

    draft.refresh_from_db()
    assert not draft.live
    state = WorkflowState.objects.get(object_id=str(draft.pk))
    assert state.status == WorkflowState.STATUS_NEEDS_CHANGES
    assert PageLogEntry.objects.filter(
        page=draft, action="wagtail.workflow.reject", user=people["vice_chair_a"]
    ).exists()
    assert [m.to for m in mail.outbox] == [["sekretaer-a@example.org"]]
    assert "Afvist" in mail.outbox[0].subject
    assert comment in mail.outbox[0].body
    # Back with the secretary as a draft she can edit and resubmit.
    assert draft.permissions_for_user(people["secretary_a"]).can_edit()
    response = post_edit(login(client, people["secretary_a"]), draft, **{"action-submit": "1"})
    assert response.status_code == 302
    state.refresh_from_db()
    assert state.status == WorkflowState.STATUS_IN_PROGRESS


def test_reject_without_a_comment_is_refused(client, people, draft):
    submit(draft, people["secretary_a"])
    response = workflow_action(login(client, people["chair_a"]), draft, "reject", "  ")
    # The modal form asks again; nothing was decided.
    assert response.status_code in (200, 302, 403)
    task_state = TaskState.objects.get(workflow_state__object_id=str(draft.pk))
    assert task_state.status == TaskState.STATUS_IN_PROGRESS


def test_reject_without_a_comment_shows_a_danish_error_in_the_modal(client, people, draft):
    submit(draft, people["secretary_a"])
    task_state = TaskState.objects.get(workflow_state__object_id=str(draft.pk))
    url = reverse("wagtailadmin_pages:workflow_action", args=[draft.pk, "reject", task_state.pk])
    response = login(client, people["chair_a"]).post(
        url, {"comment": ""}, headers={"x-requested-with": "XMLHttpRequest"}
    )
    assert response.status_code == 200
    assert "Skriv en kommentar, når du afviser." in response.json()["html"]
    task_state.refresh_from_db()
    assert task_state.status == TaskState.STATUS_IN_PROGRESS


def test_a_chair_cannot_approve_their_own_submission_but_the_vice_chair_can(client, people, draft):
    submit(draft, people["chair_a"])
    response = workflow_action(login(client, people["chair_a"]), draft, "approve")
    assert_refused(response)
    draft.refresh_from_db()
    assert not draft.live
    response = workflow_action(login(client, people["vice_chair_a"]), draft, "approve")
    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.live


def test_the_author_of_the_revision_cannot_approve_it_even_if_someone_else_submitted(
    client, people, draft
):
    draft.title = "Rettet af formanden"
    draft.save_revision(user=people["chair_a"])
    draft.get_workflow().start(draft, people["secretary_a"])
    response = workflow_action(login(client, people["chair_a"]), draft, "approve")
    assert_refused(response)
    assert draft.current_workflow_task_state.status == TaskState.STATUS_IN_PROGRESS


def test_pages_outside_councils_are_approved_by_site_administrators_only(client, people, home):
    submit(home, people["admin"])
    task_state = home.current_workflow_task_state
    task = task_state.task.specific
    for key in ("chair_a", "vice_chair_a", "chair_b", "secretary_a"):
        assert task.get_actions(home, people[key]) == []
    assert task.get_actions(home, people["admin"])


def test_scheduled_publishing_goes_through_the_workflow(client, people, draft):
    go_live = (timezone.now() + datetime.timedelta(days=2)).replace(microsecond=0)
    draft.go_live_at = go_live
    draft.save_revision(user=people["secretary_a"])
    submit(draft, people["secretary_a"])
    workflow_action(login(client, people["chair_a"]), draft, "approve")
    draft.refresh_from_db()
    assert not draft.live
    revision = draft.get_latest_revision()
    assert revision.approved_go_live_at == go_live
    assert PageLogEntry.objects.filter(page=draft, action="wagtail.publish.schedule").exists()


def test_approver_edits_during_review_are_what_gets_published(client, people, draft):
    submit(draft, people["secretary_a"])
    chair = login(client, people["chair_a"])
    response = post_edit(
        chair,
        draft,
        **{
            "title": "Rettet titel",
            "action-workflow-action": "1",
            "workflow-action-name": "approve",
        },
    )
    assert response.status_code == 302
    page = HearingResponsePage.objects.get(pk=draft.pk)
    assert page.live
    assert page.title == "Rettet titel"


def test_secretary_cannot_change_a_page_while_it_waits_for_the_chair(client, people, draft):
    submit(draft, people["secretary_a"])
    revisions = draft.revisions.count()
    post_edit(login(client, people["secretary_a"]), draft, title="Ændret undervejs")
    assert draft.revisions.count() == revisions


def test_delete_and_move_are_neither_offered_nor_allowed_to_secretaries(client, people, draft):
    index = draft.get_parent()
    listing = login(client, people["secretary_a"]).get(
        reverse("wagtailadmin_explore", args=[index.pk])
    )
    assert listing.status_code == 200
    html = listing.content.decode()
    assert draft.title in html
    assert reverse("wagtailadmin_pages:delete", args=[draft.pk]) not in html
    assert reverse("wagtailadmin_pages:move", args=[draft.pk]) not in html

    editor = client.get(reverse("wagtailadmin_pages:edit", args=[draft.pk]))
    assert editor.status_code == 200
    assert reverse("wagtailadmin_pages:delete", args=[draft.pk]) not in editor.content.decode()
    assert reverse("wagtailadmin_pages:move", args=[draft.pk]) not in editor.content.decode()

    for action in ("delete", "move"):
        response = client.post(reverse(f"wagtailadmin_pages:{action}", args=[draft.pk]))
        assert response.status_code == 302
        assert response.url == reverse("wagtailadmin_home")
    assert HearingResponsePage.objects.filter(pk=draft.pk, depth=draft.depth).exists()

    listing = login(client, people["admin"]).get(reverse("wagtailadmin_explore", args=[index.pk]))
    assert reverse("wagtailadmin_pages:delete", args=[draft.pk]) in listing.content.decode()


def test_without_an_eligible_approver_site_administrators_are_told(
    people, councils, django_capture_on_commit_callbacks
):
    draft = make_hearing_response(councils["b"], live=False, user=people["chair_b"])
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        submit(draft, people["chair_b"])  # council B has no vice-chair
    assert [m.to for m in mail.outbox] == [["admin@example.org"]]


@pytest.mark.parametrize(
    ("action", "live"),
    [("delete", False), ("move", False), ("unpublish", True), ("publish", False)],
)
def test_bulk_actions_on_pages_are_refused_to_secretaries(client, people, councils, action, live):
    # A secretary's own draft: Wagtail alone would let her delete or move it.
    page = make_hearing_response(councils["a"], live=live, user=people["secretary_a"])
    elsewhere = make_hearing_response(councils["b"], "Vejles svar").get_parent()
    url = reverse("wagtail_bulk_action", args=["wagtailcore", "page", action])
    response = login(client, people["secretary_a"]).post(
        f"{url}?id={page.pk}", {"move_applicable": "on", "chooser": elsewhere.pk}
    )
    # A move to another council's list is turned down by the form itself.
    assert response.status_code in ((200, 403) if action == "move" else (302, 403))
    page = HearingResponsePage.objects.get(pk=page.pk)
    assert page.live is live
    assert page.get_parent().get_parent().specific == councils["a"]

"""Approval is all-or-nothing, and two approvals at the same moment count once."""

import threading
from contextlib import contextmanager

import pytest
from django.db import connection
from django.test import Client
from wagtail.models import PageLogEntry, TaskState
from wagtail.signals import page_published

from .conftest import make_hearing_response, post_edit, submit, workflow_action


class PublishFailed(Exception):
    pass


@contextmanager
def publishing_fails():
    """Make every publish fail part-way: after the page is saved live, before it is logged."""

    def explode(sender, instance, **kwargs):
        raise PublishFailed("the search index is on fire")

    page_published.connect(explode, dispatch_uid="test-publishing-fails")
    try:
        yield
    finally:
        page_published.disconnect(dispatch_uid="test-publishing-fails")


@pytest.mark.django_db
def test_a_failure_inside_the_publish_leaves_nothing_live_and_nothing_logged(
    client, people, councils
):
    page = make_hearing_response(councils["a"], live=False, user=people["secretary_a"])
    submit(page, people["secretary_a"])

    client.force_login(people["chair_a"])
    client.raise_request_exception = False
    with publishing_fails():
        response = workflow_action(client, page, "approve")

    assert response.status_code == 500
    page.refresh_from_db()
    assert not page.live
    assert page.live_revision_id is None
    assert not PageLogEntry.objects.filter(page=page, action="wagtail.publish").exists()
    assert not PageLogEntry.objects.filter(page=page, action="wagtail.workflow.approve").exists()
    task_state = TaskState.objects.get(workflow_state__object_id=str(page.pk))
    assert task_state.status == TaskState.STATUS_IN_PROGRESS
    # Nothing was lost: once the fault is gone, the chair approves and it goes live.
    client.raise_request_exception = True
    assert workflow_action(client, page, "approve").status_code == 302
    page.refresh_from_db()
    assert page.live


@pytest.mark.django_db
def test_a_failure_inside_a_direct_publish_leaves_nothing_live_and_nothing_logged(
    client, people, councils
):
    """A site administrator's publish from the editor is as atomic as an approval."""
    page = make_hearing_response(councils["a"], live=False, user=people["secretary_a"])

    client.force_login(people["admin"])
    client.raise_request_exception = False
    with publishing_fails():
        response = post_edit(client, page, **{"action-publish": "action-publish"})

    assert response.status_code == 500
    page.refresh_from_db()
    assert not page.live
    assert page.live_revision_id is None
    assert not PageLogEntry.objects.filter(page=page, action="wagtail.publish").exists()


def approve_at_once(people, task_state, keys, act):
    """Run ``act(key)`` in one thread per key, released together; return their results."""
    barrier = threading.Barrier(len(keys))
    results = {}

    def run(key):
        try:
            barrier.wait(timeout=10)
            results[key] = act(key)
        except Exception as error:  # noqa: BLE001 - reported by the assertions below
            results[key] = error
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(key,)) for key in keys]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return results


def assert_published_once(page, task_state):
    page.refresh_from_db()
    assert page.live
    assert PageLogEntry.objects.filter(page=page, action="wagtail.publish").count() == 1
    assert PageLogEntry.objects.filter(page=page, action="wagtail.workflow.approve").count() == 1
    task_state.refresh_from_db()
    assert task_state.status == TaskState.STATUS_APPROVED


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_approvals_of_the_same_task_at_once_publish_once(people, councils):
    """Two chairs' approvals race inside the task itself (each its own database connection)."""
    page = make_hearing_response(councils["a"], live=False, user=people["secretary_a"])
    submit(page, people["secretary_a"])
    task_state = TaskState.objects.get(workflow_state__object_id=str(page.pk))
    task = task_state.task.specific

    # Each chair holds the task state as their screen showed it: still in progress.
    seen = {key: TaskState.objects.get(pk=task_state.pk) for key in ("chair_a", "vice_chair_a")}

    def act(key):
        return task.on_action(seen[key], people[key], "approve")

    results = approve_at_once(people, task_state, ["chair_a", "vice_chair_a"], act)
    outcomes = sorted(type(r).__name__ for r in results.values())
    # One approval happens; the other is told that someone else already decided.
    assert outcomes == ["NoneType", "PermissionDenied"], results
    assert_published_once(page, task_state)


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_chairs_approving_at_the_same_moment_publish_once(people, councils):
    page = make_hearing_response(councils["a"], live=False, user=people["secretary_a"])
    submit(page, people["secretary_a"])
    task_state = TaskState.objects.get(workflow_state__object_id=str(page.pk))
    barrier = threading.Barrier(2)
    responses = {}

    def approve(key):
        client = Client()
        client.force_login(people[key])
        client.raise_request_exception = False
        try:
            barrier.wait(timeout=10)
            responses[key] = client.post(
                f"/admin/pages/workflow/action/{page.pk}/approve/{task_state.pk}/",
                {"comment": ""},
            )
        finally:
            connection.close()

    threads = [threading.Thread(target=approve, args=(k,)) for k in ("chair_a", "vice_chair_a")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)

    assert sorted(r.status_code for r in responses.values()) == [302, 302]
    page.refresh_from_db()
    assert page.live
    assert PageLogEntry.objects.filter(page=page, action="wagtail.publish").count() == 1
    assert PageLogEntry.objects.filter(page=page, action="wagtail.workflow.approve").count() == 1
    task_state.refresh_from_db()
    assert task_state.status == TaskState.STATUS_APPROVED

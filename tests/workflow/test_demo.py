"""The demo step sets up roles and leaves work waiting for every council's chair."""

import pytest
from wagtail.models import WorkflowState

from council_pages.demo import DemoContext, councils, workflow
from council_pages.models import CouncilRole, CouncilRoleKind, HearingResponseIndexPage
from council_pages.models.roles import council_group

pytestmark = pytest.mark.django_db


def test_demo_roles_and_pending_work_per_council_and_idempotent(
    mailoutbox, django_capture_on_commit_callbacks
):
    ctx = DemoContext(password="demo-test")
    councils.load(ctx)
    for council in ctx.councils.values():
        council.add_child(
            instance=HearingResponseIndexPage(title="Høringssvar", slug="hoeringssvar")
        )

    with django_capture_on_commit_callbacks(execute=True):
        workflow.load(ctx)
    first = _snapshot(ctx)
    workflow.load(
        DemoContext(password="demo-test", home=ctx.home, councils=ctx.councils, users=ctx.users)
    )
    assert _snapshot(ctx) == first
    assert mailoutbox == []

    for slug, council in ctx.councils.items():
        roles = dict(
            CouncilRole.objects.filter(council=council).values_list("user__username", "role")
        )
        assert roles == {
            f"{slug}-sekretaer": CouncilRoleKind.SECRETARY,
            f"{slug}-formand": CouncilRoleKind.CHAIR,
            f"{slug}-naestformand": CouncilRoleKind.VICE_CHAIR,
        }
        assert set(council_group(council).user_set.values_list("username", flat=True)) == set(roles)
        statuses = sorted(status for _slug, status in first[slug])
        assert statuses == [WorkflowState.STATUS_IN_PROGRESS, WorkflowState.STATUS_NEEDS_CHANGES]


def _snapshot(ctx):
    result = {}
    for slug, council in ctx.councils.items():
        states = WorkflowState.objects.filter(
            object_id__in=[str(p.pk) for p in council.get_descendants()]
        ).exclude(status=WorkflowState.STATUS_CANCELLED)
        result[slug] = sorted((state.content_object.slug, state.status) for state in states)
    return result

"""What happens when the "Formandsgodkendelse" workflow ends with an approval.

``WAGTAIL_FINISH_WORKFLOW_ACTION`` points here. Wagtail's default publishes the *latest* revision
as the approver and checks the approver's own publish permission, which chairs deliberately do not
have. Here the workflow's approval is the authority: the revision the chair reviewed is published
(or scheduled, if it has a go-live date), recorded in the audit log under the chair's name, and
all of it happens in one transaction.

Imports are deferred: Wagtail imports this module while its own models are still loading, which
is why it stands apart from the task (``council_pages.models.workflows``) and from the editor's
workflow screens (``council_pages.workflow_admin``).
"""

from django.db import transaction


def publish_approved_revision(workflow_state, user=None):
    """Publish the revision the workflow approved, atomically, on the workflow's authority."""
    revision = approved_revision(workflow_state, user)
    with transaction.atomic():
        revision.publish(user=user, skip_permission_checks=True)


def approved_revision(workflow_state, user=None):
    """The revision under review, or the approver's own later edits to it.

    Secretaries cannot edit a page while it waits (the task locks it), but the approver can
    ("approve with changes"): then the approver's newer revision is what they approved.
    """
    from wagtail.models import TaskState

    obj = workflow_state.content_object
    latest = obj.get_latest_revision()
    task_state = (
        workflow_state.task_states.filter(status=TaskState.STATUS_APPROVED)
        .select_related("revision")
        .order_by("-finished_at", "-pk")
        .first()
    )
    if task_state is None or task_state.revision_id == latest.pk:
        return latest
    reviewed = task_state.revision
    later_by_others = (
        obj.revisions.filter(created_at__gt=reviewed.created_at)
        .exclude(user_id=getattr(user, "pk", None))
        .exists()
    )
    return reviewed if later_by_others else latest

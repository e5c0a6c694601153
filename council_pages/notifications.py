"""Danish e-mails about the chair-approval workflow, to the council's own people only.

* When a page starts waiting for approval: its council's chair and vice-chair, never the person
  who submitted or wrote it (site administrators when no one in the council may approve).
* When the chair approves or rejects: the secretary who submitted it, with the comment.

Mails are sent after the transaction commits, so nobody hears about a decision that was rolled
back. Wagtail's own approve/reject notifiers are replaced (same ``dispatch_uid``, connected in
``CouncilPagesConfig.ready()`` before Wagtail's admin connects its own), and its "submitted" mail
to every site administrator is switched off with ``WAGTAILADMIN_NOTIFICATION_INCLUDE_SUPERUSERS =
False``. Users' own notification preferences in Wagtail ("Konto > Beskeder") are respected.
"""

import logging
import threading
from contextlib import contextmanager
from functools import partial

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from wagtail.models import TaskState, WorkflowState
from wagtail.signals import task_submitted, workflow_approved, workflow_rejected
from wagtail.users.models import UserProfile

from council_pages.models import ChairApprovalTask
from council_pages.models.roles import approvers_for, council_for_page

logger = logging.getLogger(__name__)

TEMPLATE_DIR = "council_pages/admin/emails/"
_state = threading.local()


@contextmanager
def muted():
    """Send no workflow e-mails inside this block (used when ``load_demo`` builds its examples)."""
    previous = getattr(_state, "muted", False)
    _state.muted = True
    try:
        yield
    finally:
        _state.muted = previous


def connect() -> None:
    """Connect the workflow notifications; must run before ``wagtail.admin`` is ready."""
    task_submitted.connect(
        notify_submitted, sender=TaskState, dispatch_uid="council_pages_task_submitted"
    )
    # Wagtail's own receivers use these dispatch_uids; Django ignores a second connect with a
    # uid already taken, so ours stand in for theirs.
    workflow_approved.connect(
        notify_approved,
        sender=WorkflowState,
        dispatch_uid="workflow_state_approved_email_notification",
    )
    workflow_rejected.connect(
        notify_rejected,
        sender=WorkflowState,
        dispatch_uid="workflow_state_rejected_email_notification",
    )


def notify_submitted(sender, instance, user=None, **kwargs):
    task = instance.task.specific
    if not isinstance(task, ChairApprovalTask):
        return
    page = instance.workflow_state.content_object.specific
    council = council_for_page(page)
    # Whoever submitted or wrote the revision may not approve it, so they are not asked to.
    excluded = {
        pk
        for pk in (
            getattr(user, "pk", None),
            instance.workflow_state.requested_by_id,
            instance.revision.user_id,
        )
        if pk
    }
    recipients = approvers_for(council).exclude(pk__in=excluded)
    if not recipients.exists():
        # Outside any council, or nobody in it may approve: site administrators decide.
        recipients = (
            get_user_model()
            .objects.filter(is_active=True, is_superuser=True)
            .exclude(pk__in=excluded)
        )
    context = {
        "page": page,
        "council": council,
        "submitter": instance.workflow_state.requested_by,
        "edit_url": _admin_url("wagtailadmin_pages:edit", page.pk),
        "dashboard_url": _admin_url("wagtailadmin_home"),
    }
    _send_on_commit("submitted", list(recipients), context)


def notify_approved(sender, instance, user=None, **kwargs):
    _notify_submitter("approved", instance, user)


def notify_rejected(sender, instance, user=None, **kwargs):
    _notify_submitter("rejected", instance, user)


def _notify_submitter(kind, workflow_state, user):
    submitter = workflow_state.requested_by
    if submitter is None or submitter == user:
        return
    page = workflow_state.content_object.specific
    task_state = workflow_state.current_task_state
    context = {
        "page": page,
        "council": council_for_page(page),
        "decided_by": user,
        "comment": task_state.comment if task_state else "",
        "edit_url": _admin_url("wagtailadmin_pages:edit", page.pk),
        "live_url": page.full_url if page.live else "",
        "go_live_at": page.go_live_at if not page.live else None,
    }
    _send_on_commit(kind, [submitter], context)


def _send_on_commit(kind, recipients, context):
    if getattr(_state, "muted", False):
        return
    recipients = [u for u in recipients if u.is_active and u.email and _wants(u, kind)]
    if recipients:
        transaction.on_commit(partial(_send, kind, recipients, context))


def _send(kind, recipients, context):
    for recipient in recipients:
        mail_context = {**context, "recipient": recipient}
        subject = render_to_string(f"{TEMPLATE_DIR}{kind}_subject.txt", mail_context).strip()
        body = render_to_string(f"{TEMPLATE_DIR}{kind}.txt", mail_context)
        try:
            send_mail(
                settings.EMAIL_SUBJECT_PREFIX + subject,
                body,
                None,
                [recipient.email],
            )
        except Exception:
            # A mail server hiccup must not undo an approval that is already committed.
            logger.exception("Could not send the %s notification to %s", kind, recipient.pk)


def _wants(user, kind) -> bool:
    return getattr(UserProfile.get_for_user(user), f"{kind}_notifications", True)


def _admin_url(name, *args) -> str:
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse(name, args=args)

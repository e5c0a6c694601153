"""The chair-approval task: the single step of the "Formandsgodkendelse" workflow."""

import time

from django import forms
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import OperationalError, connection, transaction
from django.db.models import CharField, F, Q
from django.db.models.functions import Cast
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page, Task, TaskState

from council_pages.ownership import check_document_ownership
from council_pages.privacy_check import (
    CHECKED_FIELD,
    PrivacyReport,
    check_page,
    log_warnings_checked,
)

from .roles import council_for_page, councils_approved_by, is_approver

SQLITE_LOCK_RETRIES = 40


class ApproveForm(forms.Form):
    comment = forms.CharField(
        label=_("Kommentar (valgfri)"), required=False, widget=forms.Textarea({"rows": 3})
    )
    privacy_checked = forms.BooleanField(
        label=_("Jeg har tjekket advarslerne om personoplysninger"),
        required=False,
        help_text=_(
            "Kun nødvendigt, når siden har advarsler om telefonnumre, e-mailadresser eller ord "
            "om enkeltsager. Advarslerne står øverst på sidens redigeringsside."
        ),
    )


class RejectForm(forms.Form):
    comment = forms.CharField(
        label=_("Kommentar til sekretæren"),
        help_text=_("Skriv hvad der skal rettes, før siden kan udgives."),
        error_messages={"required": _("Skriv en kommentar, når du afviser.")},
        widget=forms.Textarea({"rows": 4}),
    )


class ChairApprovalTask(Task):
    """The "Godkendelse af formand" task: the chair or vice-chair of the page's council decides.

    Assigned (through the workflow) to the whole page tree. A secretary submits a page; only
    the chair or vice-chair of the council the page belongs to can approve or reject it, and
    never the person who submitted it or wrote the revision under review. Pages outside any
    council (the front page, "Om siden") are approved by site administrators, who may approve
    anything. Approval publishes the reviewed revision (see ``council_pages.workflow_finish``).
    """

    class Meta:
        verbose_name = _("godkendelse af formand")
        verbose_name_plural = _("godkendelser af formand")

    @classmethod
    def get_description(cls):
        return _(
            "Formanden eller næstformanden for sidens eget udsatteråd godkender eller afviser. "
            "Den, der har sendt siden til godkendelse, kan ikke selv godkende."
        )

    # -- who may act -------------------------------------------------------------------------

    def user_can_decide(self, obj, user, task_state=None) -> bool:
        """True if ``user`` may approve or reject ``obj`` on this task right now."""
        if not (user.is_authenticated and user.is_active):
            return False
        if user.is_superuser:
            return True
        if not isinstance(obj, Page):
            return False
        if task_state is None:
            task_state = obj.current_workflow_task_state
        if task_state is None or task_state.task_id != self.pk:
            return False
        if user.pk in _submitters(task_state):
            return False
        return is_approver(user, council_for_page(obj))

    def get_actions(self, obj, user):
        if not self.user_can_decide(obj, user):
            return []
        # With privacy warnings, even the plain approval opens the dialog with the tick box.
        return [
            ("reject", _("Afvis med kommentar"), True),
            ("approve", _("Godkend og udgiv"), bool(privacy_report(obj).warnings)),
            ("approve", _("Godkend og udgiv med kommentar"), True),
        ]

    def get_form_for_action(self, action):
        return RejectForm if action == "reject" else ApproveForm

    def user_can_access_editor(self, obj, user):
        return self.user_can_decide(obj, user)

    def locked_for_user(self, obj, user):
        # While a page waits for the chair, only someone who may decide can change it: what the
        # chair approves is what the public gets.
        return not self.user_can_decide(obj, user)

    def get_task_states_user_can_moderate(self, user, **kwargs):
        """What waits for ``user``: pages in the councils they chair, not their own submissions."""
        states = self.task_states.filter(status=TaskState.STATUS_IN_PROGRESS)
        if not (user.is_authenticated and user.is_active):
            return TaskState.objects.none()
        if user.is_superuser:
            return states
        paths = list(councils_approved_by(user).values_list("path", flat=True))
        if not paths:
            return TaskState.objects.none()
        in_councils = Q()
        for path in paths:
            in_councils |= Q(path__startswith=path)
        page_ids = (
            Page.objects.filter(in_councils)
            .annotate(id_text=Cast("pk", output_field=CharField()))
            .values("id_text")
        )
        return (
            states.filter(workflow_state__object_id__in=page_ids)
            .exclude(workflow_state__requested_by=user)
            .exclude(revision__user=user)
        )

    # -- acting ------------------------------------------------------------------------------

    def on_action(self, task_state, user, action_name, **kwargs):
        """Approve or reject, once, atomically, by someone entitled to.

        The task state row is locked first, so two chairs pressing "Godkend" at the same moment
        give one approval and one publish: the second sees the decision already taken. Everything
        (the decision, the publish, the audit log) is one transaction; if any part fails, none of
        it happened.
        """
        if action_name not in ("approve", "reject"):
            raise PermissionDenied(_("Ukendt handling."))
        comment = (kwargs.get("comment") or "").strip()
        if action_name == "reject" and not comment:
            raise PermissionDenied(
                _("Skriv en kommentar, når du afviser, så sekretæren ved hvorfor.")
            )

        for attempt in range(SQLITE_LOCK_RETRIES + 1):
            try:
                return self._decide(
                    task_state.pk, user, action_name, comment, bool(kwargs.get(CHECKED_FIELD))
                )
            except OperationalError as error:
                # SQLite refuses a second writer outright instead of waiting when the database
                # is shared in memory; the whole transaction rolled back, so it is safe to
                # retry it once the other decision has committed.
                if not _is_sqlite_lock(error) or attempt == SQLITE_LOCK_RETRIES:
                    raise
                time.sleep(0.05 * (attempt + 1))
        return None

    def _decide(self, task_state_pk, user, action_name, comment, privacy_checked=False):
        with transaction.atomic():
            locked = _lock_task_state(task_state_pk)
            if locked.status != TaskState.STATUS_IN_PROGRESS:
                raise PermissionDenied(_("Siden er allerede godkendt eller afvist af en anden."))
            page = locked.workflow_state.content_object
            if not self.user_can_decide(page, user, task_state=locked):
                raise PermissionDenied(_("Du kan ikke godkende eller afvise denne side."))
            if action_name == "reject":
                locked.reject(user=user, comment=comment)
                return None
            # The privacy guard: a CPR number is never approved; warnings only once the
            # approver has ticked that they checked them. The edit form says why; from the
            # dashboard the approver is sent to the edit page, which lists the findings.
            # Another council's document is never approved either; the edit page names it.
            report = privacy_report(page, locked.revision)
            if (
                foreign_document_messages(locked.revision.as_object())
                or report.blocking
                or (report.warnings and not privacy_checked)
            ):
                return reverse("wagtailadmin_pages:edit", args=[page.pk])
            locked.approve(user=user, comment=comment)
            if report.warnings:
                log_warnings_checked(page, page.get_latest_revision(), user, report)
        return None


def foreign_document_messages(page) -> list[str]:
    """Why approving ``page`` would publish another council's document (``ownership``), if so."""
    try:
        check_document_ownership(page)
    except ValidationError as error:
        return error.messages
    return []


def privacy_report(page, reviewed_revision=None) -> PrivacyReport:
    """The privacy guard's findings on what approving ``page`` would publish.

    That is the revision under review or the approver's own later edits to it: both are checked.
    """
    revisions = {
        revision.pk: revision
        for revision in (reviewed_revision, page.get_latest_revision())
        if revision
    }
    findings = []
    for revision in revisions.values():
        for finding in check_page(revision.as_object()).findings:
            if finding not in findings:
                findings.append(finding)
    return PrivacyReport(findings)


def _submitters(task_state) -> set[int]:
    """Who may not decide on this task state: whoever submitted it and whoever wrote it."""
    ids = {task_state.workflow_state.requested_by_id, task_state.revision.user_id}
    ids.discard(None)
    return ids


def _is_sqlite_lock(error) -> bool:
    return (
        connection.vendor == "sqlite"
        and not connection.in_atomic_block
        and "locked" in str(error).lower()
    )


def _lock_task_state(pk) -> TaskState:
    """Fetch the task state for update, holding a write lock until the transaction ends."""
    if connection.features.has_select_for_update:
        return TaskState.objects.select_for_update().get(pk=pk).specific
    # SQLite has no row locks; a no-op write takes the database write lock, so concurrent
    # decisions queue behind each other instead of both reading "in progress".
    TaskState.objects.filter(pk=pk).update(status=F("status"))
    return TaskState.objects.get(pk=pk).specific

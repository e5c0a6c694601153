"""The chair-approval workflow in the editor, in plain words.

Built on Wagtail's own extension points, not on copies of its views:

* ``construct_page_action_menu`` makes the next step the main button: "Send til godkendelse"
  for the secretary (saving a draft stays in the menu), "Godkend og udgiv" for the chair, and
  after a rejection a single "Send igen til godkendelse" instead of three look-alike actions;
* a ``PageViewSet`` whose workflow-action view (the chair's buttons on the dashboard) confirms
  every decision with a message, and ``after_edit_page`` does the same in the editor;
* ``before_edit_page`` shows the chair's rejection comment as a banner at the top of the editor.
"""

from django.contrib import messages
from django.http import Http404
from django.utils.translation import gettext as _
from wagtail import hooks
from wagtail.admin.action_menu import (
    CancelWorkflowMenuItem,
    PublishMenuItem,
    RestartWorkflowMenuItem,
    SubmitForModerationMenuItem,
    WorkflowMenuItem,
)
from wagtail.admin.views.pages.workflow import ConfirmWorkflowCancellationView, WorkflowActionView
from wagtail.admin.viewsets.pages import PageViewSet, page_viewset_registry
from wagtail.models import Page, TaskState, WorkflowState

from .models.base import BasePage


def needs_changes(page) -> bool:
    state = page.current_workflow_state if page is not None and page.pk else None
    return state is not None and state.status == WorkflowState.STATUS_NEEDS_CHANGES


def rejection(page):
    """The task state in which the chair sent ``page`` back, if it waits for changes."""
    if not needs_changes(page):
        return None
    state = page.current_workflow_state.current_task_state
    return state if state is not None and state.status == TaskState.STATUS_REJECTED else None


def rejection_message(task_state) -> str:
    chair = task_state.finished_by
    name = (chair.get_full_name() or chair.get_username()) if chair else _("Formanden")
    comment = task_state.get_comment()
    if comment:
        return _(
            "%(name)s har sendt siden tilbage med denne kommentar: “%(comment)s” "
            "Ret siden, og tryk på “Send igen til godkendelse”."
        ) % {"name": name, "comment": comment}
    return _(
        "%(name)s har sendt siden tilbage. Ret siden, og tryk på “Send igen til godkendelse”."
    ) % {"name": name}


class SendForApprovalMenuItem(SubmitForModerationMenuItem):
    """Wagtail's "Submit to <workflow>", named for what it does for a council's secretary."""

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        if needs_changes(context.get("page")):
            context["label"] = _("Send igen til godkendelse")
        else:
            context["label"] = _("Send til godkendelse")
        return context


@hooks.register("construct_page_action_menu")
def plain_workflow_actions(menu_items, request, context):
    page = context.get("page")
    sent_back = needs_changes(page)

    for index, item in enumerate(menu_items):
        if type(item) is SubmitForModerationMenuItem:
            menu_items[index] = SendForApprovalMenuItem(order=item.order)

    if sent_back:
        # Sending again resumes the same workflow; restarting or cancelling it only differ in
        # ways a secretary does not need to weigh.
        menu_items[:] = [
            item
            for item in menu_items
            if not isinstance(item, RestartWorkflowMenuItem | CancelWorkflowMenuItem)
        ]

    task = page.current_workflow_task if page is not None and page.pk else None
    if task is not None:
        # Wagtail adds " and Publish" to the last task's approve labels; ours say it already.
        labels = {
            (name, bool(modal)): label
            for name, label, modal in task.get_actions(page, request.user)
        }
        for item in menu_items:
            if isinstance(item, WorkflowMenuItem):
                item.label = labels.get((item.name, bool(item.launch_modal)), item.label)

    primary = next(
        (
            item
            for item in menu_items
            if isinstance(item, WorkflowMenuItem)
            and item.name == "approve"
            and not item.launch_modal
        ),
        None,
    )
    if primary is None and not any(isinstance(item, PublishMenuItem) for item in menu_items):
        primary = next(
            (item for item in menu_items if isinstance(item, SendForApprovalMenuItem)), None
        )
    if primary is not None:
        menu_items.remove(primary)
        menu_items.insert(0, primary)


@hooks.register("before_edit_page")
def show_rejection_banner(request, page):
    if request.method == "GET" and (task_state := rejection(page)) is not None:
        messages.warning(request, rejection_message(task_state))


def decision_message(page, action_name) -> str | None:
    title = page.get_admin_display_title()
    if action_name == "approve":
        page.refresh_from_db()
        if page.live and not page.has_unpublished_changes:
            return _("Du har godkendt “%(title)s”. Siden er udgivet.") % {"title": title}
        return _("Du har godkendt “%(title)s”. Den udgives på det planlagte tidspunkt.") % {
            "title": title
        }
    if action_name == "reject":
        return _(
            "Du har sendt “%(title)s” tilbage til sekretæren med din kommentar. Sekretæren får "
            "besked på e-mail."
        ) % {"title": title}
    return None


class ConfirmingWorkflowActionView(WorkflowActionView):
    """Wagtail's workflow-action view (the chair's buttons on the dashboard), plus a message."""

    def post(self, request, *args, **kwargs):
        status_before = self.task_state.status
        response = super().post(request, *args, **kwargs)
        self.task_state.refresh_from_db()
        if self.task_state.status != status_before:
            message = decision_message(self.object, self.action_name)
            if message:
                messages.success(request, message)
        return response


class ScopedConfirmWorkflowCancellationView(ConfirmWorkflowCancellationView):
    """Asked by the editor before publishing; tells nobody but the page's editors whether the
    page is in moderation (Wagtail answers it for any page id)."""

    def dispatch(self, request, *args, **kwargs):
        if not self.object.permissions_for_user(request.user).can_edit():
            raise Http404
        return super().dispatch(request, *args, **kwargs)


class CouncilPageViewSet(PageViewSet):
    """Wagtail's page views for every page type of the site (all derive from ``BasePage``).

    Like Wagtail's fallback viewset it works on ``Page``; it is registered for ``BasePage`` so
    that it serves all the site's page types. Only the workflow-action and cancellation-check
    views differ.
    """

    model = Page
    workflow_action_view_class = ConfirmingWorkflowActionView
    confirm_workflow_cancellation_view_class = ScopedConfirmWorkflowCancellationView

    def on_register(self):
        super(PageViewSet, self).on_register()
        page_viewset_registry.register(BasePage, self)


@hooks.register("register_admin_viewset")
def register_council_page_viewset():
    return CouncilPageViewSet("council_pages_pages")


@hooks.register("after_edit_page")
def confirm_decision_in_editor(request, page):
    if request.method != "POST" or not request.POST.get("action-workflow-action"):
        return
    message = decision_message(page, request.POST.get("workflow-action-name"))
    if message:
        messages.success(request, message)

"""Admin behaviour of the privacy guard: what editors and approvers are told, and the log.

Registered through ``council_pages.wagtail_hooks``. The checks themselves are in
``council_pages.privacy_check``; the form and the approval task call them.
"""

from django.contrib import messages
from django.urls import path, reverse
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.action_menu import ActionMenuItem
from wagtail.admin.widgets import Button
from wagtail.models import Page

from .models.workflows import foreign_document_messages, privacy_report
from .privacy_check import (
    LOG_PUBLISH_BLOCKED,
    LOG_WARNINGS_CHECKED,
    MASK_ACTION,
    check_page,
    guarded_action,
)
from .privacy_scrub import LOG_REVISIONS_SCRUBBED
from .views import ScrubRevisionsView, only_site_administrators


@hooks.register("register_log_actions")
def register_privacy_log_actions(actions):
    actions.register_action(
        LOG_WARNINGS_CHECKED,
        _("Advarsler om personoplysninger tjekket"),
        _("Godkenderen har tjekket advarslerne om personoplysninger"),
    )
    actions.register_action(
        LOG_PUBLISH_BLOCKED,
        _("Udgivelse stoppet: CPR-nummer"),
        _("Planlagt udgivelse stoppet, fordi siden indeholder et CPR-nummer"),
    )
    actions.register_action(
        LOG_REVISIONS_SCRUBBED,
        _("CPR-numre fjernet fra gamle versioner"),
        _("En administrator har erstattet CPR-numre i sidens gamle versioner"),
    )


@hooks.register("register_admin_urls")
def register_scrub_urls():
    return [
        path(
            "personoplysninger/gamle-versioner/<int:page_id>/",
            ScrubRevisionsView.as_view(),
            name="privacy_scrub_revisions",
        )
    ]


@hooks.register("register_page_header_buttons")
def scrub_revisions_button(page, user, view_name, next_url=None):
    """Site administrators find "Fjern CPR-numre fra gamle versioner" in the page's menu."""
    if user.is_superuser:
        yield Button(
            _("Fjern CPR-numre fra gamle versioner"),
            reverse("privacy_scrub_revisions", args=[page.pk]),
            icon_name="lock",
            priority=66,
        )


class MaskCprNumbersMenuItem(ActionMenuItem):
    """ "Erstat CPR-numre med xxxxxx-xxxx" in the save menu, while the page's text has one."""

    label = _("Erstat CPR-numre med xxxxxx-xxxx")
    name = MASK_ACTION
    icon_name = "lock"

    def is_shown(self, context):
        page = context.get("page")
        if context["view"] != "edit" or page is None or context["locked_for_user"]:
            return False
        return bool(check_page(page.specific, documents=False).blocking)


@hooks.register("register_page_action_menu_item")
def register_mask_menu_item():
    return MaskCprNumbersMenuItem(order=5)


@hooks.register("after_edit_page")
def confirm_masking(request, page):
    if request.POST.get(MASK_ACTION):
        messages.success(
            request,
            _(
                "CPR-numrene i sidens tekst er erstattet med xxxxxx-xxxx og gemt som kladde. "
                "Læs teksten igennem, og send siden igen."
            ),
        )


@hooks.register("after_create_page")
@hooks.register("after_edit_page")
def warn_editor_after_submit(request, page):
    """After a submission, tell the secretary what the chair will be asked to check."""
    if guarded_action(request.POST) != "submit":
        return
    report = check_page(page.specific)
    if report.warnings:
        messages.warning(request, _lines(report.warning_message()))


@hooks.register("before_edit_page")
def show_findings_to_approver(request, page):
    """Whoever opens a page waiting for approval sees why it cannot be approved as it is."""
    if request.method != "GET" or not page.workflow_in_progress:
        return
    revision = page.get_latest_revision()
    for message in foreign_document_messages(revision.as_object() if revision else page.specific):
        messages.error(request, message)
    report = privacy_report(page)
    if report.blocking:
        messages.error(request, _lines(report.blocking_message()))
    elif report.warnings:
        messages.warning(request, _lines(report.unchecked_message()))


@hooks.register("before_bulk_action")
def refuse_bulk_publish_with_cpr(request, action_type, objects, action_class_instance):
    if action_type != "publish":
        return None
    model = getattr(action_class_instance, "model", None)
    if model is None or not issubclass(model, Page):
        return None
    for page in objects:
        revision = page.get_latest_revision()
        report = check_page(revision.as_object() if revision else page.specific)
        if report.blocking:
            # The same Danish 403 page as other refused bulk actions, naming the page.
            message = report.blocking_message().replace("\n", " ")
            return only_site_administrators(request, f"«{page.title}»: {message}")
    return None


def _lines(text: str):
    first, *rest = text.split("\n")
    return format_html(
        "{}<ul>{}</ul>", first, format_html_join("", "<li>{}</li>", ((line,) for line in rest))
    )

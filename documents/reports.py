"""The admin report "Dokumenter, der ikke er tilgængelige" (Rapporter > Tilgængelige dokumenter).

Lists the documents the editor may edit whose PDF has no text layer, no title or no language,
or whose text could not be read, so a secretary can fix them before a citizen meets them.
"""

from django.db.models import Q
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.views.reports import ReportView
from wagtail.documents import get_document_model
from wagtail.permissions import policy_registry

from documents.models import TextStatus

EDITOR_PERMISSIONS = ["add", "change"]


def documents_with_problems(user):
    """Documents ``user`` may edit that fall short of the accessibility hints."""
    model = get_document_model()
    policy = policy_registry.get_by_type(model)
    problems = Q(text_status=TextStatus.FAILED) | Q(
        Q(has_text_layer=False) | Q(pdf_title="") | Q(pdf_language=""),
        file_kind="pdf",
        text_status=TextStatus.DONE,
    )
    return (
        policy.instances_user_has_any_permission_for(user, EDITOR_PERMISSIONS)
        .filter(problems)
        .select_related("collection")
        .order_by("-created_at")
    )


class InaccessibleDocumentsView(ReportView):
    """Report of documents needing an editor's attention before they are truly public."""

    page_title = _("Dokumenter, der ikke er tilgængelige")
    header_icon = "doc-full"
    index_url_name = "documents_accessibility_report"
    index_results_url_name = "documents_accessibility_report_results"
    any_permission_required = EDITOR_PERMISSIONS
    list_export = ["title", "collection", "filename", "accessibility_summary"]
    export_headings = {
        "title": _("Titel"),
        "collection": _("Samling"),
        "filename": _("Fil"),
        "accessibility_summary": _("Problemer"),
    }

    @cached_property
    def permission_policy(self):
        return policy_registry.get_by_type(get_document_model())

    @cached_property
    def columns(self):
        return [
            TitleColumn("title", label=_("Titel"), url_name="wagtaildocs:edit"),
            Column("collection", label=_("Samling"), accessor="collection.name"),
            Column("accessibility_summary", label=_("Problemer")),
        ]

    def get_queryset(self):
        return documents_with_problems(self.request.user)

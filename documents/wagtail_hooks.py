"""Admin and serving hooks of the documents app."""

from django.http import Http404
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.documents import get_document_model
from wagtail.permissions import policy_registry

from documents.privacy import can_download
from documents.reports import EDITOR_PERMISSIONS, InaccessibleDocumentsView


@hooks.register("before_serve_document", order=-100)
def enforce_document_privacy(document, request):
    """Refuse non-public documents to anyone without a right to them (``documents.privacy``).

    Runs before Wagtail's own hook for private collections, which still applies afterwards.
    """
    if not can_download(request, document):
        raise Http404("Document not found")


@hooks.register("register_admin_urls")
def register_report_urls():
    return [
        path(
            "reports/tilgaengelige-dokumenter/",
            InaccessibleDocumentsView.as_view(),
            name="documents_accessibility_report",
        ),
        path(
            "reports/tilgaengelige-dokumenter/results/",
            InaccessibleDocumentsView.as_view(results_only=True),
            name="documents_accessibility_report_results",
        ),
    ]


class DocumentEditorMenuItem(MenuItem):
    """A menu item shown only to people who may add or edit documents somewhere."""

    def is_shown(self, request):
        policy = policy_registry.get_by_type(get_document_model())
        return policy.user_has_any_permission(request.user, EDITOR_PERMISSIONS)


@hooks.register("register_reports_menu_item")
def register_accessibility_report_menu_item():
    return DocumentEditorMenuItem(
        _("Tilgængelige dokumenter"),
        reverse("documents_accessibility_report"),
        icon_name="doc-full",
        order=700,
    )

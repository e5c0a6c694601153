"""The admin scoped per council: secretaries, chairs and vice-chairs see their own council's work.

Wagtail already limits the explorer and the admin page search to the pages a user may edit
(``explorable_instances``). What it leaves open, because a link may point anywhere, is closed
here with Wagtail's own hooks: the page chooser, the admin API's document listing, the bulk-action
screens and the page-type report show a council's people only their own council's pages and
documents (and the pages above their council, so they can find their way down to it). Site
administrators see everything. Registered from ``council_pages.wagtail_hooks``.
"""

from django.core.exceptions import ValidationError
from django.db.models import Q
from django.shortcuts import redirect
from wagtail import hooks
from wagtail.admin import messages
from wagtail.admin.views.bulk_action import BulkAction
from wagtail.admin.views.pages.bulk_actions import (
    DeleteBulkAction,
    MoveBulkAction,
    PublishBulkAction,
    UnpublishBulkAction,
)
from wagtail.admin.views.reports.page_types_usage import PageTypesUsageReportView
from wagtail.documents import get_document_model
from wagtail.documents.api.admin.views import DocumentsAdminAPIViewSet
from wagtail.documents.views.bulk_actions import (
    AddTagsBulkAction,
    AddToCollectionBulkAction,
)
from wagtail.documents.views.bulk_actions import (
    DeleteBulkAction as DeleteDocumentsBulkAction,
)
from wagtail.models import Page
from wagtail.permissions import policy_registry

from council_pages.models import CouncilPage
from council_pages.ownership import check_document_ownership


def is_scoped(user) -> bool:
    """Everyone but site administrators sees only their own councils' work."""
    return not user.is_superuser


def own_councils(user):
    return CouncilPage.objects.filter(roles__user=user).distinct()


def own_pages_q(user, *, with_ancestors=False) -> Q:
    """The pages of the councils ``user`` holds a role in, as a filter on pages."""
    scope = Q(pk__in=[])
    paths = list(own_councils(user).values_list("path", flat=True))
    for path in paths:
        scope |= Q(path__startswith=path)
    if with_ancestors and paths:
        steplen = Page.steplen
        above = {path[:end] for path in paths for end in range(steplen, len(path), steplen)}
        scope |= Q(path__in=above)
    return scope


def own_documents(user, queryset):
    """Documents ``user`` may choose: their council's collection and the shared collections."""
    policy = policy_registry.get_by_type(get_document_model())
    choosable = policy.instances_user_has_any_permission_for(user, ["choose", "change"])
    return queryset.filter(pk__in=choosable.values("pk"))


@hooks.register("construct_page_chooser_queryset")
def page_chooser_shows_own_council(pages, request):
    if not is_scoped(request.user):
        return pages
    return pages.filter(own_pages_q(request.user, with_ancestors=True))


@hooks.register("before_copy_page")
def refuse_copying_foreign_documents(request, page):
    """A copy may not take documents into a council they do not belong to
    (``council_pages.ownership``): the copy form says which, and nothing is copied."""
    parent_id = request.POST.get("new_parent_page", "") if request.method == "POST" else ""
    parent = Page.objects.filter(pk=parent_id).first() if parent_id.isdigit() else None
    if parent is None:
        return None
    try:
        check_document_ownership(page.specific, parent=parent)
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
        return redirect(request.get_full_path())
    return None


class ScopedDocumentsAdminAPIViewSet(DocumentsAdminAPIViewSet):
    """The admin's document API (used by the editor's choosers): own documents only."""

    def get_queryset(self):
        queryset = super().get_queryset()
        if is_scoped(self.request.user):
            queryset = own_documents(self.request.user, queryset)
        return queryset


@hooks.register("construct_admin_api", order=100)
def scoped_admin_document_api(router):
    router.register_endpoint("documents", ScopedDocumentsAdminAPIViewSet)


def _pk(entry):
    """The primary key of a listed object, or of the ``{"item": object, ...}`` some screens list."""
    return entry["item"].pk if isinstance(entry, dict) else entry.pk


class ScopedBulkActionMixin:
    """A bulk-action screen that does not even name objects outside the user's council."""

    def get_actionable_objects(self):
        objects, extra = super().get_actionable_objects()
        if not is_scoped(self.request.user):
            return objects, extra
        named = [*objects, *(entry for value in extra.values() for entry in value)]
        allowed = set(self.scoped_ids(self.request.user, [_pk(entry) for entry in named]))
        return (
            [obj for obj in objects if obj.pk in allowed],
            {key: [e for e in value if _pk(e) in allowed] for key, value in extra.items()},
        )


class ScopedPageBulkActionMixin(ScopedBulkActionMixin):
    def scoped_ids(self, user, ids):
        return Page.objects.filter(own_pages_q(user), pk__in=ids).values_list("pk", flat=True)


class ScopedDocumentBulkActionMixin(ScopedBulkActionMixin):
    def scoped_ids(self, user, ids):
        documents = get_document_model().objects.filter(pk__in=ids)
        return own_documents(user, documents).values_list("pk", flat=True)


def _scoped(action_class: type[BulkAction], mixin) -> type[BulkAction]:
    return type(action_class.__name__, (mixin, action_class), {"__module__": __name__})


SCOPED_BULK_ACTIONS = [
    _scoped(action, ScopedPageBulkActionMixin)
    for action in (PublishBulkAction, UnpublishBulkAction, DeleteBulkAction, MoveBulkAction)
] + [
    _scoped(action, ScopedDocumentBulkActionMixin)
    for action in (DeleteDocumentsBulkAction, AddTagsBulkAction, AddToCollectionBulkAction)
]

for _action in SCOPED_BULK_ACTIONS:
    # Registered after Wagtail's own (order 100): the registry keeps the last class per action.
    hooks.register("register_bulk_action", _action, order=100)


class ScopedPageTypesUsageReportView(PageTypesUsageReportView):
    """Wagtail's page-type report without the names of other councils' last-edited pages."""

    def decorate_paginated_queryset(self, page_types):
        page_types = super().decorate_paginated_queryset(page_types)
        if not is_scoped(self.request.user):
            return page_types
        own = Page.objects.filter(own_pages_q(self.request.user))
        ids = {item.last_edited_page_id for item in page_types if item.last_edited_page_id}
        visible_ids = set(own.filter(pk__in=ids).values_list("pk", flat=True))
        for item in page_types:
            if item.last_edited_page_id not in visible_ids:
                item.last_edited_page = None
        return page_types

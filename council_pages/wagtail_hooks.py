"""Admin behaviour for council pages."""

from django.contrib import messages
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.models import Page
from wagtail.snippets.models import register_snippet

from . import (
    admin_scope,  # noqa: F401  (choosers, admin API, bulk actions, reports per council)
    easy_read_admin,  # noqa: F401  (the LIX meter in the editor and the LIX report)
    privacy_hooks,  # noqa: F401  (personal data: messages, log actions, bulk publish)
    publication_hooks,  # noqa: F401  (meetings: privacy control, notice warning)
    rich_text,  # noqa: F401  (document links say their type and size)
)
from .models import CouncilPage
from .open_hearings import ComingDeadlinesPanel
from .snippets import TargetGroupViewSet
from .views import CouncilRoleViewSet, only_site_administrators

register_snippet(TargetGroupViewSet)


@hooks.register("after_create_page")
@hooks.register("after_edit_page")
def warn_about_member_bounds(request, page):
    """Tell the editor when the council has more or fewer members than its rules allow.

    A warning, not a validation error: a council can be short of members for a while, and the
    secretary must still be able to save the page.
    """
    page = page.specific
    if isinstance(page, CouncilPage) and (warning := page.member_bounds_warning()):
        messages.warning(request, warning)


# -- Council roles and the chair-approval workflow ----------------------------------------------

# Deleting and moving single pages is refused by the pages' own permission tester
# (council_pages.models.base), which also hides those actions; bulk actions are refused here.
ONLY_ADMINS_DELETE = _(
    "Kun sideadministratorer kan slette eller flytte sider. Kontakt en administrator, hvis en "
    "side skal væk eller flyttes."
)

register_snippet(CouncilRoleViewSet)


@hooks.register("before_bulk_action")
def refuse_bulk_delete_and_move(request, action_type, objects, action_class_instance):
    if (
        action_type in ("delete", "move", "publish", "unpublish")
        and getattr(action_class_instance, "model", None) is not None
        and issubclass(action_class_instance.model, Page)
        and not request.user.is_superuser
    ):
        return only_site_administrators(request, ONLY_ADMINS_DELETE)
    return None


from . import workflow_admin  # noqa: E402, F401  (the workflow's buttons, banner and messages)


@hooks.register("construct_homepage_panels")
def add_coming_deadlines_panel(request, panels):
    """The dashboard shows the coming deadlines of the hearings the user's councils answer."""
    panels.append(ComingDeadlinesPanel(request.user))

"""Admin behaviour for council pages."""

from django.contrib import messages
from wagtail import hooks
from wagtail.snippets.models import register_snippet

from .models import CouncilPage
from .snippets import TargetGroupViewSet

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

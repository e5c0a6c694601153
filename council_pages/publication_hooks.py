"""Admin behaviour for meetings: the minutes-privacy control and the agenda-notice warning.

Registered through ``council_pages.wagtail_hooks``.
"""

from django.contrib import messages
from wagtail import hooks

from .models import MeetingPage
from .models.meeting_privacy import apply_minutes_privacy


@hooks.register("after_create_page")
@hooks.register("after_edit_page")
def meeting_saved(request, page):
    """Apply the "not public" checkbox and warn when the agenda went out too late.

    The notice rule is a warning, not a validation error: the agenda has already been sent,
    and the secretary must be able to record that truthfully.
    """
    if not isinstance(page, MeetingPage):
        return
    apply_minutes_privacy(page, user=request.user)
    if warning := page.late_agenda_warning():
        messages.warning(request, warning)

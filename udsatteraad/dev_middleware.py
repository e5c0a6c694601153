"""Development-only middleware (``udsatteraad.settings.dev``, what ``make run`` uses)."""

from django.http import Http404
from django.views.defaults import page_not_found


class DanishNotFoundMiddleware:
    """Answer a missing page with the site's Danish 404 page, not Django's debug page.

    With ``DEBUG`` on, Django replaces the 404 template with its English technical page; people
    trying the site under ``make run`` should see what citizens see. Set
    ``UDSATTERAAD_DEBUG_404=1`` to get Django's debug page back while working on URLs.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if isinstance(exception, Http404):
            return page_not_found(request, exception)
        return None

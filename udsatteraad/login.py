"""The readers' login, for council members opening non-public minutes: no cookie before it.

Wagtail sends a visitor who opens a page with a view restriction to ``WAGTAIL_FRONTEND_LOGIN_URL``.
Django's login form carries a CSRF token, which this site keeps in the session
(``CSRF_USE_SESSIONS``): every visit to the form would write a session row and set a cookie, and
the site promises its readers none. This form has no token. A forged login from another site is
refused instead by the browser's own statement of where the form was sent from (``Origin``, or
``Sec-Fetch-Site`` and ``Referer`` where it is missing), so nothing is stored until someone
actually logs in.
"""

from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.auth.views import LoginView
from django.core.exceptions import PermissionDenied
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.debug import sensitive_post_parameters


def sent_from_this_site(request) -> bool:
    """True when the browser says the form was posted from this site's own pages."""
    own = {f"{request.scheme}://{request.get_host()}", *settings.CSRF_TRUSTED_ORIGINS}
    origin = request.headers.get("Origin")
    if origin:
        return origin in own
    if request.headers.get("Sec-Fetch-Site") in ("same-origin", "none"):
        return True
    referer = urlsplit(request.headers.get("Referer", ""))
    return bool(referer.netloc) and f"{referer.scheme}://{referer.netloc}" in own


class ReaderLoginView(LoginView):
    """``/log-ind/``: log in to read what is open to the council's own people only."""

    template_name = "login.html"
    redirect_authenticated_user = False

    # Django's LoginView wraps its dispatch in csrf_protect, which would ask for the token this
    # form does not carry; this one takes LoginView's other wrappers and leaves CSRF to ``post``.
    @method_decorator(csrf_exempt)
    @method_decorator(sensitive_post_parameters())
    @method_decorator(never_cache)
    def dispatch(self, request, *args, **kwargs):
        return super(LoginView, self).dispatch(request, *args, **kwargs)

    def post(self, request, *args, **kwargs):
        if not sent_from_this_site(request):
            raise PermissionDenied(_("Log ind fra sidens egen formular."))
        return super().post(request, *args, **kwargs)

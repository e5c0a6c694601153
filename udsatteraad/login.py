"""The two login forms, the readers' and the admin's: no cookie before someone logs in.

Wagtail sends a visitor who opens a page with a view restriction to ``WAGTAIL_FRONTEND_LOGIN_URL``
(the readers' login) and an editor who opens ``/admin/`` to the admin's login. Django's login form
carries a CSRF token, which this site keeps in the session (``CSRF_USE_SESSIONS``): every visit to
a form would write a session row and set a cookie, and the site promises its visitors none. These
forms need no token. A forged login from another site is refused instead by the browser's own
statement of where the form was sent from (``Origin``, or ``Sec-Fetch-Site`` and ``Referer`` where
it is missing), so nothing is stored until someone actually logs in.

An editor with an authenticator app then gives its code on a second form (the same address),
before the session starts (``udsatteraad.two_factor``).
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
from wagtail.admin.views.account import LoginView as WagtailAdminLoginView

from udsatteraad.two_factor.views import CodeStepMixin


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


class TokenlessLoginMixin:
    """A login view that stores nothing until the form is posted from this site's own pages."""

    # Django's LoginView wraps its dispatch in csrf_protect, which would ask for the token this
    # form does not carry; this one takes LoginView's other wrappers and leaves CSRF to ``post``.
    @method_decorator(csrf_exempt)
    @method_decorator(sensitive_post_parameters())
    @method_decorator(never_cache)
    def dispatch(self, request, *args, **kwargs):
        return super(LoginView, self).dispatch(request, *args, **kwargs)

    def get(self, request, *args, **kwargs):
        return self.without_token(request, super().get(request, *args, **kwargs))

    @staticmethod
    def without_token(request, response):
        if hasattr(response, "render") and not request.user.is_authenticated:
            # A template that still prints a token (Wagtail's admin does, in its form and its
            # page skeleton) would ask the CSRF middleware to store one in a new session.
            response.render()
            request.META["CSRF_COOKIE_NEEDS_UPDATE"] = False
        return response

    def post(self, request, *args, **kwargs):
        # Django's test client marks its requests so (unless it enforces CSRF checks, as a
        # browser would); the CSRF middleware lets them through too.
        exempt = getattr(request, "_dont_enforce_csrf_checks", False)
        if not exempt and not sent_from_this_site(request):
            raise PermissionDenied(_("Log ind fra sidens egen formular."))
        if "ticket" in request.POST:
            return self.without_token(request, self.code_step(request))
        return self.without_token(request, super().post(request, *args, **kwargs))


class ReaderLoginView(TokenlessLoginMixin, CodeStepMixin, LoginView):
    """``/log-ind/``: log in to read what is open to the council's own people only."""

    template_name = "login.html"
    code_template_name = "two_factor/reader_code.html"
    redirect_authenticated_user = False


class AdminLoginView(TokenlessLoginMixin, CodeStepMixin, WagtailAdminLoginView):
    """``/admin/login/``: Wagtail's own login for editors, with its form and lockout."""

    code_template_name = "two_factor/admin_code.html"

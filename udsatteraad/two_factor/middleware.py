"""Keeps the admin to editors who have passed both steps, and sends administrators to enrol."""

from urllib.parse import urlencode

from django.conf import settings
from django.contrib.auth import logout
from django.shortcuts import redirect
from django.urls import reverse

from .devices import must_enrol, totp_device


class TwoFactorMiddleware:
    """After django-otp's ``OTPMiddleware``, for paths under ``ADMIN_URL_PREFIX``.

    - An editor with an authenticator app whose session did not pass the code step (one from
      before the app was set up, or from a login that skipped it) is logged out and sent to the
      login.
    - A site administrator without an app, where ``TWO_FACTOR_REQUIRED_FOR_SUPERUSERS`` holds,
      reaches only the page that sets one up (and the logout).
    """

    OPEN_URL_NAMES = (
        "wagtailadmin_login",
        "wagtailadmin_logout",
        "wagtailadmin_javascript_catalog",
        "two_factor_enrol",
    )

    def __init__(self, get_response):
        self.get_response = get_response
        self._open_paths = None

    def open_paths(self):
        if self._open_paths is None:
            self._open_paths = {reverse(name) for name in self.OPEN_URL_NAMES}
        return self._open_paths

    def __call__(self, request):
        user = getattr(request, "user", None)
        if (
            user is not None
            and user.is_authenticated
            and request.path_info.startswith(settings.ADMIN_URL_PREFIX)
            and request.path_info not in self.open_paths()
        ):
            if not user.is_verified() and totp_device(user) is not None:
                logout(request)
                login = reverse("wagtailadmin_login")
                return redirect(f"{login}?{urlencode({'next': request.get_full_path()})}")
            if must_enrol(user):
                return redirect("two_factor_enrol")
        return self.get_response(request)

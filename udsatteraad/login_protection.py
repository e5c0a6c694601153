"""Login protection with django-axes: who is asking (the client address) and the lockout page."""

from django.conf import settings
from django.shortcuts import render


def client_ip(request) -> str | None:
    """The client's address: the socket's, or the one the site's own proxies recorded.

    With ``TRUSTED_PROXY_COUNT`` = n (the production settings use 1: nginx or Apache in front),
    the n-th address from the right of ``X-Forwarded-For`` is the one the outermost proxy of
    ours saw. Everything left of it was written by the client and is never trusted.
    """
    count = settings.TRUSTED_PROXY_COUNT
    if count:
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
        hops = [hop.strip() for hop in forwarded.split(",") if hop.strip()]
        if len(hops) >= count:
            return hops[-count]
    return request.META.get("REMOTE_ADDR")


def lockout_response(request, original_response, credentials):
    """The Danish lockout page, with HTTP 429 Too Many Requests."""
    minutes = max(1, round(settings.AXES_COOLOFF_TIME.total_seconds() / 60))
    return render(
        request,
        "login_locked.html",
        {"cooloff_minutes": minutes},
        status=settings.AXES_HTTP_RESPONSE_CODE,
    )

"""The site's one public address: ``WAGTAILADMIN_BASE_URL`` also names Wagtail's Site.

Wagtail builds absolute links (feeds' items, the meeting calendar, API v2's ``html_url``) from
the Site's hostname and port, and the admin's e-mails from ``WAGTAILADMIN_BASE_URL``. Setting the
default Site from that one setting makes all of them point at the same, reachable address.
"""

from urllib.parse import urlsplit

from django.conf import settings
from wagtail.models import Site


def apply_public_address(base_url: str | None = None) -> Site | None:
    """Give the default Site the hostname and port of ``base_url`` (the setting by default)."""
    parts = urlsplit(base_url or settings.WAGTAILADMIN_BASE_URL)
    if not parts.hostname:
        return None
    port = parts.port or (443 if parts.scheme == "https" else 80)
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        return None
    if (site.hostname, site.port) != (parts.hostname, port):
        site.hostname, site.port = parts.hostname, port
        site.save()
    return site

"""Demo step: the Site answers at the configured public address (``WAGTAILADMIN_BASE_URL``)."""

from council_pages.site_address import apply_public_address


def load(ctx) -> None:
    apply_public_address()

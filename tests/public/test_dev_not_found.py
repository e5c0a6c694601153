"""Under `make run` (the dev settings, DEBUG on) a missing page is the Danish 404 page too."""

import pytest
from django.test import override_settings

from udsatteraad.settings import base, dev

pytestmark = pytest.mark.django_db


@override_settings(DEBUG=True, MIDDLEWARE=dev.MIDDLEWARE)
def test_missing_page_is_danish_with_debug_on(client):
    assert "udsatteraad.dev_middleware.DanishNotFoundMiddleware" in dev.MIDDLEWARE
    for url in ("/findes-ikke/", "/odense/findes-ikke/"):
        response = client.get(url)
        assert response.status_code == 404
        html = response.content.decode()
        assert "Vi kan ikke finde siden" in html, url
        assert "Page not found" not in html and "Using the URLconf" not in html


@override_settings(DEBUG=True, MIDDLEWARE=base.MIDDLEWARE)
def test_without_it_debug_shows_djangos_english_page(client):
    """The check above can fail: without the middleware, DEBUG gives Django's debug page."""
    assert "Vi kan ikke finde siden" not in client.get("/findes-ikke/").content.decode()

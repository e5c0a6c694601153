"""Anonymous visitors get no cookies and the pages ask no other host for anything."""

import re

import pytest
from django.test import override_settings

pytestmark = pytest.mark.django_db

PUBLIC_URLS = [
    "/",
    "/testby/",
    "/om/",
    "/testby/moeder/2009-10-22/",
    "/findes-ikke/",
    "/soeg/?q=r%C3%A5d",
    "/soeg/?q=",
    "/api/v2/pages/",
    "/sitemap.xml",
    "/robots.txt",
    "/aabne-data/",
    "/was",
]
# A private page answers with a password or login form, which needs a CSRF session: that is
# the start of logging in, where a cookie is expected and allowed.


@override_settings(DEBUG=False)
@pytest.mark.parametrize("url", PUBLIC_URLS)
def test_no_cookie_for_anonymous_visitors(client, planted, url):
    response = client.get(url, follow=True)

    assert response.status_code < 500
    assert not response.cookies, f"{url} set {list(response.cookies)}"
    assert not any(name.lower() == "set-cookie" for name, _ in response.items())


@pytest.mark.parametrize("url", ["/", "/testby/", "/om/", "/findes-ikke/"])
def test_pages_refer_to_no_other_host(client, planted, url):
    html = client.get(url).content.decode()
    # Anything the browser fetches by itself: stylesheets, scripts, images, fonts, frames.
    fetched = re.findall(r'<(?:link|script|img|iframe|source)\b[^>]*\b(?:href|src)="([^"]+)"', html)

    assert fetched, "the page loads no assets at all?"
    assert [url for url in fetched if re.match(r"^(https?:)?//", url)] == []

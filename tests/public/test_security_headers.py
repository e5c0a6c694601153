"""Security headers on every public response: CSP without inline code, Permissions-Policy, the rest.

The browser side (no CSP violation reported while the browser tests run) is checked by the
``page`` fixture in tests/browser/conftest.py and tests/browser/test_security_headers.py.
"""

import pytest

pytestmark = pytest.mark.django_db


def directives(response):
    header = response["Content-Security-Policy"]
    parsed = {}
    for part in header.split(";"):
        name, *values = part.split()
        parsed[name] = values
    return parsed


PUBLIC_URLS = ["/", "/soeg/?q=bolig", "/aabne-data/", "/findes-ikke/", "/rss/", "/robots.txt"]


@pytest.mark.parametrize("url", PUBLIC_URLS)
def test_public_responses_send_a_strict_content_security_policy(client, planted, url):
    response = client.get(url)
    assert response.status_code in (200, 404)
    policy = directives(response)

    assert "'unsafe-inline'" not in response["Content-Security-Policy"]
    assert "'unsafe-eval'" not in response["Content-Security-Policy"]
    assert policy["default-src"] == ["'self'"]
    assert policy["script-src"][0] == "'self'"
    assert policy["style-src"] == ["'self'"]
    assert policy["object-src"] == ["'none'"]
    assert policy["frame-ancestors"] == ["'none'"]
    assert policy["base-uri"] == ["'self'"]


@pytest.mark.parametrize("url", PUBLIC_URLS)
def test_public_responses_keep_the_other_security_headers(client, planted, url):
    response = client.get(url)
    assert response["Permissions-Policy"].startswith("accelerometer=()")
    for feature in ("camera", "microphone", "geolocation", "payment"):
        assert f"{feature}=()" in response["Permissions-Policy"]
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["X-Frame-Options"] == "DENY"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"


def test_council_and_document_pages_have_the_policy_too(client, planted):
    for url in [planted.council.url, planted.public_response.url, planted.public_document.url]:
        response = client.get(url)
        assert response.status_code == 200, url
        assert "'unsafe-inline'" not in response["Content-Security-Policy"], url


def test_the_admin_has_its_own_looser_policy_limited_to_this_site(client):
    response = client.get("/admin/login/")
    policy = directives(response)
    assert policy["script-src"] == ["'self'", "'unsafe-inline'"]
    assert policy["default-src"] == ["'self'"]
    assert policy["object-src"] == ["'none'"]
    assert policy["frame-ancestors"] == ["'self'"]
    assert "camera=()" in response["Permissions-Policy"]

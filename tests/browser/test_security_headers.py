"""The Content-Security-Policy holds in a real Chromium: no page of the site trips it.

Every browser test fails on a CSP violation (the ``page`` fixture); these tests walk the main
public pages on purpose, logged out and logged in (Wagtail's user bar), and prove that the check
sees a violation when there is one.
"""

import pytest

from tests.browser.test_accessibility import load_demo, sample_urls

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_main_public_pages_report_no_csp_violation(page, live_server, csp_violations):
    load_demo()
    urls = [url for _, url in sample_urls()] + ["/soeg/?q=hjemløse", "/aabne-data/"]
    assert len(urls) > 8
    for url in urls:
        response = page.goto(url, wait_until="networkidle")
        assert response is not None and response.status in (200, 404), url
        policy = response.headers["content-security-policy"]
        assert "unsafe-inline" not in policy, url
        assert "script-src 'self'" in policy, url
    # The rules of procedure run a script of their own (the "Kopiér link" buttons).
    assert csp_violations == []


def test_an_editor_with_the_user_bar_reports_no_csp_violation(page, live_server, csp_violations):
    load_demo()
    page.goto("/admin/login/")
    page.fill("input[name=username]", "admin")
    page.fill("input[name=password]", "demo-i-test")
    page.click("button[type=submit]")
    page.wait_for_url("**/admin/")
    page.goto("/odense/", wait_until="networkidle")
    page.locator("[data-wagtail-userbar-trigger], wagtail-userbar").first.wait_for(state="attached")
    assert csp_violations == []


def test_the_check_sees_an_inline_script_being_refused(page, live_server, csp_violations):
    page.goto("/", wait_until="networkidle")
    ran = page.evaluate(
        """() => new Promise((resolve) => {
            document.addEventListener(
                "securitypolicyviolation", () => resolve(window.injected === true)
            );
            const script = document.createElement("script");
            script.textContent = "window.injected = true";
            document.body.append(script);
        })"""
    )
    assert ran is False
    page.wait_for_timeout(200)
    assert any("script-src" in violation for violation in csp_violations), csp_violations
    csp_violations.clear()

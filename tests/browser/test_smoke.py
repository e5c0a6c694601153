"""Smoke tests proving the browser harness: a real Chromium against the live server."""

import pytest
from django.conf import settings

from council_pages.models import HomePage

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_home_page_renders_in_chromium(page):
    home = HomePage.objects.live().public().get()

    response = page.goto("/")

    assert response is not None and response.status == 200
    assert page.locator("html").get_attribute("lang") == "da"
    assert home.title in page.title()
    assert page.locator("h1").first.is_visible()


def test_editor_can_log_in_to_the_admin(page, django_user_model):
    django_user_model.objects.create_superuser(
        "redaktoer", "redaktoer@example.org", "hemmelig-kode"
    )

    page.goto("/admin/login/")
    page.fill("input[name=username]", "redaktoer")
    page.fill("input[name=password]", "hemmelig-kode")
    page.click("button[type=submit]")

    page.wait_for_url("**/admin/")
    assert page.locator("html").get_attribute("lang") == "da"
    dashboard_heading = page.get_by_role("heading", level=1)
    assert dashboard_heading.inner_text().strip() == settings.WAGTAIL_SITE_NAME
    assert page.get_by_role("button", name="Sider").is_visible()

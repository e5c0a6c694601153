"""An editor logs in to the admin with a password and then a code from the app, in Chromium.

The code is computed from the device's key with django-otp's own ``totp``, as the app would;
the ``page`` fixture fails the test on any Content-Security-Policy violation.
"""

import pytest
from django.contrib.auth import get_user_model
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_an_editor_logs_in_with_password_and_code(page, live_server, csp_violations):
    user = get_user_model().objects.create_superuser("chef", password="kodeord-123")
    device = TOTPDevice.objects.create(user=user, name="app", confirmed=True)

    page.goto("/admin/login/")
    page.fill("input[name=username]", "chef")
    page.fill("input[name=password]", "kodeord-123")
    page.locator("button[type=submit]").click()
    page.get_by_role("heading", name="Skriv koden fra din app").wait_for()
    assert not [c for c in page.context.cookies() if c["name"] == "sessionid"]

    page.get_by_label("Kode fra din app").fill(f"{(totp(device.bin_key) + 1) % 10**6:06d}")
    page.locator("button[type=submit]").click()
    page.locator("[data-code-error]").get_by_text("Koden passer ikke").wait_for()
    page.wait_for_timeout(1500)  # django-otp waits a second after a wrong code before the next

    page.get_by_label("Kode fra din app").fill(f"{totp(device.bin_key):06d}")
    page.locator("button[type=submit]").click()
    page.wait_for_url("**/admin/")
    assert csp_violations == []

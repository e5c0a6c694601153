"""Two-factor login (TOTP) through the admin's own pages and login form.

The codes are computed from the device's key with django-otp's own ``totp``, as an
authenticator app would. A code is accepted once per 30-second step; a test that needs a
second code right after the first takes the next step's code (django-otp accepts one step of
clock difference).
"""

import re
import subprocess
import sys

import pytest
from axes.models import AccessAttempt
from django.contrib.auth.models import Permission
from django.contrib.sessions.models import Session
from django.test import Client, override_settings
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

pytestmark = pytest.mark.django_db

PASSWORD = "rigtig-kode-123"
NO_THROTTLE = override_settings(OTP_TOTP_THROTTLE_FACTOR=0)


@pytest.fixture
def admin_user(django_user_model):
    return django_user_model.objects.create_superuser("chef", "c@example.org", PASSWORD)


def code(device, steps_ahead=0):
    device.refresh_from_db()
    value = totp(device.bin_key, device.step, device.t0, device.digits, device.drift + steps_ahead)
    return f"{value:0{device.digits}d}"


def wrong(device):
    return f"{(int(code(device)) + 500_000) % 1_000_000:06d}"


def enrolled(user):
    return TOTPDevice.objects.create(user=user, name="app", confirmed=True)


def password_step(client, username="chef", password=PASSWORD, address="192.0.2.10"):
    return client.post(
        "/admin/login/", {"username": username, "password": password}, REMOTE_ADDR=address
    )


def ticket_of(response):
    return re.search(r'name="ticket" value="([^"]+)"', response.content.decode()).group(1)


def code_step(client, ticket, token, address="192.0.2.10", url="/admin/login/"):
    return client.post(url, {"ticket": ticket, "otp_token": token}, REMOTE_ADDR=address)


def test_an_editor_sets_up_an_app_in_the_admin_and_then_logs_in_with_its_code(admin_user):
    client = Client()
    assert password_step(client).status_code == 302  # no app yet: the password is enough
    page = client.get("/admin/totrinslogin/")
    assert page.status_code == 200
    html = page.content.decode()
    assert 'src="data:image/svg+xml' in html  # the QR code, no script needed
    assert "Nøgle:" in html
    assert "<script>" not in html.split('id="main"')[-1]

    device = TOTPDevice.objects.get(user=admin_user, confirmed=False)
    with NO_THROTTLE:
        refused = client.post("/admin/totrinslogin/", {"otp_token": wrong(device)})
        assert refused.status_code == 400
        assert "Koden passer ikke" in refused.content.decode()
        assert client.post("/admin/totrinslogin/", {"otp_token": "12 34"}).status_code == 400
        done = client.post("/admin/totrinslogin/", {"otp_token": code(device)})
    assert done.status_code == 302
    device.refresh_from_db()
    assert device.confirmed

    # Next time: the password alone opens nothing and starts no session ...
    client = Client()
    first = password_step(client)
    assert first.status_code == 200
    assert "Skriv koden fra din app" in first.content.decode()
    assert Session.objects.count() == 1  # only the session that enrolled
    assert not client.cookies.get("sessionid")
    assert client.get("/admin/").status_code == 302

    # ... a wrong code is refused in Danish, and the right one lets the editor in.
    with NO_THROTTLE:
        again = code_step(client, ticket_of(first), wrong(device))
        assert again.status_code == 200
        assert "Koden passer ikke" in again.content.decode()
        response = code_step(client, ticket_of(again), code(device, steps_ahead=1))
    assert response.status_code == 302
    assert client.get("/admin/").status_code == 200


@NO_THROTTLE
def test_wrong_codes_count_toward_the_lockout_with_wrong_passwords(admin_user):
    device = enrolled(admin_user)
    client = Client()
    for _ in range(2):
        assert password_step(client, password="forkert").status_code == 200
    ticket = ticket_of(password_step(client))
    for _ in range(2):
        assert code_step(client, ticket, wrong(device)).status_code == 200
    locked = code_step(client, ticket, wrong(device))
    assert locked.status_code == 429
    assert "Login er midlertidigt spærret" in locked.content.decode()
    assert AccessAttempt.objects.get().failures_since_start == 5

    # Now even the right code is refused, and no session starts.
    assert code_step(client, ticket, code(device)).status_code == 429
    assert not client.cookies.get("sessionid")


def test_guessing_fast_at_one_app_is_slowed_down_whatever_the_address(admin_user):
    device = enrolled(admin_user)
    client = Client()
    ticket = ticket_of(password_step(client))
    code_step(client, ticket, wrong(device), address="198.51.100.1")
    response = code_step(client, ticket, code(device), address="198.51.100.2")
    assert response.status_code == 200
    assert "Vent lidt" in response.content.decode()
    assert not client.cookies.get("sessionid")


def test_a_forged_or_stale_ticket_gets_nobody_in(admin_user, django_user_model):
    device = enrolled(admin_user)
    client = Client()
    ticket = ticket_of(password_step(client))
    forged = code_step(client, ticket[:-2] + "xx", code(device))
    assert forged.status_code == 400
    assert "Log ind igen" in forged.content.decode()

    admin_user.set_password("en-helt-ny-kode-456")  # a new password voids open tickets
    admin_user.save()
    assert code_step(client, ticket, code(device)).status_code == 400
    assert not client.cookies.get("sessionid")


def test_a_session_that_skipped_the_code_is_sent_back_to_the_login(client, admin_user):
    enrolled(admin_user)
    client.force_login(admin_user)
    response = client.get("/admin/pages/")
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/?next=")
    assert "_auth_user_id" not in client.session


def test_the_readers_login_asks_for_the_code_too(admin_user):
    device = enrolled(admin_user)
    client = Client()
    first = client.post("/log-ind/", {"username": "chef", "password": PASSWORD, "next": "/"})
    assert first.status_code == 200
    assert "Skriv koden fra din app" in first.content.decode()
    assert not client.cookies
    response = code_step(client, ticket_of(first), code(device), url="/log-ind/")
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(admin_user.pk)


@override_settings(TWO_FACTOR_REQUIRED_FOR_SUPERUSERS=True)
def test_where_required_an_administrator_sets_up_an_app_before_anything_else(
    admin_user, django_user_model
):
    client = Client()
    assert password_step(client).status_code == 302
    for url in ("/admin/", "/admin/pages/", "/admin/users/"):
        response = client.get(url)
        assert response.status_code == 302, url
        assert response["Location"] == "/admin/totrinslogin/"
    page = client.get("/admin/totrinslogin/")
    assert "Som administrator skal du bruge totrinslogin" in page.content.decode()
    device = TOTPDevice.objects.get(user=admin_user)
    client.post("/admin/totrinslogin/", {"otp_token": code(device)})
    assert client.get("/admin/").status_code == 200
    # An administrator may not turn it off again.
    client.post("/admin/totrinslogin/", {"action": "remove"})
    assert TOTPDevice.objects.filter(user=admin_user, confirmed=True).exists()

    # Editors who are not administrators choose for themselves.
    editor = django_user_model.objects.create_user("redaktoer", password=PASSWORD)
    editor.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client = Client()
    assert password_step(client, username="redaktoer").status_code == 302
    assert client.get("/admin/").status_code == 200


@pytest.mark.parametrize(
    ("settings_module", "expected"),
    [("udsatteraad.settings.production", "True"), ("udsatteraad.settings.dev", "False")],
)
def test_production_requires_it_and_the_demo_keeps_its_one_password(settings_module, expected):
    env = {"SECRET_KEY": "x" * 50, "ALLOWED_HOSTS": "example.org", "PATH": "/usr/bin:/bin"}
    result = subprocess.run(  # noqa: S603
        [
            sys.executable,
            "-c",
            f"import {settings_module} as s; print(s.TWO_FACTOR_REQUIRED_FOR_SUPERUSERS)",
        ],
        capture_output=True,
        text=True,
        env=env,
        check=True,
    )
    assert result.stdout.strip() == expected

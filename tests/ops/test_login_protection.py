"""Login protection through the Wagtail admin's own login form (django-axes).

Five wrong passwords for one user name from one address lock that pair out for a while, with a
Danish page and HTTP 429; the right password does not get in while locked; other addresses and
other users are not affected; a success before the limit starts the count again.
"""

import pytest
from axes.models import AccessAttempt
from django.test import override_settings

from udsatteraad.login_protection import client_ip

pytestmark = pytest.mark.django_db

PASSWORD = "rigtig-kode-123"


@pytest.fixture
def editor(django_user_model):
    return django_user_model.objects.create_superuser("sekretaer", "s@example.org", PASSWORD)


def log_in(client, username, password, address="192.0.2.10", **headers):
    return client.post(
        "/admin/login/",
        {"username": username, "password": password},
        REMOTE_ADDR=address,
        **headers,
    )


def test_five_wrong_passwords_lock_the_user_out_from_that_address(client, editor):
    for _ in range(4):
        response = log_in(client, "sekretaer", "forkert")
        assert response.status_code == 200  # the form again, with Wagtail's error
        assert "_auth_user_id" not in client.session

    response = log_in(client, "sekretaer", "forkert")
    assert response.status_code == 429
    text = response.content.decode()
    assert "Login er midlertidigt spærret" in text
    assert "de næste 15 minutter" in text

    # Now even the right password is refused, from this address ...
    response = log_in(client, "sekretaer", PASSWORD)
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session

    # ... but the same user from another address, and another user from this one, get in.
    assert log_in(client, "sekretaer", PASSWORD, address="198.51.100.7").status_code == 302
    client.logout()
    django_user_model = type(editor)
    django_user_model.objects.create_superuser("formand", "f@example.org", PASSWORD)
    assert log_in(client, "formand", PASSWORD).status_code == 302


def test_a_successful_login_resets_the_count(client, editor):
    for _ in range(4):
        log_in(client, "sekretaer", "forkert")
    assert log_in(client, "sekretaer", PASSWORD).status_code == 302
    client.logout()
    for _ in range(4):
        assert log_in(client, "sekretaer", "forkert").status_code == 200
    assert AccessAttempt.objects.get().failures_since_start == 4


def test_a_forged_forwarded_header_does_not_dodge_the_lockout(client, editor):
    for n in range(5):
        response = log_in(client, "sekretaer", "forkert", HTTP_X_FORWARDED_FOR=f"203.0.113.{n}")
    assert response.status_code == 429


@override_settings(TRUSTED_PROXY_COUNT=1)
def test_behind_a_proxy_the_address_it_saw_counts(rf):
    request = rf.get("/", HTTP_X_FORWARDED_FOR="10.9.9.9, 203.0.113.5", REMOTE_ADDR="127.0.0.1")
    assert client_ip(request) == "203.0.113.5"
    assert client_ip(rf.get("/", REMOTE_ADDR="127.0.0.1")) == "127.0.0.1"

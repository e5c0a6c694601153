"""`manage.py privacy_scan` on the demo site: zero findings, and it does find what is there."""

import io

import pytest
from django.core.management import call_command

from council_pages.models import HearingResponsePage

pytestmark = pytest.mark.django_db


def scan(*args):
    out = io.StringIO()
    try:
        call_command("privacy_scan", *args, stdout=out)
    except SystemExit as exit:
        return exit.code, out.getvalue()
    return 0, out.getvalue()


def test_the_demo_site_has_no_findings_and_a_planted_one_is_reported():
    call_command("load_demo", stdout=io.StringIO(), stderr=io.StringIO())

    code, out = scan()
    assert (code, out.splitlines()[-1].split(" (")[0]) == (0, "0 fund"), out

    # Content from before the guard: written straight to the database, never checked.
    page = HearingResponsePage.objects.live().public().first()
    HearingResponsePage.objects.filter(pk=page.pk).update(outcome_note="Ring på 23 45 67 89.")
    code, out = scan()
    assert code == 1
    assert f"{page.url_path} – telefonnummer «23 45 67 89» i Kort om beslutningen" in out
    assert "1 fund" in out


def test_a_text_file_can_be_checked(tmp_path):
    clean = tmp_path / "ren.txt"
    clean.write_text("Mødet 22.10.2009, sag 26/12345, pulje på 3.000.000 kr.", encoding="utf-8")
    dirty = tmp_path / "beskidt.txt"
    dirty.write_text("Født 010190-1234.", encoding="utf-8")
    assert scan("--file", str(clean))[0] == 0
    code, out = scan("--file", str(dirty))
    assert code == 1
    assert "CPR-nummer «010190-1234»" in out

"""The editor's day in Chromium, as the demo users: the secretary writes a meeting and sends it,
the chair sends it back with a comment, the secretary reads the comment, fixes the page and
sends it again, the chair approves, and the meeting is on the public site at its date.

Screenshots of the main steps, at 390 and 1280 px wide, are saved outside the repository in
``$UDSATTERAAD_SCREENSHOTS`` (default: ``<tmp>/udsatteraad-screenshots/``) for a person to look at.
"""

import os
import re
import tempfile
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from council_pages.models import (
    AnnualReportIndexPage,
    AnnualReportPage,
    CouncilPage,
    HearingResponseIndexPage,
    HearingResponsePage,
    MeetingIndexPage,
    MeetingPage,
    RulesOfProcedurePage,
)
from tests.browser.admin import log_in, new_tab

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

PASSWORD = "demo-i-test"  # noqa: S105 - a test-only password
COMMENT = "Skriv, hvor mødet holdes."
SHOTS = Path(
    os.environ.get("UDSATTERAAD_SCREENSHOTS")
    or Path(tempfile.gettempdir()) / "udsatteraad-screenshots"
)


def shot(page, width, name):
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=SHOTS / f"{width}-{name}.png", full_page=True)


def send_back_fix_and_approve(browser, live_server, width, obj, name):
    """The chair sends ``obj`` back with a comment from the dashboard; the secretary reads it,
    fixes the page and sends it again; the chair approves it in the editor."""
    title = obj.title

    # The chair sends it back from the dashboard, with a comment, and is told so.
    context, page = new_tab(browser, live_server, width)
    log_in(page, "odense-formand", PASSWORD)
    row = page.locator("tr", has_text=title)
    row.get_by_role("button", name="Handlinger").click()
    row.get_by_role("button", name="Afvis med kommentar").click()
    page.locator("textarea[name=comment]").fill(COMMENT)
    shot(page, width, f"{name}-03-chair-rejects")
    with page.expect_navigation():
        page.locator(".modal button[type=submit]").click()
    expect(page.locator(".messages")).to_contain_text("tilbage til sekretæren")
    shot(page, width, f"{name}-04-chair-told")
    context.close()

    # The secretary sees the comment on the dashboard and at the top of the editor.
    context, page = new_tab(browser, live_server, width)
    log_in(page, "odense-sekretaer", PASSWORD)
    comment = page.locator("tr", has_text=title).locator("[data-rejection-comment]")
    expect(comment).to_contain_text(COMMENT)
    shot(page, width, f"{name}-05-secretary-dashboard")
    page.goto(f"/admin/pages/{obj.pk}/edit/")
    expect(page.locator(".messages")).to_contain_text(COMMENT)
    shot(page, width, f"{name}-06-secretary-editor-banner")
    page.fill("#id_title", title + " (rettet)")
    page.get_by_role("button", name="Send igen til godkendelse", exact=True).click()
    page.wait_for_url("**/admin/pages/*/")
    context.close()

    # The chair approves in the editor with the main button.
    context, page = new_tab(browser, live_server, width)
    log_in(page, "odense-formand", PASSWORD)
    page.goto(f"/admin/pages/{obj.pk}/edit/")
    shot(page, width, f"{name}-07-chair-editor")
    page.get_by_role("button", name="Godkend og udgiv", exact=True).click()
    page.wait_for_url("**/admin/pages/*/")
    expect(page.locator(".messages")).to_contain_text("Siden er udgivet")
    shot(page, width, f"{name}-08-chair-approved")
    context.close()
    obj.refresh_from_db()
    assert obj.live


@pytest.mark.parametrize("width", [390, 1280])
def test_meeting_from_draft_to_public_through_a_rejection(browser, live_server, width):
    call_command("load_demo", "--password", PASSWORD, stdout=StringIO(), stderr=StringIO())
    council = CouncilPage.objects.get(slug="odense")
    index = MeetingIndexPage.objects.child_of(council).get()
    title = "Møde 15. december 2026"

    # The secretary writes the meeting and sends it to the chair with the main button.
    context, page = new_tab(browser, live_server, width)
    log_in(page, "odense-sekretaer", PASSWORD)
    page.goto(f"/admin/pages/add/council_pages/meetingpage/{index.pk}/")
    expect(page.get_by_text("failed to render")).to_have_count(0)
    page.fill("#id_title", title)
    page.fill("#id_date", "15.12.2026")
    page.keyboard.press("Escape")
    shot(page, width, "meeting-01-secretary-new")
    page.get_by_role("button", name="Send til godkendelse", exact=True).click()
    page.wait_for_url("**/admin/pages/*/")
    expect(page.locator(".messages")).to_contain_text("sendt til godkendelse")
    shot(page, width, "meeting-02-secretary-sent")
    context.close()
    meeting = MeetingPage.objects.get(title=title)
    assert meeting.slug == "2026-12-15"
    assert not meeting.live

    send_back_fix_and_approve(browser, live_server, width, meeting, "meeting")

    # Anyone finds it at its date.
    context, page = new_tab(browser, live_server, width)
    response = page.goto("/odense/moeder/2026-12-15/")
    assert response is not None and response.status == 200
    expect(page.get_by_role("heading", level=1)).to_contain_text("15. december 2026")
    shot(page, width, "meeting-09-public")
    context.close()


@pytest.mark.parametrize("width", [1280])
def test_hearing_response_from_draft_to_public_through_a_rejection(browser, live_server, width):
    call_command("load_demo", "--password", PASSWORD, stdout=StringIO(), stderr=StringIO())
    council = CouncilPage.objects.get(slug="odense")
    index = HearingResponseIndexPage.objects.child_of(council).get()
    title = "Høringssvar om varmestuens åbningstider"

    context, page = new_tab(browser, live_server, width)
    log_in(page, "odense-sekretaer", PASSWORD)
    page.goto(f"/admin/pages/add/council_pages/hearingresponsepage/{index.pk}/")
    page.fill("#id_title", title)
    page.fill("#id_summary", "Rådet vil have længere åbningstider.")
    # The answer before its date: the date field's calendar opens over the answer's editor at
    # 1280 px, and a click meant for the editor would close the calendar instead.
    editor = page.locator("[data-contentpath=response] [contenteditable=true]")
    editor.click()
    page.keyboard.type("Rådet anbefaler længere åbningstider.")
    expect(editor).to_contain_text("Rådet anbefaler længere åbningstider.")
    # Draftail copies the text into the form's hidden field after a moment: send after that.
    expect(page.locator("input[name=response]")).to_have_value(re.compile("anbefaler"))
    page.fill("#id_response_date", "04.05.2010")
    page.keyboard.press("Escape")
    page.locator("#id_title").click()
    shot(page, width, "hearing-01-secretary-new")
    page.get_by_role("button", name="Send til godkendelse", exact=True).click()
    page.wait_for_url("**/admin/pages/*/")
    expect(page.locator(".messages")).to_contain_text("sendt til godkendelse")
    context.close()
    response_page = HearingResponsePage.objects.get(title=title)

    send_back_fix_and_approve(browser, live_server, width, response_page, "hearing")

    context, page = new_tab(browser, live_server, width)
    result = page.goto(response_page.url)
    assert result is not None and result.status == 200
    expect(page.get_by_role("heading", level=1)).to_contain_text("(rettet)")
    shot(page, width, "hearing-09-public")
    context.close()


@pytest.mark.parametrize("width", [1280])
def test_annual_report_from_draft_to_public_through_a_rejection(browser, live_server, width):
    call_command("load_demo", "--password", PASSWORD, stdout=StringIO(), stderr=StringIO())
    council = CouncilPage.objects.get(slug="odense")
    index = AnnualReportIndexPage.objects.child_of(council).get()

    context, page = new_tab(browser, live_server, width)
    log_in(page, "odense-sekretaer", PASSWORD)
    page.goto(f"/admin/pages/add/council_pages/annualreportpage/{index.pk}/")
    expect(page.get_by_text("failed to render")).to_have_count(0)
    page.fill("#id_title", "Årsrapport 2012")
    page.fill("#id_start_year", "2012")
    page.fill("#id_summary", "Et år med nye væresteder.")
    shot(page, width, "report-01-secretary-new")
    page.get_by_role("button", name="Send til godkendelse", exact=True).click()
    page.wait_for_url("**/admin/pages/*/")
    expect(page.locator(".messages")).to_contain_text("sendt til godkendelse")
    context.close()
    report = AnnualReportPage.objects.get(start_year=2012, title="Årsrapport 2012")

    send_back_fix_and_approve(browser, live_server, width, report, "report")

    context, page = new_tab(browser, live_server, width)
    result = page.goto(AnnualReportPage.objects.get(pk=report.pk).url)
    assert result is not None and result.status == 200
    expect(page.get_by_role("heading", level=1)).to_contain_text("(rettet)")
    shot(page, width, "report-09-public")
    context.close()


@pytest.mark.parametrize("width", [1280])
def test_new_rules_version_to_public_through_a_rejection(browser, live_server, width):
    call_command("load_demo", "--password", PASSWORD, stdout=StringIO(), stderr=StringIO())
    council = CouncilPage.objects.get(slug="odense")
    rules = RulesOfProcedurePage.objects.child_of(council).get()

    context, page = new_tab(browser, live_server, width)
    log_in(page, "odense-sekretaer", PASSWORD)
    page.goto(f"/admin/pages/{rules.pk}/edit/")
    expect(page.get_by_text("failed to render")).to_have_count(0)
    page.fill("#id_amendment_note", "Mødefrekvensen er ændret.")
    shot(page, width, "rules-01-secretary-edits")
    page.get_by_role("button", name="Send til godkendelse", exact=True).click()
    page.wait_for_url("**/admin/pages/*/")
    expect(page.locator(".messages")).to_contain_text("sendt til godkendelse")
    context.close()

    send_back_fix_and_approve(browser, live_server, width, rules, "rules")

    context, page = new_tab(browser, live_server, width)
    result = page.goto(rules.url)
    assert result is not None and result.status == 200
    expect(page.get_by_role("heading", level=1)).to_contain_text("(rettet)")
    shot(page, width, "rules-09-public")
    # The new version is listed with its note beside the earlier ones.
    page.goto(rules.url + "versioner/")
    expect(page.get_by_text("Mødefrekvensen er ændret.")).to_have_count(1)
    context.close()


@pytest.mark.parametrize("width", [1280])
def test_council_page_change_to_public_through_a_rejection(browser, live_server, width):
    call_command("load_demo", "--password", PASSWORD, stdout=StringIO(), stderr=StringIO())
    council = CouncilPage.objects.get(slug="odense")

    context, page = new_tab(browser, live_server, width)
    log_in(page, "odense-sekretaer", PASSWORD)
    page.goto(f"/admin/pages/{council.pk}/edit/")
    expect(page.get_by_text("failed to render")).to_have_count(0)
    page.fill("#id_official_name", "Rådet for Socialt Udsatte i Odense Kommune")
    shot(page, width, "council-01-secretary-edits")
    page.get_by_role("button", name="Send til godkendelse", exact=True).click()
    page.wait_for_url("**/admin/pages/*/")
    expect(page.locator(".messages")).to_contain_text("sendt til godkendelse")
    context.close()

    send_back_fix_and_approve(browser, live_server, width, council, "council")

    context, page = new_tab(browser, live_server, width)
    result = page.goto("/odense/")
    assert result is not None and result.status == 200
    # The public page is headed by the official name the secretary changed.
    expect(page.get_by_role("heading", level=1)).to_contain_text("i Odense Kommune")
    shot(page, width, "council-09-public")
    context.close()

"""The approval journey in Chromium: a secretary writes and submits a hearing response, the
chair approves it from the dashboard, and an anonymous visitor reads it."""

import re

import pytest
from playwright.sync_api import expect

from council_pages.models import CouncilRole, CouncilRoleKind, HearingResponsePage, HomePage
from tests.browser.admin import log_in, new_tab
from tests.workflow.conftest import PASSWORD, make_council, make_hearing_response, make_user

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

TITLE = "Høringssvar om natvarmestuen"


def test_secretary_submits_chair_approves_public_reads(browser, live_server):
    council = make_council(HomePage.objects.get(), "odense", "Odense")
    secretary, chair = make_user("sekretaer-a"), make_user("formand-a")
    CouncilRole.objects.create(user=secretary, council=council, role=CouncilRoleKind.SECRETARY)
    CouncilRole.objects.create(user=chair, council=council, role=CouncilRoleKind.CHAIR)
    index = make_hearing_response(council, "Et tidligere svar").get_parent()

    # The secretary writes a hearing response and sends it to the chair.
    context, page = new_tab(browser, live_server)
    log_in(page, "sekretaer-a", PASSWORD)
    page.goto(f"/admin/pages/add/council_pages/hearingresponsepage/{index.pk}/")
    page.fill("#id_title", TITLE)
    page.fill("#id_summary", "Rådet vil have flere pladser i natvarmestuen.")
    page.fill("#id_response_date", "04.05.2010")
    page.keyboard.press("Escape")
    answer = page.locator("[data-contentpath=response] [contenteditable=true]")
    answer.click()
    page.keyboard.type("Rådet anbefaler flere pladser i natvarmestuen.")
    # Leaving the editor is what stores its text in the form.
    page.locator("#id_title").click()
    expect(page.locator("input[name=response]")).to_have_value(re.compile("natvarmestuen"))
    # Sending to the chair is the main button.
    page.get_by_role("button", name="Send til godkendelse", exact=True).click()
    page.wait_for_url("**/admin/pages/*/")
    expect(page.locator(".messages")).to_contain_text(
        f"Siden '{TITLE}' er oprettet og sendt til godkendelse."
    )
    context.close()

    response_page = HearingResponsePage.objects.get(title=TITLE)
    assert not response_page.live

    # The chair finds it on the dashboard and approves it.
    context, page = new_tab(browser, live_server)
    log_in(page, "formand-a", PASSWORD)
    expect(page.get_by_text("Venter på din godkendelse")).to_be_visible()
    row = page.locator("tr", has_text=TITLE)
    row.get_by_role("button", name="Handlinger").click()
    with page.expect_navigation():
        row.get_by_role("button", name="Godkend og udgiv", exact=True).click()
    page.wait_for_load_state("networkidle")
    expect(page.locator(".messages")).to_contain_text(
        f"Du har godkendt “{TITLE}”. Siden er udgivet."
    )
    expect(page.get_by_text("Venter på din godkendelse")).to_have_count(0)
    context.close()

    response_page.refresh_from_db()
    assert response_page.live

    # Anyone can read it now.
    context, page = new_tab(browser, live_server)
    result = page.goto(response_page.url)
    assert result is not None and result.status == 200
    expect(page.get_by_role("heading", level=1)).to_contain_text(TITLE)
    context.close()

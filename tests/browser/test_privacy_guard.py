"""The privacy guard in Chromium: a CPR number stops the submission, and the save menu's
"Erstat CPR-numre med xxxxxx-xxxx" masks it in place. The number is synthetic."""

import pytest
from playwright.sync_api import expect

from council_pages.models import CouncilRole, CouncilRoleKind, HearingResponsePage, HomePage
from tests.browser.admin import log_in, new_tab
from tests.workflow.conftest import PASSWORD, make_council, make_hearing_response, make_user

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_a_cpr_number_is_refused_and_masked_with_the_button(browser, live_server):
    council = make_council(HomePage.objects.get(), "odense", "Odense")
    secretary = make_user("sekretaer-a")
    CouncilRole.objects.create(user=secretary, council=council, role=CouncilRoleKind.SECRETARY)
    draft = make_hearing_response(council, "Svar om bostøtte", live=False, user=secretary)

    context, page = new_tab(browser, live_server)
    log_in(page, "sekretaer-a", PASSWORD)
    page.goto(f"/admin/pages/{draft.pk}/edit/")
    page.fill("#id_title", "Svar om borger 010190-1234")
    page.get_by_role("button", name="Send til godkendelse", exact=True).click()
    page.wait_for_load_state("networkidle")
    expect(page.locator(".messages")).to_contain_text("kan ikke sendes til godkendelse")
    expect(page.locator(".messages")).to_contain_text("«010190-1234» i Titel")
    expect(page.locator("#id_title")).to_have_value("Svar om borger 010190-1234")

    page.get_by_role("button", name="Flere handlinger").click()
    with page.expect_navigation():
        page.get_by_role("button", name="Erstat CPR-numre med xxxxxx-xxxx").click()
    expect(page.locator(".messages")).to_contain_text("erstattet med xxxxxx-xxxx")
    expect(page.locator("#id_title")).to_have_value("Svar om borger xxxxxx-xxxx")
    context.close()

    latest = HearingResponsePage.objects.get(pk=draft.pk).get_latest_revision_as_object()
    assert latest.title == "Svar om borger xxxxxx-xxxx"
    assert not latest.live

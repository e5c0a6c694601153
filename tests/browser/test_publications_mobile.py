"""What councils publish, on a 390 px phone in a real Chromium: no sideways scrolling, and the
"copy link" next to each § puts the citeable address on the clipboard."""

import datetime

import pytest

from tests.factories import CouncilPageFactory
from tests.factories_publications import (
    AnnualReportIndexPageFactory,
    AnnualReportPageFactory,
    HearingResponseIndexPageFactory,
    HearingResponsePageFactory,
    MeetingIndexPageFactory,
    MeetingPageFactory,
    RulesOfProcedurePageFactory,
    agenda_item,
    agenda_sub_item,
    rule_paragraph,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 390, "height": 844}


@pytest.fixture
def publications():
    council = CouncilPageFactory(slug="odense", title="Rådet for Socialt Udsatte i Odense")
    rules = RulesOfProcedurePageFactory(
        parent=council,
        body=[
            ("heading", "Rådets virksomhed og møder i almindelighed"),
            rule_paragraph("Rådet holder fire møder om året.", "Ekstraordinære møder kan holdes."),
            rule_paragraph(
                "Formanden indkalder med en dagsorden senest fem dage før mødet.",
                "Et referat er godkendt, medmindre nogen protesterer på næste møde.",
            ),
        ],
    )
    meetings = MeetingIndexPageFactory(parent=council)
    meeting = MeetingPageFactory(
        parent=meetings,
        date=datetime.date(2009, 10, 22),
        place="Kirkens Korshær, Nørregade 10, 5000 Odense C (mødelokalet på første sal)",
        agenda=[
            agenda_item("Godkendelse af dagsorden", decision="Godkendt."),
            agenda_item(
                "Til orientering",
                sub_items=[
                    agenda_sub_item("Orientering fra Social- og Arbejdsmarkedsforvaltningen")
                ],
            ),
        ],
        present="Birgitte Holm\nJens Kristian Lund",
    )
    hearing = HearingResponsePageFactory(
        parent=HearingResponseIndexPageFactory(parent=council),
        title="Høringssvar om strategi for hjemløse 2010-2013",
        consultation_title="Udkast til strategi for indsatsen for hjemløse i Odense Kommune",
        outcome="partly_adopted",
        outcome_date=datetime.date(2009, 11, 4),
    )
    report = AnnualReportPageFactory(parent=AnnualReportIndexPageFactory(parent=council))
    return {
        "council": council,
        "rules": rules,
        "meetings": meetings,
        "meeting": meeting,
        "hearings": hearing.get_parent(),
        "hearing": hearing,
        "reports": report.get_parent(),
        "report": report,
    }


def test_every_page_fits_a_phone_screen(page, publications):
    page.set_viewport_size(PHONE)
    for name, target in publications.items():
        response = page.goto(target.url)
        assert response is not None and response.status == 200, name
        overflow = page.evaluate(
            "document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        assert overflow <= 0, f"{name} scrolls sideways by {overflow}px at 390 px"
        assert page.locator("h1").first.is_visible(), name


def test_copy_link_puts_the_paragraph_address_on_the_clipboard(
    page, browser_context, publications, live_server
):
    browser_context.grant_permissions(["clipboard-read", "clipboard-write"], origin=live_server.url)
    page.set_viewport_size(PHONE)
    page.goto(publications["rules"].url)
    button = page.locator('[data-copy-link="#p2-stk2"]')
    button.click()
    assert page.evaluate("navigator.clipboard.readText()") == (
        f"{live_server.url}/odense/forretningsorden/#p2-stk2"
    )
    assert "Link kopieret" in button.inner_text()
    box = button.bounding_box()
    assert box is not None and box["height"] >= 44  # a touch target a thumb can hit

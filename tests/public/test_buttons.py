"""One button style on the public pages: DKFDS's secondary button, wherever there is a button.

Every <button> and every link drawn as a button (``class="button ..."``) carries the same two
classes, ``button button-secondary``, and no other DKFDS button variant. The one exception is
the small "Kopiér link" beside each paragraph of the rules of procedure, which is drawn as a
plain link on purpose (``button-unstyled``) so that the text stays readable.
"""

import datetime

import pytest
from bs4 import BeautifulSoup

from tests.factories import CouncilPageFactory
from tests.factories_publications import (
    HearingResponseIndexPageFactory,
    HearingResponsePageFactory,
    MeetingIndexPageFactory,
    MeetingPageFactory,
)

SHARED = {"button", "button-secondary"}
OTHER_VARIANTS = {"button-primary", "button-tertiary", "button-warning", "button-search"}


@pytest.fixture
def site(db):
    council = CouncilPageFactory(slug="odense", title="Rådet i Odense")
    meetings = MeetingIndexPageFactory(parent=council)
    for year in (2009, 2010):
        MeetingPageFactory(parent=meetings, date=datetime.date(year, 10, 22))
    responses = HearingResponseIndexPageFactory(parent=council)
    for n, year in enumerate((2009, 2010)):
        HearingResponsePageFactory(
            parent=responses,
            slug=f"svar-{n}",
            response_date=datetime.date(year, 9, 25),
            received_on=datetime.date(year, 9, 1),
            deadline=datetime.date(year, 9, 30),
        )
    return council


def _buttons(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    soup = BeautifulSoup(response.content, "html.parser")
    found = soup.find_all("button") + soup.select("a.button")
    return [b for b in found if "button-unstyled" not in b.get("class", [])]


@pytest.mark.parametrize(
    "url",
    [
        "/",
        "/odense/",
        "/odense/hoeringssvar/?aar=2010",
        "/odense/hoeringssvar/svar-0/",
        "/odense/moeder/",
        "/moeder/?aar=2010",
        "/hoeringssvar/",
        "/soeg/?q=svar",
        "/i-tal/",
    ],
)
def test_every_button_has_the_one_shared_style(client, site, url):
    buttons = _buttons(client, url)
    assert buttons, f"{url} has no button to check"
    for button in buttons:
        classes = set(button.get("class", []))
        assert classes >= SHARED, (url, str(button))
        assert not classes & OTHER_VARIANTS, (url, str(button))


def test_the_read_aloud_controls_share_the_style(client, site):
    labels = [b.get_text(strip=True) for b in _buttons(client, "/odense/hoeringssvar/svar-0/")]
    assert {"Læs op", "Pause", "Stop"} <= set(labels)


@pytest.mark.parametrize("url", ["/odense/hoeringssvar/", "/moeder/"])
def test_a_filtered_list_offers_a_reset_button_back_to_the_whole_list(client, site, url):
    (reset,) = [
        b for b in _buttons(client, f"{url}?aar=2010") if b.get_text().startswith("Nulstil")
    ]
    assert reset.name == "a"
    assert reset["href"] == url
    assert reset.get_text(" ", strip=True) == "Nulstil og vis hele listen"  # what a reader hears
    assert not [b for b in _buttons(client, url) if b.get_text().startswith("Nulstil")]

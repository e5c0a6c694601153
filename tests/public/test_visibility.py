"""One rule of visibility, every channel: a planted word for each way of being hidden.

Vejle's site holds a page for each way a thing can be hidden from the public, each with a word
of its own; Herning owns two documents that Vejle's pages link to. Every public channel is read
as an anonymous visitor, and the admin as Randers' secretary: no hidden word may appear
anywhere. A visible page's word must appear (so the test can see a leak when there is one).
"""

import datetime

import pytest

from council_pages.models import HearingResponsePage, MeetingPage

from .planted_site import HIDDEN, VISIBLE, plant_site, public_urls, read

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def site(db):
    return plant_site()


def test_the_visible_page_shows_everywhere(client, site):
    assert VISIBLE in read(client, site["visible"].url)
    assert VISIBLE in read(client, "/rss/")
    assert VISIBLE in read(client, f"/soeg/?q={VISIBLE}")
    assert VISIBLE in read(client, "/api/v2/pages/?limit=100&search=" + VISIBLE) or VISIBLE in read(
        client, "/api/v2/pages/?limit=100"
    )


@pytest.mark.parametrize("kind", sorted(HIDDEN))
def test_no_hidden_word_reaches_any_public_channel(client, site, kind):
    word = HIDDEN[kind]
    leaks = [url for url in public_urls(client) if word in read(client, url)]
    assert leaks == []


def test_hidden_documents_cannot_be_downloaded(client, site):
    for doc in site["hidden_documents"]:
        response = client.get(doc.url)
        assert not getattr(response, "streaming", False), doc.title
        # A private collection asks for a login (Wagtail's own rule); the others do not exist.
        assert response.status_code in (302, 404), doc.title


def test_a_live_page_below_an_unpublished_section_is_not_served(client, site):
    child = HearingResponsePage.objects.get(title__contains=HIDDEN["below_unpublished_section"])
    assert child.live
    assert client.get(child.url).status_code == 404


def test_the_meeting_before_non_public_minutes_shows_nothing_of_them(client, site):
    earlier = MeetingPage.objects.get(date=datetime.date(2009, 10, 22))
    body = read(client, earlier.url)
    assert "24. november 2009" not in body
    assert "protesterede" not in body
    assert site["secret_meeting"].url not in body

"""&, <, > and quotes in titles and text come out escaped exactly once: page, API and feeds."""

import io

import feedparser
import pytest
from django.core.management import call_command

from tests.factories import CouncilPageFactory
from tests.factories_publications import (
    HearingResponseIndexPageFactory,
    HearingResponsePageFactory,
)

TITLE = 'Boliger & "tryghed" <nu>'
SUMMARY = "Rådet siger ja & nej til <skæve> boliger."
# As the rich-text editor stores it: the entities escaped in the HTML.
RESPONSE = "<p>Rådet vil have skæve boliger &amp; et &quot;trygt&quot; sted &lt;nu&gt;.</p>"


@pytest.fixture
def response(db):
    council = CouncilPageFactory(slug="odense", title="Rådet i Odense")
    index = HearingResponseIndexPageFactory(parent=council)
    page = HearingResponsePageFactory(
        parent=index, title=TITLE, summary=SUMMARY, response=RESPONSE, slug="boliger"
    )
    call_command("search_index", "rebuild", stdout=io.StringIO())
    return page


@pytest.mark.django_db
def test_the_search_page_escapes_once(client, response):
    html = client.get("/soeg/", {"q": "boliger"}).content.decode()
    assert "<mark>Boliger</mark> &amp; &quot;tryghed&quot; &lt;nu&gt;" in html
    assert "skæve <mark>boliger</mark> &amp; et &quot;trygt&quot; sted &lt;nu&gt;" in html
    assert "&amp;amp;" not in html
    assert "&amp;quot;" not in html
    assert "&amp;lt;" not in html
    assert "<nu>" not in html


@pytest.mark.django_db
def test_the_api_gives_plain_titles_and_snippets_escaped_once(client, response):
    hit = client.get("/api/search/", {"q": "boliger"}).json()["results"][0]
    assert hit["title"] == TITLE
    # The fields (summary, who consulted the council, the answer) kept apart by an ellipsis.
    assert hit["snippet"] == (
        "Rådet siger ja &amp; nej til &lt;skæve&gt; <mark>boliger</mark>. … Socialudvalget … "
        "Rådet vil have skæve <mark>boliger</mark> &amp; et &quot;trygt&quot; sted &lt;nu&gt;."
    )


@pytest.mark.django_db
def test_the_feeds_carry_the_text_once_escaped(client, response):
    for url in ("/rss/", "/atom/", "/odense/hoeringssvar/rss/"):
        feed = feedparser.parse(client.get(url).content)
        entry = next(e for e in feed.entries if "tryghed" in e.title)
        assert entry.title == TITLE, url
        assert entry.summary == SUMMARY.replace("&", "&amp;").replace("<", "&lt;").replace(
            ">", "&gt;"
        ), url


@pytest.mark.django_db
def test_a_match_in_the_title_is_marked_and_the_title_escaped_once(client, response):
    html = client.get("/soeg/", {"q": "tryghed"}).content.decode()
    assert "Boliger &amp; &quot;<mark>tryghed</mark>&quot; &lt;nu&gt;" in html

"""&, <, > and quotes in titles and text come out escaped exactly once: page, API and feeds,
and in the name of the attachment a hit was found in."""

import io

import feedparser
import pytest
from django.core.files.base import ContentFile
from django.core.management import call_command

from documents.collections import council_collection
from documents.models import CouncilDocument
from tests.documents.files import pdf_with_text
from tests.factories import CouncilPageFactory
from tests.factories_publications import (
    HearingResponseIndexPageFactory,
    HearingResponsePageFactory,
)

TITLE = 'Boliger & "tryghed" <nu>'
SUMMARY = "Rådet siger ja & nej til <skæve> boliger."
# As the rich-text editor stores it: the entities escaped in the HTML.
RESPONSE = "<p>Rådet vil have skæve boliger &amp; et &quot;trygt&quot; sted &lt;nu&gt;.</p>"
ATTACHMENT = "Bilag & \"plan\" <ny> 'A'"
ATTACHMENT_TEXT = 'Planen om <ventelister> & "køer".'


@pytest.fixture
def response(db):
    council = CouncilPageFactory(slug="odense", title="Rådet i Odense")
    index = HearingResponseIndexPageFactory(parent=council)
    document = CouncilDocument(title=ATTACHMENT, collection=council_collection(council))
    document.file.save("plan.pdf", ContentFile(pdf_with_text(ATTACHMENT_TEXT)), save=False)
    document.extracted_text = ATTACHMENT_TEXT
    document.save()
    page = HearingResponsePageFactory(
        parent=index,
        title=TITLE,
        summary=SUMMARY,
        response=RESPONSE,
        slug="boliger",
        consultation_material=[("document", document)],
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


@pytest.mark.django_db
def test_the_attachment_a_hit_was_found_in_is_escaped_once(client, response):
    url = CouncilDocument.objects.get().url
    html = client.get("/soeg/", {"q": "ventelister"}).content.decode()
    assert (
        f'Fundet i bilaget <a href="{url}">'
        "Bilag &amp; &quot;plan&quot; &lt;ny&gt; &#x27;A&#x27;</a>"
    ) in html
    assert "<mark>ventelister</mark>&gt; &amp; &quot;køer&quot;." in html
    assert "&amp;amp;" not in html and "&amp;lt;" not in html and "<ny>" not in html
    hit = client.get("/api/search/", {"q": "ventelister"}).json()["results"][0]
    assert hit["attachment"] == {"title": ATTACHMENT, "url": f"http://testserver{url}"}
    assert hit["snippet"] == (
        "Bilag &amp; &quot;plan&quot; &lt;ny&gt; &#x27;A&#x27; … "
        "Planen om &lt;<mark>ventelister</mark>&gt; &amp; &quot;køer&quot;."
    )

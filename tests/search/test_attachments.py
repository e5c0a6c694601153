"""A page's attachments are found with the page: "Fundet i bilaget …" under its snippet.

A hearing response's attached PDF is searched as part of the response, and the response is the
hit; the PDF is not a hit of its own (it was, and ranked above the page that attaches it).
Through HTTP and the ``search_index`` command, on whichever database the suite runs on.
"""

import datetime
import io
import re

import pytest
from django.core.management import call_command

from council_pages.models import HearingResponseIndexPage, HearingResponsePage
from documents.collections import council_collection
from documents.models import CouncilDocument
from search.adapters import document_record
from search.backends import get_backend

from .conftest import add, api


@pytest.fixture
def responses(council, publish):
    return publish(add(council, HearingResponseIndexPage(title="Høringssvar", slug="hoeringssvar")))


@pytest.fixture
def attached(council, responses, publish, make_document):
    """A hearing response about homelessness with the municipality's plan attached as a PDF."""
    document = make_document(
        "Kommunens handleplan",
        "Handleplanen beskriver ventelister til forsorgshjem og herbergspladser.",
        collection=council_collection(council),
    )
    page = publish(
        add(
            responses,
            HearingResponsePage(
                title="Høringssvar om hjemløse",
                slug="hjemloese",
                summary="Rådet vil have flere boliger til hjemløse.",
                consulting_body="Socialudvalget",
                response_date=datetime.date(2010, 3, 1),
                response="<p>Rådet støtter planen om flere boliger.</p>",
                consultation_material=[("document", document)],
            ),
        )
    )
    return page, document


def test_a_word_only_in_the_attachment_finds_the_page_with_the_attachment_named(client, attached):
    page, document = attached
    body = api(client, "ventelister")
    # The page is the one hit; the PDF is not a hit beside (or above) it.
    assert body["total"] == 1
    (hit,) = body["results"]
    assert (hit["title"], hit["kind"]) == ("Høringssvar om hjemløse", "hearing_response")
    assert hit["url"].endswith(page.url)
    assert hit["attachment"] == {
        "title": "Kommunens handleplan",
        "url": f"http://testserver{document.url}",
    }
    # The snippet is taken from the attachment, where the word is.
    assert "<mark>ventelister</mark>" in hit["snippet"]
    assert "Rådet støtter" not in hit["snippet"]
    assert [f["value"] for f in body["facets"]["kind"]] == ["hearing_response"]


def test_the_search_page_says_found_in_the_attachment_and_links_to_the_file(client, attached):
    page, document = attached
    html = client.get("/soeg/", {"q": "ventelister"}).content.decode()
    assert f'<a href="{page.url}">Høringssvar om hjemløse</a>' in html
    assert f'Fundet i bilaget <a href="{document.url}">Kommunens handleplan</a>' in html
    # One hit, and no "Dokumenter" facet: no document is a hit of its own.
    assert html.count('class="search-hit"') == 1
    assert "Dokumenter (" not in html


def test_a_word_in_the_page_itself_shows_no_attachment(client, attached):
    hit = api(client, "boliger")["results"][0]
    assert hit["title"] == "Høringssvar om hjemløse"
    assert hit["attachment"] is None
    assert "<mark>boliger</mark>" in hit["snippet"]
    html = client.get("/soeg/", {"q": "boliger"}).content.decode()
    assert "Fundet i bilaget" not in html
    # A word in the title and in the attachment: the page's own words come first.
    assert api(client, "hjemløse herbergspladser")["results"][0]["attachment"] is None


def test_unpublishing_the_page_takes_the_attachment_s_text_out_of_search(client, attached, commit):
    page, _ = attached
    with commit():
        page.unpublish()
    assert api(client, "ventelister")["total"] == 0
    assert 'class="search-hit"' not in client.get("/soeg/", {"q": "ventelister"}).content.decode()


def test_a_rebuild_gives_the_same_results(client, attached):
    page, document = attached
    call_command("search_index", "rebuild", stdout=io.StringIO())
    (hit,) = api(client, "herbergspladser")["results"]
    assert hit["kind"] == "hearing_response"
    assert hit["attachment"]["title"] == document.title
    out = io.StringIO()
    call_command("search_index", "check", stdout=out)
    assert "i orden" in out.getvalue()


def test_a_document_record_left_from_before_is_removed_by_repair(client, attached):
    """An index built before attachments were grouped under their page still holds the PDF as a
    hit of its own; ``check`` reports it and ``repair`` removes it."""
    _, document = attached
    # The home and site pages came from data migrations, not from publishing: start in step.
    call_command("search_index", "rebuild", stdout=io.StringIO())
    get_backend().upsert([document_record(document)])  # as the previous version indexed it
    assert sorted(r["kind"] for r in api(client, "ventelister")["results"]) == [
        "document",
        "hearing_response",
    ]
    out = io.StringIO()
    with pytest.raises(SystemExit):
        call_command("search_index", "check", stdout=out)
    assert re.search(rf"må ikke være i indekset: .*document:{document.pk}", out.getvalue())
    call_command("search_index", "repair", stdout=io.StringIO())
    assert [r["kind"] for r in api(client, "ventelister")["results"]] == ["hearing_response"]


def test_a_document_record_left_from_before_is_removed_when_the_document_changes(
    client, attached, commit
):
    _, document = attached
    get_backend().upsert([document_record(document)])
    with commit():
        document.title = "Kommunens handleplan 2010"
        document.save(update_fields=["title"])
    (hit,) = api(client, "ventelister")["results"]
    assert hit["kind"] == "hearing_response"
    # The page carries the attachment's new title.
    assert hit["attachment"]["title"] == "Kommunens handleplan 2010"


def test_a_document_no_visible_page_links_to_is_a_hit_of_its_own(
    client, council, responses, publish, make_document, monkeypatch
):
    """Today every public document has a visible page linking to it; should the rule ever let
    a document stand alone, the search shows it as a hit of its own, until a page carries it."""
    from visibility import rules

    # Every document public, linked or not (the real rule still decides what pages carry).
    monkeypatch.setattr(
        rules,
        "public_documents",
        lambda queryset=None: CouncilDocument.objects.all() if queryset is None else queryset,
    )
    document = make_document(
        "Vedtægter", "Vedtægterne nævner kontingent.", collection=council_collection(council)
    )
    call_command("search_index", "rebuild", stdout=io.StringIO())
    (hit,) = api(client, "kontingent")["results"]
    assert (hit["kind"], hit["title"], hit["attachment"]) == ("document", "Vedtægter", None)

    publish(
        add(
            responses,
            HearingResponsePage(
                title="Svar om foreningen",
                slug="foreningen",
                summary="Rådet svarer.",
                response="<p>Rådet støtter foreningen.</p>",
                response_date=datetime.date(2010, 3, 1),
                consultation_material=[("document", document)],
            ),
        )
    )
    # Publishing the page queued the document's key too: its own record is gone.
    (hit,) = api(client, "kontingent")["results"]
    assert (hit["kind"], hit["attachment"]["title"]) == ("hearing_response", "Vedtægter")
    call_command("search_index", "check", stdout=io.StringIO())

"""The search page and the JSON API: shape, Danish messages, bad input, never a 500."""

import datetime
from collections import Counter
from urllib.parse import urlencode

import pytest
from bs4 import BeautifulSoup
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from search import spelling
from search.backends import get_backend
from search.records import Attachment
from search.text import MAX_QUERY_LENGTH, MAX_TERMS, parse_query
from tests.search.conftest import record

OWN_TEXT = "Dagsorden for temadagen."
ATTACHMENT_TEXT = 'Bilag <1> & "plan"\nDe skæve huse får et værested & en café.'


@pytest.fixture
def indexed(db):
    # As search_index rebuild does: the records, and the vocabulary "Mente du" draws on.
    words: Counter = Counter()
    get_backend().rebuild(
        spelling.counting(
            [
                record(
                    1,
                    "Høringssvar om hjemløse",
                    "Rådet mener, at <hjemløse> skal have flere boliger.",
                    kind="hearing_response",
                    council="odense",
                    council_label="Rådet for Socialt Udsatte i Odense",
                    municipality="Odense",
                    date=datetime.date(2010, 3, 1),
                    year=2010,
                    target_groups=["hjemloese"],
                ),
                *[
                    record(n, f"Referat {n}", "Mødet drøftede boliger.", kind="meeting", year=2009)
                    for n in range(2, 26)
                ],
                # A page whose words the nasty queries may find in its attachment only.
                record(
                    26,
                    "Temadag",
                    OWN_TEXT + "\n" + ATTACHMENT_TEXT,
                    attachments=[
                        Attachment(
                            'Bilag <1> & "plan"',
                            "/dokumenter/9/bilag.pdf",
                            len(OWN_TEXT) + 1,
                            len(OWN_TEXT) + 1 + len(ATTACHMENT_TEXT),
                        )
                    ],
                ),
            ],
            words,
        )
    )
    spelling.replace_vocabulary(words)


def test_api_answers_in_the_documented_shape(client, indexed):
    response = client.get("/api/search/", {"q": "hjemløse boliger"})
    assert response.status_code == 200
    body = response.json()
    assert set(body) >= {"query", "total", "page", "page_size", "results", "facets"}
    assert body["query"] == "hjemløse boliger"
    assert body["total"] == 25
    assert body["page"] == 1
    assert body["page_size"] == 20
    assert len(body["results"]) == 20
    first = body["results"][0]
    assert set(first) == {
        "title",
        "url",
        "kind",
        "council",
        "municipality",
        "date",
        "snippet",
        "outcome",
        "attachment",
    }
    assert first["attachment"] is None
    assert first["title"] == "Høringssvar om hjemløse"  # all words before most words
    assert first["council"] == "odense"
    assert first["municipality"] == "Odense"
    assert first["date"] == "2010-03-01"
    assert first["url"] == "http://testserver/side-1/"
    assert "&lt;<mark>hjemløse</mark>&gt;" in first["snippet"]
    assert body["facets"]["council"] == [{"value": "odense", "label": "odense", "count": 1}]
    assert {"value": "meeting", "label": "Møder og referater", "count": 24} in body["facets"][
        "kind"
    ]
    assert body["facets"]["year"][0] == {"value": "2010", "label": "2010", "count": 1}


def test_api_filters_and_pages(client, indexed):
    body = client.get("/api/search/", {"q": "boliger", "kind": "meeting", "page": 2}).json()
    assert body["total"] == 24
    assert body["page"] == 2
    assert len(body["results"]) == 4


@pytest.mark.parametrize(
    "params",
    [
        {"page": "0"},
        {"page": "abc"},
        {"page": "100000"},
        {"kind": "nonsense"},
        {"year": "toogtyve"},
        {"sort": "random"},
        {"council": "<script>"},
        {"target_group": "a b"},
    ],
)
def test_bad_parameters_are_a_400_with_a_json_error(client, indexed, params):
    response = client.get("/api/search/", {"q": "boliger", **params})
    assert response.status_code == 400
    body = response.json()
    assert body["error"] == "Ugyldige parametre."
    assert set(body["fields"]) == set(params)


def test_bad_parameters_on_the_page_are_a_400_with_a_danish_message(client, indexed):
    response = client.get("/soeg/", {"q": "boliger", "page": "abc"})
    assert response.status_code == 400
    assert "Vi kunne ikke forstå søgningen" in response.content.decode()


def test_search_page_renders_results_facets_and_pagination(client, indexed):
    response = client.get("/soeg/", {"q": "boliger"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "25 resultater" in html
    assert "<mark>boliger</mark>" in html
    assert 'href="?q=boliger&amp;kind=meeting"' in html  # facet as a plain link
    assert 'href="?q=boliger&amp;page=2"' in html
    assert 'role="search"' in html
    assert 'for="search-q"' in html


def test_search_page_without_a_query_shows_the_form_only(client, indexed):
    response = client.get("/soeg/")
    assert response.status_code == 200
    assert "resultat" not in response.content.decode()


def test_notices_for_long_queries(client, indexed):
    words = " ".join(f"ord{n}" for n in range(MAX_TERMS + 5))
    body = client.get("/api/search/", {"q": words}).json()
    assert any("mange ord" in n for n in body["notices"])
    body = client.get("/api/search/", {"q": "x" * (MAX_QUERY_LENGTH + 50)}).json()
    assert any("for lang" in n for n in body["notices"])


def test_queries_are_not_logged(client, indexed, caplog):
    with caplog.at_level("DEBUG"):
        client.get("/soeg/", {"q": "cpr 010203-1234"})
        client.get("/api/search/", {"q": "cpr 010203-1234"})
    assert "010203" not in caplog.text


def test_parser_strips_control_characters_and_surrogates():
    parsed = parse_query("bo\x00lig\ud800hus\x1b \u200b")
    assert [t.words for t in parsed.terms] == [("bo",), ("lig",), ("hus",)]
    assert parse_query("   \t\n ").text == ""


def test_parser_never_passes_operators_through():
    parsed = parse_query('NEAR(a b) title:x OR "y AND" - -- * ^ {}')
    for term in parsed.terms:
        for word in term.words:
            assert word.isalnum()


# Robustness ------------------------------------------------------------------------------

NASTY = st.one_of(
    st.text(max_size=300),
    st.text(
        alphabet=st.sampled_from("\"*-()^:{}[]~!&|\\'NEAR AND OR NOT \x00\x01\x1f\u200b"),
        max_size=80,
    ),
    st.just("\ud800"),
    st.just("a\udfffb"),
    st.just(" \t\n "),
    st.just("x" * 10_000),
    st.just(" ".join(["rådet"] * 1000)),
    st.just('"' * 501),
    st.just("-"),
    st.just("*"),
    st.just('"møde'),
    # Misspellings: the search for a suggestion runs too.
    st.sampled_from(["hjemlse", "boligr", "refrat -boliger", "høringsvr 2010", "drøftde*"]),
    # Found in an attachment only: the snippet and "Fundet i bilaget" come from its text.
    st.sampled_from(["skæve", "værested -huse", "skæv*", '"skæve huse"', "café temadag"]),
    st.builds(
        lambda a, b: f"{a}{b}", st.sampled_from(["bolig", "hjeml", "mød"]), st.text(max_size=4)
    ),
)


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(q=NASTY, page=st.one_of(st.none(), st.text(max_size=5)))
def test_never_a_500(client, indexed, q, page):
    params = {"q": q}
    if page is not None:
        params["page"] = page
    # Lone surrogates go over the wire as the bytes a sloppy client would send.
    query_string = urlencode(params, encoding="utf-8", errors="surrogatepass")
    for url in ("/soeg/", "/api/search/"):
        response = client.get(f"{url}?{query_string}")
        assert response.status_code in (200, 400), (url, params, response.status_code)
        if url == "/api/search/" and response.status_code == 200:
            body = response.json()
            assert "<script" not in "".join(r["snippet"] for r in body["results"])


def test_results_link_to_the_filters(client, indexed):
    """Phone users are led past the results to the filters; the page loads its own styles."""
    soup = BeautifulSoup(client.get("/soeg/", {"q": "hjemløse"}).content, "html.parser")
    skip = soup.select_one(".search-to-facets a")
    assert skip is not None
    assert skip.get_text(strip=True) == "Afgræns søgningen"
    target = skip["href"].removeprefix("#")
    assert soup.find(id=target) is not None
    assert soup.find(id=target).find_parent("aside", class_="search-facets") is not None
    assert soup.select_one('link[rel="stylesheet"][href$="search/css/search.css"]') is not None


def test_no_filter_link_without_results(client, indexed):
    soup = BeautifulSoup(client.get("/soeg/", {"q": "cykelsti"}).content, "html.parser")
    assert soup.select_one(".search-to-facets") is None


def test_a_word_only_in_an_attachment_names_it_once_escaped(client, indexed):
    (hit,) = client.get("/api/search/", {"q": "skæve"}).json()["results"]
    assert hit["attachment"]["title"] == 'Bilag <1> & "plan"'
    assert "<mark>skæve</mark>" in hit["snippet"] and "&amp;" in hit["snippet"]

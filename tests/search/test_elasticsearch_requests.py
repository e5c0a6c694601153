"""Elasticsearch request bodies and mapping, checked without a server.

The contract suite (test_contract.py) runs the same behaviour against a real cluster whenever
``ELASTICSEARCH_URL`` is set.
"""

import json

from elasticsearch.dsl import Search
from elasticsearch.dsl.response import Response

from search.backends import SearchRequest
from search.backends.elasticsearch import (
    ALL_WORDS_BONUS,
    ElasticsearchBackend,
    build_search,
    index_body,
)
from search.facets import FACETS
from search.text import parse_query


def body(q, **kwargs):
    return build_search(SearchRequest(query=parse_query(q), **kwargs), index="test").to_dict()


def test_mapping_uses_the_danish_analyzer_and_keyword_facets():
    mapping = index_body()["mappings"]["properties"]
    assert mapping["title"] == {"type": "text", "analyzer": "danish"}
    # The body as the database backend has it, attachments' text included; where each
    # attachment is in it is stored beside, never indexed.
    assert mapping["body"] == {"type": "text", "analyzer": "danish"}
    assert mapping["attachments"] == {"type": "object", "enabled": False}
    for name in ("council", "kind", "target_groups"):
        assert mapping[name]["type"] == "keyword"
    assert mapping["year"]["type"] == "integer"
    assert mapping["summary"] == {"type": "keyword", "index": False}  # shown, not searched


def as_written(clause):
    """The clause of a plain word that matches it as written (beside its normal form)."""
    return clause["bool"]["should"][0]["multi_match"]


def test_words_are_anded_explicitly_with_all_words_first():
    query = body("tandpleje fiskeri")["query"]["bool"]
    words = query["must"][0]["bool"]
    assert words["minimum_should_match"] == 1
    assert [as_written(c)["query"] for c in words["should"]] == ["tandpleje", "fiskeri"]
    assert all(as_written(c)["operator"] == "and" for c in words["should"])
    bonus = query["should"][0]["constant_score"]
    assert bonus["boost"] == ALL_WORDS_BONUS
    assert len(bonus["filter"]["bool"]["must"]) == 2


def test_title_weighs_more_and_recency_breaks_ties():
    b = body("boliger")
    clause = as_written(b["query"]["bool"]["must"][0]["bool"]["should"][0])
    assert clause["fields"] == ["title^10", "body"]
    assert b["sort"] == ["_score", {"date": {"order": "desc", "missing": "_last"}}]


def test_a_word_also_matches_its_normal_form_in_the_forms_field_at_less_weight():
    clause = body("herbergsplads")["query"]["bool"]["must"][0]["bool"]["should"][0]["bool"]
    assert clause["minimum_should_match"] == 1
    assert clause["should"][1] == {"term": {"forms": {"value": "herbergsplad", "boost": 0.5}}}
    mapping = index_body()["mappings"]["properties"]
    assert mapping["forms"] == {"type": "text", "analyzer": "whitespace"}


def test_phrase_exclusion_prefix_and_stop_words():
    b = body('"socialt udsatte" -fattige tandpl* og')
    query = b["query"]["bool"]
    should = query["must"][0]["bool"]["should"]
    assert should[0]["multi_match"]["type"] == "phrase"
    assert should[0]["multi_match"]["query"] == "socialt udsatte"
    assert should[1]["bool"]["should"][1] == {"prefix": {"body": {"value": "tandpl"}}}
    assert len(should) == 2  # "og" is a stop word
    assert query["must_not"][0]["multi_match"]["query"] == "fattige"


def test_user_syntax_never_reaches_the_engine_as_syntax():
    b = json.dumps(body('title:x AND (y OR "z'))
    assert "query_string" not in b
    assert "simple_query_string" not in b
    for clause in body('title:x AND (y OR "z')["query"]["bool"]["must"][0]["bool"]["should"]:
        text = json.dumps(clause)
        assert "(" not in text and ":" not in clause.get("multi_match", {}).get("query", "")


def test_filters_facets_source_and_paging():
    b = body("rådet", council="odense", kind="meeting", year=2009, target_group="unge", page=3)
    assert {"term": {"council": "odense"}} in b["query"]["bool"]["filter"]
    assert {"term": {"kind": "meeting"}} in b["query"]["bool"]["filter"]
    assert {"term": {"year": 2009}} in b["query"]["bool"]["filter"]
    assert {"term": {"target_groups": "unge"}} in b["query"]["bool"]["filter"]
    assert set(b["aggs"]) == {"council", "kind", "year", "target_group"}
    assert b["aggs"]["target_group"]["terms"]["field"] == "target_groups"
    # No highlight: the snippet is made from the body read back (search.hits), as the database
    # backend makes it; the word forms are never read back.
    assert "highlight" not in b
    assert b["_source"] == {"excludes": ["forms"]}
    assert b["from"] == 40
    assert b["size"] == 20
    assert b["track_total_hits"] is True


def test_sort_by_date_and_browsing():
    assert body("rådet", sort="date")["sort"][0] == {"date": {"order": "desc", "missing": "_last"}}
    browse = body("", council="odense")
    assert browse["query"] == {"bool": {"filter": [{"term": {"council": "odense"}}]}}


def _es_hit(key, title, body, summary="", attachments=()):
    source = {"key": key, "title": title, "url": f"/{key}/", "kind": "hearing_response"}
    source.update(body=body, attachments=list(attachments))
    if summary:
        source["summary"] = summary
    return {"_id": key, "_source": source}


def _search(monkeypatch, q, *hits):
    backend = ElasticsearchBackend({"URL": "http://127.0.0.1:9"})
    monkeypatch.setattr(backend.client.indices, "exists_alias", lambda **kwargs: True)
    raw = {
        "hits": {"total": {"value": len(hits)}, "hits": list(hits)},
        "aggregations": {facet.name: {"buckets": []} for facet in FACETS},
    }
    monkeypatch.setattr(Search, "execute", lambda self: Response(self, raw))
    return backend.search(SearchRequest(query=parse_query(q))).hits


def test_hits_are_described_like_the_database_backend(monkeypatch):
    """A marked match wins; without one the summary, escaped; without a summary the text."""
    hits = _search(
        monkeypatch,
        "varmestuer",
        _es_hit("page:1", "Varmestuer", "Rådet skriver om åbningstider", "Mere <plads> & ro."),
        _es_hit("page:2", "Om tider", "Om varmestuer & åbningstider", summary="Mere plads."),
        _es_hit("page:3", "Varmestuer", "Mødet handlede om åbningstider."),
    )
    assert [hit.snippet for hit in hits] == [
        "Mere &lt;plads&gt; &amp; ro.",
        "Om <mark>varmestuer</mark> &amp; åbningstider",
        "Mødet handlede om åbningstider.",
    ]
    assert [hit.attachment for hit in hits] == [None, None, None]


def test_a_word_only_in_an_attachment_names_it_as_the_database_backend_does(monkeypatch):
    own = "Rådet vil have flere boliger."
    attachment = "Kommunens plan & bilag\nVentelister til forsorgshjem."
    body = own + "\n" + attachment
    span = {"title": "Kommunens plan & bilag", "url": "/dokumenter/7/plan.pdf"}
    span.update(start=len(own) + 1, end=len(body))
    (in_attachment,) = _search(
        monkeypatch, "ventelister", _es_hit("page:1", "Svar", body, attachments=[span])
    )
    assert in_attachment.attachment == ("Kommunens plan & bilag", "/dokumenter/7/plan.pdf")
    assert in_attachment.snippet == (
        "Kommunens plan &amp; bilag … <mark>Ventelister</mark> til forsorgshjem."
    )
    (in_page,) = _search(
        monkeypatch, "boliger", _es_hit("page:1", "Svar", body, attachments=[span])
    )
    assert in_page.attachment is None
    assert in_page.snippet == "Rådet vil have flere <mark>boliger</mark>."

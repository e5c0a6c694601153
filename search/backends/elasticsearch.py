"""The Elasticsearch backend, for sites that outgrow the database (``ELASTICSEARCH_URL``).

Uses ``elasticsearch.dsl`` (shipped inside the ``elasticsearch`` client). Records are stored in
an index behind an alias: a rebuild fills a fresh index and then swaps the alias in one atomic
step, so searches never see a half-built index. Text fields use Elasticsearch's ``danish``
analyzer (Snowball stemming and the same Danish stop words as the database backend); the field
``forms`` holds the record's word forms from ``search.wordforms`` (normal forms and compound
parts, already normalised: split on whitespace only), and a plain query word also matches its
normal form there, at half the body's weight, as in the database backend.

The query mirrors the database backend: items with all the words first (a large constant
bonus), then items with most of them (scores add up per matched word); the title weighs ten
times the body; recent items win ties. Elasticsearch ORs words by default, so every clause
states its operator explicitly.

A hit's snippet, and the attachment its words were found in, come from the stored body through
the same function as the database backend's (``search.hits``): a highlight names no position in
the body, so it could not tell a page's own text from its attachments' without the body anyway.
"""

from collections.abc import Iterable
from dataclasses import asdict
from datetime import UTC, date, datetime

from elasticsearch import Elasticsearch, NotFoundError, helpers
from elasticsearch import exceptions as es_exceptions
from elasticsearch.dsl import Date, Document, Integer, Keyword, Object, Q, Search, Text
from elasticsearch.dsl.query import Query

from search.adapters import Record
from search.facets import FACETS
from search.hits import attachments_from, hit_text
from search.text import Term, stem
from search.wordforms import query_form

from .base import (
    BaseSearchBackend,
    FacetValue,
    FoundIn,
    Hit,
    SearchBackendError,
    SearchRequest,
    SearchResults,
)

TITLE_BOOST = 10
FORMS_BOOST = 0.5
ALL_WORDS_BONUS = 1000
FACET_SIZE = 200


class SearchRecordDocument(Document):
    """The mapping of one record: Danish-analysed text, keyword facets, stored URL."""

    key = Keyword()
    kind = Keyword()
    title = Text(analyzer="danish")
    body = Text(analyzer="danish")
    forms = Text(analyzer="whitespace")
    summary = Keyword(index=False)  # shown, never searched: the body holds its words
    # Where each linked document's text is in the body: read back, never searched.
    attachments = Object(enabled=False)
    url = Keyword(index=False)
    council = Keyword()
    council_label = Keyword(index=False)
    municipality = Keyword()
    date = Date()
    year = Integer()
    target_groups = Keyword()
    digest = Keyword(index=False)

    @classmethod
    def from_record(cls, record: Record) -> "SearchRecordDocument":
        return cls(
            meta={"id": record.key},
            key=record.key,
            kind=record.kind,
            title=record.title,
            body=record.body,
            forms=record.forms,
            summary=record.summary,
            attachments=[asdict(a) for a in record.attachments],
            url=record.url,
            council=record.council,
            council_label=record.council_label,
            municipality=record.municipality,
            date=record.date,
            year=record.year,
            target_groups=record.target_groups,
            digest=record.digest,
        )


def index_body() -> dict:
    return {
        "settings": {"number_of_shards": 1},
        "mappings": SearchRecordDocument._doc_type.mapping.to_dict(),
    }


def term_query(term: Term, forms: bool = True) -> Query:
    """One parsed term as an Elasticsearch clause; words are never passed as query syntax."""
    if term.prefix:
        value = stem(term.words[-1])
        return Q(
            "bool",
            should=[
                Q("prefix", title={"value": value, "boost": TITLE_BOOST}),
                Q("prefix", body={"value": value}),
            ],
            minimum_should_match=1,
        )
    written = Q(
        "multi_match",
        query=" ".join(term.words),
        fields=[f"title^{TITLE_BOOST}", "body"],
        type="phrase" if term.phrase else "best_fields",
        operator="and",
    )
    form = query_form(term.words[0]) if forms and not term.phrase else None
    if form is None:
        return written
    form_clause = Q("term", forms={"value": form, "boost": FORMS_BOOST})
    return Q("bool", should=[written, form_clause], minimum_should_match=1)


def build_search(request: SearchRequest, index: str = "udsatteraad") -> Search:
    """The request body for ``request`` (testable without a server: ``.to_dict()``)."""
    query = request.query
    s = Search(index=index)
    filters = [
        Q("term", **{facet.es_field: value})
        for facet, value in ((f, getattr(request, f.name)) for f in FACETS)
        if value
    ]

    if query.is_empty:
        s = s.query(Q("bool", filter=filters))
        s = s.sort({"date": {"order": "desc", "missing": "_last"}}, "-key")
    else:
        positive = [term_query(t) for t in query.positive]
        should = []
        if len(positive) > 1:
            should.append(
                Q("constant_score", filter=Q("bool", must=positive), boost=ALL_WORDS_BONUS)
            )
        s = s.query(
            Q(
                "bool",
                must=[Q("bool", should=positive, minimum_should_match=1)],
                should=should,
                must_not=[term_query(t, forms=False) for t in query.negative],
                filter=filters,
            )
        )
        if request.sort == "date":
            s = s.sort({"date": {"order": "desc", "missing": "_last"}}, "_score")
        else:
            s = s.sort("_score", {"date": {"order": "desc", "missing": "_last"}})
    for facet in FACETS:
        s.aggs.bucket(facet.name, "terms", field=facet.es_field, size=FACET_SIZE)
    # The body is read back for the snippet (search.hits); the word forms never are.
    s = s.source(excludes=["forms"])
    s = s.extra(track_total_hits=True, from_=request.offset, size=request.page_size)
    return s


def _as_date(value) -> date | None:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str) and value:
        return date.fromisoformat(value[:10])
    return None


class ElasticsearchBackend(BaseSearchBackend):
    """Search in an Elasticsearch 8/9 cluster; params: URL, INDEX (the alias), REFRESH."""

    def __init__(self, params: dict):
        super().__init__(params)
        self.alias = params.get("INDEX") or "udsatteraad"
        self.refresh = str(params.get("REFRESH", "false")).lower() in ("1", "true", "yes")
        self.client = Elasticsearch(params["URL"], request_timeout=10)

    # -- writing ------------------------------------------------------------------------

    def _ensure_index(self) -> None:
        if not self.client.indices.exists_alias(name=self.alias):
            name = self._new_index_name()
            self.client.indices.create(index=name, **index_body())
            self.client.indices.put_alias(index=name, name=self.alias)

    def _new_index_name(self) -> str:
        return f"{self.alias}-{datetime.now(UTC).strftime('%Y%m%d%H%M%S%f')}"

    def _actions(self, records: Iterable[Record], index: str):
        for record in records:
            doc = SearchRecordDocument.from_record(record)
            yield {
                "_op_type": "index",
                "_index": index,
                "_id": record.key,
                "_source": doc.to_dict(skip_empty=False),
            }

    def upsert(self, records: Iterable[Record]) -> None:
        try:
            self._ensure_index()
            helpers.bulk(self.client, self._actions(records, self.alias), refresh=self.refresh)
        except es_exceptions.TransportError as exc:
            raise SearchBackendError(str(exc)) from exc

    def delete(self, keys: Iterable[str]) -> None:
        actions = [{"_op_type": "delete", "_index": self.alias, "_id": k} for k in keys]
        try:
            if not self.client.indices.exists_alias(name=self.alias):
                return
            helpers.bulk(self.client, actions, refresh=self.refresh, raise_on_error=False)
        except es_exceptions.TransportError as exc:
            raise SearchBackendError(str(exc)) from exc

    def stored_digests(self) -> dict[str, str]:
        if not self.client.indices.exists_alias(name=self.alias):
            return {}
        return {
            hit["_id"]: hit["_source"].get("digest", "")
            for hit in helpers.scan(self.client, index=self.alias, _source=["digest"])
        }

    def rebuild(self, records: Iterable[Record]) -> int:
        """Fill a fresh index, then point the alias at it in one step and drop the old ones."""
        name = self._new_index_name()
        self.client.indices.create(index=name, **index_body())
        count, _ = helpers.bulk(self.client, self._actions(records, name), chunk_size=500)
        self.client.indices.refresh(index=name)
        old = []
        if self.client.indices.exists_alias(name=self.alias):
            old = list(self.client.indices.get_alias(name=self.alias).keys())
        self.client.indices.update_aliases(
            actions=[{"remove": {"index": i, "alias": self.alias}} for i in old]
            + [{"add": {"index": name, "alias": self.alias}}]
        )
        for index in old:
            self.client.indices.delete(index=index, ignore_unavailable=True)
        return count

    def drop(self) -> None:
        """Delete the alias and every index behind it (tests and uninstalling)."""
        try:
            indices = list(self.client.indices.get_alias(name=self.alias).keys())
        except NotFoundError:
            return
        for index in indices:
            self.client.indices.delete(index=index, ignore_unavailable=True)

    # -- reading ------------------------------------------------------------------------

    def search(self, request: SearchRequest) -> SearchResults:
        results = SearchResults(request=request)
        if request.query.is_empty and not request.query.is_browse:
            return results
        try:
            if not self.client.indices.exists_alias(name=self.alias):
                return results
            response = build_search(request, self.alias).using(self.client).execute()
        except es_exceptions.TransportError as exc:
            raise SearchBackendError(str(exc)) from exc
        results.total = response.to_dict()["hits"]["total"]["value"]
        for hit in response:
            source = hit.to_dict()
            text, found_in = hit_text(
                source.get("title", ""),
                source.get("body", "") or "",
                source.get("summary", "") or "",
                attachments_from(source.get("attachments")),
                request.query,
            )
            raw_date = getattr(hit, "date", None)
            results.hits.append(
                Hit(
                    key=hit.key,
                    title=hit.title,
                    url=hit.url,
                    kind=hit.kind,
                    council=getattr(hit, "council", "") or "",
                    council_label=getattr(hit, "council_label", "") or "",
                    municipality=getattr(hit, "municipality", "") or "",
                    date=_as_date(raw_date),
                    snippet=text,
                    attachment=FoundIn(found_in.title, found_in.url) if found_in else None,
                )
            )
        for facet in FACETS:
            buckets = response.aggregations[facet.name].buckets
            results.facets[facet.name] = [
                FacetValue(value=str(b.key), count=b.doc_count) for b in buckets if str(b.key) != ""
            ]
        return results

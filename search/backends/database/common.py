"""The part of the database backend both engines share: records, filters, facets, tiers, hits.

The records live in :class:`search.models.IndexRecord` (target groups in
:class:`~search.models.IndexRecordTargetGroup`), the same tables on every engine; the
full-text part is the dialect's (``sqlite``, ``postgres``), chosen once from the connection's
vendor when the backend is built.
"""

# SQL here is assembled from this package's constants and query objects only.
# ruff: noqa: S608

from collections.abc import Iterable, Sequence
from dataclasses import asdict

from django.core.exceptions import ImproperlyConfigured
from django.db import DatabaseError, connection, transaction

from search.adapters import Record
from search.facets import FACETS, Facet
from search.hits import attachments_from, hit_text
from search.models import IndexRecord, IndexRecordTargetGroup
from search.text import ParsedQuery, Term

from ..base import (
    BaseSearchBackend,
    FacetValue,
    FoundIn,
    Hit,
    SearchBackendError,
    SearchRequest,
    SearchResults,
)
from .dialect import Dialect
from .postgres import PostgresDialect
from .query import GROUPS, RECORDS, SQL, IdQuery, Selection, count, fetch_ids
from .sqlite import SQLiteDialect

BATCH = 500
# Every record has exactly one kind, so the kind counts add up to the number of matches.
TOTAL_FROM = "kind"
DIALECTS: dict[str, type[Dialect]] = {
    SQLiteDialect.vendor: SQLiteDialect,
    PostgresDialect.vendor: PostgresDialect,
}


def _facet_count(facet: Facet) -> str:
    """``SELECT name, value, count`` over the matches ``m`` for one facet."""
    if not facet.column:  # target groups: a table of their own
        return (
            f"SELECT '{facet.name}', g.slug, COUNT(*) FROM m "
            f"JOIN {GROUPS} g ON g.record_id = m.id GROUP BY g.slug"
        )
    value = f"CAST({facet.column} AS TEXT)" if facet.numeric else facet.column
    return f"SELECT '{facet.name}', {value}, COUNT(*) FROM m GROUP BY {facet.column}"


class DatabaseBackend(BaseSearchBackend):
    """Search in the site's own database (SQLite or PostgreSQL), no extra server needed."""

    def __init__(self, params: dict):
        super().__init__(params)
        try:
            dialect = DIALECTS[connection.vendor]
        except KeyError:
            raise ImproperlyConfigured(
                f"The database search backend does not support {connection.vendor}."
            ) from None
        self.dialect: Dialect = dialect(params)

    # -- writing ------------------------------------------------------------------------

    def upsert(self, records: Iterable[Record]) -> None:
        with transaction.atomic():
            for record in records:
                obj, _ = IndexRecord.objects.update_or_create(
                    key=record.key, defaults=self._fields(record)
                )
                IndexRecordTargetGroup.objects.filter(record=obj).delete()
                IndexRecordTargetGroup.objects.bulk_create(
                    [IndexRecordTargetGroup(record=obj, slug=s) for s in record.target_groups]
                )
                self.dialect.write_text([(obj.pk, record)])

    def delete(self, keys: Iterable[str]) -> None:
        keys = list(keys)
        with transaction.atomic():
            ids = list(IndexRecord.objects.filter(key__in=keys).values_list("pk", flat=True))
            self.dialect.delete_text(ids)
            IndexRecord.objects.filter(pk__in=ids).delete()

    def stored_digests(self) -> dict[str, str]:
        return dict(IndexRecord.objects.values_list("key", "digest"))

    def rebuild(self, records: Iterable[Record]) -> int:
        written = 0
        with transaction.atomic():
            IndexRecordTargetGroup.objects.all().delete()
            IndexRecord.objects.all().delete()
            self.dialect.clear_text()
            batch: list[Record] = []
            for record in records:
                batch.append(record)
                if len(batch) >= BATCH:
                    written += self._bulk_insert(batch)
                    batch = []
            if batch:
                written += self._bulk_insert(batch)
            self.dialect.finish_rebuild()
        return written

    def _bulk_insert(self, records: list[Record]) -> int:
        objs = IndexRecord.objects.bulk_create(
            [IndexRecord(key=r.key, **self._fields(r)) for r in records]
        )
        if objs and objs[0].pk is None:  # backends that do not return ids
            by_key = dict(
                IndexRecord.objects.filter(key__in=[r.key for r in records]).values_list(
                    "key", "pk"
                )
            )
            for obj in objs:
                obj.pk = by_key[obj.key]
        IndexRecordTargetGroup.objects.bulk_create(
            [
                IndexRecordTargetGroup(record_id=obj.pk, slug=s)
                for obj, r in zip(objs, records, strict=True)
                for s in r.target_groups
            ]
        )
        self.dialect.write_text([(obj.pk, r) for obj, r in zip(objs, records, strict=True)])
        return len(objs)

    @staticmethod
    def _fields(record: Record) -> dict:
        return {
            "kind": record.kind,
            "title": record.title,
            "body": record.body,
            "forms": record.forms,
            "summary": record.summary,
            "attachments": [asdict(a) for a in record.attachments],
            "url": record.url,
            "council": record.council,
            "council_label": record.council_label,
            "municipality": record.municipality,
            "date": record.date,
            "year": record.year,
            "digest": record.digest,
        }

    # -- reading ------------------------------------------------------------------------

    def search(self, request: SearchRequest) -> SearchResults:
        try:
            with self.dialect.searching():
                return self._search(request)
        except DatabaseError as exc:
            raise SearchBackendError(str(exc)) from exc

    @staticmethod
    def _filters(request: SearchRequest) -> tuple[SQL, ...]:
        return tuple(
            SQL(f"r.{facet.column} = %s", (value,))
            if facet.column
            else SQL(f"r.id IN (SELECT record_id FROM {GROUPS} WHERE slug = %s)", (value,))
            for facet, value in ((f, getattr(request, f.name)) for f in FACETS)
            if value
        )

    def _search(self, request: SearchRequest) -> SearchResults:
        query = request.query
        results = SearchResults(request=request)
        filters = self._filters(request)
        limit, offset = request.page_size, request.offset

        if query.is_empty:
            if not query.is_browse:  # only stop words, excluded words or punctuation
                return results
            everything = Selection(f"{RECORDS} r", SQL("1=1")).narrowed(*filters)
            results.total, results.facets = self._facets(everything)
            results.hits = self._hits(fetch_ids(IdQuery(everything, limit, offset)), query)
            return results

        positive, negative = query.positive, query.negative
        match = self.dialect.match(self.dialect.combine(positive, "OR", negative))
        matching = match.selection.narrowed(*filters)
        results.total, results.facets = self._facets(matching)
        if results.total == 0 or offset >= results.total:
            return results

        ids = None
        if request.sort == "date":
            ids = fetch_ids(IdQuery(matching, limit, offset))
        elif len(positive) > 1:
            ids = self._tiered(positive, negative, filters, limit, offset)
        else:
            ids = self.dialect.title_first(positive[0], negative, filters, limit, offset)
        if ids is None:
            ids = fetch_ids(IdQuery(matching, limit, offset, first_by=(match.score,)))
        results.hits = self._hits(ids, query)
        return results

    def _tiered(
        self,
        positive: Sequence[Term],
        negative: Sequence[Term],
        filters: Sequence[SQL],
        limit: int,
        offset: int,
    ) -> list[int]:
        """Items with all the words first; then items with most of them, most words first."""
        dialect = self.dialect
        every = dialect.match(dialect.combine(positive, "AND", negative))
        with_every = every.selection.narrowed(*filters)
        n_all = count(with_every)
        ids: list[int] = []
        if offset < n_all:
            ids = fetch_ids(IdQuery(with_every, limit, offset, first_by=(every.score,)))
        if len(ids) >= limit:
            return ids
        some = dialect.match(dialect.combine(positive, "OR", negative))
        matched = SQL.join(
            " + ",
            [
                dialect.as_int(dialect.match(dialect.combine([t], "AND", [])).member)
                for t in positive
            ],
        ).wrapped("(", ")")
        rest = IdQuery(
            some.selection.narrowed(*filters, every.member.wrapped("NOT ")),
            limit - len(ids),
            max(0, offset - n_all),
            first_by=(matched, some.score),
        )
        return ids + fetch_ids(rest)

    def _facets(self, selection: Selection) -> tuple[int, dict[str, list[FacetValue]]]:
        """The number of matches and the counts per value of every facet, in one query."""
        columns = "".join(f", r.{facet.column}" for facet in FACETS if facet.column)
        counts = " UNION ALL ".join(_facet_count(facet) for facet in FACETS)
        sql = (
            f"WITH m AS MATERIALIZED (SELECT r.id{columns} "
            f"FROM {selection.source} WHERE {selection.where.text}) {counts}"
        )
        facets: dict[str, list[FacetValue]] = {facet.name: [] for facet in FACETS}
        total = 0
        with connection.cursor() as cursor:
            cursor.execute(sql, selection.where.params)
            for name, value, n in cursor.fetchall():
                if name == TOTAL_FROM:
                    total += n
                if value in (None, ""):
                    continue
                facets[name].append(FacetValue(value=str(value), count=n))
        return total, facets

    def _hits(self, ids: list[int], query: ParsedQuery) -> list[Hit]:
        if not ids:
            return []
        rows = IndexRecord.objects.in_bulk(ids)
        hits = []
        for pk in ids:
            r = rows[pk]
            text, found_in = hit_text(
                r.title, r.body, r.summary, attachments_from(r.attachments), query
            )
            hits.append(
                Hit(
                    key=r.key,
                    title=r.title,
                    url=r.url,
                    kind=r.kind,
                    council=r.council,
                    council_label=r.council_label,
                    municipality=r.municipality,
                    date=r.date,
                    snippet=text,
                    attachment=FoundIn(found_in.title, found_in.url) if found_in else None,
                )
            )
        return hits

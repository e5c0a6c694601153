# SQL here is assembled from this module's own constants and fragments only; every value a user
# typed (including the FTS5 expression built from parsed words) travels as a query parameter.
# ruff: noqa: S608
"""The database backend: SQLite FTS5 on the embedded default, PostgreSQL full-text search.

Both store the flat records in :class:`search.models.IndexRecord`. The full-text part differs:

* SQLite: an FTS5 table ``site_search_fts`` (rowid = record id) holding the title and body as
  Danish Snowball stems, so "høringssvaret" and "høringssvar" meet as ``høringssvar``. Query
  words are stemmed the same way. Ranking is ``bm25`` with the title weighted ten times the body.
* PostgreSQL: a generated ``tsvector`` column (``danish`` configuration, title weight A, body
  weight B) with a GIN index. Ranking is ``ts_rank``.

Everything else (filters, facet counts, tiers of all-words/most-words, snippets) is one piece of
SQL and Python for both.
"""

from collections.abc import Iterable

from django.db import DatabaseError, connection, transaction

from search.adapters import Record
from search.models import IndexRecord, IndexRecordTargetGroup
from search.text import ParsedQuery, Term, snippet, stem_text

from .base import (
    BaseSearchBackend,
    FacetValue,
    Hit,
    SearchBackendError,
    SearchRequest,
    SearchResults,
)

RECORDS = IndexRecord._meta.db_table
GROUPS = IndexRecordTargetGroup._meta.db_table
FTS = "site_search_fts"
COVERING_INDEX = "site_search_record_cover"
TITLE_WEIGHT = 10.0
BATCH = 500


class _Match:
    """SQL for "records matching this full-text expression", per database vendor."""

    def __init__(self, vendor: str):
        self.vendor = vendor

    # -- building expressions from terms ------------------------------------------------

    def term(self, term: Term):
        if self.vendor == "sqlite":
            stems = term.stems
            if term.prefix:
                return f'"{stems[-1]}"*', []
            return '"' + " ".join(stems) + '"', []
        if term.prefix:
            return "to_tsquery('danish', %s)", [term.words[-1] + ":*"]
        if term.phrase:
            return "phraseto_tsquery('danish', %s)", [" ".join(term.words)]
        return "to_tsquery('danish', %s)", [term.words[0]]

    def combine(self, terms: list[Term], op: str, negative: list[Term]):
        parts = [self.term(t) for t in terms]
        negs = [self.term(t) for t in negative]
        if self.vendor == "sqlite":
            expr = f" {op} ".join(p for p, _ in parts)
            if negs:
                expr = f"({expr}) NOT ({' OR '.join(p for p, _ in negs)})"
            return expr, []
        pg_op = " && " if op == "AND" else " || "
        sql = "(" + pg_op.join(p for p, _ in parts) + ")"
        params = [x for _, ps in parts for x in ps]
        if negs:
            sql = f"({sql} && !!({' || '.join(p for p, _ in negs)}))"
            params += [x for _, ps in negs for x in ps]
        return sql, params

    # -- SQL fragments ------------------------------------------------------------------

    def source(self, expr) -> tuple[str, str, list, str]:
        """(FROM, WHERE, params, score) for records matching ``expr``; higher score is better."""
        sql, params = expr
        if self.vendor == "sqlite":
            return (
                f"{FTS} JOIN {RECORDS} r INDEXED BY {COVERING_INDEX} ON r.id = {FTS}.rowid",
                f"{FTS} MATCH %s",
                [sql],
                f"-bm25({FTS}, {TITLE_WEIGHT}, 1.0)",
            )
        return (
            f"{RECORDS} r",
            f"r.search_vector @@ {sql}",
            params,
            f"ts_rank(r.search_vector, {sql})",
        )

    def score_params(self, expr) -> list:
        return [] if self.vendor == "sqlite" else list(expr[1])

    def contains(self, expr) -> tuple[str, list]:
        """A boolean SQL condition on ``r`` for "matches expr" (used for tiers)."""
        sql, params = expr
        if self.vendor == "sqlite":
            return f"r.id IN (SELECT rowid FROM {FTS} WHERE {FTS} MATCH %s)", [sql]
        return f"(r.search_vector @@ {sql})", list(params)

    def as_int(self, condition: str) -> str:
        return f"CAST({condition} AS INTEGER)" if self.vendor == "postgresql" else condition


class DatabaseBackend(BaseSearchBackend):
    """Search in the site's own database (SQLite or PostgreSQL), no extra server needed."""

    @property
    def vendor(self) -> str:
        return connection.vendor

    @property
    def sqlite_cache_kb(self) -> int:
        return int(self.params.get("SQLITE_CACHE_MB", 64)) * 1024

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
                if self.vendor == "sqlite":
                    self._fts_write([(obj.pk, record)])

    def delete(self, keys: Iterable[str]) -> None:
        keys = list(keys)
        with transaction.atomic():
            ids = list(IndexRecord.objects.filter(key__in=keys).values_list("pk", flat=True))
            if self.vendor == "sqlite" and ids:
                with connection.cursor() as cursor:
                    cursor.executemany(f"DELETE FROM {FTS} WHERE rowid = %s", [(i,) for i in ids])
            IndexRecord.objects.filter(pk__in=ids).delete()

    def stored_digests(self) -> dict[str, str]:
        return dict(IndexRecord.objects.values_list("key", "digest"))

    def rebuild(self, records: Iterable[Record]) -> int:
        count = 0
        with transaction.atomic():
            IndexRecordTargetGroup.objects.all().delete()
            IndexRecord.objects.all().delete()
            if self.vendor == "sqlite":
                with connection.cursor() as cursor:
                    cursor.execute(f"DELETE FROM {FTS}")
            batch: list[Record] = []
            for record in records:
                batch.append(record)
                if len(batch) >= BATCH:
                    count += self._bulk_insert(batch)
                    batch = []
            if batch:
                count += self._bulk_insert(batch)
            if self.vendor == "sqlite":
                with connection.cursor() as cursor:
                    cursor.execute(f"INSERT INTO {FTS}({FTS}) VALUES ('optimize')")
        return count

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
        if self.vendor == "sqlite":
            self._fts_write([(obj.pk, r) for obj, r in zip(objs, records, strict=True)])
        return len(objs)

    def _fts_write(self, rows: list[tuple[int, Record]]) -> None:
        with connection.cursor() as cursor:
            cursor.executemany(f"DELETE FROM {FTS} WHERE rowid = %s", [(pk,) for pk, _ in rows])
            cursor.executemany(
                f"INSERT INTO {FTS}(rowid, title, body) VALUES (%s, %s, %s)",
                [(pk, stem_text(r.title), stem_text(r.body)) for pk, r in rows],
            )

    @staticmethod
    def _fields(record: Record) -> dict:
        return {
            "kind": record.kind,
            "title": record.title,
            "body": record.body,
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
            if self.vendor != "postgresql":
                return self._search(request)
            with transaction.atomic(), connection.cursor() as cursor:
                # For a word found in most records the planner prefers reading the whole table,
                # which unpacks every record's (large, TOASTed) tsvector to test the match. The
                # GIN index answers a plain word without that re-check, so the bitmap scan reads
                # only the small columns facets and ordering need: several times faster. Local
                # to this transaction, and put back for the rest of an enclosing one (an error
                # rolls the savepoint back, which undoes the setting too).
                cursor.execute("SELECT current_setting('enable_seqscan')")
                previous = cursor.fetchone()[0]
                cursor.execute("SELECT set_config('enable_seqscan', 'off', true)")
                results = self._search(request)
                cursor.execute("SELECT set_config('enable_seqscan', %s, true)", [previous])
                return results
        except DatabaseError as exc:
            raise SearchBackendError(str(exc)) from exc

    def _filters(self, request: SearchRequest) -> tuple[str, list]:
        clauses, params = [], []
        if request.council:
            clauses.append("r.council = %s")
            params.append(request.council)
        if request.kind:
            clauses.append("r.kind = %s")
            params.append(request.kind)
        if request.year:
            clauses.append("r.year = %s")
            params.append(request.year)
        if request.target_group:
            clauses.append(f"r.id IN (SELECT record_id FROM {GROUPS} WHERE slug = %s)")
            params.append(request.target_group)
        return "".join(f" AND {c}" for c in clauses), params

    def _search(self, request: SearchRequest) -> SearchResults:
        if self.vendor == "sqlite":
            # SQLite's default page cache (2 MB) is far smaller than the index; a bigger one
            # per connection makes facet counts over many matches several times faster.
            with connection.cursor() as cursor:
                cursor.execute(f"PRAGMA cache_size = -{self.sqlite_cache_kb}")
        query = request.query
        results = SearchResults(request=request)
        filter_sql, filter_params = self._filters(request)
        limit, offset = request.page_size, request.offset

        if query.is_empty:
            if not query.is_browse:  # only stop words, excluded words or punctuation
                return results
            base_from, base_where, base_params = f"{RECORDS} r", "1=1", []
            results.total, results.facets = self._facets(
                base_from, base_where + filter_sql, base_params + filter_params
            )
            ids = self._ids(
                f"SELECT r.id FROM {base_from} WHERE {base_where}{filter_sql} "
                "ORDER BY r.date DESC, r.id DESC LIMIT %s OFFSET %s",
                [*base_params, *filter_params, limit, offset],
            )
            results.hits = self._hits(ids, query)
            return results

        match = _Match(self.vendor)
        positive, negative = query.positive, query.negative
        any_expr = match.combine(positive, "OR", negative)
        src_from, src_where, src_params, score = match.source(any_expr)
        score_params = match.score_params(any_expr)
        results.total, results.facets = self._facets(
            src_from, src_where + filter_sql, src_params + filter_params
        )
        if results.total == 0 or offset >= results.total:
            return results

        ids = None
        if request.sort == "date":
            ids = self._ids(
                f"SELECT r.id FROM {src_from} WHERE {src_where}{filter_sql} "
                "ORDER BY r.date DESC, r.id DESC LIMIT %s OFFSET %s",
                [*src_params, *filter_params, limit, offset],
            )
        elif len(positive) > 1:
            ids = self._tiered(match, positive, negative, filter_sql, filter_params, limit, offset)
        else:
            ids = self._title_first(positive[0], negative, filter_sql, filter_params, limit, offset)
        if ids is None:
            ids = self._ranked(
                src_from,
                src_where,
                src_params,
                score,
                score_params,
                filter_sql,
                filter_params,
                "",
                [],
                limit,
                offset,
            )
        results.hits = self._hits(ids, query)
        return results

    def _title_first(self, term: Term, negative, filter_sql, filter_params, limit, offset):
        """PostgreSQL, one plain word: rank only the records with the word in their title.

        With ``ts_rank``'s default weights (title A = 1.0, body B = 0.4) a single word found in a
        record's title scores at least 1 / 1.645 = 0.61, and found only in its body at most
        0.4 * (pi^2 / 6) / 1.645 = 0.4, however often it occurs. So when at least a page's worth
        of records have the word in their title, those records are exactly the top of the
        ranking, and ``ts_rank`` need only read their vectors (found through the small title
        index) instead of every match's. Returns None when the shortcut does not apply.
        """
        word = term.words[0]
        if (
            self.vendor != "postgresql"
            or negative
            or term.phrase
            or term.prefix
            or not word.isalpha()  # one parser token, so one lexeme in the tsquery
        ):
            return None
        tsquery = "to_tsquery('danish', %s)"
        in_title = f"r.title_vector @@ {tsquery}{filter_sql}"
        if self._count(f"{RECORDS} r", in_title, [word, *filter_params]) < offset + limit:
            return None
        return self._ids(
            f"SELECT r.id FROM {RECORDS} r WHERE {in_title} "
            f"ORDER BY ts_rank(r.search_vector, {tsquery}) DESC, r.date DESC, r.id DESC "
            "LIMIT %s OFFSET %s",
            [word, *filter_params, word, limit, offset],
        )

    def _ranked(
        self,
        src_from,
        src_where,
        src_params,
        score,
        score_params,
        filter_sql,
        filter_params,
        extra_where,
        extra_params,
        limit,
        offset,
        pre_order="",
        pre_params=(),
    ):
        order = f"{pre_order}{score} DESC, r.date DESC, r.id DESC"
        sql = (
            f"SELECT r.id FROM {src_from} WHERE {src_where}{filter_sql}{extra_where} "
            f"ORDER BY {order} LIMIT %s OFFSET %s"
        )
        params = [
            *src_params,
            *filter_params,
            *extra_params,
            *pre_params,
            *score_params,
            limit,
            offset,
        ]
        return self._ids(sql, params)

    def _tiered(self, match: _Match, positive, negative, filter_sql, filter_params, limit, offset):
        """Items with all the words first; then items with most of them, most words first."""
        all_expr = match.combine(positive, "AND", negative)
        a_from, a_where, a_params, a_score = match.source(all_expr)
        a_score_params = match.score_params(all_expr)
        n_all = self._count(a_from, a_where + filter_sql, a_params + filter_params)
        ids: list[int] = []
        if offset < n_all:
            ids = self._ranked(
                a_from,
                a_where,
                a_params,
                a_score,
                a_score_params,
                filter_sql,
                filter_params,
                "",
                [],
                limit,
                offset,
            )
        if len(ids) >= limit:
            return ids
        any_expr = match.combine(positive, "OR", negative)
        o_from, o_where, o_params, o_score = match.source(any_expr)
        not_all, not_all_params = match.contains(all_expr)
        per_term = [match.contains(match.combine([t], "AND", [])) for t in positive]
        matched = " + ".join(match.as_int(sql) for sql, _ in per_term)
        matched_params = [p for _, ps in per_term for p in ps]
        rest = self._ranked(
            o_from,
            o_where,
            o_params,
            o_score,
            match.score_params(any_expr),
            filter_sql,
            filter_params,
            f" AND NOT {not_all}",
            not_all_params,
            limit - len(ids),
            max(0, offset - n_all),
            pre_order=f"({matched}) DESC, ",
            pre_params=matched_params,
        )
        return ids + rest

    def _count(self, src_from, where, params) -> int:
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT COUNT(*) FROM {src_from} WHERE {where}", params)
            return cursor.fetchone()[0]

    def _ids(self, sql, params) -> list[int]:
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            return [row[0] for row in cursor.fetchall()]

    def _facets(self, src_from, where, params) -> tuple[int, dict[str, list[FacetValue]]]:
        sql = (
            f"WITH m AS MATERIALIZED (SELECT r.id, r.council, r.kind, r.year "
            f"FROM {src_from} WHERE {where}) "
            "SELECT 'council', council, COUNT(*) FROM m GROUP BY council "
            "UNION ALL SELECT 'kind', kind, COUNT(*) FROM m GROUP BY kind "
            "UNION ALL SELECT 'year', CAST(year AS TEXT), COUNT(*) FROM m GROUP BY year "
            f"UNION ALL SELECT 'target_group', g.slug, COUNT(*) FROM m "
            f"JOIN {GROUPS} g ON g.record_id = m.id GROUP BY g.slug"
        )
        facets: dict[str, list[FacetValue]] = {
            "council": [],
            "kind": [],
            "year": [],
            "target_group": [],
        }
        total = 0
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            for name, value, count in cursor.fetchall():
                if name == "kind":
                    total += count
                if value in (None, ""):
                    continue
                facets[name].append(FacetValue(value=str(value), count=count))
        return total, facets

    def _hits(self, ids: list[int], query: ParsedQuery) -> list[Hit]:
        if not ids:
            return []
        rows = IndexRecord.objects.in_bulk(ids)
        hits = []
        for pk in ids:
            r = rows[pk]
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
                    snippet=snippet(r.body, query),
                )
            )
        return hits

# SQL here is built from this module's constants; the FTS5 expression travels as a parameter.
# ruff: noqa: S608
"""SQLite: an FTS5 table ``site_search_fts`` (rowid = record id) beside the records.

It holds the title and body as Danish Snowball stems, so "høringssvaret" and "høringssvar" meet
as ``høringssvar``; query words are stemmed the same way. A third column holds the record's word
forms (``search.wordforms``) that its title and body do not already write: a plain query word
also matches its normal form there or in the title and body, so "herbergsplads" finds
"herbergspladser" and "udvalg" finds "socialudvalget". Ranking is ``bm25``
with the title weighted ten times the body and the forms half the body. The expression is an
FTS5 query string, built from stems and normal forms only and passed to ``MATCH`` as a
parameter.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import TYPE_CHECKING

from django.db import connection

from search.text import Term, stem_text
from search.wordforms import query_form

from .dialect import Dialect
from .query import RECORDS, SQL, Match, Selection

if TYPE_CHECKING:
    from search.adapters import Record

FTS = "site_search_fts"
COVERING_INDEX = "site_search_record_cover"
TITLE_WEIGHT = 10.0
FORMS_WEIGHT = 0.5
TEXT = "{title body}"  # the columns of the text as written (the forms column left out)


class SQLiteDialect(Dialect[str]):
    vendor = "sqlite"

    @property
    def cache_kb(self) -> int:
        return int(self.params.get("SQLITE_CACHE_MB", 64)) * 1024

    def term(self, term: Term, forms: bool = True) -> str:
        stems = term.stems
        if term.prefix:
            return f'{TEXT} : "{stems[-1]}"*'
        written = f'{TEXT} : "' + " ".join(stems) + '"'
        form = query_form(term.words[0]) if forms and not term.phrase else None
        if not form:
            return written
        if form != stems[0]:
            # The forms column leaves out the forms the record writes (see write_text).
            written += f' OR {TEXT} : "{form}"'
        return f'({written} OR forms : "{form}")'

    def combine(self, terms: Sequence[Term], op: str, negative: Sequence[Term]) -> str:
        expression = f" {op} ".join(self.term(t) for t in terms)
        if negative:
            # Excluded as written: "-herberg" leaves out pages that say "herberg", not every
            # page about a "herbergsplads".
            excluded = " OR ".join(self.term(t, forms=False) for t in negative)
            expression = f"({expression}) NOT ({excluded})"
        return expression

    def match(self, expression: str) -> Match:
        return Match(
            selection=Selection(
                f"{FTS} JOIN {RECORDS} r INDEXED BY {COVERING_INDEX} ON r.id = {FTS}.rowid",
                SQL(f"{FTS} MATCH %s", (expression,)),
            ),
            score=SQL(f"-bm25({FTS}, {TITLE_WEIGHT}, 1.0, {FORMS_WEIGHT})"),
            member=SQL(f"r.id IN (SELECT rowid FROM {FTS} WHERE {FTS} MATCH %s)", (expression,)),
        )

    @contextmanager
    def searching(self) -> Iterator[None]:
        # SQLite's default page cache (2 MB) is far smaller than the index; a bigger one per
        # connection makes facet counts over many matches several times faster.
        with connection.cursor() as cursor:
            cursor.execute(f"PRAGMA cache_size = -{self.cache_kb}")
        yield

    def write_text(self, rows: Sequence[tuple[int, Record]]) -> None:
        with connection.cursor() as cursor:
            cursor.executemany(f"DELETE FROM {FTS} WHERE rowid = %s", [(pk,) for pk, _ in rows])
            cursor.executemany(
                f"INSERT INTO {FTS}(rowid, title, body, forms) VALUES (%s, %s, %s, %s)",
                [(pk, *_columns(r)) for pk, r in rows],
            )

    def delete_text(self, ids: Sequence[int]) -> None:
        if ids:
            with connection.cursor() as cursor:
                cursor.executemany(f"DELETE FROM {FTS} WHERE rowid = %s", [(i,) for i in ids])

    def clear_text(self) -> None:
        with connection.cursor() as cursor:
            cursor.execute(f"DELETE FROM {FTS}")

    def finish_rebuild(self) -> None:
        with connection.cursor() as cursor:
            cursor.execute(f"INSERT INTO {FTS}({FTS}) VALUES ('optimize')")


def _columns(record: Record) -> tuple[str, str, str]:
    """The title and body as stems, and the forms the record does not already write.

    A form that is also a stem of the title or body is found there: a query looks its normal
    form up in all three columns. Left out, the forms column holds only what it adds (the
    singular of a plural, a compound's parts), so a common word's forms match few records
    instead of nearly every one, and the index is smaller.
    """
    title, body = stem_text(record.title), stem_text(record.body)
    written = set(title.split()) | set(body.split())
    return title, body, " ".join(f for f in record.forms.split() if f not in written)

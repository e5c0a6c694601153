# Every SQL text here is built from this package's own constants; values travel as parameters.
# ruff: noqa: S608
"""Small query objects for the database backend, and the two ways of running them.

A :class:`SQL` is a piece of SQL with the parameters its placeholders take, in order; pieces
add up with ``+`` so a query never depends on lists of fragments and parameters lining up by
position. A :class:`Selection` is "these records" (``FROM`` and ``WHERE``, the record aliased
``r``), a :class:`Match` is what a dialect makes of a full-text expression, and an
:class:`IdQuery` is one page of record ids in a given order.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from django.db import connection

from search.models import IndexRecord, IndexRecordTargetGroup

RECORDS = IndexRecord._meta.db_table
GROUPS = IndexRecordTargetGroup._meta.db_table


@dataclass(frozen=True)
class SQL:
    """A piece of SQL and the parameters of its placeholders."""

    text: str = ""
    params: tuple = ()

    def __add__(self, other: SQL) -> SQL:
        return SQL(self.text + other.text, self.params + other.params)

    def __bool__(self) -> bool:
        return bool(self.text)

    @staticmethod
    def join(separator: str, parts: Iterable[SQL]) -> SQL:
        parts = list(parts)
        return SQL(separator.join(p.text for p in parts), tuple(x for p in parts for x in p.params))

    def wrapped(self, before: str, after: str = "") -> SQL:
        return SQL(before + self.text + after, self.params)


@dataclass(frozen=True)
class Selection:
    """A set of records: ``SELECT ... FROM {source} WHERE {where}``, the record aliased ``r``."""

    source: str
    where: SQL

    def narrowed(self, *conditions: SQL) -> Selection:
        where = self.where
        for condition in conditions:
            where = where + condition.wrapped(" AND ")
        return Selection(self.source, where)


@dataclass(frozen=True)
class Match:
    """The records matching one full-text expression, as a dialect writes it."""

    selection: Selection
    score: SQL  # higher is better
    member: SQL  # a condition on ``r`` alone: "r matches" (for tiers)


@dataclass(frozen=True)
class IdQuery:
    """One page of record ids: ``first_by`` terms (each descending), then newest first."""

    selection: Selection
    limit: int
    offset: int
    first_by: tuple[SQL, ...] = field(default=())

    def sql(self) -> SQL:
        order = SQL.join("", [term.wrapped("", " DESC, ") for term in self.first_by])
        return (
            SQL(f"SELECT r.id FROM {self.selection.source} WHERE ")
            + self.selection.where
            + order.wrapped(" ORDER BY ")
            + SQL("r.date DESC, r.id DESC LIMIT %s OFFSET %s", (self.limit, self.offset))
        )


def fetch_ids(query: IdQuery) -> list[int]:
    sql = query.sql()
    with connection.cursor() as cursor:
        cursor.execute(sql.text, sql.params)
        return [row[0] for row in cursor.fetchall()]


def count(selection: Selection) -> int:
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT COUNT(*) FROM {selection.source} WHERE {selection.where.text}",
            selection.where.params,
        )
        return cursor.fetchone()[0]

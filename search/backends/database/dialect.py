"""What the database backend asks of an engine: full-text expressions, matches, housekeeping.

One :class:`Dialect` subclass per engine (``sqlite``, ``postgres``), chosen once when the
backend is built. Everything else (filters, facets, tiers, hits) is common to both and lives in
``common``.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import TYPE_CHECKING, Generic, TypeVar

from search.text import Term

from .query import SQL, Match

if TYPE_CHECKING:
    from search.adapters import Record

E = TypeVar("E")  # a dialect's own form of a full-text expression


class Dialect(Generic[E]):
    """The engine-specific half of the database backend."""

    vendor = ""

    def __init__(self, params: dict):
        self.params = params

    # -- full text ----------------------------------------------------------------------

    def combine(self, terms: Sequence[Term], op: str, negative: Sequence[Term]) -> E:
        """An expression for records with any (``op="OR"``) or all (``"AND"``) of ``terms``
        and none of ``negative``."""
        raise NotImplementedError

    def match(self, expression: E) -> Match:
        raise NotImplementedError

    def as_int(self, condition: SQL) -> SQL:
        """A boolean condition as 0 or 1, for adding up matched words."""
        return condition

    def title_first(
        self,
        term: Term,
        negative: Sequence[Term],
        filters: Sequence[SQL],
        limit: int,
        offset: int,
    ) -> list[int] | None:
        """A faster way to the best-ranked page for one word, or None where there is none."""
        return None

    @contextmanager
    def searching(self) -> Iterator[None]:
        """Wraps every search (connection settings that make it faster)."""
        yield

    # -- keeping the full-text part in step with the records ----------------------------

    def write_text(self, rows: Sequence[tuple[int, Record]]) -> None:
        """Index the text of these (record id, record) pairs (after their rows are saved)."""

    def delete_text(self, ids: Sequence[int]) -> None:
        """Forget the text of these record ids (before their rows go)."""

    def clear_text(self) -> None:
        """Forget all text (a rebuild starts)."""

    def finish_rebuild(self) -> None:
        """A rebuild has written every record."""

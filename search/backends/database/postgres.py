# SQL here is built from this module's constants; every word travels as a parameter.
# ruff: noqa: S608
"""PostgreSQL: a generated ``tsvector`` column on the records (``danish`` configuration, title
weight A, body weight B, and the record's word forms from ``search.wordforms`` in the ``simple``
configuration at weight C) with a GIN index, and a title-only vector for the one-word shortcut.

A plain query word matches its ``danish`` stem or its normal form (so "herbergsplads" finds
"herbergspladser" and "udvalg" finds "socialudvalget"). Ranking is ``ts_rank``. The expression
is a ``tsquery`` built in SQL from parameters.
"""

from collections.abc import Iterator, Sequence
from contextlib import contextmanager

from django.db import connection, transaction

from search.text import Term
from search.wordforms import query_form

from .dialect import Dialect
from .query import RECORDS, SQL, IdQuery, Match, Selection, count, fetch_ids

TSQUERY = "to_tsquery('danish', %s)"
WORD_OR_FORM = f"({TSQUERY} || to_tsquery('simple', %s))"


class PostgresDialect(Dialect[SQL]):
    vendor = "postgresql"

    def term(self, term: Term, forms: bool = True) -> SQL:
        if term.prefix:
            return SQL(TSQUERY, (term.words[-1] + ":*",))
        if term.phrase:
            return SQL("phraseto_tsquery('danish', %s)", (" ".join(term.words),))
        if not forms:
            # Weights A and B only: the title and body as written, not the forms (weight C).
            return SQL(TSQUERY, (term.words[0] + ":AB",))
        form = query_form(term.words[0])
        if form is None:
            return SQL(TSQUERY, (term.words[0],))
        return SQL(WORD_OR_FORM, (term.words[0], form))

    def combine(self, terms: Sequence[Term], op: str, negative: Sequence[Term]) -> SQL:
        pg_op = " && " if op == "AND" else " || "
        expression = SQL.join(pg_op, [self.term(t) for t in terms]).wrapped("(", ")")
        if negative:
            # Excluded as written (see the SQLite dialect).
            excluded = SQL.join(" || ", [self.term(t, forms=False) for t in negative])
            expression = expression.wrapped("(") + excluded.wrapped(" && !!(", "))")
        return expression

    def match(self, expression: SQL) -> Match:
        return Match(
            selection=Selection(f"{RECORDS} r", expression.wrapped("r.search_vector @@ ")),
            score=expression.wrapped("ts_rank(r.search_vector, ", ")"),
            member=expression.wrapped("(r.search_vector @@ ", ")"),
        )

    def as_int(self, condition: SQL) -> SQL:
        return condition.wrapped("CAST(", " AS INTEGER)")

    def title_first(
        self,
        term: Term,
        negative: Sequence[Term],
        filters: Sequence[SQL],
        limit: int,
        offset: int,
    ) -> list[int] | None:
        """One plain word: rank only the records with the word in their title.

        With ``ts_rank``'s default weights (title A = 1.0, body B = 0.4) a single word found in
        a record's title scores at least 1 / 1.645 = 0.61, and found only in its body at most
        0.4 * (pi^2 / 6) / 1.645 = 0.4, however often it occurs. So when at least a page's
        worth of records have the word in their title, those records are exactly the top of
        the ranking, and ``ts_rank`` need only read their vectors (found through the small
        title index) instead of every match's. Returns None when the shortcut does not apply.
        """
        word = term.words[0]
        if (
            negative
            or term.phrase
            or term.prefix
            or not word.isalpha()  # one parser token, so one lexeme in the tsquery
        ):
            return None
        # The word's normal form in a title ranks as high as the word: both count here.
        words = (word, query_form(word) or word)
        in_title = Selection(
            f"{RECORDS} r", SQL(f"r.title_vector @@ {WORD_OR_FORM}", words)
        ).narrowed(*filters)
        if count(in_title) < offset + limit:
            return None
        score = SQL(f"ts_rank(r.search_vector, {WORD_OR_FORM})", words)
        return fetch_ids(IdQuery(in_title, limit, offset, first_by=(score,)))

    @contextmanager
    def searching(self) -> Iterator[None]:
        # For a word found in most records the planner prefers reading the whole table, which
        # unpacks every record's (large, TOASTed) tsvector to test the match. The GIN index
        # answers a plain word without that re-check, so the bitmap scan reads only the small
        # columns facets and ordering need: several times faster. Local to this transaction,
        # and put back for the rest of an enclosing one (an error rolls the savepoint back,
        # which undoes the setting too).
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute("SELECT current_setting('enable_seqscan')")
            previous = cursor.fetchone()[0]
            cursor.execute("SELECT set_config('enable_seqscan', 'off', true)")
            yield
            cursor.execute("SELECT set_config('enable_seqscan', %s, true)", [previous])

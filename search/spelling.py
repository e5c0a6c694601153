"""Misspelt words: "Mente du ...?" from the index's own vocabulary.

:func:`learn` keeps :class:`search.models.SearchWord` in step with what is indexed (a rebuild
counts every word again; a publish adds the new words). :func:`suggest` replaces each word of a
query that the index does not hold with the closest word it does hold: Python's ``difflib``
ratio of at least 0.8 among the vocabulary's words with the same first two letters and a length
within two letters, the word in the most records winning a tie. The search service shows results
for the suggestion only when a search for it finds something (``search.service``).
"""

import difflib
from collections import Counter
from collections.abc import Iterable, Iterator

from django.db import connection, transaction

from .models import SearchWord
from .records import Record
from .text import DANISH_STOP_WORDS, MAX_WORD_LENGTH, ParsedQuery, Term, words

CUTOFF = 0.8
MIN_WORD_LENGTH = 4  # shorter words are not corrected
MAX_CANDIDATES = 20_000
BATCH = 5_000
VOCABULARY = SearchWord._meta.db_table


def record_words(record: Record) -> set[str]:
    return {
        w
        for w in words(f"{record.title} {record.body}")
        if w.isalpha() and len(w) <= MAX_WORD_LENGTH and w not in DANISH_STOP_WORDS
    }


def counting(records: Iterable[Record], counts: Counter) -> Iterator[Record]:
    """Pass ``records`` through, counting in how many of them each word occurs."""
    for record in records:
        counts.update(record_words(record))
        yield record


def replace_vocabulary(counts: Counter) -> None:
    """After a rebuild: the vocabulary is exactly the words counted.

    Written with one ``executemany``: a national index holds a few hundred thousand words, and
    ``bulk_create`` spent most of a rebuild's database time making a model object per word.
    """
    with transaction.atomic(), connection.cursor() as cursor:
        SearchWord.objects.all().delete()
        cursor.executemany(
            f"INSERT INTO {VOCABULARY} (word, head, records) VALUES (%s, %s, %s)",  # noqa: S608
            [(word, word[:2], n) for word, n in counts.items()],
        )


def learn(records: Iterable[Record]) -> None:
    """After a publish: add the words the vocabulary does not hold yet."""
    new: set[str] = set()
    for record in records:
        new |= record_words(record)
    if new:
        SearchWord.objects.bulk_create(
            [SearchWord(word=w, head=w[:2]) for w in sorted(new)],
            ignore_conflicts=True,
            batch_size=BATCH,
        )


def _closest(word: str) -> str | None:
    if len(word) < MIN_WORD_LENGTH or not word.isalpha():
        return None
    if SearchWord.objects.filter(word=word).exists():
        return None
    candidates = dict(
        SearchWord.objects.filter(head=word[:2])
        .order_by("-records")
        .values_list("word", "records")[:MAX_CANDIDATES]
    )
    near = [w for w in candidates if abs(len(w) - len(word)) <= 2]
    matches = difflib.get_close_matches(word, near, n=5, cutoff=CUTOFF)
    if not matches:
        return None
    best = difflib.SequenceMatcher(None, word, matches[0]).ratio()
    tied = [m for m in matches if difflib.SequenceMatcher(None, word, m).ratio() >= best - 0.01]
    return max(tied, key=lambda m: candidates[m])


def suggest(query: ParsedQuery) -> str | None:
    """The query with its unknown words replaced by the closest known ones, or None."""
    changed = False
    out = []
    for term in query.terms:
        text = term.text
        if _correctable(term):
            closest = _closest(term.words[0])
            if closest:
                text = closest
                changed = True
        out.append(text)
    return " ".join(out) if changed else None


def _correctable(term: Term) -> bool:
    return not (term.phrase or term.prefix or term.negated)

"""Danish word forms beyond Snowball: one normal form per word, and the parts of compounds.

Snowball stems "herbergspladser" to ``herbergsplads`` but the singular "herbergsplads" to
``herbergsplad``, so the two never meet; and Danish writes compounds as one word, so "udvalg"
never finds "socialudvalget". Every backend therefore indexes, beside the Snowball stems of the
title and the body, a third field of *forms*: for each distinct word its normal form (the Snowball
stem of its lemma from simplemma's Danish dictionary), and for a compound the normal forms of its
parts and of each run of adjacent parts ("natvarmestue": nat, varme, stue, natvarme, varmestue).
A plain query word matches its stem in the title and body, or its normal form in the forms field,
which weighs less: the form the page writes ranks above another form or a part.

Compounds are split against the same dictionary: a split is a head that is a known word, where a
linking -s- or -e- may follow it ("herberg-s-pladser", "børn-e-familie"), and a tail that is a
known word or splits again; of the splits, the one with the fewest parts wins, then the one with
the longest head. Parts are at least three letters long and never stop words.
"""

from functools import lru_cache

import simplemma

from .text import DANISH_STOP_WORDS, stem, words

LANGUAGE = "da"
MIN_COMPOUND_LENGTH = 7  # shorter words are not split
MIN_PART_LENGTH = 3  # a head: "nat" in "natvarmestue"
MIN_TAIL_LENGTH = 4  # a tail: "stue"; not "lag" ("forslag" is no compound)
MAX_PARTS = 4
RESPLIT_LENGTH = 8  # a part that is a word itself is split again only from this length
LINKING_LETTERS = ("s", "e")
# Words remembered per process: the look-ups are the cost of indexing a record, and a rebuild
# meets the common words in nearly every record. The forms of a word are kept for fewer words
# (each is a set), and are quickly made again from the cached normal forms and parts.
CACHE_SIZE = 200_000
FORMS_CACHE_SIZE = 100_000


@lru_cache(maxsize=CACHE_SIZE)
def normal_form(word: str) -> str:
    """The Snowball stem of the word's Danish lemma: "herbergsplads" and "herbergspladserne"
    both give ``herbergsplad``."""
    lemma = words(simplemma.lemmatize(word, lang=LANGUAGE))
    # A dictionary entry of several words (or none) is no normal form: keep the word's stem.
    return stem(lemma[0]) if len(lemma) == 1 else stem(word)


@lru_cache(maxsize=2 * CACHE_SIZE)
def _known(word: str, min_length: int = MIN_PART_LENGTH) -> bool:
    return (
        len(word) >= min_length
        and word not in DANISH_STOP_WORDS
        and simplemma.is_known(word, lang=LANGUAGE)
    )


Part = tuple[str, str]  # (as written, without its linking letter): ("herbergs", "herberg")


@lru_cache(maxsize=CACHE_SIZE)
def compound_parts(word: str) -> tuple[Part, ...]:
    """The parts of a compound word, each as written and without a linking letter, or ``()``.

    A long part that is a word of its own is split again where it is a compound too, so
    "natvarmestue" gives nat, varme and stue, not only nat and varmestue.
    """
    if len(word) < MIN_COMPOUND_LENGTH or not word.isalpha():
        return ()
    parts: list[Part] = []
    for written, base in _split(word, MAX_PARTS):
        finer = compound_parts(written) if len(written) >= RESPLIT_LENGTH else ()
        parts.extend(finer or ((written, base),))
    return tuple(parts[:MAX_PARTS]) if len(parts) > 1 else ()


def _split(word: str, max_parts: int) -> tuple[Part, ...]:
    best: tuple[Part, ...] = ()
    # The shortest head first: of two splits with as many parts the one with the longer tail
    # wins ("varme|stuerne", not "varme-s-|tuerne").
    for cut in range(MIN_PART_LENGTH, len(word) - MIN_TAIL_LENGTH + 1):
        head, tail = word[:cut], word[cut:]
        if head.endswith(LINKING_LETTERS) and _known(head[:-1]):
            base = head[:-1]  # "herberg-s-", "børn-e-"
        elif _known(head):
            base = head
        else:
            continue
        if _known(tail, MIN_TAIL_LENGTH):
            rest: tuple[Part, ...] = ((tail, tail),)
        elif max_parts > 2 and len(tail) >= MIN_PART_LENGTH + MIN_TAIL_LENGTH:
            rest = _split(tail, max_parts - 1)
        else:
            rest = ()
        if rest and (not best or len(rest) + 1 < len(best)):
            best = ((head, base), *rest)
    return best


@lru_cache(maxsize=FORMS_CACHE_SIZE)
def word_forms(word: str) -> frozenset[str]:
    """The forms one word is found by: its normal form, its parts' and its runs of parts'.

    A part with a linking letter counts in both shapes ("gade" and "gad", "børne" and "børn"):
    the dictionary cannot tell which one the writer meant. Cached: a rebuild asks for the forms
    of every distinct word of every record, most of them words it has seen before.
    """
    forms = {normal_form(word)}
    parts = compound_parts(word)
    for written, base in parts:
        forms.add(normal_form(written))
        forms.add(normal_form(base))
    for start in range(len(parts)):
        for end in range(start + 2, len(parts) + 1):
            if end - start < len(parts):
                forms.add(normal_form("".join(written for written, _ in parts[start:end])))
    return frozenset(forms)


def query_form(word: str) -> str | None:
    """The normal form a query word is also looked up by, or None when it is a stop word.

    "siger" has the normal form ``sig``, a stop word: looking it up would match every page
    with "sig" in it, and a question ("hvad siger rådet om ...") would rank by that.
    """
    form = normal_form(word)
    return None if form in DANISH_STOP_WORDS else form


def forms_text(*texts: str) -> str:
    """The forms field of a record: every form of every distinct word, once, space-separated."""
    seen: set[str] = set()
    for text in texts:
        seen.update(words(text))
    forms: set[str] = set()
    for word in seen:
        if word not in DANISH_STOP_WORDS:
            forms |= word_forms(word)
    return " ".join(sorted(forms - DANISH_STOP_WORDS))

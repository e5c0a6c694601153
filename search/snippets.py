"""Snippets: the excerpt under a hit's title, the query's words marked, the same on every backend.

The excerpt starts before the passage where most of the query's words are found (not merely the
first of them), fields and paragraphs are kept apart by an ellipsis, and a word is marked when it
is a form of a query word as the index matched it: its Snowball stem ("høringssvaret" for
"høringssvar"), a prefix (``bolig*``), or a word form (``search.wordforms``: "herbergspladser"
for "herbergsplads", "socialudvalget" for "udvalg").
"""

import html
import re
from collections import Counter
from collections.abc import Iterator
from functools import lru_cache

from .text import ParsedQuery, Term, stem
from .wordforms import query_form, word_forms

SNIPPET_LENGTH = 240
FIELD_BREAK = " … "
MAX_SCAN = 20_000  # characters looked through for the best passage (then the first hit wins)
MAX_HITS = 200


@lru_cache(maxsize=256)
def _candidate_pattern(candidates: tuple[str, ...], flags: int = 0) -> re.Pattern:
    """Any candidate (a stem, a prefix or a form) anywhere in a word; the word is then taken
    whole and checked: a stem or prefix starts its word, a compound's part may stand inside.
    The candidates are lower case and so is the text searched (``IGNORECASE`` is slower)."""
    alternatives = "|".join(re.escape(c) for c in sorted(candidates, key=len, reverse=True))
    return re.compile(alternatives, flags)


class _Marker:
    """Finds the words of a text that match the query, each with the query word it matches.

    Made once per query (:func:`_marker`) and read only: a results page asks it of every hit's
    title, own text and attachments.
    """

    def __init__(self, terms: tuple[Term, ...]):
        self.stems: dict[str, int] = {}
        self.prefixes: dict[str, int] = {}
        self.forms: dict[str, int] = {}
        for i, term in enumerate(terms):
            if term.prefix:
                self.prefixes[term.stems[-1]] = i
                self.stems.update((s, i) for s in term.stems[:-1])
                continue
            self.stems.update((s, i) for s in term.stems)
            form = None if term.phrase else query_form(term.words[0])
            if form:
                self.forms[form] = i
        self.words = len(terms)
        candidates = {*self.stems, *self.prefixes, *self.forms}
        self.candidates = tuple(sorted(candidates))

    def hits(self, text: str) -> Iterator[tuple[int, int, int]]:
        """(start, end, query word) for every matching word of ``text``."""
        if not self.candidates:
            return
        lowered = text.lower()
        if len(lowered) == len(text):
            pattern = _candidate_pattern(self.candidates)
        else:  # a letter whose lower case is longer ("İ"): positions must stay the text's
            pattern, lowered = _candidate_pattern(self.candidates, re.IGNORECASE), text
        search, pos = pattern.search, 0
        while found := search(lowered, pos):
            start = found.start()
            while start > 0 and lowered[start - 1].isalnum():
                start -= 1
            end = found.end()
            while end < len(lowered) and lowered[end].isalnum():
                end += 1
            which = self._which(lowered[start:end].lower())
            if which is not None:
                yield start, end, which
            pos = end

    def _which(self, word: str) -> int | None:
        word_stem = stem(word)
        if word_stem in self.stems:
            return self.stems[word_stem]
        for prefix, i in self.prefixes.items():
            if word_stem.startswith(prefix) or word.startswith(prefix):
                return i
        if self.forms:
            for form in word_forms(word) & self.forms.keys():
                return self.forms[form]
        return None


@lru_cache(maxsize=256)
def _marker(terms: tuple[Term, ...]) -> _Marker:
    return _Marker(terms)


def finds(text: str, query: ParsedQuery) -> bool:
    """True when ``text`` holds a word the snippet would mark for ``query``."""
    return bool(text) and next(_marker(tuple(query.positive)).hits(text), None) is not None


def fields_apart(text: str) -> str:
    """The text on one line, its line breaks (between fields and paragraphs) an ellipsis."""
    return FIELD_BREAK.join(" ".join(line.split()) for line in text.splitlines() if line.strip())


def _best_hit(body: str, marker: _Marker, length: int) -> int | None:
    """Where the passage with the most of the query's words begins (the earliest of equals)."""
    if marker.words < 2:  # one word: every passage has at most one, so the first is best
        return next((start for start, _end, _which in marker.hits(body)), None)
    found: list[tuple[int, int]] = []
    for start, _end, which in marker.hits(body):
        if start > MAX_SCAN and found:
            break
        found.append((start, which))
        if len(found) >= MAX_HITS:
            break
    if not found:
        return None
    # A window slides over the hits: [i, j) are the hits within reach of hit i.
    reach = length * 2 // 3
    in_reach: Counter[int] = Counter()
    best, best_words, j = found[0][0], 0, 0
    for i, (start, _) in enumerate(found):
        while j < len(found) and found[j][0] < start + reach:
            in_reach[found[j][1]] += 1
            j += 1
        if len(in_reach) > best_words:
            best, best_words = start, len(in_reach)
        in_reach[found[i][1]] -= 1
        if not in_reach[found[i][1]]:
            del in_reach[found[i][1]]
    return best


def snippet(body: str, query: ParsedQuery, length: int = SNIPPET_LENGTH) -> str:
    """An HTML-safe excerpt of ``body`` around its best passage, matches wrapped in ``<mark>``.

    Every stem is a prefix of its word (Snowball's Danish stemmer only removes endings), so a
    regular expression finds candidate words quickly and the stemmer (or the word forms)
    confirms them. Only the excerpt itself is normalised and escaped, so long documents cost
    little. With no match in the text (the words were in the title) it is the text's opening.
    """
    if not body:
        return ""
    marker = _marker(tuple(query.positive))
    start = 0
    first = _best_hit(body, marker, length)
    if first is not None and first > length // 3:
        start = max(0, body.rfind(" ", 0, first - length // 4) + 1)
    window = fields_apart(body[start : start + length * 3])
    more = start + length * 3 < len(body)
    if len(window) > length:
        cut = window.rfind(" ", 0, length)
        window = window[: cut if cut > 0 else length]
        more = True
    if more:  # one ellipsis at the end, not a field break's and the cut's
        window = window.removesuffix(FIELD_BREAK.rstrip())
    parts, pos = [], 0
    for a, b, _ in marker.hits(window):
        parts.append(html.escape(window[pos:a]))
        parts.append("<mark>" + html.escape(window[a:b]) + "</mark>")
        pos = b
    parts.append(html.escape(window[pos:]))
    return ("… " if start > 0 else "") + "".join(parts) + (" …" if more else "")


def describe(snippet_html: str, summary: str) -> str:
    """What a hit shows under its title: the snippet if it marks a match, else the summary.

    A snippet without ``<mark>`` is only the opening of the text (nothing was typed, or the
    words were found in the title); the page's own plain-language summary ("Kort fortalt")
    says more. Pages without one keep the snippet. Every backend describes its hits here.
    """
    if not summary or "<mark>" in snippet_html:
        return snippet_html
    return html.escape(" ".join(summary.split()))

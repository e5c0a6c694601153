"""Danish text handling shared by every backend: sanitising, parsing and stemming.

The query language is for people, not for engines: plain words, ``"phrases"``, ``-exclude`` and
a trailing ``*`` for a prefix. Everything else is treated as text. Nothing the user types is ever
handed to an engine as syntax: the parser turns it into :class:`Term` objects made of plain
lower-case words, and each backend writes its own engine syntax from those.
"""

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache

import snowballstemmer
from django.utils.translation import gettext_lazy as _

MAX_QUERY_LENGTH = 200
MAX_TERMS = 10
MAX_WORD_LENGTH = 60
MIN_PREFIX_LENGTH = 2

# Snowball's Danish stop words (the same list as PostgreSQL's `danish` configuration), so both
# database backends ignore the same words.
DANISH_STOP_WORDS = frozenset(
    [
        "og",
        "i",
        "jeg",
        "det",
        "at",
        "en",
        "den",
        "til",
        "er",
        "som",
        "på",
        "de",
        "med",
        "han",
        "af",
        "for",
        "ikke",
        "der",
        "var",
        "mig",
        "sig",
        "men",
        "et",
        "har",
        "om",
        "vi",
        "min",
        "havde",
        "ham",
        "hun",
        "nu",
        "over",
        "da",
        "fra",
        "du",
        "ud",
        "sin",
        "dem",
        "os",
        "op",
        "man",
        "hans",
        "hvor",
        "eller",
        "hvad",
        "skal",
        "selv",
        "her",
        "alle",
        "vil",
        "blev",
        "kunne",
        "ind",
        "når",
        "være",
        "dog",
        "noget",
        "ville",
        "jo",
        "deres",
        "efter",
        "ned",
        "skulle",
        "denne",
        "end",
        "dette",
        "mit",
        "også",
        "under",
        "have",
        "dig",
        "anden",
        "hende",
        "mine",
        "alt",
        "meget",
        "sit",
        "sine",
        "vor",
        "mod",
        "disse",
        "hvis",
        "din",
        "nogle",
        "hos",
        "blive",
        "mange",
        "ad",
        "bliver",
        "hendes",
        "været",
        "thi",
        "jer",
        "sådan",
    ]
)

# A word is a run of letters and digits; underscores and punctuation separate words.
WORD_RE = re.compile(r"[^\W_]+")
_TOKEN_RE = re.compile(r'(-?)"([^"]*)"?|(\S+)')
_STEMMER = snowballstemmer.stemmer("danish")


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """The Danish Snowball stem of one lower-case word ("høringssvaret" -> "høringssvar")."""
    return _STEMMER.stemWord(word)


def words(text: str) -> list[str]:
    return WORD_RE.findall(text.lower())


def stem_text(text: str) -> str:
    """The text as space-separated stems, for the stemmed full-text columns."""
    return " ".join(map(stem, words(text)))


def clean_input(raw: str) -> str:
    """Remove what cannot be text: control and format characters, lone surrogates, NUL."""
    out = []
    for ch in raw:
        category = unicodedata.category(ch)
        if category in {"Cc", "Cf", "Cs", "Co", "Cn"}:
            out.append(" ")
        else:
            out.append(ch)
    return " ".join("".join(out).split())


@dataclass(frozen=True)
class Term:
    """One thing the user asked for: a word, a phrase (several words) or a prefix."""

    words: tuple[str, ...]
    phrase: bool = False
    prefix: bool = False
    negated: bool = False

    @property
    def stems(self) -> tuple[str, ...]:
        return tuple(stem(w) for w in self.words)

    @property
    def text(self) -> str:
        body = " ".join(self.words)
        if self.phrase:
            body = f'"{body}"'
        if self.prefix:
            body += "*"
        return ("-" if self.negated else "") + body


@dataclass
class ParsedQuery:
    """A sanitised query: the terms to look for, the terms to exclude and notices for the user."""

    raw: str = ""
    text: str = ""
    terms: list[Term] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)

    @property
    def positive(self) -> list[Term]:
        return [t for t in self.terms if not t.negated]

    @property
    def negative(self) -> list[Term]:
        return [t for t in self.terms if t.negated]

    @property
    def is_empty(self) -> bool:
        """True when there is no word to search for."""
        return not self.positive

    @property
    def is_browse(self) -> bool:
        """True when nothing was typed at all: the user browses with filters only."""
        return not self.text


def parse_query(raw: str | None) -> ParsedQuery:
    """Turn whatever was typed into a safe :class:`ParsedQuery`; never raises."""
    parsed = ParsedQuery(raw=raw or "")
    text = clean_input(raw or "")
    if len(text) > MAX_QUERY_LENGTH:
        text = text[:MAX_QUERY_LENGTH].rsplit(" ", 1)[0] or text[:MAX_QUERY_LENGTH]
        parsed.notices.append(
            _("Din søgning var for lang. Vi har søgt på de første %(n)d tegn.")
            % {"n": MAX_QUERY_LENGTH}
        )
    parsed.text = text
    too_many = False
    for match in _TOKEN_RE.finditer(text):
        neg_quote, quoted, bare = match.groups()
        if quoted is not None:
            term = _phrase_term(words(quoted), negated=bool(neg_quote))
        else:
            term = _bare_term(bare)
        if term is None:
            continue
        if term == "stop":
            continue
        if term in parsed.terms:
            continue
        if len(parsed.terms) >= MAX_TERMS:
            too_many = True
            break
        parsed.terms.append(term)
    if too_many:
        parsed.notices.append(
            _("Din søgning havde mange ord. Vi har søgt på de første %(n)d.") % {"n": MAX_TERMS}
        )
    weak = [t for t in parsed.positive if _stems_to_stop_word(t)]
    if weak and len(weak) < len(parsed.positive):
        parsed.terms = [t for t in parsed.terms if t not in weak]
    if text and not parsed.positive:
        parsed.notices.append(
            str(
                _("Skriv mindst ét ord at søge efter, uden minus foran (og ikke kun ord som “og”).")
            )
        )
    return parsed


def _stems_to_stop_word(term: Term) -> bool:
    """True for a word whose stem is a stop word: "siger" and "mener" stem to "sig" and "men".

    The stemmed index cannot tell them apart, so in a question ("hvad siger rådet om ...") such
    a word would rank the pages that say "sig" or "men". Among other words it is left out, as a
    stop word is; alone, it is searched for.
    """
    return not (term.phrase or term.prefix) and stem(term.words[0]) in DANISH_STOP_WORDS


def _cap(ws: list[str]) -> tuple[str, ...]:
    return tuple(w[:MAX_WORD_LENGTH] for w in ws)


def _phrase_term(ws: list[str], negated: bool = False, prefix: bool = False):
    ws = list(_cap(ws))
    if not ws:
        return None
    if all(w in DANISH_STOP_WORDS for w in ws):
        return "stop"
    if len(ws) == 1:
        word = ws[0]
        prefix = prefix and len(word) >= MIN_PREFIX_LENGTH
        if not prefix and word in DANISH_STOP_WORDS:
            return "stop"
        return Term(words=(word,), prefix=prefix, negated=negated)
    return Term(words=tuple(ws), phrase=True, negated=negated)


def _bare_term(token: str):
    negated = token.startswith("-") and len(token) > 1
    if negated:
        token = token[1:]
    prefix = token.endswith("*")
    ws = words(token)
    if len(ws) > 1:
        # "foo-bar" or "§9.2": treated as the words in that order.
        return _phrase_term(ws, negated=negated)
    return _phrase_term(ws, negated=negated, prefix=prefix)

"""The one query interface of the search service, shared by every backend."""

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import NamedTuple

from search.adapters import Record
from search.facets import FACETS, KIND_LABELS, FacetValue
from search.text import ParsedQuery

PAGE_SIZE = 20
SORTS = ("relevance", "date")


class SearchBackendError(Exception):
    """The search engine could not be reached or refused the request."""


@dataclass(frozen=True)
class SearchRequest:
    """What a citizen asked for: a parsed query, filters, sort order and page."""

    query: ParsedQuery
    council: str = ""
    kind: str = ""
    year: int | None = None
    target_group: str = ""
    sort: str = "relevance"
    page: int = 1
    page_size: int = PAGE_SIZE

    @property
    def offset(self) -> int:
        return (self.page - 1) * self.page_size

    @property
    def filters(self) -> dict:
        """The facet filters asked for: facet name -> value (each field is named after one)."""
        values = ((facet.name, getattr(self, facet.name)) for facet in FACETS)
        return {name: value for name, value in values if value not in ("", None)}


class FoundIn(NamedTuple):
    """The attachment of a page that a hit's words were found in: its title and the file's URL."""

    title: str
    url: str


@dataclass
class Hit:
    key: str
    title: str
    url: str
    kind: str
    council: str
    council_label: str
    municipality: str
    date: date | None
    snippet: str  # HTML: hits in <mark>, everything else escaped
    # A hearing response's follow-up (``search.service`` reads it from the page): the outcome's
    # value and its Danish label, or "in_progress" while the council is still answering.
    outcome: str = ""
    outcome_label: str = ""
    title_html: str = ""  # the title, escaped, with the query's words in <mark> (search.service)
    # Set when the words were found only in one of the page's attachments (``search.hits``):
    # the snippet is then from that document, shown as "Fundet i bilaget <title>".
    attachment: FoundIn | None = None

    @property
    def kind_label(self) -> str:
        return str(KIND_LABELS.get(self.kind, ""))


@dataclass
class SearchResults:
    request: SearchRequest
    total: int = 0
    hits: list[Hit] = field(default_factory=list)
    facets: dict[str, list[FacetValue]] = field(default_factory=dict)


class BaseSearchBackend:
    """What every backend does: store records, forget them, list them, answer searches."""

    def __init__(self, params: dict):
        self.params = params

    def upsert(self, records: Iterable[Record]) -> None:
        raise NotImplementedError

    def delete(self, keys: Iterable[str]) -> None:
        raise NotImplementedError

    def stored_digests(self) -> dict[str, str]:
        """key -> digest of everything the index holds now."""
        raise NotImplementedError

    def rebuild(self, records: Iterable[Record]) -> int:
        """Replace the whole index with ``records``; returns how many were written."""
        raise NotImplementedError

    def search(self, request: SearchRequest) -> SearchResults:
        raise NotImplementedError

"""The flat index record: one searchable item, the same for every backend."""

import datetime as dt
import hashlib
import json
from dataclasses import asdict, dataclass, field
from functools import cached_property

from .wordforms import forms_text

# Caps the text kept per item (PostgreSQL's tsvector holds at most 1 MB).
MAX_BODY_LENGTH = 200_000


@dataclass(frozen=True)
class Attachment:
    """A public document a page links to, carried in the page's record.

    ``start`` and ``end`` are character offsets of the document's title and text inside the
    record's body, so a hit can tell whether the words were found in the page itself or only in
    one of its attachments (``search.hits.hit_text``).
    """

    title: str
    url: str
    start: int
    end: int


@dataclass
class Record:
    """One searchable item, the same for every backend."""

    key: str  # "page:12" or "document:5"
    kind: str
    title: str
    url: str
    body: str = ""
    council: str = ""  # council page slug
    council_label: str = ""
    municipality: str = ""
    date: dt.date | None = None
    year: int | None = None
    target_groups: list[str] = field(default_factory=list)
    summary: str = ""  # the page's "Kort fortalt", the description of a hit without a match
    # The documents the page links to, in the order their text follows the page's own in body.
    attachments: list[Attachment] = field(default_factory=list)

    @cached_property
    def forms(self) -> str:
        """The word forms the record is also found by (``search.wordforms``), and its council's
        name and municipality: "ventetid i esbjerg" finds Esbjerg's pages about waiting times."""
        return forms_text(self.title, self.body, self.council_label, self.municipality)

    @property
    def digest(self) -> str:
        """A fingerprint of the record, for finding stale entries in the index."""
        data = asdict(self)
        if not self.summary:
            # Records without a summary keep the fingerprint they had before it existed.
            del data["summary"]
        if not self.attachments:
            # Likewise for records without attachments: ``search_index check`` then finds only
            # the pages that carry documents stale after upgrading.
            del data["attachments"]
        data["date"] = self.date.isoformat() if self.date else None
        raw = json.dumps(data, sort_keys=True, ensure_ascii=False)
        return hashlib.sha256(raw.encode()).hexdigest()[:32]


def page_key(pk: int) -> str:
    return f"page:{pk}"


def document_key(pk: int) -> str:
    return f"document:{pk}"

"""What a hit shows under its title, and in which of its attachments the words were found.

A page's record carries the documents it links to (:class:`~search.records.Attachment`): their
title and text follow the page's own text in the body. When the query's words are in the page
itself (its title or its own text), the snippet comes from the page's own text and names no
attachment; when they are only in an attachment, the snippet comes from that attachment and the
hit names it ("Fundet i bilaget …"). Every backend describes its hits here, from the stored
body, so they agree on both.
"""

from collections.abc import Iterable, Mapping
from typing import Any

from .records import Attachment
from .snippets import describe, finds, snippet
from .text import ParsedQuery


def attachments_from(stored: Iterable[Mapping[str, Any]] | None) -> list[Attachment]:
    """The attachments of a record as a backend stores them (a list of plain mappings)."""
    return [
        Attachment(str(a["title"]), str(a["url"]), int(a["start"]), int(a["end"]))
        for a in stored or []
    ]


def hit_text(
    title: str, body: str, summary: str, attachments: list[Attachment], query: ParsedQuery
) -> tuple[str, Attachment | None]:
    """The hit's description (HTML, see :func:`search.snippets.describe`) and the attachment the
    query's words were found in, or None when they are in the page itself (or nowhere the
    snippet can mark)."""
    own = body[: min((a.start for a in attachments), default=len(body))].rstrip("\n")
    if not finds(title, query) and not finds(own, query):
        for attachment in attachments:
            part = body[attachment.start : attachment.end]
            if finds(part, query):
                return describe(snippet(part, query), summary), attachment
    return describe(snippet(own, query), summary), None

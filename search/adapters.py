"""Adapters: how each page type and each document becomes one flat index record.

Pages do not know they are indexed. An adapter reads the *live* content of a page from the
database (never a draft revision) and produces a :class:`~search.records.Record`. Every page
type has its adapter declared in :mod:`search.page_adapters` with :func:`register`, which says
which of the page's fields dates it; the text is collected the same way for every type
(:mod:`search.content`) and the kind comes from the registry (:mod:`search.facets`). A page
type without an adapter is dated by its first publication, and ``manage.py check`` names it.
"""

from collections.abc import Callable, Iterable
from datetime import date
from typing import Any, TypeVar

from django.apps import apps
from wagtail.models import Page

from search.content import BulkLookups, bulk_lookups, page_content
from search.facets import DEFAULT_PAGE_KIND, PAGE_KINDS
from search.records import MAX_BODY_LENGTH, Attachment, Record, document_key, page_key
from visibility.rules import public_documents as rules_public_documents
from visibility.rules import standalone_documents as rules_standalone_documents
from visibility.rules import visible

__all__ = [
    "Attachment",
    "Record",
    "all_records",
    "document_key",
    "document_record",
    "page_key",
    "page_record",
    "record_for_key",
    "register",
]

PageAdapter = Callable[[Any], Record]  # takes a page of the type it is registered for
A = TypeVar("A", bound=PageAdapter)
_page_adapters: dict[str, PageAdapter] = {}


def register(model: type[Page] | str) -> Callable[[A], A]:
    """Register the function that builds the record for one page type (a model or ``app.Model``)."""
    label = model if isinstance(model, str) else model._meta.label

    def decorator(func: A) -> A:
        _page_adapters[label.lower()] = func
        return func

    return decorator


def registered_page_models() -> set[str]:
    """``app_label.modelname`` of every page type with an adapter."""
    return set(_page_adapters)


# Public-ness ------------------------------------------------------------------------------


def public_pages():
    """Visible pages (``visibility.rules``): the only pages the index may hold."""
    return visible()


def public_documents():
    """Public documents (``visibility.rules``): the only documents whose text the index holds
    (as a page's attachment, or as a hit of their own)."""
    return rules_public_documents()


def standalone_documents():
    """Public documents that no visible page links to (``visibility.rules``): the only
    documents that are records of their own. Every other public document is found with the
    pages that link to it, as their attachment."""
    return rules_standalone_documents()


# Facts ------------------------------------------------------------------------------------


def council_of(page: Page):
    """The council page a page belongs to (itself for a council page), or None."""
    CouncilPage = apps.get_model("council_pages", "CouncilPage")
    if isinstance(page, CouncilPage):
        return page
    bulk = bulk_lookups.get()
    if bulk is not None:
        for path in reversed(_ancestor_paths(page)):
            if path in bulk.councils:
                return bulk.councils[path]
        return None
    return CouncilPage.objects.filter(path__in=_ancestor_paths(page)).order_by("-depth").first()


def _ancestor_paths(page: Page) -> list[str]:
    step = page.steplen
    return [page.path[: step * d] for d in range(1, page.depth)]


def published_on(page: Page) -> date | None:
    """When the page first went live (the date of page types without a date of their own)."""
    when = page.first_published_at or page.last_published_at
    return when.date() if when else None


def _target_groups(obj) -> list[str]:
    manager = getattr(obj, "target_groups", None)
    if manager is None or not hasattr(manager, "all"):
        return []
    return sorted({tag.slug for tag in manager.all()})


def kind_of(page: Page) -> str:
    return PAGE_KINDS.get(page._meta.label_lower, DEFAULT_PAGE_KIND)


def build_page_record(page: Page, when: date | None = None, year: int | None = None) -> Record:
    """The record of a page: title, flattened text, council, target groups, and its date.

    ``when`` is the date the page's adapter reads from it (publication when it has none);
    ``year`` the year it is filed under (the year of ``when`` unless given).
    """
    council = council_of(page)
    record_date = when or published_on(page)
    body, attachments = page_content(page)
    return Record(
        key=page_key(page.pk),
        kind=kind_of(page),
        title=page.title,
        url=page.get_url() or page.url_path,
        body=body[:MAX_BODY_LENGTH],
        council=council.slug if council else "",
        council_label=council.title if council else "",
        municipality=getattr(council, "municipality", "") if council else "",
        date=record_date,
        year=year or (record_date.year if record_date else None),
        target_groups=_target_groups(page),
        summary=_summary(page),
        attachments=_within(attachments, MAX_BODY_LENGTH),
    )


def _within(attachments: list[Attachment], length: int) -> list[Attachment]:
    """The attachments whose text the body, cut at ``length``, still holds (the last one cut)."""
    return [
        Attachment(a.title, a.url, a.start, min(a.end, length))
        for a in attachments
        if a.start < length
    ]


def _summary(page: Page) -> str:
    """The page's "Kort fortalt" as one line of plain text; empty for page types without one."""
    return " ".join(str(getattr(page, "summary", "") or "").split())


def page_record(page: Page) -> Record:
    page = page.specific
    adapter = _page_adapters.get(page._meta.label_lower, build_page_record)
    return adapter(page)


def document_record(document) -> Record:
    """A standalone document as a hit of its own: its title and the text extracted from the file.

    Only for documents no visible page links to (:func:`standalone_documents`); the others are
    a part of their pages' records.
    """
    council = getattr(document, "council", None)
    created = document.created_at
    record_date = created.date() if created else None
    return Record(
        key=document_key(document.pk),
        kind="document",
        title=document.title,
        url=document.url,
        body=(getattr(document, "extracted_text", "") or "")[:MAX_BODY_LENGTH],
        council=council.slug if council else "",
        council_label=council.title if council else "",
        municipality=council.municipality if council else "",
        date=record_date,
        year=record_date.year if record_date else None,
        target_groups=[],
    )


def record_for_key(key: str) -> Record | None:
    """The record the index should hold for ``key`` now, or None if it must not be there."""
    kind, _, raw_pk = key.partition(":")
    try:
        pk = int(raw_pk)
    except ValueError:
        return None
    if kind == "page":
        page = public_pages().filter(pk=pk).first()
        return page_record(page) if page else None
    if kind == "document":
        document = standalone_documents().select_related("council").filter(pk=pk).first()
        return document_record(document) if document else None
    return None


def all_records() -> Iterable[Record]:
    """Every record the index should hold, built from the live, public tree."""
    CouncilPage = apps.get_model("council_pages", "CouncilPage")
    lookups = BulkLookups(
        councils={c.path: c for c in CouncilPage.objects.all()},
        public_document_ids=set(public_documents().values_list("pk", flat=True)),
    )
    token = bulk_lookups.set(lookups)
    try:
        for page in public_pages().specific().iterator(chunk_size=500):
            yield page_record(page)
    finally:
        bulk_lookups.reset(token)
    for document in standalone_documents().select_related("council").iterator(chunk_size=500):
        yield document_record(document)

"""Adapters: how each page type and each document becomes one flat index record.

Pages do not know they are indexed. An adapter reads the *live* content of a page from the
database (never a draft revision) and produces a :class:`Record`. Page types are mapped to a kind
here; anything not mapped is a ``page``. The text of a page is collected generically: every
StreamField and rich-text field, every field named in the page's Wagtail ``search_fields``,
the text of inline children (agenda items, members, minority opinions ...) and the extracted
text of every document the page links to. A page type can refine this by registering its own
function with :func:`register`.
"""

import datetime as dt
import hashlib
import json
import re
from collections.abc import Callable, Iterable, Iterator
from contextvars import ContextVar
from dataclasses import asdict, dataclass, field
from datetime import date, datetime

from django.apps import apps
from django.db import models
from django.utils.html import strip_tags
from modelcluster.fields import ParentalKey
from taggit.models import ItemBase
from wagtail import blocks as wagtail_blocks
from wagtail.documents import get_document_model
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from search.facets import DEFAULT_PAGE_KIND, PAGE_KINDS
from visibility.rules import is_public_document as rules_is_public_document
from visibility.rules import is_visible, visible
from visibility.rules import public_documents as rules_public_documents

# Date fields a page type may use for "when was this", in order of preference.
DATE_FIELD_NAMES = (
    "date",
    "meeting_date",
    "adopted_on",
    "adopted_date",
    "response_date",
    "sent_on",
    "published_on",
    "published_date",
)
YEAR_FIELD_NAMES = ("year", "end_year", "start_year")
# Fields that are not prose, skipped when collecting text from inline children.
_SKIP_CHILD_FIELDS = {"sort_order", "slug", "anchor", "url"}
# Caps the text kept per item (PostgreSQL's tsvector holds at most 1 MB).
MAX_BODY_LENGTH = 200_000
_DOC_LINK_RE = re.compile(r'<a[^>]*linktype="document"[^>]*\bid="(\d+)"')


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

    @property
    def digest(self) -> str:
        """A fingerprint of the record, for finding stale entries in the index."""
        data = asdict(self)
        data["date"] = self.date.isoformat() if self.date else None
        raw = json.dumps(data, sort_keys=True, ensure_ascii=False)
        return hashlib.sha256(raw.encode()).hexdigest()[:32]


PageAdapter = Callable[[Page], Record]
_page_adapters: dict[str, PageAdapter] = {}


def register(model_label: str):
    """Register a function that builds the record for one page type (``app.Model``)."""

    def decorator(func: PageAdapter) -> PageAdapter:
        _page_adapters[model_label.lower()] = func
        return func

    return decorator


def page_key(pk: int) -> str:
    return f"page:{pk}"


def document_key(pk: int) -> str:
    return f"document:{pk}"


# Public-ness ------------------------------------------------------------------------------


def public_pages():
    """Visible pages (``visibility.rules``): the only pages the index may hold."""
    return visible()


def is_public_page(page: Page) -> bool:
    return is_visible(page)


def public_documents():
    """Public documents (``visibility.rules``): the only documents the index may hold."""
    return rules_public_documents()


def is_public_document(document) -> bool:
    return rules_is_public_document(document)


# Text -------------------------------------------------------------------------------------


def _plain(value) -> str:
    if value is None:
        return ""
    return " ".join(strip_tags(str(value)).split())


def _walk_stream(block, raw, texts: list[str], doc_ids: set[int]) -> None:
    """Collect text and document ids from a StreamField's stored JSON, guided by its blocks.

    Reading the stored JSON rather than the bound blocks avoids building every block value
    (and a database query per chooser), which matters when the whole site is reindexed.
    """
    if raw is None:
        return
    if isinstance(block, wagtail_blocks.StreamBlock):
        for item in raw if isinstance(raw, list | tuple) else list(raw):
            if isinstance(item, dict) and item.get("type") in block.child_blocks:
                _walk_stream(block.child_blocks[item["type"]], item.get("value"), texts, doc_ids)
    elif isinstance(block, wagtail_blocks.ListBlock):
        for item in raw if isinstance(raw, list | tuple) else []:
            if isinstance(item, dict) and item.get("type") == "item" and "value" in item:
                item = item["value"]
            _walk_stream(block.child_block, item, texts, doc_ids)
    elif isinstance(block, wagtail_blocks.StructBlock):
        if isinstance(raw, dict):
            for name, child in block.child_blocks.items():
                _walk_stream(child, raw.get(name), texts, doc_ids)
    elif isinstance(block, DocumentChooserBlock):
        if isinstance(raw, int):
            doc_ids.add(raw)
    elif isinstance(block, wagtail_blocks.RichTextBlock):
        if isinstance(raw, str):
            texts.append(_plain(raw))
            doc_ids.update(int(i) for i in _DOC_LINK_RE.findall(raw))
    elif isinstance(block, wagtail_blocks.CharBlock | wagtail_blocks.TextBlock) and isinstance(
        raw, str
    ):
        texts.append(raw)


def _stream_content(obj, model_field) -> tuple[list[str], set[int]]:
    texts: list[str] = []
    doc_ids: set[int] = set()
    value = getattr(obj, model_field.name, None)
    if value is not None:
        raw = getattr(value, "raw_data", value)
        _walk_stream(model_field.stream_block, raw, texts, doc_ids)
    return [t for t in texts if t], doc_ids


def _field_text(obj, model_field) -> list[str]:
    value = getattr(obj, model_field.name, None)
    if value is None:
        return []
    if isinstance(model_field, StreamField):
        return _stream_content(obj, model_field)[0]
    if isinstance(model_field, RichTextField):
        return [_plain(value)]
    if isinstance(model_field, models.TextField | models.CharField):
        if model_field.choices:
            display = getattr(obj, f"get_{model_field.name}_display", None)
            return [str(display())] if display else []
        return [_plain(value)]
    return []


def _search_field_names(model) -> set[str]:
    names = set()
    for search_field in getattr(model, "search_fields", []):
        if isinstance(search_field, index.SearchField):
            names.add(search_field.field_name)
    return names


_PAGE_BASE_FIELDS = {f.name for f in Page._meta.get_fields()}


def page_text(page: Page) -> str:
    """All readable text of a page's live content, except the title, flattened."""
    parts: list[str] = []
    model = type(page)
    wanted = _search_field_names(model)
    for model_field in model._meta.concrete_fields:
        if model_field.name in _PAGE_BASE_FIELDS and model_field.name != "search_description":
            continue
        if (
            isinstance(model_field, StreamField | RichTextField)
            or model_field.name in wanted
            or model_field.name == "search_description"
        ):
            parts.extend(_field_text(page, model_field))
    for child in _child_objects(page):
        for model_field in type(child)._meta.concrete_fields:
            if model_field.name in _SKIP_CHILD_FIELDS or not isinstance(
                model_field, models.TextField | models.CharField | StreamField | RichTextField
            ):
                continue
            if isinstance(model_field, models.CharField) and model_field.name.endswith("_id"):
                continue
            parts.extend(_field_text(child, model_field))
    for document in linked_documents(page):
        parts.append(document.title)
        parts.append(document.extracted_text or "")
    return "\n".join(p for p in parts if p)


def _child_objects(obj) -> Iterator[models.Model]:
    """Inline children (ParentalKey relations) of a page or of a child, recursively.

    Wagtail's own relations (comments) and tag links are not content.
    """
    for relation in type(obj)._meta.related_objects:
        if not isinstance(relation.remote_field, ParentalKey):
            continue
        if relation.related_model._meta.app_label == "wagtailcore" or issubclass(
            relation.related_model, ItemBase
        ):
            continue
        accessor = relation.get_accessor_name()
        manager = getattr(obj, accessor, None)
        if manager is None:
            continue
        for child in manager.all():
            yield child
            yield from _child_objects(child)


def _walk_document_ids(value, found: set[int]) -> None:
    """Collect document ids from stream values, lists, dicts and rich text."""
    Document = get_document_model()
    if isinstance(value, Document):
        found.add(value.pk)
    elif hasattr(value, "raw_data") and hasattr(value, "__iter__"):  # StreamValue
        for block in value:
            _walk_document_ids(block.value, found)
    elif hasattr(value, "source") and isinstance(getattr(value, "source", None), str):
        found.update(int(i) for i in _DOC_LINK_RE.findall(value.source))
    elif isinstance(value, str):
        found.update(int(i) for i in _DOC_LINK_RE.findall(value))
    elif isinstance(value, dict):
        for v in value.values():
            _walk_document_ids(v, found)
    elif isinstance(value, list | tuple) or hasattr(value, "bound_blocks"):
        for v in value:
            _walk_document_ids(getattr(v, "value", v), found)


def linked_document_ids(page: Page) -> set[int]:
    """Documents a page's live content points to: chooser blocks, rich-text links, foreign keys."""
    Document = get_document_model()
    found: set[int] = set()
    objects = [page, *_child_objects(page)]
    for obj in objects:
        for model_field in type(obj)._meta.concrete_fields:
            if isinstance(model_field, models.ForeignKey) and model_field.related_model is Document:
                doc_id = getattr(obj, model_field.attname)
                if doc_id:
                    found.add(doc_id)
            elif isinstance(model_field, StreamField):
                found.update(_stream_content(obj, model_field)[1])
            elif isinstance(model_field, RichTextField | models.TextField):
                _walk_document_ids(getattr(obj, model_field.name, None), found)
    for relation in type(page)._meta.many_to_many:
        if relation.related_model is Document:
            found.update(getattr(page, relation.name).values_list("pk", flat=True))
    return found


def linked_documents(page: Page):
    ids = linked_document_ids(page)
    if not ids:
        return []
    bulk = _bulk.get()
    if bulk is not None:
        ids &= bulk.public_document_ids
        if not ids:
            return []
        return list(get_document_model().objects.filter(pk__in=ids).order_by("pk"))
    return list(public_documents().filter(pk__in=ids).order_by("pk"))


@dataclass
class _BulkLookups:
    """Lookups computed once while building every record (rebuild, check)."""

    councils: dict  # path -> CouncilPage
    public_document_ids: set[int]


_bulk: ContextVar[_BulkLookups | None] = ContextVar("site_search_bulk", default=None)


# Facts ------------------------------------------------------------------------------------


def council_of(page: Page):
    """The council page a page belongs to (itself for a council page), or None."""
    CouncilPage = apps.get_model("council_pages", "CouncilPage")
    if isinstance(page, CouncilPage):
        return page
    bulk = _bulk.get()
    if bulk is not None:
        for path in reversed(_ancestor_paths(page)):
            if path in bulk.councils:
                return bulk.councils[path]
        return None
    return CouncilPage.objects.filter(path__in=_ancestor_paths(page)).order_by("-depth").first()


def _ancestor_paths(page: Page) -> list[str]:
    step = page.steplen
    return [page.path[: step * d] for d in range(1, page.depth)]


def _page_date(page: Page) -> date | None:
    for name in DATE_FIELD_NAMES:
        value = getattr(page, name, None)
        if isinstance(value, datetime):
            return value.date()
        if isinstance(value, date):
            return value
    year = _page_year_field(page)
    if year:
        return date(year, 12, 31)
    when = page.first_published_at or page.last_published_at
    return when.date() if when else None


def _page_year_field(page: Page) -> int | None:
    for name in YEAR_FIELD_NAMES:
        value = getattr(page, name, None)
        if isinstance(value, int) and not isinstance(value, bool):
            return value
    return None


def _target_groups(obj) -> list[str]:
    manager = getattr(obj, "target_groups", None)
    if manager is None or not hasattr(manager, "all"):
        return []
    return sorted({tag.slug for tag in manager.all()})


def kind_of(page: Page) -> str:
    return PAGE_KINDS.get(page._meta.label_lower, DEFAULT_PAGE_KIND)


def default_page_record(page: Page) -> Record:
    """The record for any page type: title, flattened text, council, date and target groups."""
    council = council_of(page)
    record_date = _page_date(page)
    return Record(
        key=page_key(page.pk),
        kind=kind_of(page),
        title=page.title,
        url=page.get_url() or page.url_path,
        body=page_text(page)[:MAX_BODY_LENGTH],
        council=council.slug if council else "",
        council_label=council.title if council else "",
        municipality=getattr(council, "municipality", "") if council else "",
        date=record_date,
        year=_page_year_field(page) or (record_date.year if record_date else None),
        target_groups=_target_groups(page),
    )


def page_record(page: Page) -> Record:
    page = page.specific
    adapter = _page_adapters.get(page._meta.label_lower, default_page_record)
    return adapter(page)


def document_record(document) -> Record:
    """A document is a hit of its own: its title and the text extracted from the file."""
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
        document = public_documents().select_related("council").filter(pk=pk).first()
        return document_record(document) if document else None
    return None


def all_records() -> Iterable[Record]:
    """Every record the index should hold, built from the live, public tree."""
    CouncilPage = apps.get_model("council_pages", "CouncilPage")
    lookups = _BulkLookups(
        councils={c.path: c for c in CouncilPage.objects.all()},
        public_document_ids=set(public_documents().values_list("pk", flat=True)),
    )
    token = _bulk.set(lookups)
    try:
        for page in public_pages().specific().iterator(chunk_size=500):
            yield page_record(page)
    finally:
        _bulk.reset(token)
    for document in public_documents().select_related("council").iterator(chunk_size=500):
        yield document_record(document)

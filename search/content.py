"""The text of a page's live content, and the documents it links to, for its index record.

Collected generically: every StreamField and rich-text field, every field named in the page's
Wagtail ``search_fields``, the text of inline children (agenda items, members, minority
opinions ...) and the extracted text of every public document the page links to.
"""

import re
from collections.abc import Iterator
from contextvars import ContextVar
from dataclasses import dataclass

from django.db import models
from modelcluster.fields import ParentalKey
from taggit.models import ItemBase
from wagtail import blocks as wagtail_blocks
from wagtail.documents import get_document_model
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from council_pages.readability import html_text
from search.records import Attachment
from visibility.rules import public_documents

# Fields that are not prose, skipped when collecting text from inline children.
_SKIP_CHILD_FIELDS = {"sort_order", "slug", "anchor", "url"}
_DOC_LINK_RE = re.compile(r'<a[^>]*linktype="document"[^>]*\bid="(\d+)"')


@dataclass
class BulkLookups:
    """Lookups computed once while building every record (rebuild, check)."""

    councils: dict  # path -> CouncilPage
    public_document_ids: set[int]


bulk_lookups: ContextVar[BulkLookups | None] = ContextVar("site_search_bulk", default=None)


def _plain(value) -> str:
    """Rich text (HTML) as plain text, on one line: ``html_text`` decodes "&amp;" once (so the
    snippet's own escaping is the only one) and keeps paragraphs and list items apart."""
    return " ".join(html_text(str(value)).split()) if value is not None else ""


def _text(value) -> str:
    """A plain-text field as it is: "<" there is a character, not the start of a tag."""
    return " ".join(str(value).split()) if value is not None else ""


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
        return [_text(value)]
    return []


def _search_field_names(model) -> set[str]:
    names = set()
    for search_field in getattr(model, "search_fields", []):
        if isinstance(search_field, index.SearchField):
            names.add(search_field.field_name)
    return names


_PAGE_BASE_FIELDS = {f.name for f in Page._meta.get_fields()}


def page_content(page: Page) -> tuple[str, list[Attachment]]:
    """All readable text of a page's live content, except the title, flattened; and where each
    linked document's part of it is.

    The page's own text comes first, then each public document it links to: its title and its
    extracted text, one :class:`~search.records.Attachment` each, with the offsets of that part.
    """
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
    body = "\n".join(p for p in parts if p)
    attachments = []
    for document in linked_documents(page):
        part = "\n".join(p for p in (document.title, document.extracted_text or "") if p)
        if not part:
            continue
        if body:
            body += "\n"
        start = len(body)
        body += part
        attachments.append(Attachment(document.title, document.url, start, len(body)))
    return body, attachments


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
    bulk = bulk_lookups.get()
    if bulk is not None:
        ids &= bulk.public_document_ids
        if not ids:
            return []
        return list(get_document_model().objects.filter(pk__in=ids).order_by("pk"))
    return list(public_documents().filter(pk__in=ids).order_by("pk"))

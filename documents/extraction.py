"""Reading the text and metadata out of uploaded files.

PDFs are read with pypdf; DOCX and ODT are ZIP archives of XML, read with the standard library
through defusedxml. Spreadsheets and images carry no running text worth indexing, so only their
file details are kept. Every reader is bounded: a file can never make the worker read more than
``MAX_XML_BYTES`` of XML or keep more than ``MAX_TEXT_CHARS`` of text.
"""

import re
import zipfile
from dataclasses import dataclass

from defusedxml import ElementTree
from pypdf import PdfReader

from documents.filetypes import read_zip_entry

# Annual reports run to a few hundred thousand characters; this keeps room for far larger ones.
MAX_TEXT_CHARS = 2_000_000
MAX_XML_BYTES = 50 * 1024 * 1024

W_NS = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
DC_NS = "{http://purl.org/dc/elements/1.1/}"
TEXT_NS = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"
META_NS = "{urn:oasis:names:tc:opendocument:xmlns:meta:1.0}"
OFFICE_NS = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}"
EXTENDED_NS = "{http://schemas.openxmlformats.org/officeDocument/2006/extended-properties}"

_BLANK_LINES = re.compile(r"\n{3,}")
_SPACES = re.compile(r"[ \t\f\v\u00a0]+")

# Between the pages of a PDF's text: a form feed on a line of its own, so that whoever reads the
# text (the privacy guard) can tell on which page something stands. Search treats it as a space.
PAGE_BREAK = "\f"


@dataclass
class Extracted:
    """What was read from a file. ``has_text_layer`` is None for files that are not PDFs."""

    text: str = ""
    page_count: int | None = None
    has_text_layer: bool | None = None
    title: str = ""
    language: str = ""


def extract(fileobj, kind_key: str) -> Extracted:
    """Read text and metadata from an open binary file of the given kind (see ``filetypes``)."""
    reader = _READERS.get(kind_key)
    if reader is None:
        return Extracted()
    fileobj.seek(0)
    result = reader(fileobj)
    result.text = tidy_text(result.text)
    result.title = result.title.strip()[:255]
    result.language = result.language.strip()[:35]
    return result


def tidy_text(text: str) -> str:
    pages = [_tidy_page(page) for page in text.split(PAGE_BREAK)]
    if not any(pages):
        return ""
    return f"\n{PAGE_BREAK}\n".join(pages)[:MAX_TEXT_CHARS]


def text_pages(text: str) -> list[str]:
    """The text of each page of a PDF's extracted text (one item for other files)."""
    return [page.strip("\n") for page in text.split(PAGE_BREAK)]


def _tidy_page(text: str) -> str:
    lines = (_SPACES.sub(" ", line).strip() for line in text.replace("\r", "\n").split("\n"))
    return _BLANK_LINES.sub("\n\n", "\n".join(lines)).strip()


def _extract_pdf(fileobj) -> Extracted:
    reader = PdfReader(fileobj)
    if reader.is_encrypted:
        reader.decrypt("")
    texts = []
    length = 0
    for page in reader.pages:
        text = page.extract_text() or ""
        texts.append(text)
        length += len(text)
        if length > MAX_TEXT_CHARS:
            break
    text = PAGE_BREAK.join(texts)
    title = ""
    metadata = reader.metadata
    if metadata is not None and metadata.title:
        title = str(metadata.title)
    if not title:
        xmp = reader.xmp_metadata
        if xmp is not None and xmp.dc_title:
            title = next(iter(xmp.dc_title.values()), "") or ""
    language = reader.root_object.get("/Lang") or ""
    return Extracted(
        text=text,
        page_count=len(reader.pages),
        has_text_layer=bool(text.strip()),
        title=str(title),
        language=str(language),
    )


def _read_xml(archive: zipfile.ZipFile, name: str):
    data = read_zip_entry(archive, name, MAX_XML_BYTES)
    return None if data is None else ElementTree.fromstring(data)


def _extract_docx(fileobj) -> Extracted:
    with zipfile.ZipFile(fileobj) as archive:
        document = _read_xml(archive, "word/document.xml")
        core = _read_xml(archive, "docProps/core.xml")
        app = _read_xml(archive, "docProps/app.xml")
    paragraphs = []
    if document is not None:
        for paragraph in document.iter(f"{W_NS}p"):
            parts = []
            for node in paragraph.iter():
                if node.tag == f"{W_NS}t" and node.text:
                    parts.append(node.text)
                elif node.tag == f"{W_NS}tab":
                    parts.append("\t")
                elif node.tag in (f"{W_NS}br", f"{W_NS}cr"):
                    parts.append("\n")
            paragraphs.append("".join(parts))
    result = Extracted(text="\n".join(paragraphs))
    if core is not None:
        result.title = core.findtext(f"{DC_NS}title") or ""
        result.language = core.findtext(f"{DC_NS}language") or ""
    if app is not None:
        result.page_count = _to_int(app.findtext(f"{EXTENDED_NS}Pages"))
    return result


def _extract_odt(fileobj) -> Extracted:
    with zipfile.ZipFile(fileobj) as archive:
        content = _read_xml(archive, "content.xml")
        meta = _read_xml(archive, "meta.xml")
    paragraphs = []
    if content is not None:
        for node in content.iter():
            if node.tag in (f"{TEXT_NS}p", f"{TEXT_NS}h"):
                paragraphs.append("".join(_odf_text(node)))
    result = Extracted(text="\n".join(paragraphs))
    if meta is not None:
        info = meta.find(f"{OFFICE_NS}meta")
        if info is not None:
            result.title = info.findtext(f"{DC_NS}title") or ""
            result.language = info.findtext(f"{DC_NS}language") or ""
            statistics = info.find(f"{META_NS}document-statistic")
            if statistics is not None:
                result.page_count = _to_int(statistics.get(f"{META_NS}page-count"))
    return result


def _odf_text(node):
    """The text of an ODF paragraph, with its spaces, tabs and line breaks, but not nested ones."""
    if node.text:
        yield node.text
    for child in node:
        if child.tag == f"{TEXT_NS}s":
            yield " " * (_to_int(child.get(f"{TEXT_NS}c")) or 1)
        elif child.tag == f"{TEXT_NS}tab":
            yield "\t"
        elif child.tag == f"{TEXT_NS}line-break":
            yield "\n"
        elif child.tag not in (f"{TEXT_NS}p", f"{TEXT_NS}h", f"{OFFICE_NS}annotation"):
            yield from _odf_text(child)
        if child.tail:
            yield child.tail


def _to_int(value) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


_READERS = {"pdf": _extract_pdf, "docx": _extract_docx, "odt": _extract_odt}

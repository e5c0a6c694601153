"""The file types councils may publish, and how each is recognised from its bytes.

Only the content decides the type; the file name's extension must then agree with it. PNG, JPEG
and PDF start with fixed signatures. DOCX/XLSX (Office Open XML) and ODT/ODS (OpenDocument) are
all ZIP archives, so the ZIP signature alone says nothing: OpenDocument stores its exact media
type in an uncompressed first entry called ``mimetype``, and Office Open XML declares the content
type of its main part in ``[Content_Types].xml``. Reading those two entries tells a Word document
from a spreadsheet, and both from a macro-enabled file (``.docm``/``.xlsm``), which is refused.
"""

import zipfile
from dataclasses import dataclass

from defusedxml import ElementTree
from django.utils.translation import gettext_lazy as _

# Bytes read from the start of a file to recognise it; a PDF header may sit anywhere in the
# first 1024 bytes (ISO 32000-1, annex H.3).
HEAD_SIZE = 1024
# Upper bound on the size of the small ZIP entries read while sniffing (bytes, uncompressed).
SNIFF_ENTRY_LIMIT = 1024 * 1024


@dataclass(frozen=True)
class FileKind:
    """One allowed file type: its short name, Danish label, extensions and media type."""

    key: str
    label: object  # a lazy Danish string
    extensions: tuple[str, ...]
    content_type: str

    @property
    def main_extension(self) -> str:
        return self.extensions[0]


PDF = FileKind("pdf", _("PDF"), ("pdf",), "application/pdf")
DOCX = FileKind(
    "docx",
    _("Word (DOCX)"),
    ("docx",),
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
)
ODT = FileKind(
    "odt", _("OpenDocument-tekst (ODT)"), ("odt",), "application/vnd.oasis.opendocument.text"
)
XLSX = FileKind(
    "xlsx",
    _("Excel (XLSX)"),
    ("xlsx",),
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
)
ODS = FileKind(
    "ods",
    _("OpenDocument-regneark (ODS)"),
    ("ods",),
    "application/vnd.oasis.opendocument.spreadsheet",
)
PNG = FileKind("png", _("PNG-billede"), ("png",), "image/png")
JPEG = FileKind("jpeg", _("JPEG-billede"), ("jpg", "jpeg"), "image/jpeg")

ALLOWED_KINDS = (PDF, DOCX, ODT, XLSX, ODS, PNG, JPEG)
# Kinds that may be a scan: without a text layer, their text is read by OCR (documents.ocr).
SCANNABLE_KINDS = frozenset({PDF.key, PNG.key, JPEG.key})
KINDS_BY_KEY = {kind.key: kind for kind in ALLOWED_KINDS}
KINDS_BY_EXTENSION = {ext: kind for kind in ALLOWED_KINDS for ext in kind.extensions}

ALLOWED_TYPES_TEXT = _(
    "PDF, Word (DOCX), OpenDocument-tekst (ODT), Excel (XLSX), "
    "OpenDocument-regneark (ODS), PNG og JPEG"
)

_ODF_MEDIA_TYPES = {ODT.content_type: ODT, ODS.content_type: ODS}
_OOXML_MAIN_PART_TYPES = {
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml": DOCX,
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml": XLSX,
}


def kind_for_extension(extension: str) -> FileKind | None:
    return KINDS_BY_EXTENSION.get(extension.lower().lstrip("."))


def sniff(fileobj) -> FileKind | None:
    """Recognise an allowed file type from the content of an open binary file, or None.

    Leaves the file positioned at its start.
    """
    fileobj.seek(0)
    head = fileobj.read(HEAD_SIZE)
    fileobj.seek(0)
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return PNG
    if head.startswith(b"\xff\xd8\xff"):
        return JPEG
    if b"%PDF-" in head:
        return PDF
    if head.startswith(b"PK\x03\x04"):
        try:
            return _sniff_zip(fileobj)
        finally:
            fileobj.seek(0)
    return None


def read_zip_entry(archive: zipfile.ZipFile, name: str, limit: int) -> bytes | None:
    """The bytes of one archive member, or None if it is missing or larger than ``limit``.

    The declared size is checked first, and never more than ``limit`` bytes are read, whatever
    the archive claims.
    """
    try:
        info = archive.getinfo(name)
    except KeyError:
        return None
    if info.file_size > limit:
        return None
    with archive.open(info) as entry:
        return entry.read(limit + 1)[:limit]


def _sniff_zip(fileobj) -> FileKind | None:
    try:
        with zipfile.ZipFile(fileobj) as archive:
            mimetype = read_zip_entry(archive, "mimetype", SNIFF_ENTRY_LIMIT)
            if mimetype is not None:
                return _ODF_MEDIA_TYPES.get(mimetype.decode("ascii", "replace").strip())
            content_types = read_zip_entry(archive, "[Content_Types].xml", SNIFF_ENTRY_LIMIT)
            if content_types is None:
                return None
            root = ElementTree.fromstring(content_types)
    except Exception:
        # Damaged, encrypted or exotic archives (zipfile and zlib raise many exception types)
        # are simply not a type we recognise.
        return None
    # Defused parsing refuses DTDs and entity tricks (they raise and count as "not recognised").
    found = {
        _OOXML_MAIN_PART_TYPES.get(element.get("ContentType", ""))
        for element in root
        if element.tag.endswith("}Override")
    } - {None}
    return found.pop() if len(found) == 1 else None

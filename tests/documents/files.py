"""Real files of every kind, built in memory for the tests (no fixtures on disk)."""

import io
import zipfile

from PIL import Image
from pypdf import PdfWriter
from pypdf.generic import (
    ArrayObject,
    DictionaryObject,
    NameObject,
    NumberObject,
    TextStringObject,
)

from documents.demo import build_pdf as _pdf


def _escape(text: str) -> bytes:
    raw = text.encode("cp1252")
    return raw.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")


def text_stream(*lines: str) -> bytes:
    parts = [b"BT /F1 12 Tf 72 760 Td 14 TL"]
    for line in lines:
        parts.append(b"(" + _escape(line) + b") Tj T*")
    parts.append(b"ET")
    return b" ".join(parts)


def pdf_with_text(*lines, pages=1, title="Høringssvar", language="da-DK") -> bytes:
    return _pdf([text_stream(*lines)] * pages, title=title, language=language)


def scanned_pdf(pages=2) -> bytes:
    """A PDF with only drawing operations, like a scan: no text layer, no title, no language."""
    drawing = b"0.5 g 72 72 451 698 re f 0 g 100 700 m 400 700 l S"
    return _pdf([drawing] * pages)


def scan_of(*lines, fmt="PDF") -> bytes:
    """A scan: the lines drawn as pixels on an A4 page at 150 dpi, with no text layer.

    Saved as a one-page PDF (as a scanner writes it) or as an image (``fmt="PNG"``).
    """
    from PIL import ImageDraw, ImageFont

    page = Image.new("L", (1240, 1754), 255)
    draw = ImageDraw.Draw(page)
    font = ImageFont.truetype("DejaVuSans.ttf", 30)  # Debian fonts-dejavu-core: æ, ø and å
    for number, line in enumerate(lines):
        draw.text((120, 150 + 60 * number), line, font=font, fill=0)
    buffer = io.BytesIO()
    page.save(buffer, format=fmt, resolution=150)
    return buffer.getvalue()


def pdf_with_javascript() -> bytes:
    """Document-level JavaScript in the catalog's name tree, run when the file opens."""

    def add_js(writer):
        action = DictionaryObject(
            {
                NameObject("/Type"): NameObject("/Action"),
                NameObject("/S"): NameObject("/JavaScript"),
                NameObject("/JS"): TextStringObject("app.alert('Hej');"),
            }
        )
        names = ArrayObject([TextStringObject("init"), writer._add_object(action)])
        writer._root_object[NameObject("/Names")] = DictionaryObject(
            {NameObject("/JavaScript"): DictionaryObject({NameObject("/Names"): names})}
        )

    return _pdf([text_stream("Dagsorden")], title="Dagsorden", language="da", extra=add_js)


def pdf_with_launch_action() -> bytes:
    """Launch action hidden in a link annotation on the page (not the open action)."""

    def add_launch(writer):
        action = DictionaryObject(
            {
                NameObject("/Type"): NameObject("/Action"),
                NameObject("/S"): NameObject("/Launch"),
                NameObject("/F"): TextStringObject("cmd.exe"),
            }
        )
        annotation = DictionaryObject(
            {
                NameObject("/Type"): NameObject("/Annot"),
                NameObject("/Subtype"): NameObject("/Link"),
                NameObject("/Rect"): ArrayObject([NumberObject(n) for n in (0, 0, 100, 100)]),
                NameObject("/A"): writer._add_object(action),
            }
        )
        writer.pages[0][NameObject("/Annots")] = ArrayObject([writer._add_object(annotation)])

    return _pdf([text_stream("Referat")], title="Referat", language="da", extra=add_launch)


def html_named_pdf() -> bytes:
    return b"<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>"


DOCX_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
DOCM_MAIN = "application/vnd.ms-word.document.macroEnabled.main+xml"


def docx(*paragraphs, title="Årsrapport 2009", main_type=DOCX_MAIN) -> bytes:
    body = "".join(f"<w:p><w:r><w:t>{p}</w:t></w:r></w:p>" for p in paragraphs)
    files = {
        "[Content_Types].xml": (
            '<?xml version="1.0" encoding="UTF-8"?>'
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="xml" ContentType="application/xml"/>'
            f'<Override PartName="/word/document.xml" ContentType="{main_type}"/>'
            '<Override PartName="/docProps/core.xml" '
            'ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>'
            "</Types>"
        ),
        "word/document.xml": (
            '<?xml version="1.0" encoding="UTF-8"?>'
            '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
            f"<w:body>{body}</w:body></w:document>"
        ),
        "docProps/core.xml": (
            '<?xml version="1.0" encoding="UTF-8"?>'
            '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/'
            'metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/">'
            f"<dc:title>{title}</dc:title><dc:language>da-DK</dc:language>"
            "</cp:coreProperties>"
        ),
    }
    return _zip(files)


def odt(*paragraphs, title="Referat") -> bytes:
    body = "".join(f"<text:p>{p}</text:p>" for p in paragraphs)
    return _zip(
        {
            "mimetype": "application/vnd.oasis.opendocument.text",
            "content.xml": (
                '<?xml version="1.0" encoding="UTF-8"?>'
                '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:'
                'office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0">'
                f"<office:body><office:text>{body}</office:text></office:body>"
                "</office:document-content>"
            ),
            "meta.xml": (
                '<?xml version="1.0" encoding="UTF-8"?>'
                '<office:document-meta xmlns:office="urn:oasis:names:tc:opendocument:xmlns:'
                'office:1.0" xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0" '
                'xmlns:dc="http://purl.org/dc/elements/1.1/"><office:meta>'
                f"<dc:title>{title}</dc:title><dc:language>da</dc:language>"
                '<meta:document-statistic meta:page-count="3"/>'
                "</office:meta></office:document-meta>"
            ),
        }
    )


def ods() -> bytes:
    return _zip(
        {
            "mimetype": "application/vnd.oasis.opendocument.spreadsheet",
            "content.xml": '<?xml version="1.0" encoding="UTF-8"?><x/>',
        }
    )


def xlsx() -> bytes:
    from openpyxl import Workbook

    workbook = Workbook()
    workbook.active["A1"] = "Budget 2010"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def image(fmt="PNG") -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (4, 4), (200, 30, 30)).save(buffer, format=fmt)
    return buffer.getvalue()


def _zip(files: dict[str, str]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, content in files.items():
            compression = zipfile.ZIP_STORED if name == "mimetype" else zipfile.ZIP_DEFLATED
            archive.writestr(name, content, compress_type=compression)
    return buffer.getvalue()


def encrypted_pdf(*, user_password="", owner_password="ejer-kode") -> bytes:  # noqa: S107
    """An AES-encrypted PDF; with an empty user password anyone can open it (print limits only)."""
    from pypdf import PdfReader

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf_with_text("Låst høringssvar"))))
    writer.encrypt(user_password, owner_password, algorithm="AES-256")
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def pdf_with_disguised_javascript() -> bytes:
    """The JavaScript PDF with its names written in hex escapes (/J#61vaScript), as malware does.

    Byte offsets shift, so the cross-reference table no longer fits; readers (pypdf too)
    rebuild it, and so must the check.
    """
    raw = pdf_with_javascript()
    return raw.replace(b"/JavaScript", b"/J#61vaScript").replace(b"/JS ", b"/J#53 ")

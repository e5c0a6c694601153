"""Demo step: a few council documents that show what the documents app does.

- Odense's annual report for 2009 as an accessible PDF (title, language, text layer),
  attached to the council's annual report page, so it is public and its text is searchable;
- a scanned set of minutes from Herning with no text layer, which the admin flags as not
  accessible and which stays private because no page links to it;
- a Word memo from Vejle, private until a page links to it.

Files are built here with pypdf and zipfile, so the demo needs no binary fixtures. Idempotent:
a document is found again by its collection and title and never re-uploaded.
"""

import io
import zipfile
from xml.sax.saxutils import escape

from django.apps import apps
from django.core.files.base import ContentFile
from pypdf import PdfWriter
from pypdf.generic import DictionaryObject, NameObject, StreamObject, TextStringObject

from documents.collections import council_collection
from documents.models import CouncilDocument
from documents.validation import clean_filename

ANNUAL_REPORT_LINES = [
    "Årsrapport 2009",
    "Rådet for Socialt Udsatte i Odense",
    "",
    "I januar valgte rådet årets fokusområder: unge hjemløse, fattigdom, prostitution,",
    "misbrug sammen med psykisk sygdom, og at brugerne kommer med, når kommunen",
    "følger sine strategier op. I marts gav rådet sine kommentarer til kommunens",
    "planer, og i november gjorde rådet status på et seminar.",
    "",
    "Rådet foreslår byrådet flere akutpladser om vinteren og en plan for unge hjemløse.",
]

MEMO_PARAGRAPHS = [
    "Notat om åbningstider på værestederne",
    "Flere brugere har fortalt rådet, at de mangler et sted at være om aftenen og i "
    "weekenden. Rådet vil bede forvaltningen undersøge, om et af værestederne kan holde "
    "længere åbent.",
    "Sagen tages op på næste møde under punktet Til drøftelse.",
]


def load(ctx):
    odense = ctx.councils.get("odense")
    herning = ctx.councils.get("herning")
    vejle = ctx.councils.get("vejle")
    if odense is not None:
        report = _document(
            odense,
            "Årsrapport 2009 (PDF)",
            "Årsrapport 2009.pdf",
            lambda: text_pdf(ANNUAL_REPORT_LINES, title="Årsrapport 2009", language="da-DK"),
        )
        _attach_to_annual_report(odense, report)
    if herning is not None:
        _document(
            herning,
            "Referat 24. november 2009 (scannet)",
            "Referat 24-11-2009.pdf",
            lambda: scanned_pdf(pages=2),
        )
    if vejle is not None:
        _document(
            vejle,
            "Notat om åbningstider på værestederne",
            "Notat om åbningstider.docx",
            lambda: word_document(MEMO_PARAGRAPHS),
        )
    ctx.log("Dokumenter: årsrapport (Odense), scannet referat (Herning), notat (Vejle).")


def _document(council, title, filename, build):
    collection = council_collection(council)
    document = CouncilDocument.objects.filter(collection=collection, title=title).first()
    if document is None:
        document = CouncilDocument(
            title=title, collection=collection, original_filename=clean_filename(filename)
        )
        document.file.save(filename, ContentFile(build()), save=False)
        document.save()
    return document


def _attach_to_annual_report(council, document):
    """Link the PDF from the council's annual report page (if the content step made one)."""
    try:
        model = apps.get_model("council_pages", "AnnualReportPage")
    except LookupError:
        return
    page = model.objects.descendant_of(council).filter(slug="2009").first()
    if page is None or page.pdf_id == document.pk:
        return
    page.pdf = document
    page.save_revision().publish()


def text_pdf(lines, *, title="", language="") -> bytes:
    """A one-page PDF with real text in Helvetica, with title and language if given."""
    operations = [b"BT /F1 12 Tf 72 760 Td 16 TL"]
    for line in lines:
        escaped = line.encode("cp1252").replace(b"\\", b"\\\\")
        escaped = escaped.replace(b"(", b"\\(").replace(b")", b"\\)")
        operations.append(b"(" + escaped + b") Tj T*")
    operations.append(b"ET")
    return build_pdf([b" ".join(operations)], title=title, language=language)


def scanned_pdf(pages=1) -> bytes:
    """A PDF of grey boxes and lines only, like a scan: no text layer and no metadata."""
    return build_pdf([b"0.85 g 72 72 451 698 re f 0 g 100 700 m 480 700 l S"] * pages)


def build_pdf(contents, *, title="", language="", extra=None) -> bytes:
    """A real PDF whose pages draw the given content streams with Helvetica (WinAnsi encoding).

    ``extra(writer)``, if given, may add anything else before the file is written (the tests
    use it to plant JavaScript or launch actions).
    """
    writer = PdfWriter()
    font = writer._add_object(
        DictionaryObject(
            {
                NameObject("/Type"): NameObject("/Font"),
                NameObject("/Subtype"): NameObject("/Type1"),
                NameObject("/BaseFont"): NameObject("/Helvetica"),
                NameObject("/Encoding"): NameObject("/WinAnsiEncoding"),
            }
        )
    )
    for content in contents:
        page = writer.add_blank_page(width=595, height=842)
        page[NameObject("/Resources")] = DictionaryObject(
            {NameObject("/Font"): DictionaryObject({NameObject("/F1"): font})}
        )
        stream = StreamObject()
        stream.set_data(content)
        page[NameObject("/Contents")] = writer._add_object(stream)
    if title:
        writer.add_metadata({"/Title": title})
    if language:
        writer._root_object[NameObject("/Lang")] = TextStringObject(language)
    if extra:
        extra(writer)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def word_document(paragraphs) -> bytes:
    """A minimal DOCX (Office Open XML) with the given paragraphs."""
    body = "".join(
        f"<w:p><w:r><w:t>{escape(paragraph)}</w:t></w:r></w:p>" for paragraph in paragraphs
    )
    parts = {
        "[Content_Types].xml": (
            '<?xml version="1.0" encoding="UTF-8"?>'
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" '
            'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            '<Override PartName="/word/document.xml" ContentType="application/'
            'vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
            "</Types>"
        ),
        "_rels/.rels": (
            '<?xml version="1.0" encoding="UTF-8"?>'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/'
            '2006/relationships/officeDocument" Target="word/document.xml"/>'
            "</Relationships>"
        ),
        "word/document.xml": (
            '<?xml version="1.0" encoding="UTF-8"?>'
            '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
            f"<w:body>{body}</w:body></w:document>"
        ),
    }
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in parts.items():
            archive.writestr(name, content)
    return buffer.getvalue()

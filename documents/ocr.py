"""Text recognition (OCR) for scanned documents: PDFs without a text layer, and images.

A scanned set of minutes has no text for search or the privacy guard to read. The background
task that extracts a document's text (``documents.tasks``) calls ``recognise`` when the file gave
none: each page is drawn at 300 dpi with PDFium (``pypdfium2``) and read by Tesseract
(``pytesseract``, Debian's ``tesseract-ocr`` with ``tesseract-ocr-dan``) in Danish. Where
Tesseract is not installed, or the scan holds no legible text, the result is empty and the
document is flagged "kan ikke kontrolleres for personoplysninger" (``CouncilDocument``).
"""

import logging

import pypdfium2
import pytesseract
from PIL import Image

from documents.extraction import PAGE_BREAK, tidy_text
from documents.filetypes import SCANNABLE_KINDS

logger = logging.getLogger(__name__)

LANGUAGE = "dan"
DPI = 300
# A long scan is read up to here: enough for minutes and hearing material, bounded in time.
MAX_PAGES = 60
# Tesseract's automatic page segmentation: scanned minutes have headings, columns and lists.
TESSERACT_CONFIG = "--psm 3"


class OcrUnavailable(RuntimeError):
    """Tesseract, or its Danish language data, is not installed on this machine."""


def available() -> bool:
    try:
        return LANGUAGE in pytesseract.get_languages(config="")
    except (pytesseract.TesseractNotFoundError, OSError):
        return False


def recognise(fileobj, kind_key: str) -> str:
    """The text Tesseract reads in the file's pages ('' for a kind it does not read)."""
    if kind_key not in SCANNABLE_KINDS:
        return ""
    if not available():
        raise OcrUnavailable("tesseract-ocr with the Danish language data is not installed")
    fileobj.seek(0)
    images = _pdf_pages(fileobj.read()) if kind_key == "pdf" else iter([Image.open(fileobj)])
    pages = []
    for image in images:
        with image:
            pages.append(pytesseract.image_to_string(image, lang=LANGUAGE, config=TESSERACT_CONFIG))
    # The same page separator as the text layer's, so the guard's findings keep page numbers.
    return tidy_text(PAGE_BREAK.join(pages))


def _pdf_pages(data: bytes):
    document = pypdfium2.PdfDocument(data)
    try:
        for index in range(min(len(document), MAX_PAGES)):
            page = document[index]
            try:
                yield page.render(scale=DPI / 72, grayscale=True).to_pil()
            finally:
                page.close()
        if len(document) > MAX_PAGES:
            logger.warning("OCR read the first %s of %s pages", MAX_PAGES, len(document))
    finally:
        document.close()

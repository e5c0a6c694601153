"""Background work on documents, run through django-tasks (``TASKS`` in settings)."""

import logging

from django_tasks import task

from documents import ocr
from documents.extraction import extract
from documents.filetypes import SCANNABLE_KINDS
from documents.models import CouncilDocument, TextStatus
from privacy_guard.detector import contains_cpr_number

logger = logging.getLogger(__name__)


@task()
def extract_document_text(document_id: int, file_hash: str) -> str:
    """Read the text, page count and PDF metadata of one document into its row.

    Enqueued whenever a document's file is new or replaced. ``file_hash`` is the SHA-1 of the
    file the task was queued for: if the file has been replaced again meanwhile, this run does
    nothing and the newer task does the work. Saves with ``update_fields`` so ``post_save``
    listeners (search indexing) see the fresh text.
    """
    document = CouncilDocument.objects.filter(pk=document_id).first()
    if document is None or document.file_hash != file_hash:
        return "skipped"
    fields = [
        "extracted_text",
        "page_count",
        "has_text_layer",
        "pdf_title",
        "pdf_language",
        "text_status",
        "text_extracted_hash",
        "contains_cpr_number",
    ]
    try:
        with document.open_file() as fileobj:
            result = extract(fileobj, document.file_kind)
            if not result.text and document.file_kind in SCANNABLE_KINDS:
                result.text = _recognise(fileobj, document)
    except Exception:
        # A damaged file must not stop the queue: the editor sees "could not be read".
        logger.exception("Could not read the text of document %s", document_id)
        document.text_status = TextStatus.FAILED
        document.text_extracted_hash = file_hash
        document.save(update_fields=["text_status", "text_extracted_hash"])
        return TextStatus.FAILED
    document.extracted_text = result.text
    document.contains_cpr_number = contains_cpr_number(result.text)
    document.page_count = result.page_count
    document.has_text_layer = result.has_text_layer
    document.pdf_title = result.title
    document.pdf_language = result.language
    document.text_status = TextStatus.DONE
    document.text_extracted_hash = file_hash
    document.save(update_fields=fields)
    return TextStatus.DONE


def _recognise(fileobj, document) -> str:
    """A scan's text by OCR; '' (the file is then "cannot be checked") where OCR cannot run."""
    try:
        return ocr.recognise(fileobj, document.file_kind)
    except ocr.OcrUnavailable:
        logger.warning("No OCR for document %s: install tesseract-ocr-dan", document.pk)
        return ""

"""Scans are read by OCR (Tesseract, in Danish) like any other text; unreadable ones are flagged.

The scans are drawn as pixels here (``files.scan_of``), so the only way to their text is OCR.
"""

import html
import io

import pytest
from django.core.management import call_command
from django.urls import reverse

from tests.documents import files

pytestmark = pytest.mark.django_db

CPR_NUMBER = "010190-1234"  # synthetic


def edit_page(client, document):
    response = client.get(reverse("wagtaildocs:edit", args=[document.pk]))
    return html.unescape(response.content.decode())


def test_a_scanned_pdf_is_read_by_ocr_and_can_be_searched(client, upload):
    scan = files.scan_of("Referat af rådets møde", "Rådet drøftede herbergspladser i byen.")
    document = upload("referat.pdf", scan)

    assert document.has_text_layer is False  # still flagged for accessibility
    assert "herbergspladser" in document.extracted_text
    assert "Referat af rådets møde" in document.extracted_text
    assert document.is_searchable
    assert not document.cannot_be_checked
    assert "læst med tekstgenkendelse (OCR)" in edit_page(client, document)


def test_a_photographed_page_is_read_too(upload):
    document = upload("foto.png", files.scan_of("Høringssvar om værestederne", fmt="PNG"))
    assert "Høringssvar om værestederne" in document.extracted_text


def test_a_scan_with_a_cpr_number_never_becomes_public(client, upload, make_page):
    document = upload("klage.pdf", files.scan_of("Klage fra borger", f"CPR-nr. {CPR_NUMBER}"))

    assert document.contains_cpr_number
    assert "Filen indeholder et CPR-nummer" in edit_page(client, document)
    make_page(document)  # a live, public page links to it
    client.logout()
    assert client.get(document.url).status_code == 404


def test_a_scan_without_legible_text_cannot_be_checked_and_says_so(client, upload, make_page):
    document = upload("scannet.pdf", files.scanned_pdf(pages=1), title="Scannet bilag")

    assert document.extracted_text == ""
    assert document.cannot_be_checked
    assert "kan ikke kontrolleres for personoplysninger" in edit_page(client, document)

    # Public through a page, it is on the nightly scan's list until someone has looked at it.
    make_page(document)
    out = io.StringIO()
    with pytest.raises(SystemExit) as exit:
        call_command("privacy_scan", stdout=out)
    assert exit.value.code == 1
    assert "«Scannet bilag» kan ikke kontrolleres for personoplysninger" in out.getvalue()

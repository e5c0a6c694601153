"""A document with a CPR number never becomes public, until a cleaned file replaces it."""

import html

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse

from documents.collections import council_collection
from documents.models import CouncilDocument
from tests.documents import files

pytestmark = pytest.mark.django_db

CPR_NUMBER = "010190-1234"  # synthetic


def upload_form(odense, name, content, title):
    return {
        "title": title,
        "file": SimpleUploadedFile(name, content),
        "collection": council_collection(odense).pk,
    }


def download(client, document):
    response = client.get(document.url)
    if hasattr(response, "streaming_content"):
        b"".join(response.streaming_content)
    return response


def test_a_pdf_with_a_cpr_number_is_refused_to_the_public_until_replaced(
    client, secretary, odense, make_page, django_capture_on_commit_callbacks
):
    client.force_login(secretary)
    dirty = files.pdf_with_text("Bilag om boliger", f"Borger {CPR_NUMBER} har klaget.", pages=2)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("wagtaildocs:add"), upload_form(odense, "b.pdf", dirty, "Bilag")
        )
    assert response.status_code == 302
    document = CouncilDocument.objects.get(title="Bilag")
    assert document.contains_cpr_number

    edit_url = reverse("wagtaildocs:edit", args=[document.pk])
    page = html.unescape(client.get(edit_url).content.decode())
    assert "Filen indeholder et CPR-nummer" in page
    assert "Dokumentet indeholder et CPR-nummer og kan ikke hentes af alle." in page

    make_page(document)  # a live, public page links to it
    assert download(client, document).status_code == 200  # the secretary may still open it
    client.logout()
    assert download(client, document).status_code == 404
    assert document not in CouncilDocument.objects.public()

    client.force_login(secretary)
    clean = files.pdf_with_text("Bilag om boliger", "Borgeren har klaget.", pages=2)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(edit_url, upload_form(odense, "b.pdf", clean, "Bilag"))
    assert response.status_code == 302
    document.refresh_from_db()
    assert not document.contains_cpr_number
    client.logout()
    assert download(client, document).status_code == 200
    assert document in CouncilDocument.objects.public()


def test_dates_and_case_numbers_in_a_pdf_are_no_cpr_number(odense, make_document):
    document = make_document(
        odense, "svar.pdf", files.pdf_with_text("Sag 26/12345 af 22.10.2009, 3.000.000 kr.")
    )
    call_command("extract_document_text", "--all", verbosity=0)
    document.refresh_from_db()
    assert document.extracted_text
    assert not document.contains_cpr_number

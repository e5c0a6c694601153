"""Extracted text, accessibility hints for editors, and how attachments are shown."""

import html
import io
import zipfile

from django.core.management import call_command
from django.template import Context, Template
from django.urls import reverse

from documents.models import TextStatus
from documents.tasks import extract_document_text
from tests.documents import files


def page_text(response):
    return html.unescape(response.content.decode())


def test_docx_text_and_title_are_read(upload):
    document = upload("svar.docx", files.docx("Første afsnit om boliger.", "Andet afsnit."))
    assert document.text_status == TextStatus.DONE
    assert document.extracted_text == "Første afsnit om boliger.\nAndet afsnit."
    assert document.pdf_title == "Årsrapport 2009"
    assert document.has_text_layer is None
    assert document.accessibility_warnings() == []


def test_odt_text_and_page_count_are_read(upload):
    document = upload("referat.odt", files.odt("Mødet blev holdt på værestedet.", "Eventuelt."))
    assert document.extracted_text == "Mødet blev holdt på værestedet.\nEventuelt."
    assert document.page_count == 3
    assert document.pdf_language == "da"


def test_scanned_pdf_is_flagged_as_not_searchable(client, upload):
    document = upload("scannet.pdf", files.scanned_pdf(pages=2))
    assert document.has_text_layer is False
    assert document.page_count == 2
    assert document.extracted_text == ""
    assert not document.is_searchable
    response = client.get(reverse("wagtaildocs:edit", args=[document.pk]))
    text = page_text(response)
    assert "Dokumentet er ikke tilgængeligt for alle" in text
    assert "PDF'en har intet tekstlag" in text
    assert "ingen titel" in text
    assert "ikke noget sprog" in text
    assert "Filen indeholder ingen tekst, der kan søges i." in text


def test_accessible_pdf_gets_no_warning(client, upload):
    document = upload("svar.pdf", files.pdf_with_text("Rådets høringssvar", pages=2))
    assert document.accessibility_warnings() == []
    text = page_text(client.get(reverse("wagtaildocs:edit", args=[document.pk])))
    assert "Dokumentet er ikke tilgængeligt for alle" not in text
    assert "Teksten i filen er læst, og der kan søges i den." in text


def test_pdf_without_language_is_flagged(upload):
    document = upload("svar.pdf", files.pdf_with_text("Tekst", title="Høringssvar", language=None))
    warnings = [str(w) for w in document.accessibility_warnings()]
    assert len(warnings) == 1
    assert "sprog" in warnings[0]


def test_listing_and_report_show_documents_with_problems(client, upload):
    scanned = upload("scannet.pdf", files.scanned_pdf(), title="Scannet referat")
    upload("svar.pdf", files.pdf_with_text("Tekst"), title="Godt høringssvar")
    listing = page_text(client.get(reverse("wagtaildocs:index")))
    assert "1 dokument i listen er ikke tilgængeligt for alle" in listing
    assert reverse("wagtaildocs:edit", args=[scanned.pk]) in listing
    report = client.get(reverse("documents_accessibility_report"))
    assert report.status_code == 200
    text = page_text(report)
    assert "Scannet referat" in text
    assert "Godt høringssvar" not in text
    export = client.get(reverse("documents_accessibility_report") + "?export=csv")
    assert export.status_code == 200
    csv_text = b"".join(export.streaming_content).decode("utf-8-sig")
    assert "Scannet referat" in csv_text
    assert "Intet tekstlag (scannet), Ingen titel, Intet sprog" in csv_text


def test_report_shows_only_the_editors_own_council(client, upload, vejle, make_secretary):
    scanned = upload("scannet.pdf", files.scanned_pdf(), title="Scannet referat")
    edit_url = reverse("wagtaildocs:edit", args=[scanned.pk])
    assert edit_url in page_text(client.get(reverse("documents_accessibility_report")))
    client.force_login(make_secretary("sekretaer-vejle", vejle))
    assert edit_url not in page_text(client.get(reverse("documents_accessibility_report")))
    client.logout()
    assert client.get(reverse("documents_accessibility_report")).status_code == 302


def test_unreadable_file_is_marked_failed_and_shown_to_the_editor(client, upload):
    buffer = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(files.docx("x"))) as source,
        zipfile.ZipFile(buffer, "w") as target,
    ):
        for item in source.infolist():
            data = source.read(item)
            if item.filename == "word/document.xml":
                data = b"<w:document><broken"
            target.writestr(item, data)
    document = upload("ødelagt.docx", buffer.getvalue())
    assert document.text_status == TextStatus.FAILED
    text = page_text(client.get(reverse("wagtaildocs:edit", args=[document.pk])))
    assert "Teksten i filen kunne ikke læses" in text
    report = page_text(client.get(reverse("documents_accessibility_report")))
    assert reverse("wagtaildocs:edit", args=[document.pk]) in report


def test_task_for_a_replaced_file_does_nothing(odense, make_document):
    document = make_document(odense, "svar.pdf", files.pdf_with_text("Ny tekst"))
    result = extract_document_text.enqueue(document.pk, "0" * 40)
    assert result.return_value == "skipped"
    document.refresh_from_db()
    assert document.text_status == TextStatus.PENDING


def test_backfill_command_reads_documents_without_text(odense, make_document):
    document = make_document(odense, "svar.pdf", files.pdf_with_text("Gammel import"))
    assert document.text_status == TextStatus.PENDING
    out = io.StringIO()
    call_command("extract_document_text", stdout=out)
    document.refresh_from_db()
    assert "Gammel import" in document.extracted_text
    assert "1 dokument" in out.getvalue()
    call_command("extract_document_text", stdout=out)
    assert "for 0 dokument" in out.getvalue()


def test_attachment_shows_type_size_and_pages(odense, make_document):
    document = make_document(odense, "Årsrapport 2009.pdf", files.pdf_with_text("Tekst", pages=3))
    extract_document_text.enqueue(document.pk, document.file_hash)
    document.refresh_from_db()
    rendered = Template("{% load document_tags %}{% document_attachment document %}").render(
        Context({"document": document})
    )
    size = document.file_size
    assert size < 1000 * 1000
    size_text = f"{size} byte" if size < 1000 else f"{round(size / 1000)} kB"
    assert f'href="{document.url}"' in rendered
    assert "Høringssvar" in rendered
    assert f"(PDF, {size_text}, 3 sider)" in rendered
    assert " download" not in rendered


def test_attachment_of_a_spreadsheet_is_a_download(odense, make_document):
    document = make_document(odense, "Budget.xlsx", files.xlsx(), title="Budget 2010")
    rendered = Template(
        "{% load document_tags %}{% document_attachment document 'Rådets budget' %}"
    ).render(Context({"document": document}))
    assert "Rådets budget" in rendered
    assert "Excel (XLSX)," in rendered
    assert " download" in rendered

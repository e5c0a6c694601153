"""Upload validation through every admin upload path over HTTP: single, multiple and chooser."""

import html
import json
from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from django.urls import reverse
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st
from wagtail.models import UploadedFile

from documents.collections import council_collection
from documents.models import CouncilDocument, TextStatus
from documents.validation import clean_filename
from tests.documents import files


def stored_files():
    root = Path(settings.MEDIA_ROOT)
    return sorted(p for p in root.rglob("*") if p.is_file())


def upload_single(client, name, content, collection):
    response = client.post(
        reverse("wagtaildocs:add"),
        {
            "title": "Bilag",
            "file": SimpleUploadedFile(name, content),
            "collection": collection.pk,
        },
    )
    if response.status_code == 302:
        return True, ""
    assert response.status_code == 200
    return False, html.unescape(response.content.decode())


def upload_multiple(client, name, content, collection):
    response = client.post(
        reverse("wagtaildocs:add_multiple"),
        {"files[]": SimpleUploadedFile(name, content), "collection": collection.pk},
        headers={"x-requested-with": "XMLHttpRequest"},
    )
    assert response.status_code == 200
    data = response.json()
    return data["success"] and "doc_id" in data, data.get("error_message", "")


def upload_chooser(client, name, content, collection):
    response = client.post(
        reverse("wagtaildocs_chooser:create"),
        {
            "document-chooser-upload-title": "Bilag",
            "document-chooser-upload-file": SimpleUploadedFile(name, content),
            "document-chooser-upload-collection": collection.pk,
        },
    )
    assert response.status_code == 200
    data = json.loads(response.content)
    if data["step"] == "chosen":
        return True, ""
    return False, html.unescape(data["htmlFragment"])


UPLOAD_PATHS = {"single": upload_single, "multiple": upload_multiple, "chooser": upload_chooser}


@pytest.fixture(params=list(UPLOAD_PATHS))
def upload(request):
    return UPLOAD_PATHS[request.param]


@pytest.fixture
def secretary_client(client, odense, make_secretary):
    client.force_login(make_secretary("sekretaer-odense", odense))
    return client


REFUSALS = [
    ("hjemmeside.pdf", files.html_named_pdf, "ikke en rigtig PDF-fil"),
    ("dagsorden.pdf", files.pdf_with_javascript, "indeholder JavaScript"),
    ("referat.pdf", files.pdf_with_launch_action, "starte et program"),
    ("skjult.pdf", files.pdf_with_disguised_javascript, "indeholder JavaScript"),
    ("rapport.pdf", lambda: files.docx("Tekst"), "Word (DOCX)-fil, men navnet"),
    ("rapport.docx", lambda: files.pdf_with_text("Tekst"), "PDF-fil, men navnet"),
    ("program.exe", lambda: b"MZ\x90\x00" + b"\x00" * 200, "Denne filtype kan ikke uploades"),
    ("tom.pdf", lambda: b"", "Filen er tom"),
    ("ødelagt.pdf", lambda: b"%PDF-1.7\n" + b"\x00garbage" * 50, "PDF'en kan ikke læses"),
]


@pytest.mark.parametrize(("name", "make", "message"), REFUSALS)
def test_refused_uploads_give_a_danish_message_and_store_nothing(
    secretary_client, odense, upload, name, make, message
):
    before = stored_files()
    ok, text = upload(secretary_client, name, make(), council_collection(odense))
    assert not ok
    assert message in text
    assert CouncilDocument.objects.count() == 0
    assert UploadedFile.objects.count() == 0
    assert stored_files() == before


@override_settings(WAGTAILDOCS_MAX_UPLOAD_SIZE=2000)
def test_oversized_upload_is_refused_on_every_path(secretary_client, odense, upload):
    before = stored_files()
    content = files.pdf_with_text(*["Linje med tekst"] * 200, pages=3)
    assert len(content) > 2000
    ok, text = upload(secretary_client, "stor.pdf", content, council_collection(odense))
    assert not ok
    assert "Filen er for stor" in text
    assert "2,0\xa0KB" in text
    assert CouncilDocument.objects.count() == 0
    assert stored_files() == before


def test_macro_enabled_word_file_is_refused(secretary_client, odense):
    content = files.docx("Tekst", main_type=files.DOCM_MAIN)
    ok, text = upload_single(secretary_client, "makro.docx", content, council_collection(odense))
    assert not ok
    assert "ikke en rigtig Word (DOCX)-fil" in text


@pytest.mark.parametrize(
    ("name", "make", "kind"),
    [
        ("Høringssvar.pdf", lambda: files.pdf_with_text("Høringssvar"), "pdf"),
        ("Årsrapport.docx", lambda: files.docx("Årsrapport"), "docx"),
        ("Referat.odt", lambda: files.odt("Referat"), "odt"),
        ("Budget.xlsx", files.xlsx, "xlsx"),
        ("Budget.ods", files.ods, "ods"),
        ("Foto.png", lambda: files.image("PNG"), "png"),
        ("Foto.jpg", lambda: files.image("JPEG"), "jpeg"),
        ("Foto.JPEG", lambda: files.image("JPEG"), "jpeg"),
    ],
)
def test_allowed_types_are_accepted_on_every_path(
    secretary_client, odense, upload, name, make, kind
):
    ok, text = upload(secretary_client, name, make(), council_collection(odense))
    assert ok, text
    document = CouncilDocument.objects.get()
    assert document.file_kind == kind
    assert document.council_id == odense.pk
    assert (
        document.original_filename == name.rsplit(".", 1)[0] + "." + name.rsplit(".", 1)[1].lower()
    )


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("../../etc/Årsrapport 2009.pdf", "Årsrapport 2009.pdf"),
        ("C:\\Users\\sekr\\Høring  om   budget.PDF", "Høring om budget.pdf"),
        ("referat\x00\x1b[31m.pdf", "referat[31m.pdf"),
        ("invoice\u202efdp.pdf", "invoicefdp.pdf"),
        ('"<svar>"?*|.pdf', "svar.pdf"),
        ("....pdf", "dokument.pdf"),
    ],
)
def test_hostile_filenames_are_cleaned(secretary_client, odense, raw, expected):
    ok, text = upload_single(
        secretary_client, raw, files.pdf_with_text("Tekst"), council_collection(odense)
    )
    assert ok, text
    document = CouncilDocument.objects.get()
    assert document.original_filename == expected
    assert "/" not in document.filename and "\\" not in document.filename
    assert Path(document.file.path).resolve().is_relative_to(Path(settings.MEDIA_ROOT).resolve())


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Høring\tom\nbudget.pdf", "Høring om budget.pdf"),
        ("\u200bskjult\u200d.pdf", "skjult.pdf"),
        ("/var/www/../referat.odt", "referat.odt"),
        ("e\u0301n fil.pdf", "\u00e9n fil.pdf"),
    ],
)
def test_clean_filename(raw, expected):
    assert clean_filename(raw) == expected


def test_very_long_filename_is_shortened_and_keeps_its_extension(secretary_client, odense):
    raw = "Høringssvar " + "æøå" * 100 + ".pdf"
    ok, text = upload_single(
        secretary_client, raw, files.pdf_with_text("Tekst"), council_collection(odense)
    )
    assert ok, text
    document = CouncilDocument.objects.get()
    assert len(document.original_filename) <= 80
    assert document.original_filename.startswith("Høringssvar æøå")
    assert document.original_filename.endswith(".pdf")
    assert document.file.name.endswith(".pdf")


def test_secretary_cannot_upload_into_another_councils_collection(secretary_client, odense, vejle):
    # With rights in one collection only, Wagtail drops the collection field and uses that one.
    ok, text = upload_single(
        secretary_client, "svar.pdf", files.pdf_with_text("Tekst"), council_collection(vejle)
    )
    assert ok, text
    document = CouncilDocument.objects.get()
    assert document.collection == council_collection(odense)
    assert document.council_id == odense.pk
    assert not CouncilDocument.objects.filter(council=vejle).exists()


def test_upload_extracts_text_in_the_background(
    secretary_client, odense, django_capture_on_commit_callbacks
):
    content = files.pdf_with_text("Rådet anbefaler flere boliger til hjemløse.", pages=3)
    with django_capture_on_commit_callbacks(execute=True):
        ok, text = upload_single(secretary_client, "svar.pdf", content, council_collection(odense))
    assert ok, text
    document = CouncilDocument.objects.get()
    assert document.text_status == TextStatus.DONE
    assert "Rådet anbefaler flere boliger til hjemløse." in document.extracted_text
    assert document.page_count == 3
    assert document.has_text_layer is True
    assert document.pdf_title == "Høringssvar"
    assert document.pdf_language == "da-DK"


def test_text_is_pending_until_the_task_has_run(secretary_client, odense):
    ok, _ = upload_single(
        secretary_client, "svar.pdf", files.pdf_with_text("Tekst"), council_collection(odense)
    )
    assert ok
    document = CouncilDocument.objects.get()
    assert document.text_status == TextStatus.PENDING
    assert document.extracted_text == ""


def test_replacing_the_file_refreshes_the_text(
    secretary_client, odense, django_capture_on_commit_callbacks
):
    collection = council_collection(odense)
    with django_capture_on_commit_callbacks(execute=True):
        upload_single(
            secretary_client, "svar.pdf", files.pdf_with_text("Første udgave"), collection
        )
    document = CouncilDocument.objects.get()
    old_path = Path(document.file.path)
    assert "Første udgave" in document.extracted_text
    with django_capture_on_commit_callbacks(execute=True):
        response = secretary_client.post(
            reverse("wagtaildocs:edit", args=[document.pk]),
            {
                "title": "Høringssvar",
                "file": SimpleUploadedFile("svar.docx", files.docx("Anden udgave med rettelser")),
                "collection": collection.pk,
            },
        )
    assert response.status_code == 302
    document.refresh_from_db()
    assert document.extracted_text == "Anden udgave med rettelser"
    assert document.file_kind == "docx"
    assert document.page_count is None
    assert not old_path.exists()


def test_editing_title_only_keeps_the_text_and_file(
    secretary_client, odense, django_capture_on_commit_callbacks
):
    collection = council_collection(odense)
    with django_capture_on_commit_callbacks(execute=True):
        upload_single(
            secretary_client, "svar.pdf", files.pdf_with_text("Uændret tekst"), collection
        )
    document = CouncilDocument.objects.get()
    response = secretary_client.post(
        reverse("wagtaildocs:edit", args=[document.pk]),
        {"title": "Ny titel", "collection": collection.pk},
    )
    assert response.status_code == 302
    document.refresh_from_db()
    # Nothing re-queued: a pending status would show that the text is being read again.
    assert document.text_status == TextStatus.DONE
    assert document.title == "Ny titel"
    assert "Uændret tekst" in document.extracted_text


def test_pdf_locked_with_a_password_is_refused(secretary_client, odense):
    content = files.encrypted_pdf(user_password="hemmelig")
    ok, text = upload_single(secretary_client, "låst.pdf", content, council_collection(odense))
    assert not ok
    assert "låst med en adgangskode" in text
    assert CouncilDocument.objects.count() == 0


def test_pdf_with_only_an_owner_password_is_accepted_and_read(
    secretary_client, odense, django_capture_on_commit_callbacks
):
    content = files.encrypted_pdf(user_password="")
    with django_capture_on_commit_callbacks(execute=True):
        ok, text = upload_single(
            secretary_client, "beskyttet.pdf", content, council_collection(odense)
        )
    assert ok, text
    document = CouncilDocument.objects.get()
    assert document.text_status == TextStatus.DONE
    assert "Låst høringssvar" in document.extracted_text


def _damaged(content: bytes, data) -> bytes:
    damaged = bytearray(content)
    if data.draw(st.booleans(), label="truncate"):
        return bytes(damaged[: data.draw(st.integers(1, len(damaged) - 1), label="length")])
    for _ in range(data.draw(st.integers(1, 12), label="flips")):
        position = data.draw(st.integers(0, len(damaged) - 1), label="position")
        damaged[position] = data.draw(st.integers(0, 255), label="byte")
    return bytes(damaged)


DAMAGE_SOURCES = {
    "svar.pdf": files.pdf_with_text("Rådets svar", pages=2),
    "js.pdf": files.pdf_with_javascript(),
    "notat.docx": files.docx("Notat"),
    "referat.odt": files.odt("Referat"),
}


@hypothesis_settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.data())
def test_damaged_files_never_cause_a_server_error(secretary_client, odense, data):
    name = data.draw(st.sampled_from(sorted(DAMAGE_SOURCES)), label="source")
    content = _damaged(DAMAGE_SOURCES[name], data)
    response = secretary_client.post(
        reverse("wagtaildocs:add"),
        {
            "title": "Bilag",
            "file": SimpleUploadedFile(name, content),
            "collection": council_collection(odense).pk,
        },
    )
    assert response.status_code in (200, 302)
    if response.status_code == 200:
        assert CouncilDocument.objects.filter(title="Bilag").count() == 0
    CouncilDocument.objects.all().delete()

"""The documents demo step, run through `manage.py load_demo` (twice: it must be idempotent)."""

import io

from django.core.management import call_command

from documents.models import CouncilDocument, TextStatus
from documents.privacy import is_public


def test_load_demo_creates_documents_once(db, django_capture_on_commit_callbacks):
    for _ in range(2):
        with django_capture_on_commit_callbacks(execute=True):
            call_command(
                "load_demo", password="test-demo", stdout=io.StringIO(), stderr=io.StringIO()
            )
    documents = {document.title: document for document in CouncilDocument.objects.all()}
    assert set(documents) == {
        "Årsrapport 2009 (PDF)",
        "Referat 24. november 2009 (scannet)",
        "Notat om åbningstider på værestederne",
    }
    report = documents["Årsrapport 2009 (PDF)"]
    assert report.council.municipality == "Odense"
    assert report.text_status == TextStatus.DONE
    assert "akutpladser om vinteren" in report.extracted_text
    assert report.accessibility_warnings() == []
    assert is_public(report)
    scanned = documents["Referat 24. november 2009 (scannet)"]
    assert scanned.has_text_layer is False
    assert scanned.accessibility_warnings()
    assert not is_public(scanned)
    memo = documents["Notat om åbningstider på værestederne"]
    assert "holde længere åbent" in memo.extracted_text.replace("\n", " ")
    assert not is_public(memo)

"""Old revisions and replaced files lose their CPR numbers; the live content stays as it is."""

import io

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.urls import reverse
from wagtail.models import PageLogEntry

from council_pages.models import HearingResponsePage
from documents.collections import council_collection
from documents.models import CouncilDocument
from tests.documents.files import pdf_with_text
from tests.workflow.conftest import login, make_hearing_response

pytestmark = pytest.mark.django_db

CPR_ONCE = "Borgeren har cpr 010190-1234."
CPR_TWICE = "Sagen om 020285-5678 og 1103821239."
CLEAN = "<p>Rådet støtter forslaget, men savner flere boliger.</p>"
LATER_DRAFT = "<p>Rådet støtter forslaget. Ring 010190-1234 (kladde)</p>"


@pytest.fixture
def history(councils, people):
    """A live page whose history holds CPR numbers in two old revisions and its latest draft.

    Revisions, oldest first: one with a CPR number, the published one (clean), one with two
    CPR numbers, then the latest draft, which still has one (the mask button's business).
    """
    page = make_hearing_response(councils["a"], live=False, user=people["secretary_a"])
    for text, publish in [(CPR_ONCE, False), (CLEAN, True), (CPR_TWICE, False)]:
        page.response = f"<p>{text}</p>" if text != CLEAN else CLEAN
        revision = page.save_revision(user=people["secretary_a"], clean=False)
        if publish:
            revision.publish(skip_permission_checks=True)
            page = HearingResponsePage.objects.get(pk=page.pk)
    page.response = LATER_DRAFT
    page.save_revision(user=people["secretary_a"], clean=False)
    return HearingResponsePage.objects.get(pk=page.pk)


def texts(page):
    return [revision.content["response"] for revision in page.revisions.order_by("pk")]


def test_a_site_administrator_masks_old_revisions_from_the_admin(client, people, history):
    live_before = history.live_revision.content
    login(client, people["admin"])
    url = reverse("privacy_scrub_revisions", args=[history.pk])

    # The page's menu offers it, and the screen says what it will do before doing it.
    edit_page = client.get(reverse("wagtailadmin_pages:edit", args=[history.pk])).content.decode()
    assert url in edit_page
    screen = client.get(url).content.decode()
    assert "Der er 3 CPR-numre i 2 gamle versioner." in screen

    response = client.post(url)
    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailadmin_pages:history", args=[history.pk])

    page = HearingResponsePage.objects.get(pk=history.pk)
    assert texts(page) == [
        CLEAN,  # the first draft, as created
        "<p>Borgeren har cpr xxxxxx-xxxx.</p>",
        CLEAN,
        "<p>Sagen om xxxxxx-xxxx og xxxxxx-xxxx.</p>",
        LATER_DRAFT,
    ]
    assert page.live_revision.content == live_before
    assert page.response == CLEAN  # the live content
    entry = PageLogEntry.objects.get(page=page, action="council_pages.privacy_revisions_scrubbed")
    assert entry.user == people["admin"]
    assert entry.data == {"revisions": 2, "cpr_numbers": 3}
    assert "010190" not in str(entry.data)
    history_page = client.get(response["Location"]).content.decode()
    assert "CPR-numre fjernet fra gamle versioner" in history_page

    assert "Der er ingen CPR-numre i sidens gamle versioner." in client.get(url).content.decode()


def test_only_site_administrators_may(client, people, history):
    for who in ("secretary_a", "chair_a"):
        login(client, people[who])
        url = reverse("privacy_scrub_revisions", args=[history.pk])
        assert client.get(url).status_code == 403
        assert client.post(url).status_code == 403
        edit_page = client.get(reverse("wagtailadmin_pages:edit", args=[history.pk]))
        assert url not in edit_page.content.decode()
    assert "xxxxxx-xxxx" not in " ".join(texts(history))


def test_the_command_cleans_the_whole_site_and_the_replaced_files(
    councils, history, settings, tmp_path
):
    # An upload folder of its own: other tests' rolled-back documents leave files behind.
    settings.MEDIA_ROOT = str(tmp_path)
    collection = council_collection(councils["a"])
    used = CouncilDocument(title="Bilag", collection=collection)
    used.file.save("bilag.pdf", ContentFile(pdf_with_text("Bilag med 010190-1234")), save=False)
    used.save()
    replaced = default_storage.save(
        "documents/gammelt-bilag.pdf", ContentFile(pdf_with_text("Gammelt bilag 020285-5678"))
    )
    harmless = default_storage.save(
        "documents/andet.pdf", ContentFile(pdf_with_text("Mødet 22.10.2009, sag 26/12345"))
    )

    dry = io.StringIO()
    call_command("scrub_personal_data", "--dry-run", stdout=dry)
    assert f"{history.url_path}: 3 CPR-numre i 2 gamle versioner" in dry.getvalue()
    assert f"Udskiftet fil med CPR-nummer: {replaced}" in dry.getvalue()
    assert "3 CPR-numre i 2 gamle versioner og 1 filer ville blive fjernet." in dry.getvalue()
    assert default_storage.exists(replaced)
    assert "010190-1234" in " ".join(texts(history))

    out = io.StringIO()
    call_command("scrub_personal_data", stdout=out)
    assert "3 CPR-numre i 2 gamle versioner og 1 filer er fjernet." in out.getvalue()
    assert not default_storage.exists(replaced)
    assert default_storage.exists(harmless)
    assert default_storage.exists(used.file.name)  # a file in use is the guard's business
    page = HearingResponsePage.objects.get(pk=history.pk)
    assert texts(page)[-1] == LATER_DRAFT
    assert "010190-1234" not in " ".join(texts(page)[:-1])

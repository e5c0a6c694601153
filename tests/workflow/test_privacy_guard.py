"""The privacy guard through the admin: submitting and approving pages.

CPR numbers stop submission and every kind of publishing with a Danish message that lists each
finding; phone numbers, e-mail addresses and case words are warnings the chair ticks off, which
the page's log records. The numbers are synthetic. Publishing outside the workflow and masking
are in ``test_privacy_guard_publishing.py``.
"""

import io

import pytest
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.urls import reverse
from wagtail.models import PageLogEntry, TaskState

from council_pages.models import HearingResponsePage
from council_pages.privacy_check import (
    LOG_WARNINGS_CHECKED,
    check_page,
)
from documents.collections import council_collection
from documents.models import CouncilDocument
from privacy_guard.models import PrivacyGuardSettings
from tests.documents import files

from .conftest import login, make_hearing_response, post_edit, submit
from .privacy_pages import CPR_NUMBER, PHONE, in_workflow, rich_text, text_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def draft(people, councils):
    return make_hearing_response(councils["a"], live=False, user=people["secretary_a"])


def approve(client, page, **data):
    task_state = TaskState.objects.filter(workflow_state__object_id=str(page.pk)).latest("pk")
    url = reverse("wagtailadmin_pages:workflow_action", args=[page.pk, "approve", task_state.pk])
    return client.post(url, {"comment": "", **data})


# -- submission ------------------------------------------------------------------------------


def test_a_cpr_number_in_the_title_stops_submission_and_keeps_the_input(client, people, draft):
    title = f"Svar om borger {CPR_NUMBER}"
    secretary = login(client, people["secretary_a"])
    response = post_edit(secretary, draft, title=title, **{"action-submit": "1"})
    assert response.status_code == 200
    body = text_of(response)
    assert "Siden indeholder et CPR-nummer og kan ikke sendes til godkendelse" in body
    assert f"CPR-nummer «{CPR_NUMBER}» i Titel" in body
    assert f'value="{title}"' in body
    assert not in_workflow(draft)
    assert (
        HearingResponsePage.objects.get(pk=draft.pk).get_latest_revision().content["title"] != title
    )


@pytest.mark.parametrize("separator", ["-", "", " ", "."])
def test_a_cpr_number_in_rich_text_stops_submission(client, people, draft, separator):
    number = CPR_NUMBER.replace("-", separator)
    secretary = login(client, people["secretary_a"])
    response = post_edit(
        secretary,
        draft,
        response=rich_text(f"Borgeren med nummer {number} har klaget."),
        **{"action-submit": "1"},
    )
    assert response.status_code == 200
    assert f"«{number}» i Rådets svar" in text_of(response)
    assert not in_workflow(draft)


def test_a_cpr_number_in_the_search_description_stops_submission(client, people, draft):
    response = post_edit(
        login(client, people["secretary_a"]),
        draft,
        search_description=f"Om {CPR_NUMBER}",
        **{"action-submit": "1"},
    )
    assert response.status_code == 200
    assert f"«{CPR_NUMBER}» i Beskrivelse til søgemaskiner" in text_of(response)


def test_a_draft_with_a_cpr_number_can_still_be_saved(client, people, draft):
    response = post_edit(login(client, people["secretary_a"]), draft, title=f"Om {CPR_NUMBER}")
    assert response.status_code == 302
    assert (
        HearingResponsePage.objects.get(pk=draft.pk).get_latest_revision().content["title"]
        == f"Om {CPR_NUMBER}"
    )


def test_an_invalid_date_is_not_a_cpr_number(client, people, draft):
    response = post_edit(
        login(client, people["secretary_a"]),
        draft,
        title="Svar 310490-1234 og sag 26/12345 af 22.10.2009",
        **{"action-submit": "1"},
    )
    assert response.status_code == 302
    assert in_workflow(draft)


def test_warnings_do_not_stop_submission_but_the_secretary_is_told(client, people, draft):
    secretary = login(client, people["secretary_a"])
    response = post_edit(
        secretary,
        draft,
        outcome_note=f"Borgeren kan ringes op på {PHONE} eller anna@example.dk.",
        **{"action-submit": "1"},
    )
    assert response.status_code == 302
    assert in_workflow(draft)
    body = text_of(secretary.get(response.url))
    assert f"telefonnummer «{PHONE}»" in body
    assert "e-mailadresse «anna@example.dk»" in body


# -- approval --------------------------------------------------------------------------------


def test_the_chair_approves_warnings_only_after_ticking_and_the_log_says_so(client, people, draft):
    draft.outcome_note = f"Ring på {PHONE}."
    draft.save_revision(user=people["secretary_a"])
    submit(draft, people["secretary_a"])
    chair = login(client, people["chair_a"])

    response = approve(chair, draft)
    assert response.status_code == 302
    assert response.url == reverse("wagtailadmin_pages:edit", args=[draft.pk])
    assert not HearingResponsePage.objects.get(pk=draft.pk).live
    body = text_of(chair.get(response.url))
    assert f"telefonnummer «{PHONE}» i Kort om beslutningen" in body
    assert "Sæt flueben i «Jeg har tjekket advarslerne om personoplysninger»" in body

    response = approve(chair, draft, privacy_checked="on")
    assert response.status_code == 302
    assert HearingResponsePage.objects.get(pk=draft.pk).live
    entry = PageLogEntry.objects.get(page=draft, action=LOG_WARNINGS_CHECKED)
    assert entry.user == people["chair_a"]
    assert entry.data["findings"] == [{"kind": "phone", "place": "Kort om beslutningen"}]
    assert PHONE not in str(entry.data)
    history = text_of(chair.get(reverse("wagtailadmin_pages:history", args=[draft.pk])))
    assert "Advarsler om personoplysninger tjekket" in history


def test_the_plain_approval_opens_the_dialog_when_there_are_warnings(people, draft):
    draft.outcome_note = "Skriv til anna@example.dk."
    draft.save_revision(user=people["secretary_a"])
    submit(draft, people["secretary_a"])
    page = HearingResponsePage.objects.get(pk=draft.pk)
    task = page.current_workflow_task
    actions = task.get_actions(page, people["chair_a"])
    assert ("approve", "Godkend og udgiv", True) in [(a, str(b), m) for a, b, m in actions]


def test_approving_in_the_editor_needs_the_tick_too(client, people, draft):
    draft.outcome_note = f"Ring på {PHONE}."
    draft.save_revision(user=people["secretary_a"])
    submit(draft, people["secretary_a"])
    chair = login(client, people["chair_a"])
    approve_in_editor = {"action-workflow-action": "1", "workflow-action-name": "approve"}
    response = post_edit(chair, draft, **approve_in_editor)
    assert response.status_code == 200
    assert "Sæt flueben" in text_of(response)
    assert not HearingResponsePage.objects.get(pk=draft.pk).live

    response = post_edit(
        chair,
        draft,
        **approve_in_editor,
        **{"workflow-action-extra-data": '{"comment": "", "privacy_checked": true}'},
    )
    assert response.status_code == 302
    assert HearingResponsePage.objects.get(pk=draft.pk).live
    assert PageLogEntry.objects.filter(page=draft, action=LOG_WARNINGS_CHECKED).exists()


def test_the_councils_own_contact_details_are_no_warning(client, people, councils, draft):
    council = councils["a"]
    council.contact_phone = "+45 66 13 13 72"
    council.contact_email = "udsatteraad@odense.dk"
    council.save_revision().publish()
    PrivacyGuardSettings.objects.update_or_create(
        defaults={"public_contacts": "@herning.dk\n70 20 30 40"}
    )
    draft.outcome_note = (
        "Kontakt rådet på 66 13 13 72 eller udsatteraad@odense.dk, jobcentret på 70 20 30 40 "
        "eller social@herning.dk."
    )
    draft.save_revision(user=people["secretary_a"])
    assert check_page(draft.get_latest_revision_as_object()).findings == []
    submit(draft, people["secretary_a"])
    approve(login(client, people["chair_a"]), draft)
    assert HearingResponsePage.objects.get(pk=draft.pk).live


def test_case_words_from_the_settings_warn(people, draft):
    PrivacyGuardSettings.objects.update_or_create(defaults={"case_words": "bostøttesag"})
    draft.outcome_note = "Bostøttesag drøftet, men journalnummer nævnes ikke."
    report = check_page(draft)
    assert [(f.kind, f.text) for f in report.findings] == [("word", "Bostøttesag")]


def test_a_cpr_number_in_a_minority_opinion_is_never_approved(client, people, draft):
    draft.minority_opinions = [
        ("opinion", {"holders": "To medlemmer", "text": f"<p>Se {CPR_NUMBER}.</p>"})
    ]
    draft.save_revision(user=people["secretary_a"])
    submit(draft, people["secretary_a"])
    chair = login(client, people["chair_a"])
    response = approve(chair, draft, privacy_checked="on")
    assert response.status_code == 302
    assert not HearingResponsePage.objects.get(pk=draft.pk).live
    body = text_of(chair.get(response.url))
    assert f"«{CPR_NUMBER}» i Mindretalsudtalelser, mindretalsudtalelse 1, udtalelse" in body


def test_a_cpr_number_on_page_two_of_an_attached_pdf_blocks_approval(
    client, people, councils, draft
):
    document = CouncilDocument(
        title="Bilag fra forvaltningen",
        file=ContentFile(
            files.pdf_with_text("Forslag til strategi", f"Borger {CPR_NUMBER}", pages=2),
            name="bilag.pdf",
        ),
        collection=council_collection(councils["a"]),
    )
    document.save()
    call_command("extract_document_text", stdout=io.StringIO())
    document.refresh_from_db()
    assert "\f" in document.extracted_text
    draft.consultation_material = [("document", document)]
    draft.save_revision(user=people["secretary_a"])
    report = check_page(draft.get_latest_revision_as_object())
    assert [(f.text, f.place) for f in report.blocking][-1] == (
        CPR_NUMBER,
        "dokumentet «Bilag fra forvaltningen», side 2",
    )
    submit(draft, people["secretary_a"])
    approve(login(client, people["chair_a"]), draft, privacy_checked="on")
    assert not HearingResponsePage.objects.get(pk=draft.pk).live


def test_the_chair_confirms_a_scan_that_cannot_be_checked(client, people, councils, draft):
    document = CouncilDocument(
        title="Scannet bilag",
        file=ContentFile(files.scanned_pdf(pages=1), name="scan.pdf"),
        collection=council_collection(councils["a"]),
    )
    document.save()
    call_command("extract_document_text", stdout=io.StringIO())
    draft.consultation_material = [("document", document)]
    draft.save_revision(user=people["secretary_a"])
    submit(draft, people["secretary_a"])
    chair = login(client, people["chair_a"])

    response = approve(chair, draft)
    assert response.url == reverse("wagtailadmin_pages:edit", args=[draft.pk])
    assert not HearingResponsePage.objects.get(pk=draft.pk).live
    body = text_of(chair.get(response.url))
    assert "dokumentet «Scannet bilag» kan ikke kontrolleres for personoplysninger" in body

    approve(chair, draft, privacy_checked="on")
    assert HearingResponsePage.objects.get(pk=draft.pk).live
    entry = PageLogEntry.objects.get(page=draft, action=LOG_WARNINGS_CHECKED)
    assert entry.data["findings"] == [
        {"kind": "uncheckable", "place": "dokumentet «Scannet bilag»"}
    ]

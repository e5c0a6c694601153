"""The privacy guard through the admin: submitting, approving and publishing pages.

CPR numbers stop submission and every kind of publishing with a Danish message that lists each
finding; phone numbers, e-mail addresses and case words are warnings the chair ticks off, which
the page's log records. The numbers are synthetic.
"""

import datetime
import html
import io
import json

import pytest
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from wagtail.models import PageLogEntry, TaskState, WorkflowState

from council_pages.models import HearingResponsePage
from council_pages.privacy_check import (
    LOG_PUBLISH_BLOCKED,
    LOG_WARNINGS_CHECKED,
    MASK_ACTION,
    PersonalDataBlocked,
    check_page,
)
from documents.collections import council_collection
from documents.models import CouncilDocument
from privacy_guard.models import PrivacyGuardSettings
from tests.documents import files

from .conftest import form_data, login, make_hearing_response, post_edit, submit

pytestmark = pytest.mark.django_db

CPR_NUMBER = "010190-1234"
PHONE = "23 45 67 89"


@pytest.fixture
def draft(people, councils):
    return make_hearing_response(councils["a"], live=False, user=people["secretary_a"])


def text_of(response):
    return html.unescape(response.content.decode())


def in_workflow(page):
    return WorkflowState.objects.filter(
        object_id=str(page.pk), status=WorkflowState.STATUS_IN_PROGRESS
    ).exists()


def rich_text(text):
    """What Draftail sends for a paragraph of plain text."""
    block = {
        "key": "a1b2c",
        "text": text,
        "type": "unstyled",
        "depth": 0,
        "inlineStyleRanges": [],
        "entityRanges": [],
        "data": {},
    }
    return json.dumps({"blocks": [block], "entityMap": {}})


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


# -- publishing outside the workflow ---------------------------------------------------------


def test_an_administrator_cannot_publish_a_cpr_number_from_the_editor(client, people, draft):
    response = post_edit(
        login(client, people["admin"]),
        draft,
        title=f"Om {CPR_NUMBER}",
        **{"action-publish": "1"},
    )
    assert response.status_code == 200
    assert "kan ikke sendes til godkendelse eller udgives" in text_of(response)
    assert not HearingResponsePage.objects.get(pk=draft.pk).live


def test_publishing_in_code_is_refused_too(people, draft):
    draft.title = f"Om {CPR_NUMBER}"
    revision = draft.save_revision(user=people["admin"])
    with pytest.raises(PersonalDataBlocked):
        revision.publish(user=people["admin"])
    assert not HearingResponsePage.objects.get(pk=draft.pk).live


def test_scheduled_publishing_skips_a_page_with_a_cpr_number(people, councils, draft):
    clean = make_hearing_response(councils["a"], "Rent svar", live=False, user=people["admin"])
    past = timezone.now() - datetime.timedelta(minutes=5)
    for page, title in ((draft, f"Om {CPR_NUMBER}"), (clean, "Rent svar")):
        page.title = title
        revision = page.save_revision(user=people["admin"])
        revision.approved_go_live_at = past
        revision.save(update_fields=["approved_go_live_at"])

    call_command("publish_scheduled")

    assert HearingResponsePage.objects.get(pk=clean.pk).live
    blocked = HearingResponsePage.objects.get(pk=draft.pk)
    assert not blocked.live
    assert blocked.get_latest_revision().approved_go_live_at is None
    entry = PageLogEntry.objects.get(page=draft, action=LOG_PUBLISH_BLOCKED)
    assert entry.data["findings"] == [{"kind": "cpr", "place": "Titel"}]


# -- masking ---------------------------------------------------------------------------------


def post_with_opinion(client, page, opinion_text, **extra):
    """The edit form with one minority opinion, as the StreamField editor's JavaScript sends it."""
    url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    data = form_data(client.get(url))
    data.update(
        {
            "consultation_material-count": ["0"],
            "minority_opinions-count": ["1"],
            "minority_opinions-0-type": ["opinion"],
            "minority_opinions-0-deleted": [""],
            "minority_opinions-0-order": ["0"],
            "minority_opinions-0-id": [""],
            "minority_opinions-0-value-holders": ["To medlemmer"],
            "minority_opinions-0-value-text": [rich_text(opinion_text)],
        }
    )
    data.update({key: [value] for key, value in extra.items()})
    return client.post(url, data)


def test_the_save_menu_offers_to_mask_and_masking_keeps_the_rest(client, people, draft):
    secretary = login(client, people["secretary_a"])
    clean_menu = secretary.get(reverse("wagtailadmin_pages:edit", args=[draft.pk]))
    assert MASK_ACTION not in clean_menu.content.decode()

    opinion = f"Se {CPR_NUMBER}, sag 26/12345."
    title = f"Om {CPR_NUMBER}"
    response = post_with_opinion(secretary, draft, opinion, title=title, **{"action-submit": "1"})
    assert response.status_code == 200
    body = text_of(response)
    assert "«010190-1234» i Mindretalsudtalelser, mindretalsudtalelse 1, udtalelse" in body
    assert f'name="{MASK_ACTION}"' in body
    assert "Erstat CPR-numre med xxxxxx-xxxx" in body
    assert not in_workflow(draft)

    response = post_with_opinion(secretary, draft, opinion, title=title, **{MASK_ACTION: "1"})
    assert response.status_code == 302
    page = HearingResponsePage.objects.get(pk=draft.pk).get_latest_revision_as_object()
    assert page.title == "Om xxxxxx-xxxx"
    masked = page.minority_opinions[0].value
    assert masked["holders"] == "To medlemmer"
    assert "Se xxxxxx-xxxx, sag 26/12345." in masked["text"].source
    assert check_page(page).blocking == []
    assert "erstattet med xxxxxx-xxxx" in text_of(secretary.get(response.url))
    assert not in_workflow(draft)


def test_bulk_publishing_a_page_with_a_cpr_number_is_refused(client, people, draft):
    draft.title = f"Om {CPR_NUMBER}"
    draft.save_revision(user=people["admin"])
    url = reverse("wagtail_bulk_action", args=["wagtailcore", "page", "publish"])
    response = login(client, people["admin"]).post(f"{url}?id={draft.pk}", {})
    assert response.status_code == 403
    assert f"«{CPR_NUMBER}» i Titel" in text_of(response)
    assert not HearingResponsePage.objects.get(pk=draft.pk).live

"""The privacy guard outside the workflow: publishing from the editor, in code, on a schedule or
in bulk is refused while a page holds a CPR number, and the save menu offers to mask them.

The numbers are synthetic.
"""

import datetime

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from wagtail.models import PageLogEntry

from council_pages.models import HearingResponsePage
from council_pages.privacy_check import (
    LOG_PUBLISH_BLOCKED,
    MASK_ACTION,
    PersonalDataBlocked,
    check_page,
)

from .conftest import form_data, login, make_hearing_response, post_edit
from .privacy_pages import CPR_NUMBER, in_workflow, rich_text, text_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def draft(people, councils):
    return make_hearing_response(councils["a"], live=False, user=people["secretary_a"])


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

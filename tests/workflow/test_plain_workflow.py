"""The workflow speaks plainly: the next step is the main button, every decision is confirmed,
and the chair's comment reaches the secretary on the dashboard, in the editor and by e-mail."""

import re
from html import unescape

import pytest
from bs4 import BeautifulSoup
from django.core import mail
from django.urls import reverse

from council_pages.models import HearingResponsePage

from .conftest import login, make_hearing_response, post_edit, submit, workflow_action

pytestmark = pytest.mark.django_db

COMMENT = "Tilføj datoen for høringsfristen."


def text_of(node):
    return " ".join(unescape(node.get_text(" ")).split())


def action_menu(response):
    """(main button's label, the labels in the menu behind it) of an editor's footer."""
    soup = BeautifulSoup(response.content, "html.parser")
    buttons = soup.select("form#page-edit-form .dropdown-button, form#page-edit-form footer button")
    labels = [text_of(button) for button in buttons if text_of(button)]
    main = labels[0] if labels else None
    return main, [label for label in labels[1:] if label != "Flere handlinger"]


def messages_of(response):
    soup = BeautifulSoup(response.content, "html.parser")
    return [text_of(li) for li in soup.select(".messages li")]


def edit(client, page):
    return client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))


@pytest.fixture
def draft(councils, people):
    return make_hearing_response(
        councils["a"], "Svar om værestedet", live=False, user=people["secretary_a"]
    )


def test_secretary_main_button_sends_for_approval_and_save_draft_stays_in_the_menu(
    client, people, draft
):
    login(client, people["secretary_a"])
    main, menu = action_menu(edit(client, draft))
    assert main == "Send til godkendelse"
    assert "Gem skitse" in menu


def test_new_page_form_offers_send_for_approval_first(client, people, draft):
    login(client, people["secretary_a"])
    index = draft.get_parent()
    response = client.get(
        reverse("wagtailadmin_pages:add", args=["council_pages", "hearingresponsepage", index.pk])
    )
    main, menu = action_menu(response)
    assert main == "Send til godkendelse"
    assert "Gem skitse" in menu


def test_chair_main_button_approves_and_publishes(client, people, draft):
    submit(draft, people["secretary_a"])
    login(client, people["chair_a"])
    main, menu = action_menu(edit(client, draft))
    assert main == "Godkend og udgiv"
    assert "Afvis med kommentar" in menu
    assert not any("Publicér" in label or "Publish" in label for label in [main, *menu])


def test_after_rejection_one_send_again_action(client, people, draft):
    submit(draft, people["secretary_a"])
    login(client, people["chair_a"])
    workflow_action(client, draft, "reject", COMMENT)

    login(client, people["secretary_a"])
    main, menu = action_menu(edit(client, draft))
    assert main == "Send igen til godkendelse"
    assert menu == ["Gem skitse"]


def test_chair_is_told_what_each_decision_did(client, people, councils):
    first = make_hearing_response(
        councils["a"], "Første svar", live=False, user=people["secretary_a"]
    )
    second = make_hearing_response(
        councils["a"], "Andet svar", live=False, user=people["secretary_a"]
    )
    submit(first, people["secretary_a"])
    submit(second, people["secretary_a"])
    login(client, people["chair_a"])
    dashboard = reverse("wagtailadmin_home")

    # From the dashboard, the modal answers with where to go; the message waits there.
    client.post(
        reverse(
            "wagtailadmin_pages:workflow_action",
            args=[first.pk, "approve", first.current_workflow_task_state.pk],
        )
        + f"?next={dashboard}",
        {"comment": ""},
    )
    assert "Du har godkendt “Første svar”. Siden er udgivet." in messages_of(client.get(dashboard))

    workflow_action(client, second, "reject", COMMENT)
    shown = messages_of(client.get(dashboard))
    assert any("Du har sendt “Andet svar” tilbage til sekretæren" in m for m in shown), shown


def test_chair_approving_in_the_editor_is_confirmed(client, people, draft):
    submit(draft, people["secretary_a"])
    login(client, people["chair_a"])
    response = post_edit(
        client,
        draft,
        **{"action-workflow-action": "true", "workflow-action-name": "approve"},
    )
    assert response.status_code == 302
    shown = messages_of(client.get(response.url))
    assert any("Du har godkendt “Svar om værestedet”" in m for m in shown), shown
    draft.refresh_from_db()
    assert draft.live


def test_rejection_comment_reaches_the_secretary_everywhere(
    client, people, draft, django_capture_on_commit_callbacks
):
    submit(draft, people["secretary_a"])
    login(client, people["chair_a"])
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        workflow_action(client, draft, "reject", COMMENT)
    chair_name = people["chair_a"].get_full_name() or people["chair_a"].get_username()

    # By e-mail
    assert [m for m in mail.outbox if COMMENT in m.body and "sekretaer-a" in m.to[0]]

    login(client, people["secretary_a"])
    # On the dashboard, under the page
    dashboard = BeautifulSoup(client.get(reverse("wagtailadmin_home")).content, "html.parser")
    comment = dashboard.select_one("[data-rejection-comment]")
    assert comment is not None and COMMENT in text_of(comment)
    assert chair_name in text_of(comment)

    # At the top of the editor, and in the status panel: sent back, by the chair
    response = edit(client, draft)
    banner = " ".join(messages_of(response))
    assert COMMENT in banner and chair_name in banner
    status = text_of(BeautifulSoup(response.content, "html.parser"))
    assert "Skal rettes" in status
    assert not re.search(r"Venter på godkendelse", status)
    assert HearingResponsePage.objects.get(pk=draft.pk).live is False

"""The admin speaks Danish on every screen of the secretary's and the chair's journey."""

import re
from html import unescape
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.urls import reverse
from wagtail.models import TaskState
from wagtail.test.utils.form_data import rich_text

from council_pages.models import HearingResponsePage

from .conftest import PASSWORD, form_data, make_hearing_response, submit, workflow_action

LOCALE_DIR = Path(settings.LOCALE_PATHS[0]) / "da" / "LC_MESSAGES"
PLACEHOLDER = re.compile(r"%\(\w+\)[sd]|%[sd]|\{\w+\}")


def visible_text(response):
    """What a person sees: the page without scripts, tags and entities."""
    content = response.content.decode()
    if response.headers.get("Content-Type", "").startswith("application/json"):
        content = response.json().get("html", "")
    content = re.sub(r"<(script|style|svg)\b.*?</\1>", " ", content, flags=re.S)
    content = re.sub(r"<[^>]+>", " ", content)
    return " ".join(unescape(content).split())


def assert_danish(response, danish, english):
    text = visible_text(response)
    for phrase in danish:
        assert phrase in text, f"missing Danish {phrase!r}"
    for phrase in english:
        assert phrase not in text, f"English {phrase!r} on a Danish screen"


@pytest.mark.django_db
def test_secretary_and_chair_journey_is_in_danish(client, people, councils):
    make_hearing_response(councils["a"], "Svar om værestedet", user=people["secretary_a"])
    index = HearingResponsePage.objects.get().get_parent()

    # Log in
    login_page = client.get(reverse("wagtailadmin_login"))
    assert_danish(
        login_page,
        ["Log ind", "Adgangskode", "Glemt adgangskode?"],
        ["Sign in", "Password", "Forgotten password?"],
    )
    response = client.post(
        reverse("wagtailadmin_login"), {"username": "sekretaer-a", "password": PASSWORD}
    )
    assert response.status_code == 302

    # Dashboard
    dashboard = client.get(reverse("wagtailadmin_home"))
    assert_danish(dashboard, ["Forside"], ["Dashboard", "Your pages and snippets in a workflow"])

    # Create a hearing response and submit it to the chair
    add_url = reverse(
        "wagtailadmin_pages:add", args=["council_pages", "hearingresponsepage", index.pk]
    )
    form = client.get(add_url)
    assert_danish(
        form,
        ["Send til godkendelse", "Gem skitse", "Sidens titel", "Udgives (dato og tid)"],
        [
            "Submit to",
            "Save draft",
            "Page title",
            "Choose when this page should go live",
            "Go live date/time",
            "Meta description",
        ],
    )
    data = form_data(form)
    data.update(
        {
            "title": ["Høringssvar om natvarmestuen"],
            "slug": ["natvarmestuen"],
            "summary": ["Rådet vil have flere pladser."],
            "response": [rich_text("<p>Rådet anbefaler flere pladser.</p>")],
            "response_date": ["2010-05-04"],
            "consultation_material-count": ["0"],
            "minority_opinions-count": ["0"],
            "action-submit": ["1"],
        }
    )
    submitted = client.post(add_url, data, follow=True)
    assert_danish(
        submitted,
        ["Siden 'Høringssvar om natvarmestuen' er oprettet og sendt til godkendelse."],
        ["created and submitted for moderation"],
    )
    page = HearingResponsePage.objects.get(slug="natvarmestuen")

    # Editing while it waits
    editor = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    assert_danish(editor, ["Godkendelse af formand"], ["Awaiting", "in moderation"])

    # The chair's dashboard, decision dialogs and the history
    client.logout()
    client.post(reverse("wagtailadmin_login"), {"username": "formand-a", "password": PASSWORD})
    dashboard = client.get(reverse("wagtailadmin_home"))
    assert_danish(
        dashboard,
        ["Venter på din godkendelse", "Godkend og udgiv", "Afvis med kommentar"],
        ["Awaiting your review", "Request changes", "Approve with comment"],
    )
    task_state = TaskState.objects.get(workflow_state__object_id=str(page.pk))
    reject_dialog = client.get(
        reverse("wagtailadmin_pages:workflow_action", args=[page.pk, "reject", task_state.pk])
    )
    assert_danish(reject_dialog, ["Kommentar til sekretæren"], ["Comment"])
    assert workflow_action(client, page, "approve").status_code == 302

    history = client.get(reverse("wagtailadmin_pages:history", args=[page.pk]))
    assert_danish(history, ["Historik", "Udgivet"], ["Workflow: approve task", "Published"])
    workflow_history = client.get(reverse("wagtailadmin_pages:workflow_history", args=[page.pk]))
    assert_danish(workflow_history, ["Godkendelseshistorik"], ["Workflow history"])


@pytest.mark.django_db
def test_rejected_page_is_explained_in_danish_to_the_secretary(client, people, councils):
    page = make_hearing_response(councils["a"], live=False, user=people["secretary_a"])
    submit(page, people["secretary_a"])
    client.force_login(people["chair_a"])
    workflow_action(client, page, "reject", "Skriv kortere.")
    client.force_login(people["secretary_a"])
    dashboard = client.get(reverse("wagtailadmin_home"))
    assert_danish(dashboard, ["Dine sider til godkendelse", "Afvist"], ["Changes requested"])


@pytest.mark.django_db
def test_the_admin_javascript_speaks_danish_too(client, people):
    """The sidebar and the editor's widgets take their words from the JavaScript catalogue."""
    client.force_login(people["secretary_a"])
    catalogue = client.get(reverse("wagtailadmin_javascript_catalog")).content.decode()
    for english, danish in [("Dashboard", "Forside"), ("Main menu", "Hovedmenu")]:
        assert f'"{english}": "{danish}"' in catalogue


@pytest.mark.parametrize("domain", ["django", "djangojs"])
def test_compiled_translations_match_the_source(domain):
    """The committed .mo is compiled from the committed .po (no msgfmt needed to check)."""
    source = polib.pofile(str(LOCALE_DIR / f"{domain}.po"))
    compiled = polib.mofile(str(LOCALE_DIR / f"{domain}.mo"))

    def catalogue(entries):
        return {
            (e.msgctxt, e.msgid): (e.msgstr, tuple(sorted(e.msgstr_plural.items())))
            for e in entries
            if e.msgid and not e.obsolete and "fuzzy" not in getattr(e, "flags", [])
        }

    assert catalogue(compiled) == catalogue(source)
    assert source.percent_translated() == 100


@pytest.mark.parametrize("domain", ["django", "djangojs"])
def test_translations_keep_every_placeholder(domain):
    for entry in polib.pofile(str(LOCALE_DIR / f"{domain}.po")):
        if entry.msgid_plural:
            pairs = [(entry.msgid_plural, entry.msgstr_plural[1])]
        else:
            pairs = [(entry.msgid, entry.msgstr)]
        for original, translated in pairs:
            assert sorted(PLACEHOLDER.findall(translated)) == sorted(
                PLACEHOLDER.findall(original)
            ), entry.msgid

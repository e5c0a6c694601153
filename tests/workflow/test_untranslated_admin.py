"""No screen of the secretary's or the chair's journey shows a message of Django's or Wagtail's
catalogues that has no Danish translation.

The check is made from the catalogues themselves: every English msgid of Wagtail and Django
whose Danish translation (ours in ``LOCALE_PATHS``, Wagtail's, Django's) is missing is looked
for as a whole piece of visible text on each screen, as the secretary and as the chair.
"""

import re
from html import unescape
from io import StringIO
from pathlib import Path

import django
import polib
import pytest
import wagtail
from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.urls import reverse
from django.utils import translation
from wagtail.models import Page, TaskState

from council_pages.models import CouncilPage, HearingResponsePage
from documents.models import CouncilDocument

from .conftest import submit, workflow_action

pytestmark = pytest.mark.django_db

PASSWORD = "demo-i-test"  # noqa: S105 - a test-only password

# Found on these screens before the project's catalogue covered them.
ENGLISH_FOUND = [
    "This widget failed to render",
    "- Select an option -",
    "Latest documents",
    "Add a document",
    "Change document:",
    "Used 1 time",
    "minutes ago",
    "a minute ago",
    "Compare",
    "Draft saved",
    "Date / Time",
    "Log ind i Wagtail",
    "Vejledning til Wagtail",  # now "Vejledning for redaktører"
    "indsendt til moderation",
    "Side opsummering",
    "Søge term",
]


# Reports Wagtail shows only to those with the matching permission.
ONLY_SOME_MAY = {"locked pages", "workflow report", "site history"}


def untranslated_msgids():
    """English msgids of Wagtail's and Django's catalogues that stay English in Danish."""
    roots = [Path(wagtail.__file__).parent, Path(django.__file__).parent]
    msgids = set()
    for root in roots:
        for path in root.glob("**/locale/en/LC_MESSAGES/django.po"):
            for entry in polib.pofile(str(path)):
                msgid = entry.msgid
                # Whole phrases only: single short words ("ID", "URL", "Wagtail") are the same
                # in Danish, and placeholders never appear verbatim.
                if len(msgid) < 4 or "%" in msgid or "{" in msgid or " " not in msgid:
                    continue
                msgids.add(msgid)
    with translation.override("da"):
        return {m for m in msgids if translation.gettext(m) == m}


def visible_pieces(response):
    soup = BeautifulSoup(response.content, "html.parser")
    for tag in soup(["script", "style", "svg", "template"]):
        tag.decompose()
    pieces = {" ".join(unescape(s).split()) for s in soup.stripped_strings}
    for tag in soup.find_all(attrs={"aria-label": True}):
        pieces.add(tag["aria-label"].strip())
    for tag in soup.find_all(attrs={"placeholder": True}):
        pieces.add(tag["placeholder"].strip())
    return pieces, " ".join(soup.get_text(" ").split())


def screens(user):
    """(label, url) of the admin screens the secretary and chair meet."""
    council = CouncilPage.objects.get(slug="odense")
    response = HearingResponsePage.objects.descendant_of(council).first()
    document = CouncilDocument.objects.filter(council=council).first()
    urls = [
        ("dashboard", reverse("wagtailadmin_home")),
        ("explorer", reverse("wagtailadmin_explore", args=[council.pk])),
        ("documents", reverse("wagtaildocs:index")),
        ("document upload", reverse("wagtaildocs:add")),
        ("document chooser", reverse("wagtaildocs_chooser:choose")),
        ("document chooser upload", reverse("wagtaildocs_chooser:create")),
        ("document chooser results", reverse("wagtaildocs_chooser:choose_results")),
        ("document chooser search", reverse("wagtaildocs_chooser:choose_results") + "?q=referat"),
        ("history", reverse("wagtailadmin_pages:history", args=[response.pk])),
        ("workflow history", reverse("wagtailadmin_pages:workflow_history", args=[response.pk])),
        ("locked pages", reverse("wagtailadmin_reports:locked_pages")),
        ("workflow report", reverse("wagtailadmin_reports:workflow")),
        ("site history", reverse("wagtailadmin_reports:site_history")),
        ("account", reverse("wagtailadmin_account")),
    ]
    if document is not None:
        urls.append(("document edit", reverse("wagtaildocs:edit", args=[document.pk])))
    revisions = list(response.revisions.order_by("pk").values_list("pk", flat=True))
    if len(revisions) > 1:
        urls.append(
            (
                "compare",
                reverse(
                    "wagtailadmin_pages:revisions_compare",
                    args=[response.pk, revisions[0], revisions[-1]],
                ),
            )
        )
    seen_edit, seen_add = set(), set()
    for page in Page.objects.descendant_of(council, inclusive=True).specific().order_by("path"):
        model = type(page)
        perms = page.permissions_for_user(user)
        if model not in seen_edit and perms.can_edit():
            seen_edit.add(model)
            urls.append(
                (f"edit {model.__name__}", reverse("wagtailadmin_pages:edit", args=[page.pk]))
            )
        if perms.can_add_subpage():
            for child in model.creatable_subpage_models():
                if child not in seen_add and child.can_create_at(page):
                    seen_add.add(child)
                    meta = child._meta
                    urls.append(
                        (
                            f"add {child.__name__}",
                            reverse(
                                "wagtailadmin_pages:add",
                                args=[meta.app_label, meta.model_name, page.pk],
                            ),
                        )
                    )
    return urls


def english_on(response, untranslated):
    pieces, text = visible_pieces(response)
    found = sorted(pieces & untranslated)
    found += [phrase for phrase in ENGLISH_FOUND if phrase in text]
    # A count of things Wagtail could not name ("1-1 af 1 None").
    found += re.findall(r"\d+ af \d+ None", text)
    return found


def test_admin_screens_show_no_untranslated_catalogue_text(client):
    call_command("load_demo", "--password", PASSWORD, stdout=StringIO(), stderr=StringIO())
    users = get_user_model().objects
    secretary, chair = users.get(username="odense-sekretaer"), users.get(username="odense-formand")
    council = CouncilPage.objects.get(slug="odense")
    page = HearingResponsePage.objects.descendant_of(council).first()
    # A page sent back once and waiting again: the states the journey passes through.
    page.save_revision(user=secretary)
    submit(page, secretary)
    client.force_login(chair)
    workflow_action(client, page, "reject", "Tilføj høringsfristen.")
    page.save_revision(user=secretary)
    page.current_workflow_state.resume(secretary)
    untranslated = untranslated_msgids()
    assert "Latest documents" not in untranslated  # the project's catalogue covers it

    problems, checked = [], 0
    client.logout()
    login = client.get(reverse("wagtailadmin_login"))
    problems += [f"login: {e!r}" for e in english_on(login, untranslated)]
    for user in (secretary, chair):
        client.force_login(user)
        for label, url in screens(user):
            response = client.get(url)
            if response.status_code == 302 and label in ONLY_SOME_MAY:
                continue  # not this person's screen (Wagtail sends them to the dashboard)
            assert response.status_code == 200, f"{user} {label}: {url} {response.status_code}"
            checked += 1
            if response.headers.get("Content-Type", "").startswith("application/json"):
                response.content = response.json().get("html", "").encode()
            problems += [f"{user} {label}: {e!r}" for e in english_on(response, untranslated)]
        task_state = TaskState.objects.filter(
            workflow_state__object_id=str(page.pk), status=TaskState.STATUS_IN_PROGRESS
        ).first()
        if user == chair and task_state is not None:
            for action in ("approve", "reject"):
                dialog = client.get(
                    reverse(
                        "wagtailadmin_pages:workflow_action", args=[page.pk, action, task_state.pk]
                    )
                )
                dialog.content = dialog.json().get("html", "").encode()
                problems += [
                    f"{user} {action} dialog: {e!r}" for e in english_on(dialog, untranslated)
                ]
    assert checked >= 20, checked
    assert not problems, "\n".join(sorted(set(problems)))

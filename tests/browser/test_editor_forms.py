"""Every page type's add and edit form renders in Chromium for the secretary: no widget that
"failed to render" and no error in the browser console, from the forms' default values on."""

from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.urls import reverse
from wagtail.models import Page

from council_pages.models import CouncilPage
from tests.browser.admin import log_in

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

PASSWORD = "demo-i-test"  # noqa: S105 - a test-only password


def form_urls(user, council):
    """(label, url): the add form of every type the user may create, the edit form of each type."""
    urls, seen_edit, seen_add = [], set(), set()
    for page in Page.objects.descendant_of(council, inclusive=True).specific().order_by("path"):
        model = type(page)
        if model not in seen_edit and page.permissions_for_user(user).can_edit():
            seen_edit.add(model)
            urls.append(
                (f"edit {model.__name__}", reverse("wagtailadmin_pages:edit", args=[page.pk]))
            )
        if not page.permissions_for_user(user).can_add_subpage():
            continue
        for child_model in model.creatable_subpage_models():
            if child_model in seen_add or not child_model.can_create_at(page):
                continue
            seen_add.add(child_model)
            meta = child_model._meta
            urls.append(
                (
                    f"add {child_model.__name__}",
                    reverse(
                        "wagtailadmin_pages:add", args=[meta.app_label, meta.model_name, page.pk]
                    ),
                )
            )
    return urls


def test_secretary_opens_every_add_and_edit_form_without_errors(page):
    call_command("load_demo", "--password", PASSWORD, stdout=StringIO(), stderr=StringIO())
    secretary = get_user_model().objects.get(username="odense-sekretaer")
    council = CouncilPage.objects.get(slug="odense")
    urls = form_urls(secretary, council)
    kinds = {label.split()[1] for label, _url in urls}
    # The secretary's own publications, at least, must be among them.
    assert {"MeetingPage", "HearingResponsePage", "AnnualReportPage"} <= kinds, urls

    errors = []
    page.on("console", lambda msg: msg.type == "error" and errors.append(msg.text.splitlines()[0]))
    page.on("pageerror", lambda exc: errors.append(str(exc).splitlines()[0]))
    log_in(page, "odense-sekretaer", PASSWORD)
    problems = []
    for label, url in urls:
        errors.clear()
        response = page.goto(url, wait_until="networkidle")
        assert response is not None and response.status == 200, f"{label}: {url}"
        text = page.locator("body").inner_text()
        if "failed to render" in text or "kunne ikke vises" in text:
            problems.append(f"{label}: a widget failed to render")
        problems.extend(f"{label}: {error}" for error in errors)
    checked = "\n".join(label for label, _url in urls)
    assert not problems, "\n".join(problems) + "\n\nChecked:\n" + checked

"""The accessibility statement and the privacy page exist on every install and are editable."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.test import override_settings

from council_pages.models import StandardPage

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("url", "heading", "phrase"),
    [
        ("/tilgaengelighed/", "Tilgængelighedserklæring", "Digitaliseringsstyrelsen"),
        ("/privatliv/", "Privatliv og cookies", "ingen cookies"),
    ],
)
def test_footer_pages_exist_after_migrating(client, url, heading, phrase):
    response = client.get(url)
    html = response.content.decode()

    assert response.status_code == 200
    assert f"<h1>{heading}</h1>" in html
    assert phrase in html


def test_footer_pages_are_ordinary_editable_pages():
    pages = StandardPage.objects.live().public().filter(slug__in=["tilgaengelighed", "privatliv"])

    assert {page.url for page in pages} == {"/tilgaengelighed/", "/privatliv/"}


@override_settings(DEBUG=False)
@pytest.mark.parametrize("path", ["/was", "/was/"])
def test_was_leads_to_the_accessibility_statement(client, path):
    response = client.get(path)

    assert response.status_code in (301, 302)
    assert response["Location"] == "/tilgaengelighed/"


def test_accessibility_statement_follows_an_edit(client, admin_user):
    page = StandardPage.objects.get(slug="tilgaengelighed")
    page.title = "Tilgængelighed på sitet"
    page.save_revision(user=admin_user).publish()

    assert "<h1>Tilgængelighed på sitet</h1>" in client.get("/tilgaengelighed/").content.decode()
    assert client.get("/was")["Location"] == "/tilgaengelighed/"


def test_demo_about_page_is_linked_from_the_home_page(client):
    for _ in range(2):  # the step is idempotent
        call_command("load_demo", "--password", "x-test", stdout=StringIO(), stderr=StringIO())

    assert StandardPage.objects.filter(slug="om").count() == 1
    home = client.get("/").content.decode()
    about = client.get("/om/")
    assert 'href="/om/"' in home and 'href="/tilgaengelighed/"' in home
    assert about.status_code == 200
    assert "<h1>Om udsatterådene</h1>" in about.content.decode()

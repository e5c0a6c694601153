"""A misspelt search finds what the right spelling finds; nothing found offers ways to browse."""

import io

import pytest
from django.core.management import call_command
from wagtail.models import PageViewRestriction

from tests.factories import CouncilPageFactory
from tests.factories_publications import (
    HearingResponseIndexPageFactory,
    HearingResponsePageFactory,
)


@pytest.fixture
def site(db):
    council = CouncilPageFactory(slug="esbjerg", title="Udsatterådet i Esbjerg")
    index = HearingResponseIndexPageFactory(parent=council)
    HearingResponsePageFactory(
        parent=index,
        title="Høringssvar om handleplan mod vold",
        slug="vold",
        summary="Kvinder med misbrug skal kunne komme på krisecenter.",
        response="<p>Rådet støtter handleplanen.</p>",
    )
    secret = HearingResponsePageFactory(
        parent=index,
        title="Lukket svar",
        slug="lukket",
        summary="Om hemmeligholdelsesaftaler.",
        response="<p>Intet.</p>",
    )
    PageViewRestriction.objects.create(page=secret, restriction_type=PageViewRestriction.LOGIN)
    call_command("search_index", "rebuild", stdout=io.StringIO())
    return index


def api(client, q):
    return client.get("/api/search/", {"q": q}).json()


@pytest.mark.django_db
def test_a_misspelt_word_finds_what_the_right_spelling_finds(client, site):
    body = api(client, "kriscenter")
    assert body["corrected_from"] == "kriscenter"
    assert body["query"] == "krisecenter"
    assert [r["title"] for r in body["results"]] == ["Høringssvar om handleplan mod vold"]
    html = client.get("/soeg/", {"q": "kriscenter"}).content.decode()
    assert "Vi fandt intet med “kriscenter”. Her er resultaterne for “krisecenter”." in html


@pytest.mark.django_db
def test_a_right_spelling_is_left_alone(client, site):
    body = api(client, "krisecenter")
    assert body["corrected_from"] is None
    assert body["total"] == 1


@pytest.mark.django_db
def test_no_suggestion_from_what_the_public_may_not_see(client, site):
    # "hemmeligholdelsesaftaler" is only in a restricted page: never indexed, never suggested.
    body = api(client, "hemmeligholdelsesaftalr")
    assert body["corrected_from"] is None
    assert body["total"] == 0


@pytest.mark.django_db
def test_words_of_a_page_published_later_are_suggested_too(
    client, site, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        page = HearingResponsePageFactory(
            parent=site,
            title="Svar om nødovernatning",
            slug="noedovernatning",
            summary="Rådet vil have nødovernatning hele året.",
        )
        page.save_revision().publish()
    body = api(client, "nødovernating")
    assert body["query"] == "nødovernatning"
    assert body["total"] == 1


@pytest.mark.django_db
def test_nothing_found_offers_the_lists_and_the_councils(client, site):
    html = client.get("/soeg/", {"q": "zzzxqv"}).content.decode()
    assert "Prøv med færre ord" in html
    for url in (
        "/moeder/",
        "/hoeringssvar/",
        "/aarsrapporter/",
        "/aktuelle-hoeringer/",
        "/esbjerg/",
    ):
        assert f'href="{url}"' in html, url

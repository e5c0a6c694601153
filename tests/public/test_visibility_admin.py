"""One rule of visibility in the admin and at the logins: another council's secretary sees none
of the planted words (``planted_site.py``) in any list, chooser, report or bulk screen, and the
logins set no cookie before someone logs in.
"""

import pytest
from django.contrib.auth import get_user_model
from wagtail.models import Collection

from council_pages.models import HearingResponsePage

from .planted_site import HIDDEN, VISIBLE, all_live_pages, plant_site, read

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def site(db):
    return plant_site()


ADMIN_URLS = [
    "/admin/",
    "/admin/choose-page/search/?q={word}",
    "/admin/choose-page/",
    "/admin/pages/search/?q={word}",
    "/admin/api/main/pages/?search={word}",
    "/admin/api/main/documents/?limit=100",
    "/admin/documents/",
    "/admin/documents/chooser/",
    "/admin/reports/page-types-usage/",
    "/admin/reports/locked/",
    "/admin/reports/workflow/",
    "/admin/reports/aging-pages/",
    "/admin/reports/workflow_tasks/",
    "/admin/reports/site-history/",
    "/admin/reports/page-types-usage/results/",
]


@pytest.mark.parametrize("kind", sorted(HIDDEN))
def test_another_councils_secretary_sees_none_of_it_in_the_admin(client, site, kind):
    client.force_login(site["secretary"])
    word = HIDDEN[kind]
    leaks = [url for url in ADMIN_URLS if word in read_admin(client, url, word)]
    assert leaks == []


def read_admin(client, url, word):
    """An admin screen without the places it repeats the search words back."""
    body = read(client, url.format(word=word))
    for echo in (f'value="{word}"', f"q={word}", f"<em>{word}</em>"):
        body = body.replace(echo, "")
    return body


def test_another_councils_secretary_does_not_see_its_published_work_in_choosers(client, site):
    client.force_login(site["secretary"])
    for url in ADMIN_URLS:
        assert VISIBLE not in read_admin(client, url, VISIBLE), url
    ids = "&".join(f"id={page.pk}" for page in all_live_pages())
    for action in ("publish", "unpublish", "delete", "move"):
        body = read(client, f"/admin/bulk/wagtailcore/page/{action}/?{ids}")
        assert VISIBLE not in body, action
        assert "/vejle/" not in body, action
    doc_ids = "&".join(f"id={doc.pk}" for doc in site["hidden_documents"])
    for action in ("delete", "add_tags", "add_to_collection"):
        body = read(client, f"/admin/bulk/documents/councildocument/{action}/?{doc_ids}")
        for doc in site["hidden_documents"]:
            assert doc.title not in body, action


@pytest.mark.parametrize("url", ["/soeg/?q=svar", "/api/search/?q=svar", "/robots.txt", "/"])
def test_head_works_wherever_get_does(client, url):
    get, head = client.get(url), client.head(url)
    assert get.status_code == 200
    assert head.status_code == 200
    assert head.content == b""


def test_the_way_to_the_login_sets_no_cookie_and_writes_no_session(client, site):
    from django.contrib.sessions.models import Session

    restricted = HearingResponsePage.objects.get(title__contains=HIDDEN["restricted_page"])
    for _ in range(5):
        response = client.get(restricted.url, follow=True)
        assert response.redirect_chain[-1][0].startswith("/log-ind/?next=")
        assert "Log ind" in response.content.decode()
        assert not response.cookies
    assert Session.objects.count() == 0
    assert not client.cookies


def test_the_readers_login_lets_a_council_member_in_and_refuses_other_sites(site):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)  # as a browser: no token, Origin decides
    restricted = HearingResponsePage.objects.get(title__contains=HIDDEN["restricted_page"])
    member = get_user_model().objects.create_user("vejle-medlem", password="kodeord-123")
    form = {"username": "vejle-medlem", "password": "kodeord-123", "next": restricted.url}

    forged = client.post("/log-ind/", form, HTTP_ORIGIN="https://angriber.example")
    assert forged.status_code == 403
    assert not client.cookies.get("sessionid")

    response = client.post("/log-ind/", form, HTTP_ORIGIN="http://testserver")
    assert response.status_code == 302
    assert response["Location"] == restricted.url
    assert client.get(restricted.url).status_code == 200
    assert member.is_authenticated


def test_the_ownership_report_names_references_to_other_councils_documents(site):
    from io import StringIO

    from django.core.management import CommandError, call_command

    out = StringIO()
    with pytest.raises(CommandError):
        call_command("check_document_ownership", stdout=out)
    report = out.getvalue()
    assert HIDDEN["foreign_document_block"] in report
    assert HIDDEN["foreign_document_link"] in report
    assert "Herning" in report
    assert HIDDEN["private_collection_document"] not in report  # Vejle's own, if private


def test_the_cancellation_check_tells_other_councils_nothing(client, site):
    from django.urls import reverse

    client.force_login(site["secretary"])
    url = reverse("wagtailadmin_pages:confirm_workflow_cancellation", args=[site["visible"].pk])
    assert client.get(url).status_code == 404


def test_site_administrators_mark_shared_collections_in_the_admin(client, site):
    from visibility.models import SharedCollection

    shared = Collection.get_first_root_node().add_child(name="Fælles vejledninger")
    admin = get_user_model().objects.create_superuser("chef", password="kodeord-123")
    client.force_login(admin)
    response = client.post("/admin/shared_collections/new/", {"collection": shared.pk})
    assert response.status_code == 302
    assert SharedCollection.objects.filter(collection=shared).exists()
    assert "Fælles vejledninger" in client.get("/admin/shared_collections/").content.decode()

    client.force_login(site["secretary"])
    assert client.get("/admin/shared_collections/").status_code in (302, 403)


def test_the_admin_login_sets_no_cookie_until_someone_logs_in(site):
    from django.contrib.sessions.models import Session
    from django.test import Client

    client = Client(enforce_csrf_checks=True)  # as a browser: no token, Origin decides
    for _ in range(3):
        response = client.get("/admin/", follow=True)
        assert response.redirect_chain[-1][0].startswith("/admin/login/?next=")
        assert 'name="password"' in response.content.decode()
        assert not response.cookies
    assert Session.objects.count() == 0

    form = {"username": site["secretary"].username, "password": "wrong"}
    forged = client.post("/admin/login/", form, HTTP_ORIGIN="https://angriber.example")
    assert forged.status_code == 403
    assert Session.objects.count() == 0

    site["secretary"].set_password("kodeord-123")
    site["secretary"].save()
    form["password"] = "kodeord-123"
    response = client.post("/admin/login/", form, HTTP_ORIGIN="http://testserver")
    assert response.status_code == 302
    assert client.get("/admin/").status_code == 200

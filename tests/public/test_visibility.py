"""One rule of visibility, every channel: a planted word for each way of being hidden.

Vejle's site holds a page for each way a thing can be hidden from the public, each with a word
of its own; Herning owns two documents that Vejle's pages link to. Every public channel is read
as an anonymous visitor, and the admin as Randers' secretary: no hidden word may appear
anywhere. A visible page's word must appear (so the test can see a leak when there is one).
"""

import datetime
import json
import re
from urllib.parse import urlsplit

import pytest
from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from wagtail.models import Collection, CollectionViewRestriction, PageViewRestriction

from council_pages.models import (
    CouncilPage,
    CouncilRole,
    CouncilRoleKind,
    HearingResponseIndexPage,
    HearingResponsePage,
    HomePage,
    MeetingIndexPage,
    MeetingPage,
)
from council_pages.models.roles import council_group
from documents.collections import council_collection
from documents.models import CouncilDocument
from tests.documents.files import pdf_with_text

pytestmark = pytest.mark.django_db(transaction=True)

VISIBLE = "synligsvar"
HIDDEN = {
    "draft": "kladdeord",
    "unpublished_change": "aendringsord",
    "restricted_page": "laaseord",
    "non_public_minutes": "referatord",
    "below_unpublished_section": "sektionsord",
    "foreign_document_block": "blokbilag",
    "foreign_document_link": "linkbilag",
    "private_collection_document": "samlingsbilag",
}


def add(parent, page, *, live=True):
    page.live = live
    parent.add_child(instance=page)
    revision = page.save_revision()
    if live:
        revision.publish()
    return type(page).objects.get(pk=page.pk)


def council(home, slug, title):
    return add(home, CouncilPage(title=title, slug=slug, official_name=title, municipality=title))


def document(title, collection):
    doc = CouncilDocument(title=title, collection=collection)
    doc.file.save(f"{title}.pdf", ContentFile(pdf_with_text(f"Bilag {title}")), save=False)
    doc.save()
    return doc


@pytest.fixture
def site(db):
    home = HomePage.objects.get()
    vejle = council(home, "vejle", "Vejle")
    herning = council(home, "herning", "Herning")
    randers = council(home, "randers", "Randers")
    index = add(vejle, HearingResponseIndexPage(title="Høringssvar", slug="hoeringssvar"))
    meetings = add(vejle, MeetingIndexPage(title="Møder", slug="moeder"))

    # Herning's documents, first in Vejle's collection (linked while they were Vejle's), then
    # moved to Herning: a reference that slipped past the editing checks, as in old data.
    vejle_collection = council_collection(vejle)
    block_doc = document(HIDDEN["foreign_document_block"], vejle_collection)
    link_doc = document(HIDDEN["foreign_document_link"], vejle_collection)
    private = vejle_collection.add_child(name="Lukket")
    CollectionViewRestriction.objects.create(
        collection=private, restriction_type=CollectionViewRestriction.LOGIN
    )
    private_doc = document(HIDDEN["private_collection_document"], private)

    visible = add(
        index,
        HearingResponsePage(
            summary="Kort om svaret.",
            title=f"Svar om {VISIBLE}",
            response_date=datetime.date(2010, 3, 1),
            response=f'<p>{VISIBLE} <a linktype="document" id="{link_doc.pk}">bilag</a></p>',
            consultation_material=[("document", block_doc), ("document", private_doc)],
        ),
    )
    herning_collection = council_collection(herning)
    for doc in (block_doc, link_doc):
        doc.collection = herning_collection
        doc.save()

    add(
        index,
        HearingResponsePage(
            summary="Kort om svaret.",
            title=f"Svar om {HIDDEN['draft']}",
            response_date=datetime.date(2010, 3, 2),
            response="<p>Kladde.</p>",
        ),
        live=False,
    )
    changed = add(
        index,
        HearingResponsePage(
            summary="Kort om svaret.",
            title="Svar om budgettet",
            response_date=datetime.date(2010, 3, 3),
            response="<p>Offentlig tekst.</p>",
        ),
    )
    changed.title = f"Svar om {HIDDEN['unpublished_change']}"
    changed.response = f"<p>{HIDDEN['unpublished_change']}</p>"
    changed.save_revision()

    restricted = add(
        index,
        HearingResponsePage(
            summary="Kort om svaret.",
            title=f"Svar om {HIDDEN['restricted_page']}",
            response_date=datetime.date(2010, 3, 4),
            response="<p>Kun for rådet.</p>",
        ),
    )
    PageViewRestriction.objects.create(page=restricted, restriction_type=PageViewRestriction.LOGIN)

    add(meetings, MeetingPage(title="Møde 22. oktober 2009", date=datetime.date(2009, 10, 22)))
    secret = add(
        meetings,
        MeetingPage(
            title=f"Møde om {HIDDEN['non_public_minutes']}",
            date=datetime.date(2009, 11, 24),
            objection_to_previous_minutes=f"Et medlem protesterede: {HIDDEN['non_public_minutes']}",
        ),
    )
    restriction = PageViewRestriction.objects.create(
        page=secret, restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.set([council_group(vejle)])

    statements = add(vejle, HearingResponseIndexPage(title="Udtalelser", slug="udtalelser"))
    add(
        statements,
        HearingResponsePage(
            summary="Kort om svaret.",
            title=f"Udtalelse om {HIDDEN['below_unpublished_section']}",
            response_date=datetime.date(2010, 3, 5),
            response=f"<p>{HIDDEN['below_unpublished_section']}</p>",
        ),
    )
    statements.unpublish()  # the section only: its child stays live in Wagtail's sense

    secretary = get_user_model().objects.create_user("randers-sekretaer", password="x")
    CouncilRole.objects.create(user=secretary, council=randers, role=CouncilRoleKind.SECRETARY)
    return {
        "vejle": vejle,
        "visible": visible,
        "hidden_documents": [block_doc, link_doc, private_doc],
        "secretary": secretary,
        "secret_meeting": secret,
    }


def public_urls(client):
    pages = [page.url for page in _all_live_pages()]
    urls = [
        "/",
        "/rss/",
        "/atom/",
        "/vejle/rss/",
        "/vejle/atom/",
        "/hoeringssvar/rss/",
        "/moeder/kalender.ics",
        "/vejle/moeder/kalender.ics",
        "/moeder/kalender.ics?aar=2009",  # the fixture's meetings are of 2009
        "/vejle/moeder/kalender.ics?aar=2009",
        "/sitemap.xml",
        "/api/v2/pages/?limit=100",
        "/api/v2/pages/?limit=100&type=council_pages.HearingResponsePage&fields=*",
        "/api/v2/pages/?limit=100&type=council_pages.MeetingPage&fields=*",
        "/api/v2/documents/?limit=100",
        "/api/v2/images/?limit=100",
    ]
    urls += sitemap_sections(client)
    for word in [VISIBLE, *HIDDEN.values()]:
        urls += [f"/soeg/?q={word}", f"/api/search/?q={word}", f"/api/v2/pages/?search={word}"]
        urls += [f"/api/v2/documents/?search={word}"]
    return pages + urls


def sitemap_sections(client):
    """Every file the sitemap index names."""
    index = client.get("/sitemap.xml").content.decode()
    return [urlsplit(loc).path for loc in re.findall(r"<loc>([^<]+)</loc>", index)]


def _all_live_pages():
    from wagtail.models import Page

    return Page.objects.live().filter(depth__gt=1).specific()


def read(client, url):
    """What ``url`` shows the visitor, lower-cased; of a search, only its hits (not the query
    the page repeats back)."""
    response = client.get(url)
    assert response.status_code < 500, url
    if response.status_code != 200:
        return ""
    if getattr(response, "streaming", False):
        return b"".join(response.streaming_content).decode("utf-8", "replace").lower()
    if url.startswith("/api/search/"):
        return json.dumps(response.json()["results"], ensure_ascii=False).lower()
    body = response.content.decode("utf-8", "replace").lower()
    if url.startswith("/soeg/"):
        hits = re.search(r'<ol class="search-hits".*?</ol>', body, re.DOTALL)
        return hits.group(0) if hits else ""
    return body


def test_the_visible_page_shows_everywhere(client, site):
    assert VISIBLE in read(client, site["visible"].url)
    assert VISIBLE in read(client, "/rss/")
    assert VISIBLE in read(client, f"/soeg/?q={VISIBLE}")
    assert VISIBLE in read(client, "/api/v2/pages/?limit=100&search=" + VISIBLE) or VISIBLE in read(
        client, "/api/v2/pages/?limit=100"
    )


@pytest.mark.parametrize("kind", sorted(HIDDEN))
def test_no_hidden_word_reaches_any_public_channel(client, site, kind):
    word = HIDDEN[kind]
    leaks = [url for url in public_urls(client) if word in read(client, url)]
    assert leaks == []


def test_hidden_documents_cannot_be_downloaded(client, site):
    for doc in site["hidden_documents"]:
        response = client.get(doc.url)
        assert not getattr(response, "streaming", False), doc.title
        # A private collection asks for a login (Wagtail's own rule); the others do not exist.
        assert response.status_code in (302, 404), doc.title


def test_a_live_page_below_an_unpublished_section_is_not_served(client, site):
    child = HearingResponsePage.objects.get(title__contains=HIDDEN["below_unpublished_section"])
    assert child.live
    assert client.get(child.url).status_code == 404


def test_the_meeting_before_non_public_minutes_shows_nothing_of_them(client, site):
    earlier = MeetingPage.objects.get(date=datetime.date(2009, 10, 22))
    body = read(client, earlier.url)
    assert "24. november 2009" not in body
    assert "protesterede" not in body
    assert site["secret_meeting"].url not in body


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
    ids = "&".join(f"id={page.pk}" for page in _all_live_pages())
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

"""The site that ``test_visibility.py`` and ``test_visibility_admin.py`` read: a planted word for
each way of being hidden, and the helpers that read every channel for it.
"""

import datetime
import json
import re
from urllib.parse import urlsplit

import pytest
from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from wagtail.models import CollectionViewRestriction, PageViewRestriction

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


def plant_site():
    """Vejle's pages, one for each way of being hidden; Herning's documents; Randers'
    secretary."""
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
    pages = [page.url for page in all_live_pages()]
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


def all_live_pages():
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

"""The open-data API, the sitemap and robots.txt show public, published content only."""

import re
from io import StringIO
from urllib.parse import urlsplit

import pytest
from defusedxml import ElementTree as ET
from django.core.management import call_command
from wagtail.models import Page

pytestmark = pytest.mark.django_db

SITEMAP_NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}


def api_ids(client, url):
    response = client.get(url)
    assert response.status_code == 200, response.content
    assert response["Content-Type"] == "application/json"
    return {item["id"] for item in response.json()["items"]}


def test_pages_api_lists_public_pages_and_hides_drafts_private_pages_and_secret_minutes(
    client, planted
):
    ids = api_ids(client, "/api/v2/pages/?limit=100")

    assert {page.pk for page in planted.visible_pages} <= ids
    assert not {page.pk for page in planted.hidden_pages} & ids


@pytest.mark.parametrize("attribute", ["secret_minutes", "draft_response", "private_page"])
def test_hidden_pages_have_no_detail_in_the_api(client, planted, attribute):
    response = client.get(f"/api/v2/pages/{getattr(planted, attribute).pk}/")

    assert response.status_code == 404
    assert response.json() == {"message": "Findes ikke, eller er ikke offentlig."}


def test_filtering_by_type_does_not_reveal_secret_minutes(client, planted):
    ids = api_ids(client, "/api/v2/pages/?type=council_pages.MeetingPage&fields=*")

    assert ids == {planted.public_meeting.pk}


def test_a_logged_in_editor_sees_no_more_than_the_public(client, planted, admin_user):
    client.force_login(admin_user)

    ids = api_ids(client, "/api/v2/pages/?limit=100")

    assert not {page.pk for page in planted.hidden_pages} & ids


def test_council_fields_are_open_data(client, planted):
    meeting_id = planted.public_meeting.pk
    planted.council.purpose = f'<p>Se <a linktype="page" id="{meeting_id}">mødet</a>.</p>'
    planted.council.save_revision().publish()

    data = client.get(f"/api/v2/pages/{planted.council.pk}/").json()

    assert data["meta"]["type"] == "council_pages.CouncilPage"
    assert data["municipality"] == planted.council.municipality
    assert data["members_min"] == 8
    assert 'href="/testby/moeder/2009-10-22/"' in data["purpose"]
    assert "linktype" not in data["purpose"]
    assert isinstance(data["current_members"], list)
    assert isinstance(data["target_groups"], list)


def test_documents_api_lists_only_documents_the_public_may_download(client, planted):
    ids = api_ids(client, "/api/v2/documents/")

    assert planted.public_document.pk in ids
    assert planted.private_page_document.pk not in ids
    assert planted.private_collection_document.pk not in ids
    missing = client.get(f"/api/v2/documents/{planted.private_page_document.pk}/")
    assert missing.status_code == 404


def test_images_api_answers_with_json(client, planted):
    assert api_ids(client, "/api/v2/images/") == set()


@pytest.mark.parametrize(
    "url",
    ["/api/v2/pages/?type=findes.Ikke", "/api/v2/pages/?limit=-1", "/api/v2/pages/?ukendt=1"],
)
def test_bad_api_requests_get_a_danish_400(client, planted, url):
    response = client.get(url)

    assert response.status_code == 400
    assert response.json()["message"].startswith("Forespørgslen kan ikke besvares")


def test_api_answers_json_even_to_a_browser(client, planted):
    response = client.get("/api/v2/pages/", HTTP_ACCEPT="text/html,application/xhtml+xml")

    assert response["Content-Type"] == "application/json"
    assert not response.cookies


@pytest.mark.parametrize("url", ["/api/v2/pages/", "/api/v2/documents/", "/api/v2/pages/999999/"])
def test_any_web_page_may_read_the_open_data(client, planted, url):
    response = client.get(url, HTTP_ORIGIN="https://avis.example")

    assert response["Access-Control-Allow-Origin"] == "*"
    assert "Access-Control-Allow-Credentials" not in response


def sitemap_urls(client):
    """The pages of every section the sitemap index names."""
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    urls = set()
    for section in ET.fromstring(response.content).findall("s:sitemap/s:loc", SITEMAP_NS):
        parts = urlsplit(section.text)
        response = client.get(parts.path + (f"?{parts.query}" if parts.query else ""))
        assert response.status_code == 200
        root = ET.fromstring(response.content)
        urls |= {urlsplit(loc.text).path for loc in root.findall("s:url/s:loc", SITEMAP_NS)}
    return urls


def test_sitemap_lists_public_pages_only(client, planted):
    urls = sitemap_urls(client)

    assert {page.url for page in planted.visible_pages} <= urls
    assert not {page.url for page in planted.hidden_pages} & urls


def test_robots_txt_points_at_the_sitemap_and_keeps_crawlers_out_of_the_admin(client):
    response = client.get("/robots.txt")
    lines = response.content.decode().splitlines()

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    assert "User-agent: *" in lines
    assert "Disallow: /admin/" in lines
    assert "Sitemap: http://testserver/sitemap.xml" in lines


def test_every_public_page_of_the_demo_has_a_working_api_detail(client):
    call_command("load_demo", "--password", "demo-i-test", stdout=StringIO(), stderr=StringIO())
    pages = list(Page.objects.live().public().filter(depth__gte=2).specific())
    types = {page.specific_class._meta.label for page in pages}

    for page in pages:
        response = client.get(f"/api/v2/pages/{page.pk}/")
        assert response.status_code == 200, (page.url, response.content[:300])
        assert response.json()["meta"]["html_url"].endswith(page.url)
    for page_type in types:
        listing = client.get(f"/api/v2/pages/?type={page_type}&fields=*&limit=100")
        assert listing.status_code == 200, (page_type, listing.content[:300])
    assert {"council_pages.CouncilPage", "council_pages.StandardPage"} <= types


def test_open_data_page_explains_the_api_and_its_links_work(client, planted):
    html = client.get("/aabne-data/").content.decode()

    assert "<h1>Åbne data</h1>" in html
    links = [href.replace("&amp;", "&") for href in re.findall(r'href="(/api/v2/[^"]+)"', html)]
    assert len(links) >= 5
    for link in links:
        assert client.get(link).status_code == 200, link

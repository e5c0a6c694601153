"""The page cache: anonymous readers get cached pages; every change empties it; nobody else.

Through HTTP with the cache on (as in production): a cached answer carries ``X-Page-Cache: hit``
and costs no database query. Publishing, unpublishing, moving, deleting and privacy changes
show at once; logged-in editors, visitors with a cookie, restricted pages, query strings and
documents are never cached.
"""

import pytest
from django.test import override_settings
from wagtail.models import PageViewRestriction

from council_pages.models import HomePage
from tests.factories import StandardPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def page_cache(tmp_path):
    caches = {
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
        "page_cache": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": str(tmp_path / "pages"),
        },
    }
    with override_settings(PAGE_CACHE_SECONDS=300, CACHES=caches):
        yield


def get(client, url, **kwargs):
    response = client.get(url, **kwargs)
    return response, response.get("X-Page-Cache") == "hit"


def test_second_anonymous_visit_is_a_hit_without_database_queries(
    client, django_assert_num_queries
):
    page = StandardPageFactory(title="Om rådet", slug="om")
    first, hit = get(client, page.url)
    assert first.status_code == 200 and not hit
    with django_assert_num_queries(0):
        second, hit = get(client, page.url)
    assert hit and second.content == first.content
    assert "'unsafe-inline'" not in second["Content-Security-Policy"]
    assert not second.cookies


def test_publish_unpublish_move_delete_show_at_once(client):
    page = StandardPageFactory(title="Første udgave", slug="side")
    get(client, "/side/")
    assert get(client, "/side/")[1]

    page.title = "Anden udgave"
    page.save_revision().publish()
    response, hit = get(client, "/side/")
    assert not hit and "Anden udgave" in response.content.decode()

    page.refresh_from_db()
    page.unpublish()
    assert client.get("/side/").status_code == 404

    page.refresh_from_db()
    page.save_revision().publish()
    get(client, "/side/")
    other = StandardPageFactory(title="Anden side", slug="anden")
    get(client, "/anden/")
    other.delete()
    assert client.get("/anden/").status_code == 404
    home = HomePage.objects.get()
    get(client, "/side/")
    page.refresh_from_db()
    page.slug = "flyttet"
    page.save_revision().publish()
    assert client.get("/side/").status_code == 404
    assert home.get_children().filter(slug="flyttet").exists()


def test_a_privacy_change_shows_at_once_and_restricted_pages_are_never_cached(client):
    page = StandardPageFactory(title="Snart lukket", slug="lukket")
    get(client, "/lukket/")
    assert get(client, "/lukket/")[1]

    PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)
    response, hit = get(client, "/lukket/")
    assert response.status_code == 302 and not hit

    restriction = PageViewRestriction.objects.get(page=page)
    restriction.restriction_type = PageViewRestriction.PASSWORD
    restriction.password = "hemmelig"
    restriction.save()
    form, _ = get(client, "/lukket/")
    assert form.status_code == 200
    again, hit = get(client, "/lukket/", HTTP_COOKIE="")
    assert not hit
    assert "Snart lukket" not in again.content.decode().split("<main")[-1].split("</h1>")[-1]


def test_logged_in_editors_and_visitors_with_cookies_never_get_or_fill_the_cache(
    client, django_user_model
):
    StandardPageFactory(title="Til alle", slug="alle")
    editor = django_user_model.objects.create_superuser("redaktoer", "r@example.org", "x")
    client.force_login(editor)
    assert not get(client, "/alle/")[1]
    assert not get(client, "/alle/")[1]
    client.logout()
    assert not get(client, "/alle/")[1]  # the editor's visits stored nothing
    assert get(client, "/alle/")[1]
    assert not get(client, "/alle/", HTTP_COOKIE="sessionid=abc")[1]
    assert not get(client, "/alle/?side=2")[1]


def test_off_unless_turned_on(client):
    StandardPageFactory(title="Ingen cache", slug="ingen")
    with override_settings(PAGE_CACHE_SECONDS=0):
        get(client, "/ingen/")
        assert not get(client, "/ingen/")[1]

"""Papirkurv: a page deleted in the admin waits, restorable, and never reaches the public."""

import datetime
import re
from urllib.parse import urlsplit

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.test import Client
from django.utils import timezone
from wagtail.models import Page, PageLogEntry, Revision

from council_pages.models import (
    CouncilPage,
    CouncilRole,
    CouncilRoleKind,
    HomePage,
    MeetingIndexPage,
    MeetingPage,
)
from recycle_bin.models import DeletedPage, RecycleBinPage
from visibility.rules import visible

pytestmark = pytest.mark.django_db


def add(parent, page):
    parent.add_child(instance=page)
    page.save_revision().publish()
    return type(page).objects.get(pk=page.pk)


@pytest.fixture
def tree():
    home = HomePage.objects.get()
    vejle = add(home, CouncilPage(title="Vejle", slug="vejle", official_name="V", municipality="V"))
    herning = add(
        home, CouncilPage(title="Herning", slug="herning", official_name="H", municipality="H")
    )
    meetings = add(vejle, MeetingIndexPage(title="Møder", slug="moeder"))
    meeting = add(
        meetings, MeetingPage(title="Møde om skraldeord", slug="2026-01-05", date="2026-01-05")
    )
    return {"vejle": vejle, "herning": herning, "meetings": meetings, "meeting": meeting}


@pytest.fixture
def admin_client(client):
    user = get_user_model().objects.create_superuser("chef", password="kodeord-123")
    client.force_login(user)
    return client


def delete(client, page):
    return client.post(f"/admin/pages/{page.pk}/delete/")


def public_traces(url):
    """Where an anonymous reader meets the meeting: its page, the sitemap, API v2.

    (The search index follows the move signal after the transaction commits; its own tests
    cover that.)
    """
    reader = Client()
    traces = []
    if reader.get(url).status_code == 200:
        traces.append("page")
    index = reader.get("/sitemap.xml").content.decode()
    sections = [urlsplit(loc).path for loc in re.findall(r"<loc>([^<]+)</loc>", index)]
    if any(url in reader.get(section).content.decode() for section in sections):
        traces.append("sitemap")
    if "skraldeord" in reader.get("/api/v2/pages/?limit=100").content.decode():
        traces.append("api")
    return traces


def test_a_deleted_page_waits_in_the_bin_with_its_children_and_revisions(admin_client, tree):
    meetings, meeting = tree["meetings"], tree["meeting"]
    url = meeting.url
    assert public_traces(url) == ["page", "sitemap", "api"]
    revisions = Revision.objects.filter(object_id=str(meeting.pk)).count()

    response = delete(admin_client, meetings)
    assert response.status_code == 302
    assert "papirkurven" in admin_client.get(response["Location"]).content.decode()

    bin_page = RecycleBinPage.objects.get()
    assert not bin_page.live
    meeting.refresh_from_db()
    assert meeting.path.startswith(bin_page.path)
    assert Revision.objects.filter(object_id=str(meeting.pk)).count() == revisions
    assert not visible(Page.objects.filter(pk__in=[meetings.pk, meeting.pk])).exists()
    assert public_traces(url) == []

    listing = admin_client.get("/admin/papirkurv/").content.decode()
    assert "Møder" in listing
    assert "(og 1 underside)" in listing


def test_a_site_administrator_restores_it_where_it_was(admin_client, tree):
    delete(admin_client, tree["meetings"])
    entry = DeletedPage.objects.get()
    response = admin_client.post("/admin/papirkurv/", {"entry": entry.pk})
    assert response.status_code == 302
    meetings = MeetingIndexPage.objects.get()
    assert meetings.get_parent().pk == tree["vejle"].pk
    assert meetings.slug == "moeder"
    assert admin_client.get(tree["meeting"].url).status_code == 200
    assert not DeletedPage.objects.exists()


def test_nobody_but_site_administrators_sees_the_bin(admin_client, client, tree):
    delete(admin_client, tree["meetings"])
    secretary = get_user_model().objects.create_user("sekretaer", password="kodeord-123")
    CouncilRole.objects.create(
        user=secretary, council=tree["herning"], role=CouncilRoleKind.SECRETARY
    )
    client.force_login(secretary)
    # Wagtail's admin answers a refusal with a redirect to the dashboard and a message.
    listing = client.get("/admin/papirkurv/")
    assert listing.status_code in (302, 403)
    assert "Læg tilbage" not in listing.content.decode()
    assert client.post("/admin/papirkurv/", {"action": "empty"}).status_code in (302, 403)
    search = client.get("/admin/pages/search/?q=skraldeord").content.decode()
    assert "Møde om skraldeord" not in search
    assert client.get(f"/admin/pages/{RecycleBinPage.objects.get().pk}/").status_code in (302, 403)
    assert DeletedPage.objects.exists()


def test_after_thirty_days_the_bin_empties_itself_into_the_audit_log(admin_client, tree):
    delete(admin_client, tree["meetings"])
    herning_meetings = add(tree["herning"], MeetingIndexPage(title="Møder", slug="moeder"))
    delete(admin_client, herning_meetings)  # the same name may lie in the bin twice
    old = DeletedPage.objects.get(page=tree["meetings"].page_ptr)
    DeletedPage.objects.filter(pk=old.pk).update(
        deleted_at=timezone.now() - datetime.timedelta(days=31)
    )

    call_command("empty_recycle_bin")
    assert not Page.objects.filter(pk__in=[tree["meetings"].pk, tree["meeting"].pk]).exists()
    assert DeletedPage.objects.get().page_id == herning_meetings.pk
    assert PageLogEntry.objects.filter(page_id=tree["meeting"].pk, action="wagtail.delete").exists()

    admin_client.post("/admin/papirkurv/", {"action": "empty"})
    assert not DeletedPage.objects.exists()
    assert PageLogEntry.objects.filter(
        page_id=herning_meetings.pk, action="wagtail.delete"
    ).exists()

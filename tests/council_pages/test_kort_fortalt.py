"""The "Kort fortalt" summary: required where it must be, first on the page, the description."""

import importlib
import json
from io import StringIO

import pytest
from django.apps import apps
from django.core.management import call_command
from django.urls import reverse
from wagtail.models import Page, PageViewRestriction

from council_pages.models import AnnualReportPage, HearingResponsePage, MeetingPage
from council_pages.readability import SUMMARY_TARGET, lix
from tests.factories import CouncilPageFactory
from tests.factories_publications import (
    AnnualReportIndexPageFactory,
    AnnualReportPageFactory,
    HearingResponseIndexPageFactory,
    HearingResponsePageFactory,
    MeetingIndexPageFactory,
    MeetingPageFactory,
)

from .publication_forms import hearing_form, meeting_form, report_form

SUMMARY = "Rådet siger ja. Men rådet vil have flere pladser om vinteren."


@pytest.fixture
def council(db):
    return CouncilPageFactory(slug="odense", title="Udsatterådet i Odense")


def _add_url(parent, model):
    return reverse("wagtailadmin_pages:add", args=("council_pages", model, parent.pk))


# -- Required in the editor, but a draft may wait ------------------------------------------------


@pytest.mark.parametrize(
    ("index_factory", "model", "form", "action"),
    [
        (HearingResponseIndexPageFactory, "hearingresponsepage", hearing_form, "action-publish"),
        (HearingResponseIndexPageFactory, "hearingresponsepage", hearing_form, "action-submit"),
        (AnnualReportIndexPageFactory, "annualreportpage", report_form, "action-publish"),
    ],
)
def test_publishing_or_submitting_needs_a_summary_and_keeps_the_input(
    admin_client, council, index_factory, model, form, action
):
    index = index_factory(parent=council)
    data = form(summary="", title="Uden kort fortalt")
    response = admin_client.post(_add_url(index, model), {**data, action: "1"})
    assert response.status_code == 200
    form_errors = response.context["form"].errors
    assert "summary" in form_errors, form_errors
    assert "Uden kort fortalt" in response.content.decode()
    assert not Page.objects.child_of(index).exists()

    # A draft can be saved without it, and finished later.
    draft = admin_client.post(_add_url(index, model), data)
    assert draft.status_code == 302
    assert Page.objects.child_of(index).get().live is False


def test_a_meeting_may_go_without_a_summary(admin_client, council):
    index = MeetingIndexPageFactory(parent=council)
    data = meeting_form(summary="")
    response = admin_client.post(_add_url(index, "meetingpage"), {**data, "action-publish": "1"})
    assert response.status_code == 302
    assert MeetingPage.objects.child_of(index).get().live


# -- First on the page -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("factory", "main_text"),
    [
        (HearingResponsePageFactory, "Rådets svar"),
        (AnnualReportPageFactory, "Tal fra perioden"),
        (MeetingPageFactory, "Dagsorden"),
    ],
)
def test_the_summary_comes_right_after_the_heading(client, council, factory, main_text):
    page = factory(parent__parent=council, summary=SUMMARY)
    html = client.get(page.url).content.decode()
    heading = html.index("<h1")
    summary = html.index("Kort fortalt", heading)
    assert html.index(SUMMARY) > summary
    # Nothing but the heading stands between the top of the content and the summary.
    assert "<h2" not in html[heading:summary].replace('<h2 id="kort-fortalt-heading"', "")
    if main_text in html:
        assert html.index(main_text) > html.index(SUMMARY)


# -- The description in lists, feeds and open data ---------------------------------------------


def test_lists_show_the_summary(client, council):
    hearing = HearingResponsePageFactory(parent__parent=council, summary=SUMMARY)
    report = AnnualReportPageFactory(parent__parent=council, summary="Et år med gode møder.")
    meeting = MeetingPageFactory(parent__parent=council, summary="Vi taler om vinteren.")
    for page, text in [(hearing, SUMMARY), (report, report.summary), (meeting, meeting.summary)]:
        listing = client.get(page.get_parent().url).content.decode()
        assert text in listing, page.get_parent().url


def test_a_hearing_list_without_summary_falls_back_to_the_answer(client, council):
    hearing = HearingResponsePageFactory(parent__parent=council)
    HearingResponsePage.objects.filter(pk=hearing.pk).update(summary="")
    listing = client.get(hearing.get_parent().url).content.decode()
    assert "Rådet støtter forslaget." in listing


def test_feeds_describe_items_by_their_summary(client, council):
    HearingResponsePageFactory(parent__parent=council, summary=SUMMARY, response="<p>Langt</p>")
    MeetingPageFactory(parent__parent=council, summary="Vi taler om vinteren.")
    rss = client.get("/odense/rss/").content.decode()
    atom = client.get("/odense/atom/").content.decode()
    for feed in (rss, atom):
        assert SUMMARY in feed
        assert "Vi taler om vinteren." in feed
        assert "Langt" not in feed


def test_the_open_data_api_has_the_summary_of_visible_pages_only(client, council):
    public = HearingResponsePageFactory(parent__parent=council, summary=SUMMARY)
    hidden = HearingResponsePageFactory(parent=public.get_parent(), summary="Kun for rådet.")
    PageViewRestriction.objects.create(page=hidden, restriction_type=PageViewRestriction.LOGIN)
    detail = client.get(f"/api/v2/pages/{public.pk}/").json()
    assert detail["summary"] == SUMMARY
    listing = client.get(
        "/api/v2/pages/",
        {"type": "council_pages.HearingResponsePage", "fields": "summary"},
    ).json()
    assert [item["summary"] for item in listing["items"]] == [SUMMARY]
    assert client.get(f"/api/v2/pages/{hidden.pk}/").status_code == 404


# -- The privacy guard reads it too ------------------------------------------------------------


def test_a_cpr_number_in_the_summary_stops_publishing(admin_client, council):
    index = HearingResponseIndexPageFactory(parent=council)
    data = hearing_form(summary="Borgeren med CPR 010190-1234 fik ikke hjælp.")
    response = admin_client.post(
        _add_url(index, "hearingresponsepage"), {**data, "action-publish": "1"}
    )
    assert response.status_code == 200
    content = response.content.decode()
    assert "CPR-nummer" in content
    assert "Kort fortalt" in content
    assert not HearingResponsePage.objects.child_of(index).filter(live=True).exists()


# -- Existing pages and the demo -------------------------------------------------------------


def test_the_migration_gives_existing_pages_and_revisions_a_summary(council):
    hearing = HearingResponsePageFactory(
        parent__parent=council,
        response="<p>Rådet støtter planen. Men rådet vil have flere boliger.</p>",
    )
    report = AnnualReportPageFactory(parent__parent=council, start_year=2008, end_year=2009)
    revision = hearing.save_revision()
    content = dict(revision.content)
    del content["summary"]
    revision.content = content
    revision.save(update_fields=["content"])
    HearingResponsePage.objects.filter(pk=hearing.pk).update(summary="")
    AnnualReportPage.objects.filter(pk=report.pk).update(summary="")

    migration = importlib.import_module("council_pages.migrations.0010_kort_fortalt_summaries")
    migration.fill_summaries(apps, None)

    assert HearingResponsePage.objects.get(pk=hearing.pk).summary == "Rådet støtter planen."
    assert "2008-2009" in AnnualReportPage.objects.get(pk=report.pk).summary
    revision.refresh_from_db()
    assert revision.content["summary"] == "Rådet støtter planen."
    assert json.loads(json.dumps(revision.content))  # still plain JSON


@pytest.mark.django_db
def test_every_demo_hearing_response_and_report_reads_easily():
    call_command("load_demo", stdout=StringIO(), stderr=StringIO())
    pages = list(HearingResponsePage.objects.live()) + list(AnnualReportPage.objects.live())
    assert len(pages) >= 10
    for page in pages:
        score = lix(page.summary)
        assert score is not None, page.title
        assert score.score <= SUMMARY_TARGET, (page.title, score)

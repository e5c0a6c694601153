"""Hearings published while the council is still answering ("under arbejde"), through HTTP."""

import datetime

import feedparser
import icalendar
import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import timezone
from wagtail.models import PageViewRestriction
from wagtail.test.utils.form_data import rich_text

from council_pages.models import (
    CouncilRole,
    CouncilRoleKind,
    FollowUpOutcome,
    HearingResponsePage,
    HearingStatus,
    TargetGroup,
)
from tests.factories import CouncilPageFactory
from tests.factories_publications import (
    HearingResponseIndexPageFactory,
    HearingResponsePageFactory,
)

from .publication_forms import hearing_form

TODAY = timezone.localdate()


def days(n):
    return TODAY + datetime.timedelta(days=n)


def open_hearing(index, title, deadline, **kwargs):
    return HearingResponsePageFactory(
        parent=index,
        title=title,
        status=HearingStatus.IN_PROGRESS,
        received_on=days(-30),
        deadline=deadline,
        response="",
        response_date=None,
        **kwargs,
    )


@pytest.fixture
def site(db):
    odense = CouncilPageFactory(slug="odense", title="Udsatterådet i Odense")
    vejle = CouncilPageFactory(slug="vejle", title="Udsatterådet i Vejle")
    hidden_council = CouncilPageFactory(slug="skjult", title="Det skjulte råd")
    odense_index = HearingResponseIndexPageFactory(parent=odense)
    vejle_index = HearingResponseIndexPageFactory(parent=vejle)
    hidden_index = HearingResponseIndexPageFactory(parent=hidden_council)
    pages = {
        "answered": HearingResponsePageFactory(
            parent=odense_index,
            title="Besvaret høring",
            outcome=FollowUpOutcome.ADOPTED,
            outcome_date=datetime.date(2009, 11, 1),
        ),
        "soon": open_hearing(odense_index, "Høring om natvarmestuen", days(5)),
        "later": open_hearing(vejle_index, "Høring om budgettet", days(40)),
        "overdue": open_hearing(vejle_index, "Høring med overskredet frist", days(-3)),
        "draft": open_hearing(odense_index, "Kladde til høring", days(7)),
        "restricted": open_hearing(odense_index, "Lukket høring", days(8)),
        "in_hidden_council": open_hearing(hidden_index, "Høring i skjult råd", days(9)),
    }
    pages["draft"].unpublish()
    PageViewRestriction.objects.create(
        page=pages["restricted"], restriction_type=PageViewRestriction.LOGIN
    )
    hidden_council.unpublish()
    return {"odense": odense, "vejle": vejle, "odense_index": odense_index, **pages}


HIDDEN = ["Kladde til høring", "Lukket høring", "Høring i skjult råd"]


def html_of(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


@pytest.mark.django_db
class TestPublicPages:
    def test_open_hearing_page_shows_deadline_and_no_follow_up(self, client, site):
        html = html_of(client, site["soon"].url)
        assert "Rådet arbejder på sit svar" in html
        assert f'datetime="{days(5).isoformat()}"' in html
        assert "Hvad gjorde kommunen?" not in html
        assert "Rådets svar" not in html
        answered = html_of(client, site["answered"].url)
        assert "Hvad gjorde kommunen?" in answered
        assert "Rådet arbejder på sit svar" not in answered

    def test_council_list_shows_open_hearings_apart_and_leaves_them_out_of_the_tally(
        self, client, site
    ):
        html = html_of(client, site["odense_index"].url)
        assert "Det arbejder rådet på nu" in html
        open_part, _sep, answered_part = html.partition("Hvad gjorde kommunen med rådets råd?")
        assert "Høring om natvarmestuen" in open_part
        assert "Høring om natvarmestuen" not in answered_part
        assert "Besvaret høring" in answered_part
        for title in HIDDEN:
            assert title not in html
        # One answered response, followed: nothing pending, although an open hearing exists.
        assert site["odense_index"].specific.outcome_tally() == [
            {"outcome": "pending", "label": "Afventer", "count": 0},
            {"outcome": "adopted", "label": "Fulgt", "count": 1},
            {"outcome": "partly_adopted", "label": "Delvist fulgt", "count": 0},
            {"outcome": "not_adopted", "label": "Ikke fulgt", "count": 0},
        ]

    def test_home_page_links_to_the_open_hearings_and_the_figures(self, client, site):
        html = html_of(client, "/")
        assert 'href="/aktuelle-hoeringer/"' in html
        assert 'href="/i-tal/"' in html

    def test_national_list_of_responses_points_at_the_open_ones(self, client, site):
        html = html_of(client, "/hoeringssvar/")
        assert "Besvaret høring" in html
        assert "Høring om natvarmestuen" not in html
        # soon, later and overdue: the hidden ones are not counted.
        assert "arbejder lige nu på 3 høringer" in html
        assert reverse("council_pages:open_hearings") in html

    def test_open_hearings_by_deadline_with_the_overdue_apart(self, client, site):
        html = html_of(client, "/aktuelle-hoeringer/")
        assert html.index("Høring om natvarmestuen") < html.index("Høring om budgettet")
        overdue_heading = html.index("Fristen er passeret")
        assert html.index("Høring om budgettet") < overdue_heading
        assert html.index("Høring med overskredet frist") > overdue_heading
        assert "Besvaret høring" not in html
        for title in HIDDEN:
            assert title not in html
        assert reverse("council_pages:open_hearings_calendar") in html

    def test_council_filter_and_bad_values(self, client, site):
        html = html_of(client, "/aktuelle-hoeringer/?raad=vejle")
        assert "Høring om budgettet" in html
        assert "Høring om natvarmestuen" not in html
        for bad in ("?raad=skjult", "?raad=%00", "?side=99999999999999999999"):
            assert client.get(f"/aktuelle-hoeringer/{bad}").status_code in (200, 404)
        assert "Høring om natvarmestuen" in html_of(client, "/aktuelle-hoeringer/?raad=skjult")

    def test_target_group_page_lists_open_hearings_first(self, client, site):
        group = TargetGroup.objects.get(slug="hjemloese")
        for key in ("answered", "soon", "draft"):
            site[key].target_groups.set([group])
            revision = site[key].save_revision()
            if key != "draft":
                revision.publish()
        html = html_of(client, "/maalgrupper/hjemloese/")
        assert html.index("Høring om natvarmestuen") < html.index("Besvaret høring")
        assert "Kladde til høring" not in html

    def test_feed_marks_open_hearings(self, client, site):
        feed = feedparser.parse(client.get("/hoeringssvar/rss/").content)
        titles = {entry.title for entry in feed.entries}
        assert "Under arbejde: Høring om natvarmestuen" in titles
        assert "Besvaret høring" in titles
        assert not any(hidden in title for title in titles for hidden in HIDDEN)

    def test_statistics_count_answered_responses_only(self, client, site):
        data = client.get("/i-tal/udsatteraadene.json").json()
        assert data["year"] == 2009  # open hearings have no answer year to offer
        rows = {row["council"]: row for row in data["councils"]}
        assert rows["Udsatterådet i Odense"]["hearing_responses"] == 1
        assert rows["Udsatterådet i Odense"]["pending"] == 0
        assert rows["Udsatterådet i Vejle"]["hearing_responses"] == 0
        assert rows["Udsatterådet i Vejle"]["pending"] == 0


@pytest.mark.django_db
def test_deadline_calendar(client, site):
    response = client.get("/aktuelle-hoeringer/frister.ics")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    calendar = icalendar.Calendar.from_ical(response.content)
    events = {str(e["summary"]): e for e in calendar.walk("VEVENT")}
    assert set(events) == {
        "Høringsfrist: Høring om natvarmestuen",
        "Høringsfrist: Høring om budgettet",
        "Høringsfrist: Høring med overskredet frist",
    }
    event = events["Høringsfrist: Høring om natvarmestuen"]
    assert event.decoded("dtstart") == days(5)
    assert event.decoded("dtend") == days(6)
    assert "Udsatterådet i Odense" in str(event["description"])
    assert str(event["url"]).endswith(site["soon"].url)
    again = client.get("/aktuelle-hoeringer/frister.ics", HTTP_IF_NONE_MATCH=response["ETag"])
    assert again.status_code == 304


@pytest.mark.django_db
class TestEditing:
    def _add_url(self, index):
        return reverse(
            "wagtailadmin_pages:add", args=("council_pages", "hearingresponsepage", index.pk)
        )

    def test_publish_an_open_hearing_without_an_answer(self, admin_client, site):
        data = hearing_form(
            title="Ny høring", slug="ny-hoering", status="in_progress", response=rich_text(""),
            response_date="", deadline=days(10).isoformat(), received_on=days(-1).isoformat(),
        )  # fmt: skip
        response = admin_client.post(
            self._add_url(site["odense_index"]), {**data, "action-publish": "1"}
        )
        assert response.status_code == 302, response.content.decode()[:2000]
        page = HearingResponsePage.objects.get(slug="ny-hoering")
        assert page.live and page.is_in_progress and page.response_date is None

    @pytest.mark.parametrize(
        ("overrides", "message"),
        [
            (
                {"status": "in_progress", "deadline": "", "response": "", "response_date": ""},
                "Skriv høringsfristen.",
            ),
            (
                {"status": "in_progress", "response_date": ""},
                "En høring under arbejde har intet svar endnu.",
            ),
            (
                {"status": "in_progress", "response": ""},
                "En høring under arbejde har intet svar endnu.",
            ),
            (
                {"status": "in_progress", "response": "", "response_date": "",
                 "outcome": "adopted", "outcome_date": "2009-10-01"},
                "Kommunen kan ikke have besluttet noget, før rådet har svaret.",
            ),
            ({"status": "answered", "response": ""}, "Skriv rådets svar."),
            ({"status": "answered", "response_date": ""}, "Skriv hvornår rådet svarede."),
        ],
    )  # fmt: skip
    def test_status_rules_get_a_danish_message_and_keep_the_input(
        self, admin_client, site, overrides, message
    ):
        if overrides.get("response") == "":
            overrides = {**overrides, "response": rich_text("")}
        data = hearing_form(title="Min høring", slug="min-hoering", **overrides)
        response = admin_client.post(self._add_url(site["odense_index"]), data)
        assert response.status_code == 200
        html = response.content.decode()
        assert message in html
        assert "Min høring" in html
        assert not HearingResponsePage.objects.filter(slug="min-hoering").exists()

    def test_answering_an_open_hearing_keeps_it_open_until_the_answer_is_published(
        self, admin_client, client, site
    ):
        page = site["soon"]
        edit_url = reverse("wagtailadmin_pages:edit", args=(page.pk,))
        data = hearing_form(
            title=page.title, slug=page.slug, status="answered",
            deadline=days(5).isoformat(), received_on=days(-30).isoformat(),
            response_date=TODAY.isoformat(),
        )  # fmt: skip
        assert admin_client.post(edit_url, data).status_code == 302  # a draft
        assert "Rådet arbejder på sit svar" in html_of(client, page.url)
        assert admin_client.post(edit_url, {**data, "action-publish": "1"}).status_code == 302
        html = html_of(client, page.url)
        assert "Rådet arbejder på sit svar" not in html
        assert "Rådet støtter strategien." in html
        assert "Høring om natvarmestuen" not in html_of(client, "/aktuelle-hoeringer/")


@pytest.mark.django_db
def test_dashboard_shows_own_councils_coming_deadlines(client, site):
    secretary = get_user_model().objects.create_user("sekretaer-odense", password="x")
    CouncilRole.objects.create(
        user=secretary, council=site["odense"], role=CouncilRoleKind.SECRETARY
    )
    client.force_login(secretary)
    html = html_of(client, "/admin/")
    panel = html[html.index("Kommende høringsfrister") :]
    assert "Høring om natvarmestuen" in panel
    assert "om 5 dage" in panel
    assert "Kladde til høring" in panel  # a draft of their own: they are answering it too
    assert "Høring om budgettet" not in panel  # another council's
    assert "Høring med overskredet frist" not in panel

"""The index follows publishing: what is live and public is found, nothing else ever is.

Everything goes through Wagtail's own publishing (revisions, view restrictions, moves,
collections) and is checked through the public JSON API.
"""

import datetime

from wagtail.models import PageViewRestriction
from wagtail.rich_text import RichText

from council_pages.models import (
    HearingResponseIndexPage,
    HearingResponsePage,
    StandardPage,
)

from .conftest import add, api, meeting, titles


def test_published_meeting_is_found_by_its_minutes_and_minority_view(client, meetings, publish):
    publish(
        meeting(
            meetings,
            "Møde 22. oktober 2009",
            datetime.date(2009, 10, 22),
            "Rådet drøftede mobil tandklinik.",
            minority="Et mindretal ønskede flere åbningstimer.",
        )
    )
    body = api(client, "tandklinik")
    assert body["total"] == 1
    (hit,) = body["results"]
    assert hit["title"] == "Møde 22. oktober 2009"
    assert hit["kind"] == "meeting"
    assert hit["council"] == "odense"
    assert hit["municipality"] == "Odense"
    assert hit["date"] == "2009-10-22"
    assert (
        hit["url"].endswith("/odense/moeder/mode-22-oktober-2009/")
        or "/odense/moeder/" in (hit["url"])
    )
    assert "<mark>tandklinik</mark>" in hit["snippet"]
    assert titles(client, "åbningstimer") == ["Møde 22. oktober 2009"]


def test_hearing_response_with_minority_opinion(client, council, publish):
    index = publish(
        add(council, HearingResponseIndexPage(title="Høringssvar", slug="hoeringssvar"))
    )
    publish(
        add(
            index,
            HearingResponsePage(
                title="Høringssvar om hjemløsestrategi",
                summary="Rådet vil have flere pladser på herberget.",
                consultation_title="Strategi for hjemløse 2010",
                consulting_body="Socialforvaltningen",
                response=RichText("<p>Rådet støtter flere herbergspladser.</p>"),
                response_date=datetime.date(2010, 2, 1),
                minority_opinions=[
                    (
                        "opinion",
                        {
                            "holders": "To medlemmer",
                            "text": RichText("<p>Vi vil have skurvogne.</p>"),
                        },
                    )
                ],
            ),
        )
    )
    body = api(client, "herbergspladserne")
    assert [r["kind"] for r in body["results"]] == ["hearing_response"]
    assert body["results"][0]["date"] == "2010-02-01"
    assert titles(client, "skurvogne") == ["Høringssvar om hjemløsestrategi"]


def test_results_are_described_by_kort_fortalt_unless_a_word_is_marked(client, council, publish):
    index = publish(
        add(council, HearingResponseIndexPage(title="Høringssvar", slug="hoeringssvar"))
    )
    publish(
        add(
            index,
            HearingResponsePage(
                title="Høringssvar om natcaféen",
                summary="Rådet vil have natcaféen åben hele året.",
                consultation_title="Budget for væresteder",
                consulting_body="Socialforvaltningen",
                response=RichText("<p>Rådet foreslår faste midler til vagterne.</p>"),
                response_date=datetime.date(2010, 2, 1),
            ),
        )
    )
    (browsed,) = api(client, "", kind="hearing_response")["results"]
    assert browsed["snippet"] == "Rådet vil have natcaféen åben hele året."
    (found,) = api(client, "vagterne")["results"]
    assert "<mark>vagterne</mark>" in found["snippet"]

    page = client.get("/soeg/", {"kind": "hearing_response"}).content.decode()
    assert '<p class="search-hit-snippet">Rådet vil have natcaféen åben hele året.</p>' in page


def test_drafts_and_never_published_pages_are_not_found(client, home, publish):
    add(
        home,
        StandardPage(
            title="Hemmelig kladde",
            slug="kladde",
            body=[("paragraph", RichText("<p>zebraord</p>"))],
        ),
    )
    assert api(client, "zebraord")["total"] == 0
    assert api(client, "kladde")["total"] == 0


def test_draft_changes_to_a_live_page_stay_out(client, home, publish):
    page = publish(
        add(
            home,
            StandardPage(
                title="Om rådene",
                slug="om-raadene-test",
                body=[("paragraph", RichText("<p>Offentlig giraf.</p>"))],
            ),
        )
    )
    page.body = [("paragraph", RichText("<p>Upubliceret flodhest.</p>"))]
    page.save_revision()
    assert titles(client, "giraf") == ["Om rådene"]
    assert api(client, "flodhest")["total"] == 0


def test_unpublishing_removes_at_once(client, home, publish, commit):
    page = publish(add(home, StandardPage(title="Kampagne om fattigdom", slug="kampagne")))
    assert titles(client, "fattigdom") == ["Kampagne om fattigdom"]
    with commit():
        page.unpublish()
    assert api(client, "fattigdom")["total"] == 0


def test_restricted_minutes_never_appear_in_results_snippets_facets_or_totals(
    client, meetings, publish, commit
):
    public = publish(meeting(meetings, "Åbent møde", datetime.date(2010, 1, 5), "Om boliger."))
    private = publish(
        meeting(
            meetings,
            "Lukket møde",
            datetime.date(2010, 3, 5),
            "Fortroligt om boliger og elefanter.",
        )
    )
    assert api(client, "boliger")["total"] == 2
    with commit():
        PageViewRestriction.objects.create(page=private, restriction_type="login")
    body = api(client, "boliger")
    assert body["total"] == 1
    assert [r["title"] for r in body["results"]] == [public.title]
    assert sum(f["count"] for f in body["facets"]["kind"]) == 1
    assert sum(f["count"] for f in body["facets"]["year"]) == 1
    assert api(client, "elefanter")["total"] == 0
    assert "elefant" not in str(api(client, "boliger"))
    # Lifting the restriction brings it back.
    with commit():
        PageViewRestriction.objects.filter(page=private).delete()
    assert api(client, "elefanter")["total"] == 1


def test_restricting_a_council_hides_its_whole_subtree(client, council, meetings, publish, commit):
    publish(meeting(meetings, "Møde", datetime.date(2010, 1, 5), "Om kanoture."))
    assert api(client, "kanoture")["total"] == 1
    with commit():
        PageViewRestriction.objects.create(page=council, restriction_type="password", password="x")
    assert api(client, "kanoture")["total"] == 0


def test_moving_a_page_updates_its_url(client, home, council, publish, commit):
    page = publish(add(home, StandardPage(title="Vejviser til værestederne", slug="vejviser")))
    other = publish(add(home, StandardPage(title="Hjælp", slug="hjaelp-test")))
    assert api(client, "vejviser")["results"][0]["url"].endswith("/vejviser/")
    StandardPage.parent_page_types = ["council_pages.HomePage", "council_pages.StandardPage"]
    try:
        with commit():
            page.move(other, pos="last-child")
    finally:
        StandardPage.parent_page_types = ["council_pages.HomePage"]
    assert api(client, "vejviser")["results"][0]["url"].endswith("/hjaelp-test/vejviser/")


def test_deleting_a_page_removes_it(client, home, publish, commit):
    page = publish(add(home, StandardPage(title="Midlertidig side", slug="midlertidig")))
    with commit():
        page.delete()
    assert api(client, "midlertidig")["total"] == 0


def test_renaming_a_council_updates_the_items_below_it(client, council, meetings, publish):
    publish(meeting(meetings, "Møde om kajakker", datetime.date(2010, 1, 5), "Kajakker."))
    council.title = "Udsatterådet i Odense Kommune"
    council.slug = "odense-kommune"
    publish(council)
    (hit,) = api(client, "kajakker")["results"]
    assert "/odense-kommune/moeder/" in hit["url"]
    council_facet = api(client, "kajakker")["facets"]["council"]
    assert council_facet == [
        {"value": "odense-kommune", "label": "Udsatterådet i Odense Kommune", "count": 1}
    ]

"""The index follows publishing: what is live and public is found, nothing else ever is.

Everything goes through Wagtail's own publishing (revisions, view restrictions, moves,
collections) and is checked through the public JSON API.
"""

import datetime
import io

import pytest
from django.core.files.base import ContentFile
from django.core.management import call_command
from wagtail.models import Collection, CollectionViewRestriction, PageViewRestriction
from wagtail.rich_text import RichText

from council_pages.models import (
    AnnualReportIndexPage,
    AnnualReportPage,
    CouncilPage,
    HearingResponseIndexPage,
    HearingResponsePage,
    HomePage,
    MeetingIndexPage,
    MeetingPage,
    RulesOfProcedurePage,
    StandardPage,
)
from documents.collections import council_collection
from documents.models import CouncilDocument
from search import indexing
from search.backends.database import DatabaseBackend
from search.models import IndexQueue
from tests.documents.files import pdf_with_text


@pytest.fixture
def publish(django_capture_on_commit_callbacks):
    """Publish a page the way the admin does, running the after-commit indexing task."""

    def do(page):
        with django_capture_on_commit_callbacks(execute=True):
            page.save_revision().publish()
        return type(page).objects.get(pk=page.pk)

    return do


@pytest.fixture
def commit(django_capture_on_commit_callbacks):
    return lambda: django_capture_on_commit_callbacks(execute=True)


@pytest.fixture
def home(db):
    return HomePage.objects.get()


def add(parent, page):
    page.live = False
    parent.add_child(instance=page)
    return page


@pytest.fixture
def council(home, publish):
    council = add(
        home,
        CouncilPage(
            title="Rådet for Socialt Udsatte i Odense",
            slug="odense",
            official_name="Rådet for Socialt Udsatte i Odense",
            municipality="Odense",
        ),
    )
    return publish(council)


@pytest.fixture
def meetings(council, publish):
    return publish(add(council, MeetingIndexPage(title="Møder", slug="moeder")))


def meeting(parent, title, when, discussion, minority=""):
    return add(
        parent,
        MeetingPage(
            title=title,
            date=when,
            agenda=[
                (
                    "item",
                    {
                        "title": "Tandpleje for socialt udsatte",
                        "discussion": RichText(f"<p>{discussion}</p>"),
                        "minority_view": RichText(f"<p>{minority}</p>"),
                    },
                )
            ],
        ),
    )


def api(client, q, **params):
    response = client.get("/api/search/", {"q": q, **params})
    assert response.status_code == 200, response.content
    return response.json()


def titles(client, q, **params):
    return [r["title"] for r in api(client, q, **params)["results"]]


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


@pytest.fixture
def make_document(commit):
    """A real PDF upload; its text is then stored the way the documents app's task does."""

    def make(title, text, collection=None):
        document = CouncilDocument(
            title=title, collection=collection or Collection.get_first_root_node()
        )
        document.file.save("bilag.pdf", ContentFile(pdf_with_text(text)), save=False)
        with commit():
            document.save()
        document = CouncilDocument.objects.get(pk=document.pk)
        with commit():
            document.extracted_text = text
            document.save(update_fields=["extracted_text"])
        return document

    return make


def test_document_is_a_hit_of_its_own_and_searchable_with_its_page(
    client, home, publish, commit, make_document
):
    document = make_document("Bilag om væresteder", "Væresteder har åbent om natten.")
    # Not attached to any published page yet: not public, not found.
    assert api(client, "natten")["total"] == 0
    page = publish(
        add(
            home,
            StandardPage(
                title="Væresteder i byen",
                slug="vaeresteder",
                body=[("document", document)],
            ),
        )
    )
    body = api(client, "natten")
    assert sorted(r["kind"] for r in body["results"]) == ["document", "page"]
    # Changing the file's text reaches both records.
    with commit():
        document.extracted_text = "Væresteder har åbent om morgenen."
        document.save(update_fields=["extracted_text"])
    assert api(client, "natten")["total"] == 0
    assert api(client, "morgenen")["total"] == 2
    # Unpublishing the only page that links it makes the document private again.
    with commit():
        page.unpublish()
    assert api(client, "morgenen")["total"] == 0


def test_documents_in_private_collections_never_appear(
    client, home, publish, commit, make_document
):
    private = Collection.get_first_root_node().add_child(name="Lukket")
    CollectionViewRestriction.objects.create(collection=private, restriction_type="login")
    document = make_document("Fortroligt bilag", "Personfølsomme oplysninger om pindsvin.", private)
    publish(
        add(home, StandardPage(title="Side med bilag", slug="bilag", body=[("document", document)]))
    )
    assert api(client, "pindsvin")["total"] == 0
    # Making the collection public lets both the document and the page carry the text.
    with commit():
        CollectionViewRestriction.objects.filter(collection=private).delete()
    assert api(client, "pindsvin")["total"] == 2


def test_publishing_succeeds_when_the_backend_is_down_and_the_index_catches_up(
    client, home, publish, monkeypatch
):
    def broken(self, records):
        raise ConnectionError("search backend unreachable")

    monkeypatch.setattr(DatabaseBackend, "upsert", broken)
    page = publish(add(home, StandardPage(title="Nyhed om vandrehjem", slug="nyhed")))
    assert StandardPage.objects.get(pk=page.pk).live
    row = IndexQueue.objects.get(key=f"page:{page.pk}")
    assert row.attempts == 1
    assert "unreachable" in row.last_error
    assert api(client, "vandrehjem")["total"] == 0

    monkeypatch.undo()
    assert indexing.process_queue() == (1, 0)
    assert titles(client, "vandrehjem") == ["Nyhed om vandrehjem"]
    assert not IndexQueue.objects.exists()


def test_search_index_check_repair_and_rebuild(client, home, publish):
    # The home page came from a data migration, not from publishing: start from a rebuild.
    call_command("search_index", "rebuild", stdout=io.StringIO())
    publish(add(home, StandardPage(title="Side om hjemløse", slug="hjemloese")))
    out = io.StringIO()
    call_command("search_index", "check", stdout=out)
    assert "i orden" in out.getvalue()

    # Drift: a page published without the signal reaching the index.
    sneaky = add(home, StandardPage(title="Side om misbrugere", slug="misbrug"))
    StandardPage.objects.filter(pk=sneaky.pk).update(live=True)
    with pytest.raises(SystemExit) as exc:
        call_command("search_index", "check", stdout=io.StringIO())
    assert exc.value.code == 1
    call_command("search_index", "repair", stdout=io.StringIO())
    assert titles(client, "misbrugere") == ["Side om misbrugere"]
    call_command("search_index", "check", stdout=io.StringIO())

    out = io.StringIO()
    call_command("search_index", "rebuild", stdout=out)
    assert titles(client, "misbrugere") == ["Side om misbrugere"]
    assert titles(client, "hjemløse") == ["Side om hjemløse"]


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


def test_rules_and_annual_reports_are_found_with_their_kind_year_and_attachment(
    client, council, publish, make_document
):
    publish(
        add(
            council,
            RulesOfProcedurePage(
                title="Forretningsorden",
                slug="forretningsorden",
                adopted_by="Byrådet",
                adopted_on=datetime.date(2008, 6, 16),
                in_force_from=datetime.date(2008, 7, 1),
                body=[
                    ("heading", "Rådets sammensætning"),
                    (
                        "paragraph",
                        {"clauses": [RichText("<p>Rådet har mellem 8 og 12 medlemmer.</p>")]},
                    ),
                ],
            ),
        )
    )
    reports = publish(
        add(council, AnnualReportIndexPage(title="Årsrapporter", slug="aarsrapporter"))
    )
    pdf = make_document(
        "Årsrapport 2009 (pdf)",
        "Rådet arrangerede en fisketur for brugerne.",
        collection=council_collection(council),
    )
    publish(
        add(
            reports,
            AnnualReportPage(
                title="Årsrapport 2009",
                start_year=2009,
                summary="Et år med fokus på tandpleje.",
                focus_areas=[
                    (
                        "focus_area",
                        {"title": "Væresteder", "text": RichText("<p>Nye åbningstider.</p>")},
                    )
                ],
                situation=RichText("<p>Flere hjemløse end sidste år.</p>"),
                proposals=[("proposal", {"title": "Flere herbergspladser", "text": RichText("")})],
                pdf=pdf,
            ),
        )
    )
    rules = api(client, "sammensætning medlemmer")["results"][0]
    assert (rules["title"], rules["kind"], rules["date"]) == (
        "Forretningsorden",
        "rules",
        "2008-06-16",
    )
    body = api(client, "herbergspladser")
    (report,) = body["results"]
    assert report["kind"] == "annual_report"
    assert body["facets"]["year"] == [{"value": "2009", "label": "2009", "count": 1}]
    assert titles(client, "åbningstider") == ["Årsrapport 2009"]
    # The attached PDF's text is found with the report, and the PDF on its own.
    assert sorted(r["kind"] for r in api(client, "fisketur")["results"]) == [
        "annual_report",
        "document",
    ]
    # The council page itself is a `council` hit; index pages are plain `page` hits.
    assert titles(client, "socialt udsatte", kind="council") == [council.title]
    assert titles(client, "årsrapporter", kind="page") == ["Årsrapporter"]

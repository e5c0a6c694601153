"""The index follows documents and survives its backend: a document's text is found with the
public page that links to it (as its attachment) and never from a private collection; a publish
succeeds while the backend is down, and the check, repair and rebuild commands bring the index
back in step.
"""

import datetime
import io

import pytest
from django.core.management import call_command
from wagtail.models import Collection, CollectionViewRestriction
from wagtail.rich_text import RichText

from council_pages.models import (
    AnnualReportIndexPage,
    AnnualReportPage,
    RulesOfProcedurePage,
    StandardPage,
)
from documents.collections import council_collection
from search import indexing
from search.backends.database import DatabaseBackend
from search.models import IndexQueue

from .conftest import add, api, titles


def test_document_is_searchable_with_its_page_as_its_attachment(
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
    # The page is the one hit, found in its attachment; the document is no hit of its own.
    assert [(r["kind"], r["title"]) for r in body["results"]] == [("page", "Væresteder i byen")]
    assert body["results"][0]["attachment"]["title"] == "Bilag om væresteder"
    # Changing the file's text reaches the page's record.
    with commit():
        document.extracted_text = "Væresteder har åbent om morgenen."
        document.save(update_fields=["extracted_text"])
    assert api(client, "natten")["total"] == 0
    assert api(client, "morgenen")["total"] == 1
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
    # Making the collection public lets the page carry the text, as its attachment.
    with commit():
        CollectionViewRestriction.objects.filter(collection=private).delete()
    (hit,) = api(client, "pindsvin")["results"]
    assert (hit["title"], hit["attachment"]["title"]) == ("Side med bilag", "Fortroligt bilag")


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
    # The attached PDF's text is found with the report, which names it; the PDF is no hit.
    (report,) = api(client, "fisketur")["results"]
    assert report["kind"] == "annual_report"
    assert report["attachment"]["title"] == "Årsrapport 2009 (pdf)"
    # The council page itself is a `council` hit; index pages are plain `page` hits.
    assert titles(client, "socialt udsatte", kind="council") == [council.title]
    assert titles(client, "årsrapporter", kind="page") == ["Årsrapporter"]

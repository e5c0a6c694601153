"""Fixtures for the search tests: backends under test, a small, known corpus, and a council
published the way the admin does (``test_indexing*.py``)."""

import os
from datetime import date

import pytest
from django.core.files.base import ContentFile
from wagtail.models import Collection
from wagtail.rich_text import RichText

from council_pages.models import CouncilPage, HomePage, MeetingIndexPage, MeetingPage
from documents.models import CouncilDocument
from search.adapters import Record
from tests.documents.files import pdf_with_text


def _backend(name):
    if name == "database":
        from search.backends.database import DatabaseBackend

        return DatabaseBackend({})
    url = os.environ.get("ELASTICSEARCH_URL")
    if not url:
        pytest.skip("ELASTICSEARCH_URL is not set: no Elasticsearch server to test against")
    from search.backends.elasticsearch import ElasticsearchBackend

    return ElasticsearchBackend({"URL": url, "INDEX": "udsatteraad-test", "REFRESH": "true"})


@pytest.fixture(params=["database", "elasticsearch"])
def backend(request, db):
    backend = _backend(request.param)
    yield backend
    if request.param == "elasticsearch":
        backend.drop()


@pytest.fixture
def on_commit(django_capture_on_commit_callbacks):
    """Run on-commit callbacks (the indexing task) as a real request would."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


def record(n, title, body="", **kwargs) -> Record:
    defaults = {
        "kind": "page",
        "url": f"/side-{n}/",
        "council": "",
        "council_label": "",
        "municipality": "",
        "date": date(2010, 1, 1),
        "year": 2010,
        "target_groups": [],
    }
    defaults.update(kwargs)
    return Record(key=f"page:{n}", title=title, body=body, **defaults)


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

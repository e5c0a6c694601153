"""Fixtures for the search tests: backends under test and a small, known corpus."""

import os
from datetime import date

import pytest

from search.adapters import Record


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

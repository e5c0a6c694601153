"""The demo site is searchable right after `manage.py load_demo`."""

import io

from django.core.management import call_command

from search import indexing


def test_demo_site_is_indexed_and_searchable(client, db):
    call_command("load_demo", password="demo-test", stdout=io.StringIO(), stderr=io.StringIO())
    assert indexing.check().clean
    body = client.get("/api/search/", {"q": "Odense"}).json()
    assert body["total"] > 0
    assert "odense" in {f["value"] for f in body["facets"]["council"]}

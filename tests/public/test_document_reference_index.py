"""The pages that link to a document are found through an index, on a database without
statistics too (SQLite keeps none unless told to).

Without the index SQLite read every page reference for every document to apply the
public-documents rule (downloads, the API, search): 2,000 documents took 0.49 s to count at
10,000 records, 0.017 s with it.
"""

import pytest
from django.db import connection
from wagtail.documents import get_document_model

from tests.factories import StandardPageFactory
from tests.public.conftest import make_document, with_document

pytestmark = pytest.mark.skipif(
    connection.vendor != "sqlite", reason="the query plan is SQLite's (PostgreSQL analyses itself)"
)


def test_the_public_document_rule_looks_references_up_by_their_target(db):
    for n in range(5):
        with_document(StandardPageFactory(), make_document(f"Bilag {n}"))
    sql, params = get_document_model().objects.all().public().query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute("EXPLAIN QUERY PLAN " + sql, params)
        plan = [row[-1] for row in cursor.fetchall()]

    # Steps name the table's alias, not the table: its indexes give it away.
    references = [s for s in plan if "referenceindex" in s or "visibility_reference" in s]
    assert references and all("visibility_reference_target" in s for s in references), plan

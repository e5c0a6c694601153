"""PostgreSQL only: a ``tsvector`` of the title alone, with its own GIN index.

A single word found in a title always ranks above the same word found only in a body (see
``search.backends.database``), so for a word that matches many records the backend ranks just the
records with the word in their title, found through this index without reading the large
``search_vector`` of every match. SQLite needs nothing here.
"""

from django.db import migrations

PG_CREATE = [
    "ALTER TABLE site_search_indexrecord ADD COLUMN title_vector tsvector "
    "GENERATED ALWAYS AS (to_tsvector('danish'::regconfig, coalesce(title, ''))) STORED",
    "CREATE INDEX site_search_title_gin ON site_search_indexrecord USING GIN (title_vector)",
]
PG_DROP = [
    "DROP INDEX IF EXISTS site_search_title_gin",
    "ALTER TABLE site_search_indexrecord DROP COLUMN IF EXISTS title_vector",
]


def create_title_vector(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for sql in PG_CREATE:
            schema_editor.execute(sql)


def drop_title_vector(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for sql in PG_DROP:
            schema_editor.execute(sql)


class Migration(migrations.Migration):
    dependencies = [("site_search", "0003_covering_index")]

    operations = [migrations.RunPython(create_title_vector, drop_title_vector)]

"""The full-text side of the database backend, per database vendor.

SQLite: an FTS5 table of Danish Snowball stems (rowid = IndexRecord.id), written by the backend.
PostgreSQL: a generated tsvector column (``danish``; title weight A, body weight B) + GIN index.
"""

from django.db import migrations

SQLITE_CREATE = (
    "CREATE VIRTUAL TABLE IF NOT EXISTS site_search_fts USING fts5("
    "title, body, tokenize = 'unicode61 remove_diacritics 0')"
)
SQLITE_DROP = "DROP TABLE IF EXISTS site_search_fts"

PG_CREATE = [
    "ALTER TABLE site_search_indexrecord ADD COLUMN search_vector tsvector "
    "GENERATED ALWAYS AS ("
    "setweight(to_tsvector('danish'::regconfig, coalesce(title, '')), 'A') || "
    "setweight(to_tsvector('danish'::regconfig, coalesce(body, '')), 'B')"
    ") STORED",
    "CREATE INDEX site_search_vector_gin ON site_search_indexrecord USING GIN (search_vector)",
]
PG_DROP = [
    "DROP INDEX IF EXISTS site_search_vector_gin",
    "ALTER TABLE site_search_indexrecord DROP COLUMN IF EXISTS search_vector",
]


def create_fulltext(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "sqlite":
        schema_editor.execute(SQLITE_CREATE)
    elif vendor == "postgresql":
        for sql in PG_CREATE:
            schema_editor.execute(sql)


def drop_fulltext(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "sqlite":
        schema_editor.execute(SQLITE_DROP)
    elif vendor == "postgresql":
        for sql in PG_DROP:
            schema_editor.execute(sql)


class Migration(migrations.Migration):
    dependencies = [("site_search", "0001_index")]

    operations = [migrations.RunPython(create_fulltext, drop_fulltext)]

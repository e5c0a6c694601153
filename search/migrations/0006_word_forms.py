"""Word forms and compound parts (``search.wordforms``) as a third, lighter full-text field.

SQLite: the FTS5 table gets a column ``forms`` (recreated and refilled from the records).
PostgreSQL: ``search_vector`` also holds the records' ``forms`` (the ``simple`` configuration,
they are normal forms already) at weight C, below the title (A) and the body (B).
Records already in the index get their forms here, so no rebuild is needed after upgrading.
"""

from django.db import migrations, models

SQLITE_FTS = "site_search_fts"
SQLITE_CREATE = (
    f"CREATE VIRTUAL TABLE {SQLITE_FTS} USING fts5("
    "title, body, {extra}tokenize = 'unicode61 remove_diacritics 0')"
)

PG_VECTOR = (
    "ALTER TABLE site_search_indexrecord ADD COLUMN search_vector tsvector "
    "GENERATED ALWAYS AS ("
    "setweight(to_tsvector('danish'::regconfig, coalesce(title, '')), 'A') || "
    "setweight(to_tsvector('danish'::regconfig, coalesce(body, '')), 'B'){extra}"
    ") STORED"
)
PG_FORMS = " || setweight(to_tsvector('simple'::regconfig, coalesce(forms, '')), 'C')"
PG_DROP = [
    "DROP INDEX IF EXISTS site_search_vector_gin",
    "ALTER TABLE site_search_indexrecord DROP COLUMN IF EXISTS search_vector",
]
PG_INDEX = "CREATE INDEX site_search_vector_gin ON site_search_indexrecord USING GIN (search_vector)"
BATCH = 500


def _fill_forms(IndexRecord):
    from search.wordforms import forms_text

    batch = []
    fields = ("pk", "title", "body", "council_label", "municipality")
    for record in IndexRecord.objects.only(*fields).iterator(chunk_size=BATCH):
        record.forms = forms_text(
            record.title, record.body, record.council_label, record.municipality
        )
        batch.append(record)
        if len(batch) >= BATCH:
            IndexRecord.objects.bulk_update(batch, ["forms"])
            batch = []
    IndexRecord.objects.bulk_update(batch, ["forms"])


def _rebuild_fts(schema_editor, IndexRecord, with_forms: bool):
    from search.text import stem_text

    schema_editor.execute(f"DROP TABLE IF EXISTS {SQLITE_FTS}")
    schema_editor.execute(SQLITE_CREATE.format(extra="forms, " if with_forms else ""))
    columns = "rowid, title, body, forms" if with_forms else "rowid, title, body"
    marks = ", ".join(["%s"] * len(columns.split(", ")))
    insert = f"INSERT INTO {SQLITE_FTS}({columns}) VALUES ({marks})"  # noqa: S608
    with schema_editor.connection.cursor() as cursor:
        for record in IndexRecord.objects.iterator(chunk_size=BATCH):
            row = [record.pk, stem_text(record.title), stem_text(record.body)]
            cursor.execute(insert, row + [record.forms] if with_forms else row)


def add_forms(apps, schema_editor):
    IndexRecord = apps.get_model("site_search", "IndexRecord")
    vendor = schema_editor.connection.vendor
    _fill_forms(IndexRecord)
    if vendor == "sqlite":
        _rebuild_fts(schema_editor, IndexRecord, with_forms=True)
    elif vendor == "postgresql":
        for sql in [*PG_DROP, PG_VECTOR.format(extra=PG_FORMS), PG_INDEX]:
            schema_editor.execute(sql)


def remove_forms(apps, schema_editor):
    IndexRecord = apps.get_model("site_search", "IndexRecord")
    vendor = schema_editor.connection.vendor
    if vendor == "sqlite":
        _rebuild_fts(schema_editor, IndexRecord, with_forms=False)
    elif vendor == "postgresql":
        for sql in [*PG_DROP, PG_VECTOR.format(extra=""), PG_INDEX]:
            schema_editor.execute(sql)


class Migration(migrations.Migration):
    dependencies = [("site_search", "0005_index_record_summary")]

    operations = [
        migrations.AddField(
            model_name="indexrecord",
            name="forms",
            field=models.TextField(blank=True, default=""),
        ),
        migrations.RunPython(add_forms, remove_forms),
    ]

"""The vocabulary "Mente du ...?" draws on, counted from the records already indexed."""

from collections import Counter

from django.db import migrations, models

BATCH = 5000


def fill_vocabulary(apps, schema_editor):
    from search.spelling import record_words

    IndexRecord = apps.get_model("site_search", "IndexRecord")
    SearchWord = apps.get_model("site_search", "SearchWord")
    counts: Counter = Counter()
    for record in IndexRecord.objects.only("title", "body").iterator(chunk_size=1000):
        counts.update(record_words(record))
    items = list(counts.items())
    for start in range(0, len(items), BATCH):
        SearchWord.objects.bulk_create(
            [SearchWord(word=w, head=w[:2], records=n) for w, n in items[start : start + BATCH]]
        )


class Migration(migrations.Migration):
    dependencies = [("site_search", "0006_word_forms")]

    operations = [
        migrations.CreateModel(
            name="SearchWord",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("word", models.CharField(max_length=60, unique=True)),
                ("head", models.CharField(db_index=True, max_length=2)),
                ("records", models.PositiveIntegerField(default=1)),
            ],
            options={"verbose_name": "søgeord", "verbose_name_plural": "søgeord"},
        ),
        migrations.RunPython(fill_vocabulary, migrations.RunPython.noop),
    ]

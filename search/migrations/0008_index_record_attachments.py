"""A page's record carries its attachments: the documents it links to and where their text is.

Records already indexed keep an empty list until they are written again. After upgrading, run
``manage.py search_index repair``: ``check`` finds every page that links to a document stale (its
fingerprint now covers its attachments) and every document record forbidden (a document a visible
page links to is found with that page, not as a hit of its own), and ``repair`` rewrites and
removes them; the other records keep their fingerprint and are left alone. ``rebuild`` does the
same in one go.
"""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("site_search", "0007_search_words")]

    operations = [
        migrations.AddField(
            model_name="indexrecord",
            name="attachments",
            field=models.JSONField(blank=True, default=list),
        ),
    ]

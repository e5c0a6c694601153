"""Give every council that already exists its document collection, named after the council.

New councils get theirs when they are saved (``council_pages.signals``). Historical models have
no tree methods, so the collection's materialised path is built here the way treebeard does.
"""

from django.db import migrations

ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
STEPLEN = 4


def _step(number):
    digits = ""
    while True:
        number, remainder = divmod(number, len(ALPHABET))
        digits = ALPHABET[remainder] + digits
        if number == 0:
            break
    return digits.rjust(STEPLEN, "0")


def _from_step(step):
    return int(step, len(ALPHABET))


def create_council_collections(apps, schema_editor):
    Collection = apps.get_model("wagtailcore", "Collection")
    CouncilPage = apps.get_model("council_pages", "CouncilPage")
    CouncilCollection = apps.get_model("documents", "CouncilCollection")
    CouncilDocument = apps.get_model("documents", "CouncilDocument")

    root = Collection.objects.filter(depth=1).order_by("path").first()
    if root is None:
        return
    for council in CouncilPage.objects.order_by("path"):
        if CouncilCollection.objects.filter(council_id=council.pk).exists():
            continue
        last = (
            Collection.objects.filter(depth=2, path__startswith=root.path)
            .order_by("-path")
            .values_list("path", flat=True)
            .first()
        )
        number = _from_step(last[-STEPLEN:]) + 1 if last else 1
        collection = Collection.objects.create(
            name=council.title, depth=2, path=root.path + _step(number), numchild=0
        )
        root.numchild += 1
        root.save(update_fields=["numchild"])
        CouncilCollection.objects.create(council_id=council.pk, collection=collection)
        # Documents already tagged with the council move into its collection.
        CouncilDocument.objects.filter(council_id=council.pk, collection=root).update(
            collection=collection
        )


class Migration(migrations.Migration):
    dependencies = [
        ("documents", "0002_council_collection_and_file_details"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        migrations.RunPython(create_council_collections, migrations.RunPython.noop),
    ]

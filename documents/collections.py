"""One Wagtail collection per council: the folder that holds the council's documents.

Collection permissions (granted to a council's group by the roles code) are what let a secretary
see, upload and choose their own council's documents and nobody else's. This module only knows a
council by its primary key and title, so ``documents`` never imports ``council_pages``.
"""

from django.db import IntegrityError, transaction
from wagtail.models import Collection

from documents.models import CouncilCollection


def council_collection(council) -> Collection:
    """Return the collection of ``council``'s documents, creating it on first use.

    The collection sits directly under the root collection and is named after the council (its
    page title, e.g. "Odense"); it is renamed when the council is renamed. Safe to call on every
    save of the council and from several processes at once.
    """
    name = council.title
    link = (
        CouncilCollection.objects.select_related("collection").filter(council_id=council.pk).first()
    )
    if link is not None:
        collection = link.collection
        if collection.name != name:
            collection.name = name
            collection.save(update_fields=["name"])
        return collection

    try:
        with transaction.atomic():
            collection = Collection.get_first_root_node().add_child(name=name)
            CouncilCollection.objects.create(council_id=council.pk, collection=collection)
    except IntegrityError:
        # Another request created the link first; use theirs (our savepoint was rolled back).
        return (
            CouncilCollection.objects.select_related("collection")
            .get(council_id=council.pk)
            .collection
        )
    return collection


def council_id_for_collection(collection) -> int | None:
    """The council (primary key) a collection belongs to, or None for site-wide collections.

    A collection belongs to a council when it is the council's collection or lies below it, so a
    council may keep sub-collections (e.g. a private one) that still count as its own.
    """
    return CouncilCollection.council_id_for(collection)

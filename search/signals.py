"""Signal handlers: every publishing event queues the affected items for (re)indexing.

Connected in :meth:`search.apps.SearchConfig.ready`. Handlers only write queue rows (cheap, in
the same transaction as the change); they never talk to the search backend themselves.
"""

from django.contrib.contenttypes.models import ContentType
from django.db.models.signals import post_delete, post_save, pre_delete, pre_save
from wagtail.documents import get_document_model
from wagtail.models import (
    Collection,
    CollectionViewRestriction,
    Page,
    PageViewRestriction,
    ReferenceIndex,
)
from wagtail.signals import page_published, page_unpublished, post_page_move

from .adapters import document_key, page_key
from .tasks import enqueue


def _subtree_keys(page: Page) -> list[str]:
    """The page, every page below it, and the documents those pages link to.

    Whether a document is public depends on the pages linking to it, so a page event may
    change a document's place in the index too.
    """
    ids = list(Page.objects.descendant_of(page, inclusive=True).values_list("pk", flat=True))
    return [page_key(pk) for pk in ids] + _linked_document_keys(ids)


def _linked_document_keys(page_ids) -> list[str]:
    refs = ReferenceIndex.objects.filter(
        base_content_type=ContentType.objects.get_for_model(Page),
        object_id__in=[str(pk) for pk in page_ids],
        to_content_type=ContentType.objects.get_for_model(get_document_model()),
    ).values_list("to_object_id", flat=True)
    return [document_key(int(pk)) for pk in refs if str(pk).isdigit()]


def _linking_page_keys(document) -> list[str]:
    """Pages whose content points to the document (they carry its text in their body)."""
    keys = []
    for ref in ReferenceIndex.get_references_to(document).select_related("base_content_type"):
        model = ref.base_content_type.model_class()
        if model is not None and issubclass(model, Page):
            keys.append(page_key(int(ref.object_id)))
    return keys


def on_page_published(sender, instance, **kwargs):
    keys = [page_key(instance.pk), *_linked_document_keys([instance.pk])]
    if Page.objects.filter(pk=instance.pk, numchild__gt=0).exists():
        # Items below carry this page's slug in their URL, and a council's name and
        # municipality, so they are re-checked too (rare: councils and index pages).
        keys = _subtree_keys(instance)
    enqueue(keys)


def on_page_unpublished(sender, instance, **kwargs):
    enqueue(_subtree_keys(instance))


def on_page_deleted(sender, instance, **kwargs):
    enqueue([page_key(instance.pk)])


def on_page_about_to_change(sender, instance, raw=False, **kwargs):
    """Before a page row changes or goes, note the documents it links to now.

    Publishing a version without a link (or deleting the page) can make a document private;
    after the save the reference index only knows the new links.
    """
    if raw or not isinstance(instance, Page) or not instance.pk:
        return
    keys = _linked_document_keys([instance.pk])
    if keys:
        enqueue(keys)


def on_page_moved(sender, instance, **kwargs):
    enqueue(_subtree_keys(instance))


def on_page_restriction_changed(sender, instance, **kwargs):
    page = Page.objects.filter(pk=instance.page_id).first()
    if page is not None:
        enqueue(_subtree_keys(page))


def on_collection_restriction_changed(sender, instance, **kwargs):
    collection = Collection.objects.filter(pk=instance.collection_id).first()
    if collection is None:
        return
    Document = get_document_model()
    subtree = Collection.objects.filter(path__startswith=collection.path)
    keys = []
    for document in Document.objects.filter(collection__in=subtree):
        keys.append(document_key(document.pk))
        keys.extend(_linking_page_keys(document))
    enqueue(keys)


def on_document_changed(sender, instance, **kwargs):
    enqueue([document_key(instance.pk), *_linking_page_keys(instance)])


def connect() -> None:
    page_published.connect(on_page_published, dispatch_uid="site_search_published")
    page_unpublished.connect(on_page_unpublished, dispatch_uid="site_search_unpublished")
    post_page_move.connect(on_page_moved, dispatch_uid="site_search_moved")
    post_delete.connect(on_page_deleted_any, dispatch_uid="site_search_deleted")
    pre_save.connect(on_page_about_to_change, dispatch_uid="site_search_page_pre_save")
    pre_delete.connect(on_page_about_to_change, dispatch_uid="site_search_page_pre_delete")
    for signal, suffix in ((post_save, "saved"), (post_delete, "deleted")):
        signal.connect(
            on_page_restriction_changed,
            sender=PageViewRestriction,
            dispatch_uid=f"site_search_page_restriction_{suffix}",
        )
        signal.connect(
            on_collection_restriction_changed,
            sender=CollectionViewRestriction,
            dispatch_uid=f"site_search_collection_restriction_{suffix}",
        )
        signal.connect(
            on_document_changed,
            sender=get_document_model(),
            dispatch_uid=f"site_search_document_{suffix}",
        )


def on_page_deleted_any(sender, instance, **kwargs):
    """post_delete fires for the base Page row and for each specific page table."""
    if isinstance(instance, Page):
        on_page_deleted(sender, instance, **kwargs)

"""Signal handlers: every publishing event queues the affected items for (re)indexing.

Connected in :meth:`search.apps.SearchConfig.ready`. Handlers only write queue rows (cheap, in
the same transaction as the change); they never talk to the search backend themselves.
"""

from django.db.models.signals import post_delete, post_save
from wagtail.documents import get_document_model
from wagtail.models import Collection, CollectionViewRestriction, Page, PageViewRestriction
from wagtail.signals import page_published, page_unpublished, post_page_move

from .adapters import document_key, page_key
from .indexing import enqueue


def _subtree_keys(page: Page) -> list[str]:
    return [
        page_key(pk)
        for pk in Page.objects.descendant_of(page, inclusive=True).values_list("pk", flat=True)
    ]


def _linking_page_keys(document) -> list[str]:
    """Pages whose content points to the document (they carry its text in their body)."""
    from wagtail.models import ReferenceIndex

    keys = []
    for ref in ReferenceIndex.get_references_to(document).select_related("base_content_type"):
        model = ref.base_content_type.model_class()
        if model is not None and issubclass(model, Page):
            keys.append(page_key(int(ref.object_id)))
    return keys


def on_page_published(sender, instance, **kwargs):
    keys = [page_key(instance.pk)]
    if instance.specific_class and instance.specific_class._meta.label_lower == (
        "council_pages.councilpage"
    ):
        # A council's name and municipality are shown on every item below it.
        keys = _subtree_keys(instance)
    enqueue(keys)


def on_page_unpublished(sender, instance, **kwargs):
    enqueue(_subtree_keys(instance))


def on_page_deleted(sender, instance, **kwargs):
    enqueue([page_key(instance.pk)])


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

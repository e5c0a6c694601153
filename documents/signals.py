"""Signal receivers of the documents app, connected in :meth:`DocumentsConfig.ready`."""

from django.db import transaction
from django.db.models.signals import post_save

from documents.models import CouncilDocument
from documents.tasks import extract_document_text


def on_document_saved(sender, instance: CouncilDocument, raw=False, update_fields=None, **kwargs):
    """A new or replaced file: read its text in the background once the save has committed.

    Saves of chosen fields (the task's own, Wagtail's bulk actions) never queue a reading.
    """
    if raw or update_fields is not None or not instance.needs_text:
        return
    document_id, file_hash = instance.pk, instance.file_hash
    transaction.on_commit(lambda: extract_document_text.enqueue(document_id, file_hash))


def connect() -> None:
    post_save.connect(
        on_document_saved, sender=CouncilDocument, dispatch_uid="documents_extract_text"
    )

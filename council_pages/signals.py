"""Signal handlers of the council pages.

Every council gets its own document collection (named after it) as soon as it is saved, so its
secretary can upload documents straight away and see no one else's.
"""

from django.db.models.signals import post_save
from django.dispatch import receiver

from council_pages.models import CouncilPage
from documents.collections import council_collection


@receiver(post_save, sender=CouncilPage, dispatch_uid="council_pages_council_collection")
def create_council_collection(sender, instance, raw=False, **kwargs):
    if raw:
        return
    council_collection(instance)

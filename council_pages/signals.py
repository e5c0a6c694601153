"""Signal handlers of the council pages, connected in ``CouncilPagesConfig.ready()``.

* Every council gets its own document collection (named after it) as soon as it is saved, so its
  secretary can upload documents straight away and see no one else's.
* Saving, moving or deleting a council role keeps the user's membership of the council's group
  (and with it their page and document permissions) in step.
* A council's group only exists for its council: when the council goes, so do its permissions.
"""

from django.contrib.auth.models import Group
from django.db.models.signals import post_delete, post_save, pre_save
from django.dispatch import receiver

from council_pages.models import CouncilAccessGroup, CouncilPage, CouncilRole
from council_pages.models.roles import sync_council_access
from documents.collections import council_collection


@receiver(post_save, sender=CouncilPage, dispatch_uid="council_pages_council_collection")
def create_council_collection(sender, instance, raw=False, **kwargs):
    if raw:
        return
    council_collection(instance)


@receiver(pre_save, sender=CouncilRole, dispatch_uid="council_pages_role_previous_holder")
def remember_previous_holder(sender, instance, **kwargs):
    # An administrator may move a role to another user or council; the old pair loses access.
    instance._previous = (
        CouncilRole.objects.filter(pk=instance.pk).values_list("user_id", "council_id").first()
        if instance.pk
        else None
    )


@receiver(post_save, sender=CouncilRole, dispatch_uid="council_pages_role_saved")
def sync_access_after_role_save(sender, instance, raw=False, **kwargs):
    if raw:
        return
    sync_council_access(instance.user_id, instance.council_id)
    previous = getattr(instance, "_previous", None)
    if previous and previous != (instance.user_id, instance.council_id):
        sync_council_access(*previous)


@receiver(post_delete, sender=CouncilRole, dispatch_uid="council_pages_role_deleted")
def sync_access_after_role_delete(sender, instance, **kwargs):
    sync_council_access(instance.user_id, instance.council_id)


@receiver(post_delete, sender=CouncilAccessGroup, dispatch_uid="council_pages_access_group_deleted")
def delete_orphaned_group(sender, instance, **kwargs):
    Group.objects.filter(pk=instance.group_id).delete()

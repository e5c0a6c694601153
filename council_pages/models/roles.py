"""Council roles: who is secretary, chair or vice-chair of which council.

Roles are data, edited by site administrators under "Indstillinger > Rådsroller" in the Wagtail
admin. Saving or deleting a role keeps the user's membership of the council's group (and with it
their page and document permissions) in step; see ``council_pages.roles``.
"""

from django.conf import settings
from django.contrib.auth.models import Group
from django.db import models
from django.db.models.signals import post_delete, post_save, pre_save
from django.dispatch import receiver
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel


class CouncilRoleKind(models.TextChoices):
    SECRETARY = "secretary", _("Sekretær")
    CHAIR = "chair", _("Formand")
    VICE_CHAIR = "vice_chair", _("Næstformand")


# The roles whose holders approve what their council publishes.
APPROVER_ROLES = (CouncilRoleKind.CHAIR, CouncilRoleKind.VICE_CHAIR)


class CouncilRole(models.Model):
    """One person's role in one council (a snippet, managed by site administrators only).

    A secretary writes and submits the council's pages; the chair and the vice-chair approve them.
    A person has at most one role per council, but may hold roles in several councils.
    """

    council = models.ForeignKey(
        "council_pages.CouncilPage",
        verbose_name=_("udsatteråd"),
        on_delete=models.CASCADE,
        related_name="roles",
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("bruger"),
        on_delete=models.CASCADE,
        related_name="council_roles",
        help_text=_("Personen skal have en bruger i administrationen (Indstillinger > Brugere)."),
    )
    role = models.CharField(_("rolle"), max_length=20, choices=CouncilRoleKind.choices)
    created_at = models.DateTimeField(_("oprettet"), auto_now_add=True)

    panels = [FieldPanel("council"), FieldPanel("user"), FieldPanel("role")]

    class Meta:
        verbose_name = _("rådsrolle")
        verbose_name_plural = _("rådsroller")
        ordering = ["council__title", "role", "user__username"]
        constraints = [
            models.UniqueConstraint(
                fields=["council", "user"],
                name="council_role_one_per_user_and_council",
                violation_error_message=_("Brugeren har allerede en rolle i dette udsatteråd."),
            )
        ]

    def __str__(self):
        return f"{self.user.get_full_name() or self.user.get_username()}: " + (
            f"{self.get_role_display()}, {self.council.title}"
        )

    @property
    def is_approver(self) -> bool:
        return self.role in APPROVER_ROLES


class CouncilAccessGroup(models.Model):
    """Links a council to the Wagtail group that holds its role holders' permissions.

    Created on demand by ``council_pages.roles.council_group``; never edited by hand.
    """

    council = models.OneToOneField(
        "council_pages.CouncilPage",
        verbose_name=_("udsatteråd"),
        on_delete=models.CASCADE,
        related_name="access_group",
    )
    group = models.OneToOneField(
        Group, verbose_name=_("gruppe"), on_delete=models.CASCADE, related_name="council_access"
    )

    class Meta:
        verbose_name = _("rådsgruppe")
        verbose_name_plural = _("rådsgrupper")

    def __str__(self):
        return self.group.name


@receiver(pre_save, sender=CouncilRole)
def _remember_previous_holder(sender, instance, **kwargs):
    # An administrator may move a role to another user or council; the old pair loses access.
    instance._previous = (
        CouncilRole.objects.filter(pk=instance.pk).values_list("user_id", "council_id").first()
        if instance.pk
        else None
    )


@receiver(post_save, sender=CouncilRole)
def _sync_after_save(sender, instance, raw=False, **kwargs):
    if raw:
        return
    from council_pages.roles import sync_council_access

    sync_council_access(instance.user_id, instance.council_id)
    previous = getattr(instance, "_previous", None)
    if previous and previous != (instance.user_id, instance.council_id):
        sync_council_access(*previous)


@receiver(post_delete, sender=CouncilRole)
def _sync_after_delete(sender, instance, **kwargs):
    from council_pages.roles import sync_council_access

    sync_council_access(instance.user_id, instance.council_id)


@receiver(post_delete, sender=CouncilAccessGroup)
def _delete_orphaned_group(sender, instance, **kwargs):
    # The group only exists for its council: when the council goes, so do its permissions.
    Group.objects.filter(pk=instance.group_id).delete()

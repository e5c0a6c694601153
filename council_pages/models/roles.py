"""Council roles: who is secretary, chair or vice-chair of which council.

Roles are data, edited by site administrators under "Indstillinger > Rådsroller" in the Wagtail
admin. Saving or deleting a role keeps the user's membership of the council's group (and with it
their page and document permissions) in step (``sync_council_access``, called by the receivers in
``council_pages.signals``).

Every council has one Wagtail group (``council_group``). Everyone with a role in the council
(secretary, chair, vice-chair) is a member, and the group holds exactly what their work needs:

* access to the Wagtail admin;
* "add" and "change" on the council's page subtree: they write, save drafts and submit for
  approval, but never publish, unpublish or delete (only site administrators hold those);
* add, change and choose documents in the council's document collection.

Who may *approve* is not a permission: the chair-approval task (``council_pages.models.workflows``)
asks ``approvers_for`` about the page's own council. The group never receives any permission to
manage users, groups, roles, workflows or settings.
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.db import IntegrityError, models, transaction
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import GroupCollectionPermission, GroupPagePermission, Page

from documents.collections import council_collection

from .council import CouncilPage

PAGE_PERMISSIONS = ("add_page", "change_page")
DOCUMENT_PERMISSIONS = ("add_document", "change_document", "choose_document")
GROUP_NAME = "Udsatteråd: {title}"


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

    Created on demand by ``council_group``; never edited by hand.
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


def council_group(council: CouncilPage) -> Group:
    """The group of everyone holding a role in ``council``, created with its permissions.

    Use it wherever something must be open to the council's own people only, e.g. a
    ``PageViewRestriction`` of type GROUPS on non-public minutes.
    """
    access = CouncilAccessGroup.objects.select_related("group").filter(council=council).first()
    if access is not None:
        return access.group
    try:
        with transaction.atomic():
            group = Group.objects.create(name=_unique_group_name(council))
            CouncilAccessGroup.objects.create(council=council, group=group)
            grant_council_permissions(group, council)
    except IntegrityError:
        # Another request created it first (our savepoint was rolled back): use theirs.
        return CouncilAccessGroup.objects.select_related("group").get(council=council).group
    return group


def grant_council_permissions(group: Group, council: CouncilPage) -> None:
    """Give ``group`` exactly the role holders' permissions on ``council``; idempotent."""
    group.permissions.set(
        [Permission.objects.get_by_natural_key("access_admin", "wagtailadmin", "admin")]
    )

    page_permissions = list(
        Permission.objects.filter(
            content_type__app_label="wagtailcore", codename__in=PAGE_PERMISSIONS
        )
    )
    GroupPagePermission.objects.filter(group=group).exclude(
        page=council, permission__in=page_permissions
    ).delete()
    for permission in page_permissions:
        GroupPagePermission.objects.get_or_create(group=group, page=council, permission=permission)

    collection = council_collection(council)
    document_permissions = Permission.objects.filter(
        content_type__app_label="wagtaildocs", codename__in=DOCUMENT_PERMISSIONS
    )
    for permission in document_permissions:
        GroupCollectionPermission.objects.get_or_create(
            group=group, collection=collection, permission=permission
        )


def sync_council_access(user_id: int, council_id: int) -> None:
    """Make the user a member of the council's group exactly while they hold a role in it."""
    holds_role = CouncilRole.objects.filter(user_id=user_id, council_id=council_id).exists()
    if holds_role:
        group = council_group(CouncilPage.objects.get(pk=council_id))
        group.user_set.add(user_id)
        return
    access = CouncilAccessGroup.objects.filter(council_id=council_id).select_related("group")
    for item in access:
        item.group.user_set.remove(user_id)


def council_for_page(page: Page) -> CouncilPage | None:
    """The council a page belongs to: its nearest ``CouncilPage`` ancestor (or itself)."""
    if page.pk is None or page.depth is None:
        return None
    return CouncilPage.objects.ancestor_of(page, inclusive=True).order_by("-depth").first()


def approvers_for(council: CouncilPage | None):
    """Active users who may approve the council's pages: its chair and vice-chair."""
    users = get_user_model().objects.filter(is_active=True)
    if council is None:
        return users.none()
    return users.filter(
        council_roles__council=council, council_roles__role__in=APPROVER_ROLES
    ).distinct()


def is_approver(user, council: CouncilPage | None) -> bool:
    if council is None or not user.is_authenticated or not user.is_active:
        return False
    return CouncilRole.objects.filter(user=user, council=council, role__in=APPROVER_ROLES).exists()


def councils_approved_by(user):
    """The councils where ``user`` is chair or vice-chair."""
    return CouncilPage.objects.filter(roles__user=user, roles__role__in=APPROVER_ROLES)


def _unique_group_name(council: CouncilPage) -> str:
    name = GROUP_NAME.format(title=council.title)[:140]
    if Group.objects.filter(name=name).exists():
        name = f"{name} ({council.pk})"
    return name

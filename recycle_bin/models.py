from django.conf import settings
from django.contrib.auth.models import Group
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page, PageViewRestriction


class RecycleBinPage(Page):
    """The Papirkurv: holds deleted pages; below the tree's root, never live, never served."""

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = []
    max_count = 1
    is_creatable = False

    class Meta:
        verbose_name = _("papirkurv")

    @classmethod
    def get(cls):
        """The bin, made on first use: unpublished and behind a view restriction."""
        existing = cls.objects.first()
        if existing:
            return existing
        root = Page.get_first_root_node()
        bin_page = root.add_child(
            instance=cls(title=str(_("Papirkurv")), slug="papirkurv", live=False)
        )
        restriction = PageViewRestriction.objects.create(
            page=bin_page, restriction_type=PageViewRestriction.GROUPS
        )
        restriction.groups.set(Group.objects.none())
        return bin_page


class DeletedPage(models.Model):
    """One page deleted in the admin: where it stood, who deleted it and when."""

    page = models.OneToOneField(Page, on_delete=models.CASCADE, related_name="+")
    original_parent = models.ForeignKey(
        Page, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    original_slug = models.SlugField(max_length=255, allow_unicode=True)
    title = models.CharField(max_length=255)
    deleted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    deleted_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-deleted_at"]
        verbose_name = _("slettet side")
        verbose_name_plural = _("slettede sider")

    def __str__(self):
        return self.title

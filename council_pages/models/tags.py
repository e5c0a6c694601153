"""The shared vocabulary of target groups, used as tags across page types."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from taggit.models import ItemBase, TagBase

# The vocabulary from the councils' own descriptions of whom they speak for.
TARGET_GROUP_VOCABULARY = [
    ("hjemloese", "Hjemløse"),
    ("stofmisbrugere", "Stofmisbrugere"),
    ("alkoholmisbrugere", "Alkoholmisbrugere"),
    ("sindslidende", "Sindslidende"),
    ("prostituerede", "Prostituerede"),
    ("unge", "Unge"),
    ("etniske-minoriteter", "Etniske minoriteter"),
    ("fattige", "Fattige"),
    ("voldsramte", "Voldsramte"),
    ("boern", "Børn"),
]


class TargetGroup(TagBase):
    """A target group from the shared vocabulary (e.g. "Hjemløse").

    Editors pick from the list; only site administrators add new groups, so that every council
    tags the same people with the same word and citizens can filter across councils.
    """

    free_tagging = False

    class Meta:
        verbose_name = _("målgruppe")
        verbose_name_plural = _("målgrupper")
        ordering = ["name"]


class TargetGroupItemBase(ItemBase):
    """Abstract through-model tying a page to target groups; each page type subclasses it."""

    tag = models.ForeignKey(
        TargetGroup, related_name="%(app_label)s_%(class)s_items", on_delete=models.CASCADE
    )

    class Meta:
        abstract = True


class CouncilPageTargetGroup(TargetGroupItemBase):
    content_object = ParentalKey(
        "council_pages.CouncilPage", on_delete=models.CASCADE, related_name="tagged_target_groups"
    )

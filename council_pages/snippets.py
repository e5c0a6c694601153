"""Admin screens for the shared target-group vocabulary."""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import TargetGroup


class TargetGroupViewSet(SnippetViewSet):
    """Lets site administrators keep the list of target groups that editors tag pages with.

    Secretaries get no permission on this model, so they can only pick from the list.
    """

    model = TargetGroup
    icon = "tag"
    menu_label = _("Målgrupper")
    menu_name = "target-groups"
    add_to_settings_menu = True
    list_display = ["name", "slug"]
    search_fields = ["name"]

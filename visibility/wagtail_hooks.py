"""Serving follows the rule (a page below an unpublished section is not there), and site
administrators mark the shared document collections."""

from django.http import Http404
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.viewsets.model import ModelViewSet

from visibility.models import SharedCollection
from visibility.rules import has_hidden_ancestor


@hooks.register("before_serve_page", order=-100)
def refuse_pages_below_hidden_sections(page, request, serve_args, serve_kwargs):
    """Wagtail checks that the page itself is live and applies view restrictions; rule 3 of
    ``visibility.rules`` (every ancestor live) is added here, so a URL never works where a list
    would not show the page."""
    if has_hidden_ancestor(page):
        raise Http404


class SharedCollectionViewSet(ModelViewSet):
    """Indstillinger > Fælles dokumentsamlinger: for site administrators only (model
    permissions, which no council group holds)."""

    model = SharedCollection
    form_fields = ["collection"]
    list_display = ["collection"]
    icon = "folder-open-inverse"
    menu_label = _("Fælles dokumentsamlinger")
    add_to_settings_menu = True


@hooks.register("register_admin_viewset")
def register_shared_collections():
    return SharedCollectionViewSet("shared_collections")

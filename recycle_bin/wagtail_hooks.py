from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.admin import messages
from wagtail.admin.menu import MenuItem
from wagtail.models import Page

from .actions import in_bin, recycle
from .models import RecycleBinPage
from .views import RecycleBinView


def _recycled_message(request, pages):
    titles = ", ".join(f"“{page.get_admin_display_title()}”" for page in pages)
    messages.success(
        request,
        _("%(titles)s er lagt i papirkurven. En administrator kan lægge den tilbage.")
        % {"titles": titles},
    )


@hooks.register("before_delete_page")
def delete_into_the_bin(request, page):
    if request.method != "POST" or in_bin(page):
        return None  # the confirmation page; or deleting from inside the bin: for good
    parent = page.get_parent()
    recycle(page, request.user)
    _recycled_message(request, [page])
    return redirect("wagtailadmin_explore", parent.pk)


@hooks.register("before_bulk_action")
def bulk_delete_into_the_bin(request, action_type, objects, action_class_instance):
    model = getattr(action_class_instance, "model", None)
    if action_type != "delete" or model is None or not issubclass(model, Page):
        return None
    pages = [page for page in objects if not in_bin(page)]
    if not pages:
        return None
    parent = pages[0].get_parent()
    for page in pages:
        recycle(page, request.user)
    _recycled_message(request, pages)
    return redirect("wagtailadmin_explore", parent.pk)


@hooks.register("construct_explorer_page_queryset")
def hide_the_bin_in_the_explorer(parent_page, pages, request):
    return pages.not_type(RecycleBinPage)


@hooks.register("construct_page_chooser_queryset")
def hide_the_bin_in_choosers(pages, request):
    return pages.not_type(RecycleBinPage)


@hooks.register("register_admin_urls")
def recycle_bin_urls():
    return [path("papirkurv/", RecycleBinView.as_view(), name="recycle_bin")]


class SiteAdministratorsMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.is_superuser


@hooks.register("register_settings_menu_item")
def recycle_bin_menu_item():
    return SiteAdministratorsMenuItem(
        gettext_lazy("Papirkurv"), reverse("recycle_bin"), icon_name="bin", order=900
    )

"""Indstillinger > Papirkurv: site administrators restore deleted pages or empty the bin."""

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import View
from wagtail.admin import messages
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from .actions import delete_for_good, restore
from .models import DeletedPage


class SiteAdministratorsOnly:
    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_superuser:
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class RecycleBinView(SiteAdministratorsOnly, WagtailAdminTemplateMixin, View):
    template_name = "recycle_bin/index.html"
    page_title = gettext_lazy("Papirkurv")
    header_icon = "bin"

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.page_title}]

    def get(self, request):
        entries = DeletedPage.objects.select_related("page", "original_parent", "deleted_by")
        context = self.get_context_data(entries=entries, days=settings.RECYCLE_BIN_DAYS)
        return self.render_to_response(context)

    def post(self, request):
        if request.POST.get("action") == "empty":
            count = delete_for_good(DeletedPage.objects.all(), user=request.user)
            messages.success(
                request, _("Papirkurven er tømt: %(count)s sider slettet.") % {"count": count}
            )
        else:
            entry = get_object_or_404(DeletedPage, pk=request.POST.get("entry"))
            if restore(entry, request.user):
                messages.success(
                    request, _("“%(title)s” er lagt tilbage.") % {"title": entry.title}
                )
            else:
                messages.error(
                    request,
                    _("“%(title)s” kan ikke lægges tilbage: stedet, den lå, er slettet.")
                    % {"title": entry.title},
                )
        return redirect("recycle_bin")

"""Admin screens and responses for council roles, the chair-approval workflow and privacy."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django.views import View
from wagtail.admin.forms.auth import LoginForm as WagtailLoginForm
from wagtail.models import Page
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import CouncilRole
from .privacy_scrub import scrub_page_revisions


class CouncilRoleViewSet(SnippetViewSet):
    """The "Indstillinger > Rådsroller" screen: site administrators name each council's people.

    Saving a role gives the user their council's permissions; deleting it takes them away.
    Nobody else holds a permission on this model, so only site administrators see the screen.
    """

    model = CouncilRole
    icon = "group"
    menu_label = _("Rådsroller")
    menu_name = "council-roles"
    add_to_settings_menu = True
    list_display = ["user", "role", "council", "created_at"]
    list_filter = ["council", "role"]
    search_fields = ["user__username", "user__first_name", "user__last_name", "user__email"]
    ordering = ["council__title", "role"]
    copy_view_enabled = False


def only_site_administrators(request, message):
    """A 403 page in the admin's look that says, in Danish, why the action was refused."""
    back_url = request.META.get("HTTP_REFERER", "")
    if not url_has_allowed_host_and_scheme(
        back_url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        back_url = reverse("wagtailadmin_home")
    return TemplateResponse(
        request,
        "council_pages/admin/forbidden.html",
        {"message": message, "back_url": back_url},
        status=403,
    )


class LoginForm(WagtailLoginForm):
    """The admin's login form (``WAGTAILADMIN_USER_LOGIN_FORM``), its password label in Danish.

    Wagtail's form gives the password field no label, so Django shows the untranslatable field
    name "Password" on the first screen every secretary and chair sees.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["password"].label = _("Adgangskode")


class ScrubRevisionsView(View):
    """Site administrators mask the CPR numbers in one page's old revisions (``privacy_scrub``)."""

    template_name = "council_pages/admin/scrub_revisions.html"

    def dispatch(self, request, page_id):
        if not request.user.is_superuser:
            return only_site_administrators(
                request, _("Kun sidens administratorer kan rydde op i gamle versioner.")
            )
        self.page = get_object_or_404(Page, pk=page_id)
        return super().dispatch(request, page_id)

    def get(self, request, page_id):
        return TemplateResponse(
            request,
            self.template_name,
            {"page": self.page, "found": scrub_page_revisions(self.page, dry_run=True)},
        )

    def post(self, request, page_id):
        result = scrub_page_revisions(self.page, request.user)
        messages.success(
            request,
            ngettext(
                "%(count)d CPR-nummer i gamle versioner er erstattet med xxxxxx-xxxx.",
                "%(count)d CPR-numre i gamle versioner er erstattet med xxxxxx-xxxx.",
                result.cpr_numbers,
            )
            % {"count": result.cpr_numbers},
        )
        return redirect("wagtailadmin_pages:history", self.page.pk)

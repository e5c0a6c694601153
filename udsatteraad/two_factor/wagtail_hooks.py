from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from .devices import totp_device
from .views import EnrolView


@hooks.register("register_admin_urls")
def two_factor_urls():
    return [path("totrinslogin/", EnrolView.as_view(), name="two_factor_enrol")]


@hooks.register("register_account_menu_item")
def two_factor_account_item(request):
    on = totp_device(request.user) is not None
    return {
        "url": reverse("two_factor_enrol"),
        "label": _("Totrinslogin"),
        "help_text": _("Slået til: du logger ind med en kode fra din app.")
        if on
        else _("Log ind med en kode fra en app på din telefon, ud over adgangskoden."),
    }

"""The login's code step, and the admin page where an editor sets up an authenticator app."""

from base64 import b32encode

import segno
from axes.handlers.proxy import AxesProxyHandler
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login as auth_login
from django.contrib.auth.signals import user_login_failed
from django.http import HttpResponseRedirect
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import View
from django_otp import login as otp_login
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from udsatteraad.login_protection import lockout_response

from .devices import make_ticket, read_ticket, totp_device
from .forms import CodeForm, EnrolForm

WRONG_CODE = gettext_lazy(
    "Koden passer ikke. Skriv den kode, appen viser nu (den skifter hvert halve minut)."
)
TOO_FAST = gettext_lazy("For mange forkerte koder lige efter hinanden. Vent lidt, og prøv igen.")
TICKET_GONE = gettext_lazy("Der gik for lang tid. Log ind igen med din adgangskode.")


class CodeStepMixin:
    """For a login view: a user with an authenticator app gives its code before getting in.

    ``code_template_name`` shows the code form. A wrong code is a failed login for django-axes
    (user name and address), so passwords and codes share one lockout; django-otp's own throttle
    also slows down guesses at one device from many addresses.
    """

    code_template_name = ""

    def form_valid(self, form):
        user = form.get_user()
        if totp_device(user) is None:
            return super().form_valid(form)
        ticket = make_ticket(user, form.cleaned_data.get("remember"))
        return self.render_code_step(CodeForm(initial={"ticket": ticket}))

    def render_code_step(self, code_form, status=200, ticket_gone=None):
        context = {"form": code_form, "next": self.get_redirect_url(), "ticket_gone": ticket_gone}
        return TemplateResponse(self.request, self.code_template_name, context, status=status)

    def code_step(self, request):
        form = CodeForm(request.POST)
        user, remember = read_ticket(request.POST.get("ticket", ""))
        device = totp_device(user) if user else None
        if device is None:
            return self.render_code_step(form, status=400, ticket_gone=TICKET_GONE)
        credentials = {"username": user.get_username()}
        if not AxesProxyHandler.is_allowed(request, credentials):
            return lockout_response(request, None, credentials)
        if form.is_valid():
            allowed, _info = device.verify_is_allowed()
            if allowed and device.verify_token(form.cleaned_data["otp_token"]):
                auth_login(request, user, backend="django.contrib.auth.backends.ModelBackend")
                otp_login(request, device)
                if remember is not None:
                    request.session.set_expiry(settings.SESSION_COOKIE_AGE if remember else 0)
                return HttpResponseRedirect(self.get_success_url())
            form.add_error("otp_token", WRONG_CODE if allowed else TOO_FAST)
        user_login_failed.send(sender=__name__, credentials=credentials, request=request)
        return self.render_code_step(form)


class EnrolView(WagtailAdminTemplateMixin, View):
    """``/admin/totrinslogin/``: set up (or, where allowed, turn off) an authenticator app.

    The QR code holds the app's secret key as an ``otpauth://`` address; it is drawn as an SVG
    image in a ``data:`` address, which the admin's Content-Security-Policy allows (no script).
    """

    template_name = "two_factor/enrol.html"
    page_title = gettext_lazy("Totrinslogin")
    header_icon = "key"

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.page_title}]

    def pending_device(self):
        device = TOTPDevice.objects.filter(user=self.request.user, confirmed=False).first()
        return device or TOTPDevice.objects.create(
            user=self.request.user, name=_("Godkendelses-app"), confirmed=False
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user = self.request.user
        context["device"] = totp_device(user)
        context["required"] = settings.TWO_FACTOR_REQUIRED_FOR_SUPERUSERS and user.is_superuser
        if context["device"] is None:
            pending = self.pending_device()
            context["qr_data_uri"] = segno.make(pending.config_url, error="m").svg_data_uri(
                scale=5, border=2
            )
            key = b32encode(pending.bin_key).decode()
            context["manual_key"] = " ".join(key[i : i + 4] for i in range(0, len(key), 4))
            context.setdefault("form", EnrolForm())
        return context

    def get(self, request):
        return self.render_to_response(self.get_context_data())

    def post(self, request):
        user = request.user
        if request.POST.get("action") == "remove":
            device = totp_device(user)
            if device and not (settings.TWO_FACTOR_REQUIRED_FOR_SUPERUSERS and user.is_superuser):
                TOTPDevice.objects.filter(user=user).delete()
                messages.success(request, _("Totrinslogin er slået fra."))
            return redirect("two_factor_enrol")
        if totp_device(user) is not None:
            return redirect("two_factor_enrol")
        form = EnrolForm(request.POST)
        if form.is_valid():
            device = self.pending_device()
            allowed, _info = device.verify_is_allowed()
            if allowed and device.verify_token(form.cleaned_data["otp_token"]):
                device.confirmed = True
                device.save(update_fields=["confirmed"])
                otp_login(request, device)
                messages.success(
                    request,
                    _("Totrinslogin er slået til. Næste gang du logger ind, beder vi om en kode."),
                )
                return redirect("wagtailadmin_home")
            form.add_error("otp_token", WRONG_CODE if allowed else TOO_FAST)
        return self.render_to_response(self.get_context_data(form=form), status=400)

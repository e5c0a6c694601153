"""The one field of the code step and of setting up an app: six digits."""

from django import forms
from django.utils.translation import gettext_lazy as _


class CodeField(forms.RegexField):
    def __init__(self, **kwargs):
        super().__init__(
            regex=r"^\d{6}$",
            label=_("Kode fra din app"),
            help_text=_("De 6 cifre, din godkendelses-app viser lige nu."),
            error_messages={
                "required": _("Skriv koden fra din app."),
                "invalid": _("Koden er 6 cifre, uden mellemrum."),
            },
            widget=forms.TextInput(
                attrs={"inputmode": "numeric", "autocomplete": "one-time-code", "maxlength": "6"}
            ),
            **kwargs,
        )

    def to_python(self, value):
        return "".join(super().to_python(value).split())


class CodeForm(forms.Form):
    """The login's second step: the code, and the ticket from the password step."""

    ticket = forms.CharField(widget=forms.HiddenInput)
    otp_token = CodeField()


class EnrolForm(forms.Form):
    """Setting up an app: the first code it shows proves it holds the key."""

    otp_token = CodeField()

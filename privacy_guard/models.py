"""What site administrators keep for the privacy guard: allowed contacts and case words."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting

from privacy_guard.detector import DEFAULT_CASE_WORDS


@register_setting(icon="lock")
class PrivacyGuardSettings(BaseGenericSetting):
    """The privacy guard's lists, one for the whole site (*Indstillinger → Personoplysninger*).

    Public institutions' phone numbers and e-mail addresses may be published without a warning;
    case words make the guard warn the chair that a text may be about one person's case.
    """

    public_contacts = models.TextField(
        _("offentlige institutioners kontaktoplysninger"),
        blank=True,
        help_text=_(
            "Telefonnumre og e-mailadresser, der gerne må stå på siderne, én pr. linje, fx "
            "66 13 13 72 eller borgerservice@odense.dk. Skriv @odense.dk for alle adresser "
            "på et domæne. Rådets egne kontaktoplysninger på rådets side er altid tilladt."
        ),
    )
    case_words = models.TextField(
        _("ord, der peger på enkeltsager"),
        blank=True,
        default=DEFAULT_CASE_WORDS,
        help_text=_(
            "Ét ord eller udtryk pr. linje. Står et af dem i en tekst, får formanden en "
            "advarsel, før siden udgives."
        ),
    )

    panels = [FieldPanel("public_contacts"), FieldPanel("case_words")]

    class Meta:
        verbose_name = _("personoplysninger")
        verbose_name_plural = _("personoplysninger")

    def allowed_contact_lines(self) -> list[str]:
        return [line.strip() for line in self.public_contacts.splitlines() if line.strip()]

    def case_word_lines(self) -> list[str]:
        return [line.strip() for line in self.case_words.splitlines() if line.strip()]

"""The "Kort fortalt" field: a plain-language summary on hearings, reports and meetings.

The summary comes first on the page and is the description wherever the page is listed: the
council's lists, the feeds, the search results and the open-data API. The editor shows its LIX
while the secretary types (``council_pages.readability``); a hard text is a warning, never a
reason to refuse the page.
"""

from django.db import models
from django.utils.text import Truncator, format_lazy
from django.utils.translation import gettext_lazy as _

from council_pages.readability import SUMMARY_TARGET, html_text

SUMMARY_LENGTH = 600
SUMMARY_HELP = _(
    "2-4 korte sætninger i et let sprog. Vises først på siden og i oversigter, feeds og "
    "søgning. Sigt efter LIX {target} eller lavere: korte sætninger og korte ord."
)


def summary_field(*, required: bool, help_text: str = "") -> models.TextField:
    """The "Kort fortalt" field: required on hearing responses and annual reports."""
    return models.TextField(
        _("kort fortalt"),
        max_length=SUMMARY_LENGTH,
        blank=not required,
        help_text=help_text or format_lazy(SUMMARY_HELP, target=SUMMARY_TARGET),
    )


def first_words(html: str, length: int = 300) -> str:
    """The start of a rich text as plain text, cut at a word: a fallback description."""
    text = " ".join(html_text(html).split())
    return Truncator(text).chars(length)


class SummaryDescriptionMixin:
    """``description``: the summary, or what the page says first when it has none."""

    def description_fallback(self) -> str:
        return self.search_description

    @property
    def description(self) -> str:
        return (self.summary or "").strip() or self.description_fallback()

"""Plain content pages: about, accessibility statement, privacy."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.search import index

from council_pages.blocks import BodyStreamBlock

from .base import BasePage


class StandardPage(BasePage):
    """A simple text page under the home page, e.g. /om/, /tilgaengelighed/, /privatliv/."""

    template = "council_pages/standard_page.html"
    parent_page_types = ["council_pages.HomePage"]
    subpage_types: list[str] = []

    body = StreamField(BodyStreamBlock(), blank=True, verbose_name=_("indhold"))

    content_panels = BasePage.content_panels + [FieldPanel("body")]
    search_fields = BasePage.search_fields + [index.SearchField("body")]
    api_fields = [APIField("body")]

    class Meta:
        verbose_name = _("almindelig side")
        verbose_name_plural = _("almindelige sider")

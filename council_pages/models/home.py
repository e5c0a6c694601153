"""The national portal's front page."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField

from council_pages.lists import feed_urls
from council_pages.serializers import RichTextHTMLField
from visibility.rules import visible

from .base import BasePage


class HomePage(BasePage):
    """The root of the site ("/"): lists every council and offers search across all of them."""

    template = "council_pages/home_page.html"
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["council_pages.CouncilPage", "council_pages.StandardPage"]
    max_count = 1

    intro = RichTextField(
        _("introduktion"),
        blank=True,
        features=["bold", "italic", "link"],
        help_text=_("Et par linjer øverst på forsiden om hvad udsatteråd er."),
    )

    content_panels = BasePage.content_panels + [FieldPanel("intro")]

    api_fields = [APIField("intro", serializer=RichTextHTMLField())]

    class Meta:
        verbose_name = _("forside")
        verbose_name_plural = _("forsider")

    def feeds(self) -> dict:
        """The feeds of everything every council publishes: /rss/ and /atom/."""
        return feed_urls()

    @property
    def councils(self):
        from .council import CouncilPage

        return (
            visible(CouncilPage.objects.child_of(self))
            .order_by("municipality")
            # The manager the template reads (``target_groups.all``); prefetching the through
            # model left it asking once per council.
            .prefetch_related("target_groups")
        )

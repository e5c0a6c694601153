"""Shared behaviour of every page type on the site."""

from wagtail.models import Page

from council_pages.slugs import danish_slugify


class BasePage(Page):
    """Abstract base of all page types: keeps slugs ASCII with Danish transliteration.

    Wagtail's admin sends the slug with æ, ø and å intact (``WAGTAIL_ALLOW_UNICODE_SLUGS``);
    here it becomes ``moeder`` rather than ``moder`` or ``mder``.
    """

    class Meta:
        abstract = True

    def full_clean(self, *args, **kwargs):
        if self.slug:
            self.slug = danish_slugify(self.slug)
        elif self.title:
            self.slug = danish_slugify(self.title)
        super().full_clean(*args, **kwargs)

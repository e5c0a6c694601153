"""The sitemap lists visible pages only (``visibility.rules``)."""

from wagtail.contrib.sitemaps import Sitemap

from visibility.rules import visible


class VisibleSitemap(Sitemap):
    """Wagtail's sitemap, limited to the pages the public may see."""

    def items(self):
        root = self.get_wagtail_site().root_page
        return (
            visible(root.get_descendants(inclusive=True))
            .order_by("path")
            .defer_streamfields()
            .specific()
        )

"""The sitemap: an index of sections, each listing visible pages only (``visibility.rules``).

``/sitemap.xml`` is Django's sitemap index. It names one section per council and kind, each a
file at ``/sitemap-<section>.xml``:

* ``raad.<council>``: the council's page and its direct sections (rules, the three lists);
* ``raad.<council>.<section>``: every page below one of those, e.g. ``raad.odense.moeder`` for
  Odense's meetings;
* ``sitet``: the pages outside every council (the home page, /om/, /privatliv/ ...).

Each visible page is in exactly one section. A file holds at most ``SITEMAP_SECTION_SIZE`` URLs
(default 50,000, the protocol's limit); a larger section goes on at ``?p=2`` and the index lists
every file. The index counts all sections in one grouped query; a section file reads one slice
of the tree in path order (the tree's own index), so neither reads the whole site.
"""

from django.conf import settings
from django.contrib.sitemaps import views as sitemap_views
from django.core.paginator import Paginator
from django.db.models import BooleanField, Case, Count, Max, Q, Value, When
from django.db.models.functions import Substr
from django.http import Http404
from django.urls import reverse
from django.utils import timezone
from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page

from visibility.freshness import conditional
from visibility.rules import _council_model, visible

SITE_SECTION = "sitet"
# Django's sitemap.xml, less what these files never hold (priorities, alternates), with the day
# formatted once in Python: a file of 50,000 URLs renders in a fraction of the time.
SECTION_TEMPLATE = "visibility/sitemap_section.xml"


def section_size() -> int:
    return getattr(settings, "SITEMAP_SECTION_SIZE", 50_000)


class SectionSitemap(Sitemap):
    """One section: the visible pages matching ``pages`` (a filter on the tree), in tree order."""

    def __init__(self, request, pages: Q, count=None, lastmod=None):
        super().__init__(request)
        self.pages = pages
        self.known_count = count
        self.known_lastmod = lastmod
        self.limit = section_size()

    def items(self):
        return (
            visible(Page.objects.filter(self.pages))
            .order_by("path")
            .values_list("url_path", "last_published_at", "latest_revision_created_at")
        )

    def _urls(self, page, protocol, domain):
        """The file's entries, with each address made as Wagtail's ``get_full_url`` makes it
        (the site's root URL and the page's path below the site's root page), without loading
        each page."""
        site = self.get_wagtail_site()
        root_path = site.root_page.url_path
        prefix = site.root_url + reverse("wagtail_serve", args=("",))
        zone = timezone.get_current_timezone()
        urls = []
        for url_path, published, revised in self.paginator.page(page).object_list:
            lastmod = published or revised
            if lastmod is not None:
                self.latest_lastmod = _newest(getattr(self, "latest_lastmod", None), lastmod)
            urls.append(
                {
                    "location": prefix + url_path[len(root_path) :],
                    "lastmod": lastmod,
                    "day": lastmod.astimezone(zone).date().isoformat() if lastmod else "",
                    "changefreq": None,
                    "priority": "",
                    "alternates": [],
                }
            )
        return urls

    @property
    def paginator(self):
        if self.known_count is None:
            return Paginator(self._items(), self.limit)
        # The index only needs the number of files: counted by its grouped query.
        paginator = Paginator(Page.objects.none(), self.limit)
        paginator.count = self.known_count
        return paginator

    def get_latest_lastmod(self):
        return self.known_lastmod


class Sections:
    """The request's site in sections, as the mapping Django's sitemap views expect."""

    def __init__(self, request):
        self.request = request
        self.root = Sitemap(request).get_wagtail_site().root_page
        councils = visible(_council_model().objects.descendant_of(self.root, inclusive=True))
        self.councils = dict(councils.values_list("path", "slug"))  # path -> slug

    def _outside_councils(self) -> Q:
        rule = Q(path__startswith=self.root.path)
        for path in self.councils:
            rule &= ~Q(path__startswith=path)
        return rule

    @staticmethod
    def _council_section(path: str) -> Q:
        return Q(path=path) | Q(path__startswith=path, depth=len(path) // Page.steplen + 1)

    @staticmethod
    def _below(section_path: str) -> Q:
        return Q(path__startswith=section_path, depth__gt=len(section_path) // Page.steplen)

    # Django's sitemap view asks for one section by name.

    def __contains__(self, name) -> bool:
        return self._filter(name) is not None

    def __getitem__(self, name) -> SectionSitemap:
        rule = self._filter(name)
        if rule is None:
            raise Http404
        return SectionSitemap(self.request, rule)

    def _filter(self, name: str) -> Q | None:
        if name == SITE_SECTION:
            return self._outside_councils()
        parts = name.split(".")
        if parts[0] != "raad" or len(parts) not in (2, 3):
            return None
        by_slug = {slug: path for path, slug in self.councils.items()}
        council = by_slug.get(parts[1])
        if council is None:
            return None
        if len(parts) == 2:
            return self._council_section(council)
        section = (
            visible(Page.objects.child_of(Page(path=council, depth=len(council) // Page.steplen)))
            .filter(slug=parts[2])
            .values_list("path", flat=True)
            .first()
        )
        return self._below(section) if section else None

    # Django's index view asks for every section.

    def items(self) -> list[tuple[str, SectionSitemap]]:
        """Every non-empty section with its number of pages and newest publication."""
        step = Page.steplen
        pages = visible(Page.objects.filter(path__startswith=self.root.path))
        total = pages.aggregate(n=Count("pk"), newest=Max("last_published_at"))
        stats = {}  # name -> [rule, count, newest]
        for council, slug in self.councils.items():  # the council page itself
            stats[f"raad.{slug}"] = [self._council_section(council), 1, None]
        rows = []
        for depth in sorted({len(path) // step for path in self.councils}):
            rows += [
                (depth, row)
                for row in pages.filter(depth__gt=depth)
                .annotate(
                    head=Substr("path", 1, (depth + 1) * step),
                    deep=Case(
                        When(depth__gt=depth + 1, then=Value(True)),
                        default=Value(False),
                        output_field=BooleanField(),
                    ),
                )
                .values("head", "deep")
                .annotate(n=Count("pk"), newest=Max("last_published_at"))
                .order_by()
            ]
        slugs = dict(
            Page.objects.filter(
                path__in={row["head"] for _, row in rows if row["deep"]}
            ).values_list("path", "slug")
        )
        for depth, row in rows:
            council = row["head"][: depth * step]
            if council not in self.councils:
                continue  # below a page that is no council: the site's own section
            slug = self.councils[council]
            if row["deep"]:
                name, rule = f"raad.{slug}.{slugs[row['head']]}", self._below(row["head"])
            else:
                name, rule = f"raad.{slug}", self._council_section(council)
            entry = stats.setdefault(name, [rule, 0, None])
            entry[1] += row["n"]
            entry[2] = _newest(entry[2], row["newest"])
        if self.councils:
            newest = visible(Page.objects.filter(path__in=self.councils)).values_list(
                "path", "last_published_at"
            )
            for council, published in newest:
                entry = stats[f"raad.{self.councils[council]}"]
                entry[2] = _newest(entry[2], published)
        outside = total["n"] - sum(entry[1] for entry in stats.values())
        if outside > 0:
            stats = {SITE_SECTION: [self._outside_councils(), outside, total["newest"]], **stats}
        return [
            (name, SectionSitemap(self.request, rule, count, newest))
            for name, (rule, count, newest) in sorted(stats.items())
        ]


def _newest(a, b):
    if a is None:
        return b
    if b is None:
        return a
    return max(a, b)


@conditional
def index(request):
    """``/sitemap.xml``: the list of sections."""
    return sitemap_views.index(request, Sections(request), sitemap_url_name="sitemap_section")


@conditional
def section(request, section):
    """``/sitemap-<section>.xml``: the visible pages of one section (``?p=2`` for more)."""
    return sitemap_views.sitemap(
        request, Sections(request), section=section, template_name=SECTION_TEMPLATE
    )

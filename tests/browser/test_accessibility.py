"""Accessibility, page weight, privacy and print, checked in a real Chromium on the demo site.

* axe-core (``vendor/axe.min.js``) finds no WCAG 2.1 A/AA violation on one page of every page
  type in the demo content, the search page and the error pages, at 390 px and 1280 px.
* A keyboard alone gets from the home page to a hearing response and to search results, with a
  visible focus at every step, a working skip link and no trap.
* Text at 200 % and a 320 px window cause no horizontal scrolling.
* A first visit to a council page transfers less than 100 kB, and no page asks another host
  for anything.
* The print stylesheet hides navigation and prints each link's address after its text.

Screenshots of every page type at 390 px land in ``test-artifacts/screenshots/`` (gitignored).
"""

import gzip
import re
from io import StringIO
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.core.management import call_command
from django.template import loader
from playwright.sync_api import expect
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.models import Page
from whitenoise.compress import Compressor

from council_pages.models import CouncilPage, HearingResponseIndexPage, HearingResponsePage
from tests.factories_publications import (
    HearingResponseIndexPageFactory,
    HearingResponsePageFactory,
)

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

AXE_JS = Path(__file__).resolve().parent / "vendor" / "axe.min.js"
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
PAGE_WEIGHT_BUDGET = 100_000  # bytes transferred on a first visit to a council page
ERROR_500_PATH = "/__fejlside-500__/"
# The views across councils (not pages, so not found by the page-type walk).
ACROSS_COUNCILS = [
    ("NationalMeetings", "/moeder/"),
    ("NationalHearingResponses", "/hoeringssvar/?raad=odense"),
    ("NationalAnnualReports", "/aarsrapporter/"),
    ("Statistics", "/i-tal/?aar=2009"),
    ("TargetGroup", "/maalgrupper/hjemloese/"),
    ("OpenHearings", "/aktuelle-hoeringer/"),
    ("OpenHearingPage", "/odense/hoeringssvar/aabningstider-paa-natvarmestuen/"),
]

RUN_AXE = """async (tags) => {
    const result = await axe.run(document, {
        runOnly: {type: "tag", values: tags},
        resultTypes: ["violations"],
    });
    return result.violations.map((v) => ({
        id: v.id,
        impact: v.impact,
        help: v.help,
        nodes: v.nodes.slice(0, 5).map((n) => n.target.join(" ")),
    }));
}"""

FOCUS_IS_VISIBLE = """() => {
    const el = document.activeElement;
    if (!el || el === document.body) return true;
    const style = getComputedStyle(el);
    const outline = style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0;
    return outline || style.boxShadow !== "none";
}"""

# A wide data table may scroll inside its own region (WCAG 1.4.10 exempts content that needs a
# two-dimensional layout) when that region is labelled and reachable by keyboard.
HORIZONTAL_OVERFLOW = """() => {
    const root = document.documentElement;
    const overflow = root.scrollWidth - root.clientWidth;
    const inScrollRegion = (el) => {
        const region = el.closest('[role="region"][tabindex="0"][aria-labelledby]');
        return region && ["auto", "scroll"].includes(getComputedStyle(region).overflowX)
            && region.getBoundingClientRect().right <= root.clientWidth + 1;
    };
    const clipped = [...document.querySelectorAll("main *")]
        .filter((el) => !el.closest(".sr-only") && el.getClientRects().length)
        .filter((el) => !inScrollRegion(el))
        .filter((el) => el.getBoundingClientRect().right > root.clientWidth + 1)
        .map((el) => el.tagName.toLowerCase() + (el.className ? "." + el.className : ""));
    return {overflow, clipped: clipped.slice(0, 5)};
}"""


def load_demo():
    call_command("load_demo", "--password", "demo-i-test", stdout=StringIO(), stderr=StringIO())
    odense = CouncilPage.objects.get(slug="odense")
    if not HearingResponsePage.objects.live().descendant_of(odense).exists():
        # Until the demo has hearing responses of its own, give Odense one to walk to.
        index = HearingResponseIndexPage.objects.child_of(odense).first()
        index = index or HearingResponseIndexPageFactory(parent=odense)
        HearingResponsePageFactory(parent=index, title="Høringssvar om hjemløsestrategien")


def sample_urls():
    """(label, url): the first live, public page of every page type, then search and errors."""
    samples = {}
    pages = Page.objects.live().public().filter(depth__gte=2).order_by("path").specific()
    for page in pages:
        samples.setdefault(type(page).__name__, page)
    urls = [(label, page.url) for label, page in samples.items()]
    for label, page in samples.items():
        # Extra views of routable pages (e.g. a rules page's list of versions) are pages too.
        if isinstance(page, RoutablePageMixin):
            for pattern in page.get_subpage_urls():
                if pattern.name and not getattr(pattern.pattern, "converters", None):
                    subpath = page.reverse_subpage(pattern.name)
                    if subpath:
                        urls.append((f"{label}-{pattern.name}", page.url + subpath))
    return [
        *urls,
        *ACROSS_COUNCILS,
        ("OpenData", "/aabne-data/"),
        ("SearchPage", "/soeg/"),
        ("SearchResults", "/soeg/?q=hjeml%C3%B8se"),
        ("NotFound", "/findes-ikke/"),
        ("ServerError", ERROR_500_PATH),
    ]


def serve_500_page(page):
    """Let the browser load the real 500 page (rendered without database) from the live host."""
    html = loader.get_template("500.html").render()
    page.route(
        f"**{ERROR_500_PATH}",
        lambda route: route.fulfill(status=500, body=html, content_type="text/html; charset=utf-8"),
    )


def record_requests(page):
    seen = []
    page.on("request", lambda request: seen.append(request.url))
    return seen


def foreign_requests(urls, live_server):
    host = urlsplit(live_server.url).netloc
    return [
        url
        for url in urls
        if urlsplit(url).scheme in ("http", "https", "ws", "wss") and urlsplit(url).netloc != host
    ]


def visit(page, url):
    response = page.goto(url, wait_until="networkidle")
    assert response is not None, url
    expected = 500 if url == ERROR_500_PATH else 404 if "findes-ikke" in url else 200
    assert response.status == expected, f"{url} answered {response.status}"
    page.evaluate("() => document.fonts.ready.then(() => true)")
    return response


def format_violations(violations_by_url):
    lines = []
    for label, violations in violations_by_url.items():
        for v in violations:
            lines.append(f"{label}: {v['id']} ({v['impact']}) {v['help']} -> {v['nodes']}")
    return "\n".join(lines)


@pytest.mark.parametrize("width", [390, 1280])
def test_every_page_type_has_no_wcag_violations(page, live_server, width):
    load_demo()
    serve_500_page(page)
    requests = record_requests(page)
    page.set_viewport_size({"width": width, "height": 900})
    samples = sample_urls()
    labels = {label for label, _ in samples}
    assert {"HomePage", "CouncilPage", "StandardPage"} <= labels

    violations = {}
    for label, url in samples:
        visit(page, url)
        # Evaluated through the DevTools protocol, not as a <script> in the page: the site's
        # Content-Security-Policy (no inline scripts) stays enforced.
        page.evaluate(AXE_JS.read_text())
        found = page.evaluate(RUN_AXE, WCAG_TAGS)
        if found:
            violations[f"{label} {url}"] = found
        if width == 390:
            folder = ARTIFACTS / "screenshots"
            folder.mkdir(parents=True, exist_ok=True)
            page.screenshot(path=folder / f"390-{label}.png", full_page=True)

    assert violations == {}, "\n" + format_violations(violations)
    assert foreign_requests(requests, live_server) == []


def tab_until(page, condition, what, max_presses=80):
    """Press Tab until ``condition`` (JS) holds, checking that focus is visible at every stop."""
    for _ in range(max_presses):
        page.keyboard.press("Tab")
        focused = page.evaluate("() => document.activeElement.outerHTML.slice(0, 120)")
        assert page.evaluate(FOCUS_IS_VISIBLE), f"no visible focus on {focused}"
        if page.evaluate(condition):
            return
    raise AssertionError(f"{max_presses} presses on Tab never reached {what}")


def test_keyboard_only_walk_from_home_to_a_hearing_response(page, live_server):
    load_demo()
    odense = CouncilPage.objects.get(slug="odense")
    index = HearingResponseIndexPage.objects.child_of(odense).live().first()
    page.set_viewport_size({"width": 390, "height": 800})
    page.goto("/")

    page.keyboard.press("Tab")
    assert page.evaluate("() => document.activeElement.classList.contains('skipnav')")
    expect(page.locator("a.skipnav")).to_be_in_viewport(ratio=1)
    page.keyboard.press("Enter")
    assert page.evaluate("() => document.activeElement.id") == "main-content"

    tab_until(page, "() => document.activeElement.getAttribute('href') === '/odense/'", "Odense")
    page.keyboard.press("Enter")
    page.wait_for_url("**/odense/")

    tab_until(
        page, f"() => document.activeElement.getAttribute('href') === '{index.url}'", index.url
    )
    page.keyboard.press("Enter")
    page.wait_for_url(f"**{index.url}")

    pattern = re.escape(index.url) + r"[^/?#]+/$"
    tab_until(
        page,
        f"() => new RegExp('^{pattern}').test(document.activeElement.getAttribute('href') || '')",
        "a hearing response",
    )
    target = page.evaluate("() => document.activeElement.getAttribute('href')")
    page.keyboard.press("Enter")
    page.wait_for_url(f"**{target}")
    response_page = next(p for p in HearingResponsePage.objects.live() if p.url == target)
    assert page.locator("h1").inner_text().strip() == response_page.title


def test_keyboard_only_walk_from_home_to_search_results(page, live_server):
    load_demo()
    page.goto("/")

    tab_until(page, "() => document.activeElement.name === 'q'", "the search field")
    page.keyboard.type("Odense")
    page.keyboard.press("Enter")
    page.wait_for_url("**/soeg/?q=Odense*")

    tab_until(
        page, "() => !!document.activeElement.closest('.search-hit-title')", "the first result"
    )
    target = page.evaluate("() => document.activeElement.getAttribute('href')")
    page.keyboard.press("Enter")
    page.wait_for_url(f"**{target}")


def test_keyboard_focus_is_never_trapped(page, live_server):
    load_demo()
    page.goto("/odense/")
    focusable = page.evaluate(
        """() => [...document.querySelectorAll('a[href], button, input, select, textarea')]
            .filter((el) => el.getClientRects().length && !el.disabled).length"""
    )
    visited = set()
    for _ in range(focusable + 3):
        page.keyboard.press("Tab")
        visited.add(page.evaluate("() => document.activeElement.outerHTML"))

    # Every control is reached once on the way round; a trap would keep focus on a few.
    assert len(visited) >= focusable


# (window width, text scale): 200 % text on a desktop and on a small laptop, and reflow at 320 px.
TEXT_SCALE_CASES = [(1280, 2), (640, 2), (320, 1)]


def test_text_scales_and_reflows_without_horizontal_scrolling(page, live_server):
    load_demo()
    serve_500_page(page)
    problems = {}
    for width, scale in TEXT_SCALE_CASES:
        page.set_viewport_size({"width": width, "height": 900})
        for label, url in sample_urls():
            visit(page, url)
            page.evaluate(
                """(scale) => {
                    const root = document.documentElement;
                    const size = parseFloat(getComputedStyle(root).fontSize);
                    root.style.fontSize = (size * scale) + "px";
                }""",
                scale,
            )
            result = page.evaluate(HORIZONTAL_OVERFLOW)
            if result["overflow"] > 0 or result["clipped"]:
                problems[f"{width}px, text x{scale}: {label} {url}"] = result

    assert problems == {}


def transferred_size(response):
    """Bytes this response costs on the wire in production.

    Static files: whitenoise serves the gzip file that ``collectstatic`` wrote beside each one
    (level 9, and only where that is smaller), so count that. HTML: Django sends it as it is, so
    count it uncompressed. Fonts and images are already compressed.
    """
    body = response.body()
    path = urlsplit(response.url).path
    extension = path.rsplit(".", 1)[-1].lower() if "." in path.rsplit("/", 1)[-1] else ""
    if path.startswith("/static/") and extension not in Compressor.SKIP_COMPRESS_EXTENSIONS:
        compressed = len(gzip.compress(body, compresslevel=9))
        return compressed if compressed < len(body) * 0.95 else len(body)
    return len(body)


def test_first_visit_to_a_council_page_is_under_100_kb(page, live_server):
    load_demo()
    responses = []
    page.on("response", lambda response: responses.append(response))
    page.set_viewport_size({"width": 390, "height": 800})

    visit(page, "/odense/")

    rows = [(transferred_size(r), r.url) for r in responses if r.status < 300]
    total = sum(size for size, _ in rows)
    ARTIFACTS.mkdir(exist_ok=True)
    report = "\n".join(f"{size:>8} {url}" for size, url in sorted(rows, reverse=True))
    (ARTIFACTS / "page-weight.txt").write_text(f"{report}\n{total:>8} in total\n")
    print(f"\nFirst visit to /odense/: {total} bytes\n{report}")

    assert foreign_requests([r.url for r in responses], live_server) == []
    assert total < PAGE_WEIGHT_BUDGET, report


def test_print_hides_navigation_and_prints_link_addresses(page, live_server):
    load_demo()
    page.emulate_media(media="print")
    ARTIFACTS.mkdir(exist_ok=True)
    for label, url in sample_urls():
        if url == ERROR_500_PATH:
            continue
        visit(page, url)
        hidden = page.evaluate(
            """() => [".skipnav", ".site-search", ".breadcrumbs", ".site-footer__links"]
                .flatMap((s) => [...document.querySelectorAll(s)])
                .filter((el) => getComputedStyle(el).display !== "none")
                .map((el) => el.className)"""
        )
        assert hidden == [], f"{label}: still printed: {hidden}"
        link = page.evaluate(
            """() => {
                const a = document.querySelector("main a[href^='/']");
                return a && [a.getAttribute("href"), getComputedStyle(a, "::after").content];
            }"""
        )
        if link:
            href, after = link
            assert href in after, f"{label}: the link to {href} prints without its address"
        if label in ("CouncilPage", "HearingResponsePage", "AnnualReportPage"):
            pdf = page.pdf(path=ARTIFACTS / f"print-{label}.pdf", prefer_css_page_size=True)
            assert pdf.startswith(b"%PDF")

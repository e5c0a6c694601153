"""Small site-wide views that belong to no app: robots.txt and the open-data page."""

from django.http import HttpResponse
from django.shortcuts import render
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_safe


@require_safe
@cache_control(max_age=86400, public=True)
def robots_txt(request):
    """Let search engines read the public site, point them at the sitemap, keep out of /admin/."""
    sitemap_url = request.build_absolute_uri("/sitemap.xml")
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /_util/",
        "Disallow: /log-ind/",
        "Allow: /",
        "",
        f"Sitemap: {sitemap_url}",
        "",
    ]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")


@require_safe
def open_data(request):
    """/aabne-data/: what the open-data API offers, in plain Danish, with links to try it."""
    return render(request, "open_data.html")

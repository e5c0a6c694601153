from django.conf import settings
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.admin.auth import require_admin_access

from council_pages.admin_scope import ScopedPageTypesUsageReportView
from udsatteraad.api import api_router
from udsatteraad.health import health
from udsatteraad.login import AdminLoginView, ReaderLoginView
from udsatteraad.views import open_data, robots_txt
from visibility import sitemaps

# Wagtail's page-type report, without other councils' page titles for a council's people.
page_types_report = require_admin_access(ScopedPageTypesUsageReportView.as_view())
page_types_results = require_admin_access(ScopedPageTypesUsageReportView.as_view(results_only=True))

urlpatterns = [
    path("admin/reports/page-types-usage/", page_types_report),
    path("admin/reports/page-types-usage/results/", page_types_results),
    path("admin/login/", AdminLoginView.as_view()),  # sets no cookie before logging in
    path("admin/", include(wagtailadmin_urls)),
    path("dokumenter/", include("documents.urls")),
    path("api/v2/", api_router.urls),
    path("sitemap.xml", sitemaps.index, name="sitemap"),
    path("sitemap-<str:section>.xml", sitemaps.section, name="sitemap_section"),
    path("robots.txt", robots_txt, name="robots_txt"),
    path("log-ind/", ReaderLoginView.as_view(), name="reader_login"),
    path("health/", health, name="health"),
    path("aabne-data/", open_data, name="open_data"),
    path("", include("search.urls")),
    path("", include("council_pages.urls")),
]

if settings.DEBUG:
    from django.conf.urls.static import static
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns += staticfiles_urlpatterns()
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns += [path("", include(wagtail_urls))]

"""Easy to read, in the admin: the live LIX meter in the page editor and the LIX report.

The meter (``static/council_pages/js/lix.js``) is a static file served to the editor through
``insert_editor_js``: no inline script. The report, *Rapporter → Læsbarhed (LIX)*, lists the
published, visible pages with a summary or a main text, hardest first, for site administrators.
"""

from dataclasses import dataclass

from django.templatetags.static import static
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail import hooks
from wagtail.admin.menu import AdminOnlyMenuItem
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.fields import StreamField

from council_pages.models import AnnualReportPage, HearingResponsePage, MeetingPage
from council_pages.privacy_check import stream_texts
from council_pages.readability import SUMMARY_TARGET, Lix, html_text, lix
from council_pages.views import only_site_administrators
from visibility.rules import visible

# The page types with "Kort fortalt", and the fields that make up their main text.
MAIN_TEXT_FIELDS = {
    HearingResponsePage: ["response"],
    AnnualReportPage: ["situation", "activities"],
    MeetingPage: ["agenda"],
}


@hooks.register("insert_editor_js")
def lix_meter_js():
    return format_html('<script src="{}" defer></script>', static("council_pages/js/lix.js"))


@hooks.register("insert_global_admin_css")
def lix_meter_css():
    return format_html('<link rel="stylesheet" href="{}">', static("council_pages/css/lix.css"))


def main_text(page) -> str:
    """The page's main text as plain text, one line per paragraph."""
    parts = []
    for name in MAIN_TEXT_FIELDS.get(type(page), []):
        value = getattr(page, name)
        if isinstance(page._meta.get_field(name), StreamField):
            parts += [text for _place, text in stream_texts(value, "")]
        else:
            parts.append(html_text(value.source if hasattr(value, "source") else value))
    return "\n".join(part for part in parts if part.strip())


@dataclass
class ReadabilityRow:
    page: object
    summary: Lix | None
    main: Lix | None

    @property
    def hardest(self) -> int:
        scores = [score.score for score in (self.summary, self.main) if score is not None]
        return max(scores, default=-1)

    @property
    def summary_too_hard(self) -> bool:
        return self.summary is not None and self.summary.score > SUMMARY_TARGET


def readability_rows() -> list[ReadabilityRow]:
    rows = []
    for model in MAIN_TEXT_FIELDS:
        for page in visible(model.objects).select_related("locale"):
            rows.append(ReadabilityRow(page, lix(page.summary), lix(main_text(page))))
    rows.sort(key=lambda row: (-row.hardest, row.page.title))
    return rows


class ReadabilityReportView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "council_pages/admin/readability_report.html"
    page_title = _("Læsbarhed (LIX)")
    header_icon = "doc-full"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_superuser:
            return only_site_administrators(
                request, _("Kun sideadministratorer kan se rapporten om læsbarhed.")
            )
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return [{"url": "", "label": _("Rapporter")}, {"url": "", "label": self.page_title}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(rows=readability_rows(), target=SUMMARY_TARGET)
        return context


@hooks.register("register_admin_urls")
def readability_report_urls():
    return [
        path(
            "reports/readability/",
            ReadabilityReportView.as_view(),
            name="council_pages_readability_report",
        )
    ]


@hooks.register("register_reports_menu_item")
def readability_report_menu_item():
    return AdminOnlyMenuItem(
        _("Læsbarhed (LIX)"),
        reverse("council_pages_readability_report"),
        icon_name="doc-full",
        order=900,
    )

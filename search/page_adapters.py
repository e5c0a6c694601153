"""The adapter of every page type: which of its fields says when it is from.

Imported by :meth:`search.apps.SearchConfig.ready`. A new page type adds its adapter here;
``manage.py check`` warns about a page type that has none (it would be dated by publication).
"""

from datetime import date

from council_pages.models import (
    AnnualReportIndexPage,
    AnnualReportPage,
    CouncilPage,
    HearingResponseIndexPage,
    HearingResponsePage,
    HomePage,
    MeetingIndexPage,
    MeetingPage,
    RulesOfProcedurePage,
    StandardPage,
)
from recycle_bin.models import RecycleBinPage

from .adapters import build_page_record, register
from .records import Record

# Page types without a date of their own: dated by their first publication.
for model in (
    HomePage,
    StandardPage,
    CouncilPage,
    MeetingIndexPage,
    HearingResponseIndexPage,
    AnnualReportIndexPage,
    RecycleBinPage,  # never visible, so never indexed; registered to say so
):
    register(model)(build_page_record)


@register(MeetingPage)
def meeting_record(page: MeetingPage) -> Record:
    return build_page_record(page, when=page.date)


@register(RulesOfProcedurePage)
def rules_record(page: RulesOfProcedurePage) -> Record:
    return build_page_record(page, when=page.adopted_on)


@register(HearingResponsePage)
def hearing_response_record(page: HearingResponsePage) -> Record:
    return build_page_record(page, when=page.response_date)


@register(AnnualReportPage)
def annual_report_record(page: AnnualReportPage) -> Record:
    """Filed under the last year it covers, dated the last day of that year."""
    year = page.end_year or page.start_year
    return build_page_record(page, when=date(year, 12, 31) if year else None, year=year)

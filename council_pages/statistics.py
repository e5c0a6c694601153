"""/i-tal/, "Udsatterådene i tal": one row per council, counted from visible pages only.

Every figure is an aggregate in the database (one query for all councils, whatever the number
of pages), through ``visibility.rules.visible``; nothing is typed by an editor. The same rows
are served as HTML (with a chart drawn on the server), CSV and JSON.
"""

import csv
import datetime
from urllib.parse import urlencode

from django.db.models import Count, F, Func, IntegerField, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce, Substr
from django.http import HttpResponse, JsonResponse
from django.template.response import TemplateResponse
from django.utils import timezone
from django.views.decorators.http import require_safe

from council_pages.follow_up import FollowUpOutcome, proposal_outcomes, share_followed, tally
from council_pages.lists import page_years
from council_pages.models import (
    AnnualReportPage,
    CouncilMember,
    HearingKind,
    HearingResponsePage,
    MeetingPage,
    MemberRole,
)
from council_pages.national import public_councils, site_root
from visibility.rules import visible

COLUMNS = [
    ("council", "Råd"),
    ("members", "Medlemmer nu"),
    ("meetings", "Møder"),
    ("hearing_responses", "Høringssvar"),
    ("statements", "Udtalelser"),
    ("adopted", "Fulgt"),
    ("partly_adopted", "Delvist fulgt"),
    ("not_adopted", "Ikke fulgt"),
    ("pending", "Afventer"),
    ("share_followed", "Andel fulgt"),
    ("latest_report", "Seneste årsrapport"),
]
SORTABLE = [key for key, _label in COLUMNS]


def _counts_below(pages, council_paths, **counts: Q) -> dict[str, dict[str, int]]:
    """For each council path, how many of ``pages`` below it match each of ``counts``.

    One grouped query per depth councils have (one, in practice): the pages grouped by the
    start of their path. A correlated ``path LIKE council.path || '%'`` per council and figure
    read every page of the site again and again (1.4 s at 100,000 records on SQLite).
    """
    found = {path: dict.fromkeys(counts, 0) for path in council_paths}
    for length in sorted({len(path) for path in council_paths}):
        rows = (
            pages.annotate(head=Substr("path", 1, length))
            .values("head")
            .annotate(**{name: Count("pk", filter=rule) for name, rule in counts.items()})
            .order_by()
        )
        for row in rows:
            if row["head"] in found:
                for name in counts:
                    found[row["head"]][name] += row[name]
    return found


def available_years(root) -> list[int]:
    years = set(page_years(visible(MeetingPage.objects.descendant_of(root)), "date"))
    years |= set(
        page_years(visible(HearingResponsePage.objects.descendant_of(root)), "response_date")
    )
    today = timezone.localdate()
    return sorted((y for y in years if y <= today.year), reverse=True)


def council_rows(root, year: int) -> list[dict]:
    """The table: one dict per visible council, in name order."""
    today = timezone.localdate()
    meetings = visible(MeetingPage.objects.all())
    responses = visible(HearingResponsePage.objects.filter(response_date__year=year))
    reports = visible(AnnualReportPage.objects.all())
    members = CouncilMember.objects.filter(page=OuterRef("pk")).exclude(role=MemberRole.SUBSTITUTE)
    members = (
        members.filter(Q(from_date__isnull=True) | Q(from_date__lte=today))
        .filter(Q(to_date__isnull=True) | Q(to_date__gte=today))
        .order_by()
        .annotate(n=Func(F("pk"), function="COUNT"))
        .values("n")
    )
    councils = list(
        public_councils(root).annotate(
            members_now=Coalesce(Subquery(members, output_field=IntegerField()), 0)
        )
    )
    paths = [council.path for council in councils]
    held = _counts_below(
        meetings.filter(date__year=year, date__lte=today), paths, meetings_held=Q()
    )
    answered = _counts_below(
        responses,
        paths,
        hearing_responses=Q(kind=HearingKind.HEARING_RESPONSE),
        statements=Q(kind=HearingKind.STATEMENT),
        **{f"n_{outcome}": Q(outcome=outcome) for outcome in FollowUpOutcome.values},
    )
    # The newest report of each council (ties: the one added last).
    latest: dict[str, tuple[str, str]] = {}
    council_paths = set(paths)
    lengths = sorted({len(path) for path in paths}, reverse=True)
    newest_first = reports.order_by("-end_year", "-start_year", "-pk")
    for path, title, url_path in newest_first.values_list("path", "title", "url_path"):
        council_path = next((path[:n] for n in lengths if path[:n] in council_paths), None)
        if council_path is not None:
            latest.setdefault(council_path, (title, url_path))
    # The proposals of the reports covering ``year``: their follow-up counts too.
    proposals: dict[str, list] = {}
    covering = reports.filter(start_year__lte=year).filter(
        Q(end_year__gte=year) | Q(end_year__isnull=True, start_year=year)
    )
    for path, raw in covering.values_list("path", "proposals"):
        proposals.setdefault(path, []).extend(proposal_outcomes(raw))
    site_path = root.url_path
    rows = []
    for council in councils:
        figures = {**held[council.path], **answered[council.path]}
        counts = {outcome: figures[f"n_{outcome}"] for outcome in FollowUpOutcome.values}
        for path, outcomes in proposals.items():
            if path.startswith(council.path):
                for outcome in outcomes:
                    counts[outcome] = counts.get(outcome, 0) + 1
        share = share_followed(tally(counts))
        report_title, report_path = latest.get(council.path, ("", None))
        report_url = "/" + report_path[len(site_path) :] if report_path else None
        rows.append(
            {
                "council": council.title,
                "council_url": "/" + council.url_path[len(site_path) :],
                "members": council.members_now,
                "meetings": figures["meetings_held"],
                "hearing_responses": figures["hearing_responses"],
                "statements": figures["statements"],
                **counts,
                "share_followed": round(share * 100) if share is not None else None,
                "latest_report": report_title or "",
                "latest_report_url": report_url,
            }
        )
    return rows


def _year(request, years) -> int:
    value = request.GET.get("aar", "")
    if value.isdigit() and int(value) in years:
        return int(value)
    return years[0] if years else timezone.localdate().year


def _sort(request, rows):
    key = request.GET.get("sorter", "council")
    if key not in SORTABLE:
        key = "council"
    descending = request.GET.get("orden") == "faldende"

    def sort_key(row):
        value = row[key]
        return (value is None, value.lower() if isinstance(value, str) else value)

    rows = sorted(rows, key=sort_key, reverse=descending)
    if descending:  # Keep rows without a value last either way.
        rows = [r for r in rows if r[key] is not None] + [r for r in rows if r[key] is None]
    return rows, key, descending


def chart(rows) -> dict:
    """Horizontal bars of hearing responses and statements per council, for the SVG.

    In the SVG's own units: 160 wide, one 20-high row per council (name above its bar).
    """
    row_height, bar_height, width = 20, 8, 130
    peak = max([r["hearing_responses"] + r["statements"] for r in rows] or [0]) or 1
    bars = []
    for i, row in enumerate(rows):
        total = row["hearing_responses"] + row["statements"]
        top = i * row_height
        responses_width = round(row["hearing_responses"] / peak * width, 1)
        bars.append(
            {
                "council": row["council"],
                "text_y": top + 7,
                "y": top + 9,
                "value_y": top + 16,
                "responses_width": responses_width,
                "statements_x": responses_width,
                "statements_width": round(row["statements"] / peak * width, 1),
                "total": total,
                "total_x": round(total / peak * width + 2, 1),
                "hearing_responses": row["hearing_responses"],
                "statements": row["statements"],
            }
        )
    return {"bars": bars, "height": len(rows) * row_height + 2, "bar_height": bar_height}


@require_safe
def statistics(request, fmt: str = "html"):
    root = site_root(request)
    years = available_years(root)
    year = _year(request, years)
    rows, key, descending = _sort(request, council_rows(root, year))
    if fmt == "csv":
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="udsatteraadene-{year}.csv"'
        writer = csv.writer(response)
        writer.writerow(["År"] + [label for _key, label in COLUMNS])
        for row in rows:
            writer.writerow([year] + ["" if row[k] is None else row[k] for k, _l in COLUMNS])
        return response
    if fmt == "json":
        data = {
            "year": year,
            "generated": datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds"),
            "columns": dict(COLUMNS),
            "councils": rows,
        }
        return JsonResponse(data, json_dumps_params={"ensure_ascii": False})
    headers = []
    for column, label in COLUMNS:
        current = column == key
        order = "stigende" if current and descending else "faldende" if current else "stigende"
        headers.append(
            {
                "key": column,
                "label": label,
                "url": "?" + urlencode({"aar": year, "sorter": column, "orden": order}),
                "aria_sort": ("descending" if descending else "ascending") if current else "",
            }
        )
    context = {
        "headers": headers,
        "rows": rows,
        "columns": COLUMNS,
        "year": year,
        "years": years,
        "sort_key": key,
        "descending": descending,
        "chart": chart(rows),
        "totals": {
            k: sum(r[k] or 0 for r in rows)
            for k in ("members", "meetings", "hearing_responses", "statements")
        },
    }
    return TemplateResponse(request, "council_pages/statistics.html", context)

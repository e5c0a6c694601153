"""Factories for what councils publish, chained by ``parent`` like the core page factories."""

import datetime

import factory
import wagtail_factories
from wagtail.rich_text import RichText

from council_pages.blocks import AgendaItemKind
from council_pages.models import (
    AnnualReportIndexPage,
    AnnualReportPage,
    FollowUpOutcome,
    HearingKind,
    HearingResponseIndexPage,
    HearingResponsePage,
    MeetingIndexPage,
    MeetingPage,
    MeetingStatus,
    RulesOfProcedurePage,
)
from tests.factories import CouncilPageFactory


def rule_paragraph(*clauses: str, topic: str = ""):
    """A § for a rules body: ``rule_paragraph("first text", "Stk. 2 text", topic="members")``."""
    return ("paragraph", {"clauses": [RichText(f"<p>{c}</p>") for c in clauses], "topic": topic})


def agenda_item(title: str, kind: str = AgendaItemKind.DISCUSSION, sub_items=(), **fields):
    """An agenda item for a meeting's ``agenda``; ``fields`` are description, decision, ..."""
    value = {"title": title, "kind": kind, "attachments": [], "sub_items": list(sub_items)}
    for name in ("description", "discussion", "decision", "minority_view"):
        value[name] = RichText(f"<p>{fields[name]}</p>") if fields.get(name) else RichText("")
    return ("item", value)


def agenda_sub_item(title: str, kind: str = AgendaItemKind.INFORMATION, **fields):
    value = agenda_item(title, kind, **fields)[1]
    del value["sub_items"]
    return value


class RulesOfProcedurePageFactory(wagtail_factories.PageFactory):
    title = "Forretningsorden"
    slug = "forretningsorden"
    parent = factory.SubFactory(CouncilPageFactory)
    adopted_by = "Byrådet"
    adopted_on = datetime.date(2008, 6, 16)
    in_force_from = datetime.date(2008, 6, 16)
    body = factory.LazyFunction(
        lambda: [
            ("heading", "Formål"),
            rule_paragraph("Rådet rådgiver byrådet.", "Rådet er talerør for udsatte."),
            ("heading", "Sammensætning"),
            rule_paragraph("Rådet har 8-12 medlemmer.", topic="members"),
        ]
    )

    class Meta:
        model = RulesOfProcedurePage


class MeetingIndexPageFactory(wagtail_factories.PageFactory):
    title = "Møder"
    slug = "moeder"
    parent = factory.SubFactory(CouncilPageFactory)

    class Meta:
        model = MeetingIndexPage


class MeetingPageFactory(wagtail_factories.PageFactory):
    parent = factory.SubFactory(MeetingIndexPageFactory)
    date = datetime.date(2009, 10, 22)
    title = factory.LazyAttribute(lambda o: f"Møde {o.date:%d.%m.%Y}")
    slug = factory.LazyAttribute(lambda o: o.date.isoformat())
    start_time = datetime.time(14, 0)
    end_time = datetime.time(16, 0)
    place = "Værestedet, Nørregade 1"
    status = MeetingStatus.MINUTES
    agenda_sent_on = factory.LazyAttribute(lambda o: o.date - datetime.timedelta(days=7))
    minutes_published_on = factory.LazyAttribute(lambda o: o.date + datetime.timedelta(days=7))

    class Meta:
        model = MeetingPage


class HearingResponseIndexPageFactory(wagtail_factories.PageFactory):
    title = "Høringssvar"
    slug = "hoeringssvar"
    parent = factory.SubFactory(CouncilPageFactory)

    class Meta:
        model = HearingResponseIndexPage


class HearingResponsePageFactory(wagtail_factories.PageFactory):
    parent = factory.SubFactory(HearingResponseIndexPageFactory)
    title = factory.Sequence(lambda n: f"Høringssvar {n}")
    slug = factory.Sequence(lambda n: f"hoeringssvar-{n}")
    summary = "Rådet siger ja til forslaget."
    kind = HearingKind.HEARING_RESPONSE
    consulting_body = "Socialudvalget"
    received_on = datetime.date(2009, 9, 1)
    deadline = datetime.date(2009, 9, 30)
    response = "<p>Rådet støtter forslaget.</p>"
    response_date = datetime.date(2009, 9, 25)
    outcome = FollowUpOutcome.PENDING

    class Meta:
        model = HearingResponsePage


class AnnualReportIndexPageFactory(wagtail_factories.PageFactory):
    title = "Årsrapporter"
    slug = "aarsrapporter"
    parent = factory.SubFactory(CouncilPageFactory)

    class Meta:
        model = AnnualReportIndexPage


class AnnualReportPageFactory(wagtail_factories.PageFactory):
    parent = factory.SubFactory(AnnualReportIndexPageFactory)
    start_year = 2009
    summary = "Rådet holdt møder og gav gode råd til kommunen."
    title = factory.LazyAttribute(lambda o: f"Årsrapport {o.start_year}")
    slug = factory.LazyAttribute(lambda o: str(o.start_year))

    class Meta:
        model = AnnualReportPage

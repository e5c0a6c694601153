"""What a council publishes, for its page: ``{% load publication_tags %}``.

Every queryset here goes through ``visibility.rules.visible``: nothing hidden reaches the page.
"""

from django import template
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from council_pages.blocks import RuleTopic
from council_pages.follow_up import FollowUpOutcome, outcome_tally
from council_pages.models import (
    AnnualReportIndexPage,
    HearingResponseIndexPage,
    MeetingIndexPage,
    MeetingStatus,
    RulesOfProcedurePage,
)
from visibility.rules import visible

register = template.Library()


def _key_rule_text(council, topic) -> str:
    """The rule's value as the council page's own structured fields state it."""
    if topic == RuleTopic.MEMBERS and council.members_min and council.members_max:
        return _("%(min)d til %(max)d medlemmer") % {
            "min": council.members_min,
            "max": council.members_max,
        }
    if topic == RuleTopic.MEETINGS_PER_YEAR and council.meetings_per_year:
        return ngettext("%(n)d møde om året", "%(n)d møder om året", council.meetings_per_year) % {
            "n": council.meetings_per_year
        }
    if topic == RuleTopic.AGENDA_NOTICE and council.agenda_notice_days:
        return ngettext(
            "dagsordenen sendes ud senest %(n)d dag før mødet",
            "dagsordenen sendes ud senest %(n)d dage før mødet",
            council.agenda_notice_days,
        ) % {"n": council.agenda_notice_days}
    if topic == RuleTopic.MINUTES_APPROVAL:
        return _("referatet er godkendt, hvis ingen protesterer på næste møde")
    if topic == RuleTopic.MINUTES_PUBLICATION:
        return _("referaterne offentliggøres, medmindre der er grund til andet")
    return ""


@register.simple_tag
def council_publications(council) -> dict:
    """The council's sections and the facts its page shows about them."""

    def child(model):
        return visible(model.objects.child_of(council)).first()

    rules = child(RulesOfProcedurePage)
    meeting_index = child(MeetingIndexPage)
    hearing_index = child(HearingResponseIndexPage)
    report_index = child(AnnualReportIndexPage)

    key_rules = []
    if rules is not None:
        labels = dict(RuleTopic.CHOICES)
        for topic, paragraph in rules.key_rules.items():
            if text := _key_rule_text(council, topic):
                key_rules.append(
                    {
                        "label": labels[topic],
                        "text": text,
                        "number": paragraph.number,
                        "anchor": paragraph.anchor,
                    }
                )

    next_meeting = latest_minutes = None
    if meeting_index is not None:
        meetings = meeting_index.meetings
        next_meeting = (
            meetings.filter(date__gte=timezone.localdate()).order_by("date", "start_time").first()
        )
        latest_minutes = meetings.filter(status=MeetingStatus.MINUTES).first()

    tally = outcome_tally(hearing_index.responses) if hearing_index is not None else []
    latest_report = report_index.reports.first() if report_index is not None else None
    return {
        "rules": rules,
        "key_rules": key_rules,
        "meeting_index": meeting_index,
        "next_meeting": next_meeting,
        "latest_minutes": latest_minutes,
        "hearing_index": hearing_index,
        "tally": tally,
        "tally_total": sum(row["count"] for row in tally),
        "report_index": report_index,
        "latest_report": latest_report,
    }


@register.filter
def outcome_label(value) -> str:
    """The Danish name of a follow-up outcome value, e.g. "partly_adopted" -> "Delvist fulgt"."""
    return dict(FollowUpOutcome.choices).get(value, "")

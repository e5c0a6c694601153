"""Follow-up: what the municipality did with the council's advice.

One piece of code for both kinds of advice: a hearing response or statement (fields on the page)
and each proposal in an annual report (a block in the report's ``proposals``). Both record an
outcome, the date of the decision, a short note and a link; both are tallied the same way.
"""

from collections import Counter
from collections.abc import Iterable, Mapping

from django.db import models
from django.utils.translation import gettext_lazy as _


class FollowUpOutcome(models.TextChoices):
    PENDING = "pending", _("Afventer")
    ADOPTED = "adopted", _("Fulgt")
    PARTLY_ADOPTED = "partly_adopted", _("Delvist fulgt")
    NOT_ADOPTED = "not_adopted", _("Ikke fulgt")


OUTCOME_LABEL = _("kommunens beslutning")
OUTCOME_HELP = _("Fulgte kommunen rådets råd? Opdater, når beslutningen er truffet.")
DATE_LABEL = _("besluttet den")
NOTE_LABEL = _("kort om beslutningen")
NOTE_HELP = _("Et par linjer i klart sprog.")
LINK_LABEL = _("link til beslutningen")
LINK_HELP = _("Fx til byrådets eller udvalgets referat.")


def follow_up_errors(outcome, outcome_date, advised_on=None) -> dict:
    """Danish messages, by field, for a follow-up that does not add up."""
    errors = {}
    if outcome_date and advised_on and outcome_date < advised_on:
        errors["outcome_date"] = _("Kommunen kan ikke have besluttet, før rådet gav sit råd.")
    if outcome and outcome != FollowUpOutcome.PENDING and not outcome_date:
        errors["outcome_date"] = _("Skriv hvornår kommunen traf beslutningen.")
    return errors


def tally(counts: Mapping[str, int]) -> list[dict]:
    """One row per outcome, in the fixed order, from ``counts`` by outcome value."""
    return [
        {"outcome": value, "label": label, "count": counts.get(value, 0)}
        for value, label in FollowUpOutcome.choices
    ]


def outcome_counts(pages) -> dict[str, int]:
    """How many of ``pages`` (with an ``outcome`` field) have each outcome, by its value."""
    return dict(pages.order_by().values_list("outcome").annotate(n=models.Count("pk")))


def outcome_tally(pages) -> list[dict]:
    """How many of ``pages`` (with an ``outcome`` field) were followed, partly followed, etc."""
    return tally(outcome_counts(pages))


def proposal_outcomes(proposals) -> Iterable[str]:
    """The outcome of each proposal in a report's ``proposals`` (a StreamField's raw data)."""
    for block in proposals.raw_data if hasattr(proposals, "raw_data") else proposals or []:
        value = block.get("value") or {}
        follow_up = value.get("follow_up") or {}
        yield follow_up.get("outcome") or FollowUpOutcome.PENDING


def proposal_tally(proposals) -> list[dict]:
    return tally(Counter(proposal_outcomes(proposals)))


def share_followed(rows: list[dict]) -> float | None:
    """The share of decided advice that was followed, partly counted as half; None if none."""
    counts = {row["outcome"]: row["count"] for row in rows}
    decided = sum(n for outcome, n in counts.items() if outcome != FollowUpOutcome.PENDING)
    if not decided:
        return None
    followed = (
        counts.get(FollowUpOutcome.ADOPTED, 0) + counts.get(FollowUpOutcome.PARTLY_ADOPTED, 0) / 2
    )
    return followed / decided

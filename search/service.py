"""The search service's entry point for views, the API and the benchmark.

:func:`search` takes the raw request parameters, validates them, asks the configured backend
and adds the Danish labels the facets show. Views stay thin; the backend stays unaware of labels.
"""

from dataclasses import dataclass, field, replace

from django import forms
from django.utils.translation import gettext_lazy as _

from council_pages.models import FollowUpOutcome, HearingResponsePage, HearingStatus

from . import spelling
from .backends import SORTS, SearchRequest, SearchResults, get_backend
from .facets import FACET_NAMES, FACETS, label_facets
from .snippets import snippet
from .text import ParsedQuery, parse_query

MAX_PAGE = 500

SORT_LABELS = {"relevance": _("Bedste match"), "date": _("Nyeste først")}


class SearchParamsForm(forms.Form):
    """Validates every parameter except ``q`` (which is sanitised, never rejected).

    One field per facet (``search.facets``, added below), then the sort order and the page.
    """

    sort = forms.ChoiceField(
        required=False,
        choices=[("", "")] + [(s, SORT_LABELS[s]) for s in SORTS],
        label=_("Sortering"),
    )
    page = forms.IntegerField(required=False, min_value=1, max_value=MAX_PAGE, label=_("Side"))


SearchParamsForm.base_fields = {
    **{facet.name: facet.form_field() for facet in FACETS},
    **SearchParamsForm.base_fields,
}


@dataclass
class SearchOutcome:
    """What the view and the API show: results (or None on bad input) and messages."""

    query: ParsedQuery
    results: SearchResults | None = None
    errors: dict = field(default_factory=dict)
    params: dict = field(default_factory=dict)
    # Set when nothing matched what was typed and the results are for a spelling suggestion.
    corrected_from: str = ""

    @property
    def searched(self) -> bool:
        return bool(self.query.text or any(self.params.get(name) for name in FACET_NAMES))


def search(params) -> SearchOutcome:
    """Run a search from request parameters (a QueryDict or a dict of strings)."""
    query = parse_query(_single(params, "q"))
    form = SearchParamsForm({k: _single(params, k) for k in SearchParamsForm.base_fields})
    if not form.is_valid():
        errors = {name: [str(e) for e in errs] for name, errs in form.errors.items()}
        return SearchOutcome(query=query, errors=errors)
    data = form.cleaned_data
    request = SearchRequest(
        query=query,
        **{name: data[name] for name in FACET_NAMES if data[name] not in (None, "")},
        sort=data["sort"] or "relevance",
        page=data["page"] or 1,
    )
    outcome = SearchOutcome(query=query, params={**data, "q": query.text})
    if not outcome.searched:
        return outcome
    backend = get_backend()
    outcome.results = backend.search(request)
    if not outcome.results.total and request.page == 1 and not query.is_empty:
        _try_suggestion(outcome, request, backend)
    label_facets(outcome.results.facets)
    add_follow_up(outcome.results.hits)
    for hit in outcome.results.hits:
        # The whole title, its matches marked as in the snippet (the same code for every backend).
        hit.title_html = snippet(hit.title, outcome.query, length=len(hit.title) + 1)
    return outcome


def add_follow_up(hits) -> None:
    """What the municipality did with each hearing response among ``hits``, in one query.

    Read from the page rather than the index, so a decision shows as soon as it is published,
    whichever backend searched.
    """
    ids = {int(hit.key.split(":")[1]): hit for hit in hits if hit.kind == "hearing_response"}
    if not ids:
        return
    rows = HearingResponsePage.objects.filter(pk__in=ids).values_list("pk", "outcome", "status")
    labels = dict(FollowUpOutcome.choices)
    for pk, value, status in rows:
        hit = ids[pk]
        if status == HearingStatus.IN_PROGRESS:
            hit.outcome, hit.outcome_label = "in_progress", str(_("Rådet arbejder på svaret"))
        else:
            hit.outcome = value
            hit.outcome_label = str(_("Kommunen: %(outcome)s") % {"outcome": labels[value].lower()})


def _try_suggestion(outcome: SearchOutcome, request: SearchRequest, backend) -> None:
    """Nothing found: search for the closest known words instead, if that finds something."""
    suggestion = spelling.suggest(outcome.query)
    if not suggestion:
        return
    corrected = parse_query(suggestion)
    results = backend.search(replace(request, query=corrected))
    if results.total:
        outcome.corrected_from = outcome.query.text
        outcome.query = corrected
        outcome.params["q"] = corrected.text
        outcome.results = results


def _single(params, name: str) -> str:
    value = params.get(name, "")
    if isinstance(value, list):
        value = value[-1] if value else ""
    return value if isinstance(value, str) else str(value)

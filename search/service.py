"""The search service's entry point for views, the API and the benchmark.

:func:`search` takes the raw request parameters, validates them, asks the configured backend
and adds the Danish labels the facets show. Views stay thin; the backend stays unaware of labels.
"""

from dataclasses import dataclass, field

from django import forms
from django.utils.translation import gettext_lazy as _

from council_pages.models import CouncilPage, TargetGroup

from .adapters import KIND_LABELS, KINDS
from .backends import SORTS, SearchRequest, SearchResults, get_backend
from .text import ParsedQuery, parse_query

MAX_PAGE = 500

SORT_LABELS = {"relevance": _("Bedste match"), "date": _("Nyeste først")}


class SearchParamsForm(forms.Form):
    """Validates every parameter except ``q`` (which is sanitised, never rejected)."""

    council = forms.SlugField(required=False, max_length=255, label=_("Råd"))
    kind = forms.ChoiceField(
        required=False, choices=[("", "")] + [(k, KIND_LABELS[k]) for k in KINDS], label=_("Type")
    )
    year = forms.IntegerField(required=False, min_value=1900, max_value=2100, label=_("År"))
    target_group = forms.SlugField(required=False, max_length=100, label=_("Målgruppe"))
    sort = forms.ChoiceField(
        required=False,
        choices=[("", "")] + [(s, SORT_LABELS[s]) for s in SORTS],
        label=_("Sortering"),
    )
    page = forms.IntegerField(required=False, min_value=1, max_value=MAX_PAGE, label=_("Side"))


@dataclass
class SearchOutcome:
    """What the view and the API show: results (or None on bad input) and messages."""

    query: ParsedQuery
    results: SearchResults | None = None
    errors: dict = field(default_factory=dict)
    params: dict = field(default_factory=dict)

    @property
    def searched(self) -> bool:
        return bool(
            self.query.text
            or any(self.params.get(k) for k in ("council", "kind", "year", "target_group"))
        )


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
        council=data["council"] or "",
        kind=data["kind"] or "",
        year=data["year"],
        target_group=data["target_group"] or "",
        sort=data["sort"] or "relevance",
        page=data["page"] or 1,
    )
    outcome = SearchOutcome(query=query, params={**data, "q": query.text})
    if not outcome.searched:
        return outcome
    outcome.results = get_backend().search(request)
    _label_facets(outcome.results)
    return outcome


def _single(params, name: str) -> str:
    value = params.get(name, "")
    if isinstance(value, list):
        value = value[-1] if value else ""
    return value if isinstance(value, str) else str(value)


def _label_facets(results: SearchResults) -> None:
    facets = results.facets
    councils = dict(
        CouncilPage.objects.filter(
            slug__in=[f.value for f in facets.get("council", [])]
        ).values_list("slug", "title")
    )
    for f in facets.get("council", []):
        f.label = councils.get(f.value, f.value)
    facets["council"] = sorted(facets.get("council", []), key=lambda f: f.label.lower())
    for f in facets.get("kind", []):
        f.label = str(KIND_LABELS.get(f.value, f.value))
    facets["kind"] = sorted(
        facets.get("kind", []), key=lambda f: KINDS.index(f.value) if f.value in KINDS else 99
    )
    for f in facets.get("year", []):
        f.label = f.value
    facets["year"] = sorted(facets.get("year", []), key=lambda f: f.value, reverse=True)
    groups = dict(
        TargetGroup.objects.filter(
            slug__in=[f.value for f in facets.get("target_group", [])]
        ).values_list("slug", "name")
    )
    for f in facets.get("target_group", []):
        f.label = groups.get(f.value, f.value)
    facets["target_group"] = sorted(facets.get("target_group", []), key=lambda f: f.label.lower())

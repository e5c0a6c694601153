"""The registry of what a citizen can narrow a search by: kinds of item and facets.

Everything that names a kind or a facet loops over this module: the page types' kinds
(``PAGE_KINDS``), the search form's validation, the facet counts of both backends (the SQL
unions of the database backend, the aggregations and filters of Elasticsearch), the facet
titles, and the labels and order the facet values are shown in.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django import forms
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from council_pages.models import CouncilPage, TargetGroup


@dataclass
class FacetValue:
    """One value of a facet, how many matches have it, and its label (added by :class:`Facet`)."""

    value: str
    count: int
    label: str = ""


@dataclass(frozen=True)
class Kind:
    """A kind of item; every index record has exactly one."""

    key: str
    label: Promise | str
    page_model: str = ""  # "app_label.modelname" of the page type that is of this kind


KIND_LIST: tuple[Kind, ...] = (
    Kind("council", _("Udsatteråd"), "council_pages.councilpage"),
    Kind("rules", _("Forretningsordener"), "council_pages.rulesofprocedurepage"),
    Kind("meeting", _("Møder og referater"), "council_pages.meetingpage"),
    Kind("hearing_response", _("Høringssvar"), "council_pages.hearingresponsepage"),
    Kind("annual_report", _("Årsrapporter"), "council_pages.annualreportpage"),
    Kind("document", _("Dokumenter")),
    Kind("page", _("Andre sider")),
)
KINDS = [kind.key for kind in KIND_LIST]
KIND_LABELS = {kind.key: kind.label for kind in KIND_LIST}
PAGE_KINDS = {kind.page_model: kind.key for kind in KIND_LIST if kind.page_model}
DEFAULT_PAGE_KIND = "page"


def _by_label(values: list[FacetValue]) -> list[FacetValue]:
    return sorted(values, key=lambda f: f.label.lower())


def _labels_from(model, label_field: str) -> Callable[[Iterable[str]], dict[str, str]]:
    def labels(values: Iterable[str]) -> dict[str, str]:
        return dict(model.objects.filter(slug__in=list(values)).values_list("slug", label_field))

    return labels


@dataclass(frozen=True)
class Facet:
    """One facet: a search parameter, a record column, a count per value, a labelled list."""

    name: str  # the request parameter and the key of the counts
    title: Promise | str
    form_field: Callable[[], forms.Field]
    es_field: str  # the Elasticsearch field (target groups are one multi-valued field)
    column: str = ""  # the record column; "" for target groups (a table of their own)
    numeric: bool = False  # counted per number, shown as text
    labels: Callable[[Iterable[str]], dict[str, str]] | None = None  # value -> label
    order: Callable[[list[FacetValue]], list[FacetValue]] = _by_label

    def label(self, values: list[FacetValue]) -> list[FacetValue]:
        """Give ``values`` their Danish labels and put them in the order they are shown in."""
        names = self.labels([f.value for f in values]) if self.labels else {}
        for f in values:
            f.label = str(names.get(f.value, f.value))
        return self.order(values)


FACETS: tuple[Facet, ...] = (
    Facet(
        "council",
        _("Råd"),
        lambda: forms.SlugField(required=False, max_length=255, label=_("Råd")),
        es_field="council",
        column="council",
        labels=_labels_from(CouncilPage, "title"),
    ),
    Facet(
        "kind",
        _("Type"),
        lambda: forms.ChoiceField(
            required=False, choices=[("", "")] + list(KIND_LABELS.items()), label=_("Type")
        ),
        es_field="kind",
        column="kind",
        labels=lambda values: {v: str(KIND_LABELS[v]) for v in values if v in KIND_LABELS},
        order=lambda values: sorted(
            values, key=lambda f: KINDS.index(f.value) if f.value in KINDS else 99
        ),
    ),
    Facet(
        "year",
        _("År"),
        lambda: forms.IntegerField(required=False, min_value=1900, max_value=2100, label=_("År")),
        es_field="year",
        column="year",
        numeric=True,
        order=lambda values: sorted(values, key=lambda f: f.value, reverse=True),
    ),
    Facet(
        "target_group",
        _("Målgruppe"),
        lambda: forms.SlugField(required=False, max_length=100, label=_("Målgruppe")),
        es_field="target_groups",
        labels=_labels_from(TargetGroup, "name"),
    ),
)
FACET_NAMES = tuple(facet.name for facet in FACETS)
FACETS_BY_NAME = {facet.name: facet for facet in FACETS}


def label_facets(facets: dict[str, list[FacetValue]]) -> None:
    """Label and order every facet's values in place (the backends return bare values)."""
    for facet in FACETS:
        facets[facet.name] = facet.label(facets.get(facet.name, []))

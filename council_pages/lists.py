"""Lists of publications: their filter forms and feed addresses.

One filter form per kind of publication, shared by a council's own list (``/odense/moeder/``)
and the national list (``/moeder/``), which adds a council filter. The forms read ``GET``: a value
that matches no choice is ignored (the list shows everything), never an error page.
"""

import datetime

from django import forms
from django.db.models import Exists, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _


class ListFilterForm(forms.Form):
    """Filters for a list of ``pages``; subclasses declare fields and ``filter_<field>``.

    Choices come from the pages themselves (only years and target groups that occur), so a
    choice never leads to an empty list. A field with nothing to choose is left out.
    """

    def __init__(self, data, pages, **kwargs):
        kwargs.setdefault("auto_id", "%s")
        super().__init__(data, **kwargs)
        self.pages = pages
        self.set_choices(pages)
        for name, field in list(self.fields.items()):
            if isinstance(field, forms.ChoiceField) and len(field.choices) < 2:
                del self.fields[name]
            else:
                field.widget.attrs.setdefault("class", "form-select")
        if self.is_bound and not self.is_valid():
            # Ignore what does not fit (e.g. an old link's year) and show the rest.
            self.data = self.data.copy()
            for name in self.errors:
                self.data.pop(name, None)
            self._errors = None

    def set_choices(self, pages) -> None:
        """Fill the choice fields from ``pages`` (the unfiltered list)."""

    @property
    def selected(self) -> dict:
        """The filters in use, by field name (``""`` for those not in use)."""
        if not self.is_bound or not self.is_valid():
            return dict.fromkeys(self.fields, "")
        return {name: self.cleaned_data.get(name) or "" for name in self.fields}

    @property
    def shown(self) -> bool:
        """Whether the form is worth showing: some field offers a real choice."""
        return any(len(field.choices) > 2 for field in self.fields.values())

    def filter(self, pages):
        """``pages`` narrowed by every filter in use."""
        for name, value in self.selected.items():
            if value:
                pages = getattr(self, f"filter_{name}")(pages, value)
        return pages


def year_choices(years) -> list:
    return [("", _("Alle år"))] + [(str(y), str(y)) for y in sorted(set(years), reverse=True)]


def page_years(pages, date_field: str) -> list[int]:
    """The years in which ``pages`` have a ``date_field``, oldest first.

    The first and the last date, then whether each year between them has a page, in one query
    of ``EXISTS`` per year. Each is a range of the date's index, which the database leaves at
    its first visible page; grouping the pages by year read all of them (55 ms for the 45,000
    meetings at 100,000 records on SQLite, where a date's year is a Python function per row).
    The condition ``date >= 0001-01-01`` keeps only pages with a date and shows SQLite, which
    keeps no statistics, that the date's index is the way in.
    """
    dated = pages.filter(**{f"{date_field}__gte": datetime.date.min}).order_by()
    first = dated.order_by(date_field).values_list(date_field, flat=True).first()
    if first is None:
        return []
    last = dated.order_by(f"-{date_field}").values_list(date_field, flat=True).first()
    years = range(first.year, last.year + 1)
    flags = {f"in_{year}": Exists(dated.filter(**{f"{date_field}__year": year})) for year in years}
    found = dated.order_by(date_field).values(**flags).first() or {}
    return [year for year in years if found.get(f"in_{year}")]


class MeetingFilterForm(ListFilterForm):
    aar = forms.ChoiceField(label=_("Vis år"), required=False)

    def set_choices(self, pages):
        self.fields["aar"].choices = year_choices(page_years(pages, "date"))

    def filter_aar(self, pages, value):
        return pages.filter(date__year=value)


class AnnualReportFilterForm(ListFilterForm):
    """A council's own reports are few: its list has no filters."""


class NationalAnnualReportFilterForm(AnnualReportFilterForm):
    aar = forms.ChoiceField(label=_("År"), required=False)

    def set_choices(self, pages):
        super().set_choices(pages)
        years = set()
        for start, end in pages.order_by().values_list("start_year", "end_year").distinct():
            years.update(range(start, (end or start) + 1))
        self.fields["aar"].choices = year_choices(years)

    def filter_aar(self, pages, value):
        year = int(value)
        return pages.filter(start_year__lte=year).filter(
            Q(end_year__gte=year) | Q(end_year__isnull=True, start_year=year)
        )


def with_council_filter(form_class):
    """``form_class`` plus a council filter ("raad"), for the lists across councils."""

    class NationalFilterForm(form_class):
        raad = forms.ChoiceField(label=_("Råd"), required=False)

        def __init__(self, data, pages, councils, **kwargs):
            self.councils = {council.slug: council for council in councils}
            super().__init__(data, pages, **kwargs)

        def set_choices(self, pages):
            super().set_choices(pages)
            self.fields["raad"].choices = [("", _("Alle råd"))] + [
                (slug, council.title) for slug, council in self.councils.items()
            ]

        def filter_raad(self, pages, value):
            return pages.filter(path__startswith=self.councils[value].path)

    NationalFilterForm.__name__ = f"National{form_class.__name__}"
    # The council filter first: it is what the national list adds.
    NationalFilterForm.base_fields = {
        "raad": NationalFilterForm.base_fields["raad"],
        **{k: v for k, v in NationalFilterForm.base_fields.items() if k != "raad"},
    }
    return NationalFilterForm


def feed_urls(kind: str = "", council_slug: str | None = None, calendar: bool = False) -> dict:
    """RSS, Atom (and for meetings iCalendar) URLs of one council's or every council's ``kind``.

    Without a kind, the feeds of everything: ``/rss/`` or the council's ``/<council>/rss/``.
    """
    prefix = f"{kind}_" if kind else ""
    if council_slug:
        kwargs = {"council": council_slug}
        return {
            "rss": reverse(f"council_pages:council_{prefix}feed_rss", kwargs=kwargs),
            "atom": reverse(f"council_pages:council_{prefix}feed_atom", kwargs=kwargs),
            "ics": reverse("council_pages:council_calendar", kwargs=kwargs) if calendar else "",
        }
    return {
        "rss": reverse(f"council_pages:{prefix}feed_rss"),
        "atom": reverse(f"council_pages:{prefix}feed_atom"),
        "ics": reverse("council_pages:calendar") if calendar else "",
    }

"""The abstract base of a council's lists: /odense/moeder/, /odense/hoeringssvar/, ...

A list page declares its child page type, its feed kind, its ordering and its filter form (a
Django form from ``council_pages.lists``); the base lists the visible children, filters and
paginates them, and gives the template (``council_pages/publication_list.html``) the feeds.
"""

from django.apps import apps
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel

from council_pages.listing import children, paginate, querystring_without
from council_pages.lists import ListFilterForm, feed_urls
from visibility.rules import visible

from .base import BasePage


class CouncilIndexPage(BasePage):
    """One council's list of one kind of publication, newest first."""

    child_model: str = ""  # "app_label.ModelName" of the listed pages
    feed_kind: str = ""  # the feeds' URL segment: moeder, hoeringssvar, aarsrapporter
    ordering: tuple[str, ...] = ("-first_published_at",)
    filter_form_class: type[ListFilterForm] = ListFilterForm
    list_name = "items_page"  # the page of results in the template's context, by its old name
    calendar = False
    feed_description = _("oversigt")

    parent_page_types = ["council_pages.CouncilPage"]
    max_count_per_parent = 1

    content_panels = BasePage.content_panels + [FieldPanel("intro")]

    class Meta:
        abstract = True

    @classmethod
    def listed_model(cls):
        return apps.get_model(cls.child_model)

    def publications(self):
        """Live, public children of this list, in the list's order."""
        pages = visible(children(self.listed_model(), self)).order_by(*self.ordering)
        # A list shows no StreamField: without them the database sorts small rows (page 100 of
        # a council's 4,500 meetings on SQLite: 64 -> 16 ms).
        return self.prepare(pages.defer_streamfields())

    def prepare(self, pages):
        """Hook for ``select_related``/``prefetch_related`` on the listed pages."""
        return pages

    def feeds(self) -> dict:
        return feed_urls(self.feed_kind, self.get_parent().slug, calendar=self.calendar)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        pages = self.publications()
        form = self.filter_form_class(request.GET, pages)
        results = paginate(request, form.filter(pages))
        context.update(
            filter_form=form,
            filters=form.selected,
            items_page=results,
            filter_querystring=querystring_without(request, "side"),
            feeds=self.feeds(),
            feed_title=f"{self.get_parent().title}: {self.title.lower()}",
            list_title=self.title,
        )
        context[self.list_name] = results
        return context

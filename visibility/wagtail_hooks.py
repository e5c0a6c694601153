"""Serving follows the rule: a page below an unpublished section is not there (404)."""

from django.http import Http404
from wagtail import hooks

from visibility.rules import has_hidden_ancestor


@hooks.register("before_serve_page", order=-100)
def refuse_pages_below_hidden_sections(page, request, serve_args, serve_kwargs):
    """Wagtail checks that the page itself is live and applies view restrictions; rule 3 of
    ``visibility.rules`` (every ancestor live) is added here, so a URL never works where a list
    would not show the page."""
    if has_hidden_ancestor(page):
        raise Http404

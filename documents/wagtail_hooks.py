"""Admin and serving hooks of the documents app."""

from django.http import Http404
from wagtail import hooks

from documents.privacy import can_download


@hooks.register("before_serve_document", order=-100)
def enforce_document_privacy(document, request):
    """Refuse non-public documents to anyone without a right to them (``documents.privacy``).

    Runs before Wagtail's own hook for private collections, which still applies afterwards.
    """
    if not can_download(request, document):
        raise Http404("Document not found")

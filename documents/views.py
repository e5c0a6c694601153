"""Serving documents to visitors: Wagtail's serve view, with stricter response headers.

Access is decided before any byte is sent, by the ``before_serve_document`` hook in
``documents.wagtail_hooks`` (see ``documents.privacy``); this view only hardens the response.
"""

import unicodedata
from urllib.parse import quote

from django.http import HttpResponseNotModified
from django.utils.cache import patch_cache_control
from wagtail.documents import get_document_model
from wagtail.documents.views.serve import serve as wagtail_serve

from documents.privacy import is_public

# A restrictive policy for anything a browser might render. PDFs are the exception to the
# sandbox: browsers refuse to run their built-in PDF viewer in a sandboxed document, and PDFs
# with JavaScript are refused at upload, so a PDF cannot carry script here anyway.
CSP_SANDBOXED = "default-src 'none'; sandbox"
CSP_PDF = "default-src 'none'"
PUBLIC_MAX_AGE = 300

_DANISH_ASCII = str.maketrans({"æ": "ae", "ø": "oe", "å": "aa", "Æ": "Ae", "Ø": "Oe", "Å": "Aa"})


def ascii_filename(name: str) -> str:
    """A plain-ASCII stand-in for ``name`` for old clients: æ→ae, ø→oe, å→aa, é→e."""
    name = unicodedata.normalize("NFKD", name.translate(_DANISH_ASCII))
    name = name.encode("ascii", "ignore").decode("ascii")
    return name.replace('"', "").replace("\\", "") or "dokument"


def content_disposition(disposition: str, filename: str) -> str:
    """``inline``/``attachment`` with the real file name, as RFC 6266 and RFC 5987 describe."""
    fallback = ascii_filename(filename)
    value = f'{disposition}; filename="{fallback}"'
    if fallback != filename:
        value += f"; filename*=UTF-8''{quote(filename, safe='')}"
    return value


def serve(request, document_id, document_filename):
    """The document download at /dokumenter/<id>/<filename>."""
    response = wagtail_serve(request, document_id, document_filename)
    not_modified = isinstance(response, HttpResponseNotModified)
    if not (response.streaming or not_modified):
        # Not the file: a redirect to log in, or the password form of a private collection.
        return response
    document = get_document_model().objects.get(pk=document_id)
    if not not_modified:
        if response.get("Content-Encoding") in ("None", ""):
            # Wagtail's sendfile writes the literal "None" when the file is not compressed.
            del response["Content-Encoding"]
        response["Content-Type"] = document.content_type
        disposition = "inline" if document.content_disposition == "inline" else "attachment"
        response["Content-Disposition"] = content_disposition(
            disposition, document.download_filename
        )
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = CSP_PDF if document.is_pdf else CSP_SANDBOXED
    response["Referrer-Policy"] = "no-referrer"
    if is_public(document):
        patch_cache_control(response, public=True, max_age=PUBLIC_MAX_AGE)
    else:
        # Served only because of who is asking: no shared cache may keep it, no search engine.
        patch_cache_control(response, private=True, no_store=True)
        response["X-Robots-Tag"] = "noindex, nofollow"
    return response

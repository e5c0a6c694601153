"""Request-level behaviour shared by the whole site."""

from django.db import transaction

SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS", "TRACE"})


class AtomicWritesMiddleware:
    """Run every view that changes something (POST, PUT, PATCH, DELETE) in one transaction.

    Wagtail's editor publishes a page in several steps (the page goes live, its log entry is
    written, ``page_published`` receivers run); an error between them must not leave a live page
    with no log entry. Django's ``ATOMIC_REQUESTS`` would do this for every request, but on the
    embedded SQLite database that would make every page view take the write lock. Reads stay in
    autocommit; only writes are wrapped, exactly as ``ATOMIC_REQUESTS`` wraps a view.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if request.method in SAFE_METHODS:
            return None
        return transaction.atomic()(view_func)(request, *view_args, **view_kwargs)

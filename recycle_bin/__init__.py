"""Papirkurv: a page deleted in the admin is kept, restorable, for ``RECYCLE_BIN_DAYS`` days.

Deleting a page in the admin (one page or the bulk action) moves it, with its children, its
revisions and everything it links to, under the ``RecycleBinPage``: an unpublished page directly
below the tree's root, outside every site, with a view restriction no group passes. Nothing in it
can be served or listed: it fails ``visibility.rules.visible()`` twice (a section that is not
live, a view restriction), and the move fires Wagtail's own move signals, on which the search
index and the page cache act. The documents only it used stop being public for the same reason
(no visible page links to them) and stay in the document library.

Site administrators restore a page to where it was, or empty the bin, under Indstillinger >
Papirkurv; ``manage.py empty_recycle_bin`` (run daily by cron or the task worker's timer) deletes
what has been there longer than the limit. Every final deletion goes through Wagtail's
``DeletePageAction`` and so is written to Wagtail's audit log (Rapporter → Webstedets historik).
"""

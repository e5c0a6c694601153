"""The database backend: SQLite FTS5 on the embedded default, PostgreSQL full-text search.

* ``common``: :class:`DatabaseBackend`, everything both engines share (the record tables,
  filters, facet counts, tiers of all-words/most-words, hits and snippets).
* ``dialect``: what an engine must provide; ``sqlite`` (FTS5, ``bm25``) and ``postgres``
  (``tsvector``, ``ts_rank``) provide it. The backend picks one from the connection's vendor
  when it is built, so no code below asks which engine it runs on.
* ``query``: the small query objects (:class:`~.query.SQL`, :class:`~.query.Selection`,
  :class:`~.query.Match`, :class:`~.query.IdQuery`) the SQL is assembled from.
"""

from .common import DatabaseBackend

__all__ = ["DatabaseBackend"]

"""The indexing outbox: keys of items that changed, written in the publishing transaction.

:func:`add` notes keys (a row per key in :class:`search.models.IndexQueue`); :func:`process`
works through the rows, re-checking each key against the database at that moment: an item is
written to the index only if it is live and public *now*, otherwise it is removed. Who adds
keys and when the rows are processed is :mod:`search.tasks`'s business.
"""

import logging
from collections.abc import Iterable

from django.utils import timezone

from . import spelling
from .adapters import record_for_key
from .backends import get_backend
from .models import IndexQueue

logger = logging.getLogger(__name__)

MAX_ERROR_LENGTH = 2000


def add(keys: Iterable[str]) -> list[str]:
    """Note that these items changed; returns the keys, sorted and without repeats."""
    keys = sorted(set(keys))
    if not keys:
        return keys
    existing = set(IndexQueue.objects.filter(key__in=keys).values_list("key", flat=True))
    if existing:
        # Touch the rows so a worker that is busy with an older change keeps them queued.
        IndexQueue.objects.filter(key__in=existing).update(updated_at=timezone.now())
    IndexQueue.objects.bulk_create(
        [IndexQueue(key=k) for k in keys if k not in existing], ignore_conflicts=True
    )
    return keys


def process(limit: int | None = None) -> tuple[int, int]:
    """Bring the index up to date for every queued key; returns (done, failed)."""
    backend = get_backend()
    done = failed = 0
    rows = IndexQueue.objects.order_by("created_at", "pk")
    if limit:
        rows = rows[:limit]
    for row in list(rows):
        try:
            record = record_for_key(row.key)
            if record is None:
                backend.delete([row.key])
            else:
                backend.upsert([record])
                spelling.learn([record])
        except Exception as exc:
            failed += 1
            IndexQueue.objects.filter(pk=row.pk).update(
                attempts=row.attempts + 1,
                last_error=f"{type(exc).__name__}: {exc}"[:MAX_ERROR_LENGTH],
                updated_at=timezone.now(),
            )
            logger.warning("Search indexing of %s failed (attempt %d)", row.key, row.attempts + 1)
            continue
        # Only remove the row if nobody queued the key again while we worked on it.
        IndexQueue.objects.filter(pk=row.pk, updated_at=row.updated_at).delete()
        done += 1
    return done, failed

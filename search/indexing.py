"""Keeping the index in step with the site: the outbox, the queue worker, rebuild and repair.

Signal handlers only call :func:`enqueue` (inside the publishing transaction); the actual work
happens in :func:`process_queue`, run by the ``site_search.process_index_queue`` task after the
transaction commits. Each queued key is re-checked against the database at that moment: an item
is written to the index only if it is live and public *now*, otherwise it is removed.
"""

import logging
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.db import transaction
from django.utils import timezone

from .adapters import all_records, record_for_key
from .backends import get_backend
from .models import IndexQueue

logger = logging.getLogger(__name__)

MAX_ERROR_LENGTH = 2000


def enqueue(keys: Iterable[str]) -> None:
    """Note that these items changed, and ask for the queue to be processed after commit."""
    keys = sorted(set(keys))
    if not keys:
        return
    existing = set(IndexQueue.objects.filter(key__in=keys).values_list("key", flat=True))
    if existing:
        # Touch the rows so a worker that is busy with an older change keeps them queued.
        IndexQueue.objects.filter(key__in=existing).update(updated_at=timezone.now())
    IndexQueue.objects.bulk_create(
        [IndexQueue(key=k) for k in keys if k not in existing], ignore_conflicts=True
    )
    transaction.on_commit(_schedule, robust=True)


def _schedule() -> None:
    from .tasks import process_index_queue

    try:
        process_index_queue.enqueue()
    except Exception:
        # The queue rows are safe in the database; the next run or `search_index repair`
        # picks them up.
        logger.exception("Could not enqueue the search indexing task")


def process_queue(limit: int | None = None) -> tuple[int, int]:
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


def rebuild() -> int:
    """Recreate the whole index from the live, public tree; clears the queue."""
    started = timezone.now()
    count = get_backend().rebuild(all_records())
    IndexQueue.objects.filter(updated_at__lte=started).delete()
    return count


@dataclass
class Drift:
    missing: list[str] = field(default_factory=list)  # should be in the index, is not
    stale: list[str] = field(default_factory=list)  # in the index with old content
    extra: list[str] = field(default_factory=list)  # in the index, must not be
    queued: int = 0

    @property
    def clean(self) -> bool:
        return not (self.missing or self.stale or self.extra)


def check() -> Drift:
    """Compare the index with what the live, public tree says it should hold."""
    expected = {record.key: record.digest for record in all_records()}
    stored = get_backend().stored_digests()
    drift = Drift(queued=IndexQueue.objects.count())
    drift.missing = sorted(k for k in expected if k not in stored)
    drift.extra = sorted(k for k in stored if k not in expected)
    drift.stale = sorted(k for k in expected if k in stored and stored[k] != expected[k])
    return drift


def repair() -> Drift:
    """Fix the drift :func:`check` finds, through the same queue as publishing."""
    drift = check()
    with transaction.atomic():
        enqueue(drift.missing + drift.stale + drift.extra)
    process_queue()
    return drift

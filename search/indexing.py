"""Keeping the index in step with the site: rebuild, check and repair.

Day to day, publishing events queue keys in the outbox (:mod:`search.outbox`, through
:func:`search.tasks.enqueue`) and a background task works through it; the functions here are
for the ``search_index`` command, the demo and the benchmark.
"""

from collections import Counter
from dataclasses import dataclass, field

from django.db import transaction
from django.utils import timezone

from . import outbox, spelling
from .adapters import all_records
from .backends import get_backend
from .models import IndexQueue
from .tasks import enqueue


def process_queue(limit: int | None = None) -> tuple[int, int]:
    """Bring the index up to date for every queued key now; returns (done, failed)."""
    return outbox.process(limit)


def rebuild() -> int:
    """Recreate the whole index from the live, public tree; clears the queue."""
    started = timezone.now()
    words: Counter = Counter()
    count = get_backend().rebuild(spelling.counting(all_records(), words))
    spelling.replace_vocabulary(words)
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

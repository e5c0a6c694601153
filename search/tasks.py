"""Background work of the search service (django-tasks): the outbox's worker and its trigger.

Signal handlers only call :func:`enqueue` (inside the publishing transaction); the actual work
happens in :func:`process_index_queue`, run after the transaction commits.
"""

import logging
from collections.abc import Iterable

from django.db import transaction
from django_tasks import task

from . import outbox

logger = logging.getLogger(__name__)


@task()
def process_index_queue() -> dict:
    """Work through the indexing outbox. Failed items stay queued and are retried next run."""
    done, failed = outbox.process()
    return {"done": done, "failed": failed}


def enqueue(keys: Iterable[str]) -> None:
    """Note that these items changed, and ask for the queue to be processed after commit."""
    if outbox.add(keys):
        transaction.on_commit(_schedule, robust=True)


def _schedule() -> None:
    try:
        process_index_queue.enqueue()
    except Exception:
        # The queue rows are safe in the database; the next run or `search_index repair`
        # picks them up.
        logger.exception("Could not enqueue the search indexing task")

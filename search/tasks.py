"""Background tasks of the search service (django-tasks)."""

from django_tasks import task

from .indexing import process_queue


@task()
def process_index_queue() -> dict:
    """Work through the indexing outbox. Failed items stay queued and are retried next run."""
    done, failed = process_queue()
    return {"done": done, "failed": failed}

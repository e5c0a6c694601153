"""/health/: is the site able to do its work? For the operator's monitoring, not for people.

JSON with one entry per part (the database, the search backend, the task queue), 200 when all
are well and 503 when any is not. It tells counts and ages only: no host names, addresses,
versions or error texts (those go to the log).
"""

import logging

from django.conf import settings
from django.db import connection
from django.http import JsonResponse
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

logger = logging.getLogger(__name__)


def _database() -> dict:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()
    return {"ok": True}


def _search() -> dict:
    from search.backends import get_backend
    from search.backends.base import SearchRequest
    from search.models import IndexQueue
    from search.text import parse_query

    get_backend().search(SearchRequest(query=parse_query("udsatteråd"), page_size=1))
    return {"ok": True, "waiting": IndexQueue.objects.count()}


def _tasks() -> dict:
    backend = settings.TASKS["default"]["BACKEND"]
    if not backend.startswith("django_tasks_db."):
        return {"ok": True, "backend": "immediate"}
    from django_tasks_db.models import DBTaskResult

    now = timezone.now()
    waiting = DBTaskResult.objects.ready()
    oldest = waiting.order_by("enqueued_at").values_list("enqueued_at", flat=True).first()
    last_run = (
        DBTaskResult.objects.exclude(started_at=None)
        .order_by("-started_at")
        .values_list("started_at", flat=True)
        .first()
    )
    oldest_age = (now - oldest).total_seconds() if oldest else 0
    return {
        # A worker that runs picks up a task within seconds; one that waits longer means the
        # worker is stopped or stuck.
        "ok": oldest_age <= settings.HEALTH_MAX_TASK_WAIT_SECONDS,
        "backend": "database",
        "waiting": waiting.count(),
        "oldest_waiting_seconds": round(oldest_age),
        "last_task_started": last_run.isoformat() if last_run else None,
    }


CHECKS = {"database": _database, "search": _search, "tasks": _tasks}


@require_safe
@never_cache
def health(request):
    report = {}
    for name, check in CHECKS.items():
        try:
            report[name] = check()
        except Exception:
            logger.exception("Health check %s failed", name)
            report[name] = {"ok": False}
    ok = all(part["ok"] for part in report.values())
    return JsonResponse({"ok": ok, **report}, status=200 if ok else 503)

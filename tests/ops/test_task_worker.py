"""Background tasks in a worker: publishing queues the work, `db_worker` does it.

The production settings use django-tasks-db's database queue. These tests switch the test
settings to the same backend and drive the real worker command: a publish succeeds and is
recorded while no worker runs, and the page becomes searchable once the worker has run.
"""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import call_command
from django.test import override_settings
from django_tasks_db.models import DBTaskResult

from search.models import IndexQueue
from tests.factories import StandardPageFactory

ROOT = Path(__file__).resolve().parents[2]
DATABASE_QUEUE = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

# The worker closes its database connection between tasks, as it must in production: the tests
# run in real transactions, so publishing commits and its after-commit hooks run by themselves.
pytestmark = pytest.mark.django_db(transaction=True)


def found(client, word):
    body = client.get("/api/search/", {"q": word}).json()
    return [hit["title"] for hit in body["results"]]


@override_settings(TASKS=DATABASE_QUEUE)
def test_publish_queues_the_indexing_and_the_worker_makes_it_searchable(client):
    page = StandardPageFactory(title="Varmestuens åbningstider", live=False)
    page.save_revision().publish()

    # The publish is done and visible, the indexing waits in the queue for the worker.
    assert client.get(page.url).status_code == 200
    assert found(client, "varmestuens") == []
    assert IndexQueue.objects.exists()
    assert DBTaskResult.objects.ready().filter(task_path__startswith="search.").exists()

    call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload")

    assert found(client, "varmestuens") == ["Varmestuens åbningstider"]
    assert not IndexQueue.objects.exists()
    assert not DBTaskResult.objects.ready().exists()


@override_settings(TASKS=DATABASE_QUEUE)
def test_unpublish_without_a_worker_is_not_lost(client):
    page = StandardPageFactory(title="Herberget lukker", live=False)
    page.save_revision().publish()
    call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload")
    assert found(client, "herberget") == ["Herberget lukker"]

    page.refresh_from_db()
    page.unpublish()
    # No worker yet: the page is gone from the site at once, its index entry goes next run.
    assert client.get("/herberget-lukker/").status_code == 404
    call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload")
    assert found(client, "herberget") == []


def test_development_and_tests_run_tasks_immediately(client):
    page = StandardPageFactory(title="Natcaféen", live=False)
    page.save_revision().publish()
    assert found(client, "natcaféen") == ["Natcaféen"]
    assert not DBTaskResult.objects.exists()


def production_setting(expression, **env):
    """Evaluate a setting under the production settings, in a fresh interpreter."""
    environ = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "udsatteraad.settings.production",
        "SECRET_KEY": "x" * 60,
        "ALLOWED_HOSTS": "udsatteraad.example.dk",
        **env,
    }
    code = f"import django; django.setup(); from django.conf import settings; print({expression})"
    result = subprocess.run(  # noqa: S603
        [sys.executable, "-c", code], env=environ, cwd=ROOT, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def test_production_uses_the_database_queue():
    assert production_setting("settings.TASKS['default']['BACKEND']") == (
        "django_tasks_db.DatabaseBackend"
    )
    assert production_setting("settings.TASKS['default']['BACKEND']", TASKS_IMMEDIATE="true") == (
        "django_tasks.backends.immediate.ImmediateBackend"
    )

"""/health/: 200 when the database, the search and the task queue work, 503 when one does not.

A stopped worker or search engine never blocks or loses a publish: the work waits in the
queues, /health/ says so, and the queues drain when the part is back.
"""

import datetime

import pytest
from django.core.management import call_command
from django.test import override_settings
from django_tasks_db.models import DBTaskResult

from search import indexing
from search.models import IndexQueue
from tests.factories import StandardPageFactory

DATABASE_QUEUE = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
# Nothing listens on the discard port: the search engine is "stopped".
STOPPED_SEARCH = {
    "BACKEND": "search.backends.elasticsearch.ElasticsearchBackend",
    "URL": "http://127.0.0.1:9",
    "INDEX": "udsatteraad-health-test",
}

pytestmark = pytest.mark.django_db(transaction=True)


def found(client, word):
    return [hit["title"] for hit in client.get("/api/search/", {"q": word}).json()["results"]]


def test_all_well_is_200_with_no_secrets(client, settings):
    response = client.get("/health/")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert "no-cache" in response["Cache-Control"]
    body = response.json()
    assert body["ok"] is True
    assert body["database"] == {"ok": True}
    assert body["search"] == {"ok": True, "waiting": 0}
    assert body["tasks"] == {"ok": True, "backend": "immediate"}
    text = response.content.decode()
    assert settings.SECRET_KEY not in text
    assert str(settings.DATABASES["default"]["NAME"]) not in text
    assert not response.cookies
    assert client.head("/health/").status_code == 200


@override_settings(TASKS=DATABASE_QUEUE, HEALTH_MAX_TASK_WAIT_SECONDS=60)
def test_a_stopped_worker_turns_health_503_and_the_queue_drains_when_it_is_back(client):
    page = StandardPageFactory(title="Gadeplanet", live=False)
    page.save_revision().publish()  # no worker runs: the publish still succeeds
    assert client.get(page.url).status_code == 200

    body = client.get("/health/").json()
    assert body["tasks"]["waiting"] >= 1
    assert body["tasks"]["ok"] is True  # just queued: a running worker would take it now

    DBTaskResult.objects.update(enqueued_at=datetime.datetime(2020, 1, 1, tzinfo=datetime.UTC))
    response = client.get("/health/")
    assert response.status_code == 503
    assert response.json()["tasks"]["ok"] is False
    assert response.json()["database"] == {"ok": True}

    call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload")

    response = client.get("/health/")
    assert response.status_code == 200
    assert response.json()["tasks"]["waiting"] == 0
    assert response.json()["tasks"]["last_task_started"] is not None
    assert found(client, "gadeplanet") == ["Gadeplanet"]


def test_a_stopped_search_engine_turns_health_503_and_loses_no_publish(client):
    with override_settings(SITE_SEARCH=STOPPED_SEARCH):
        page = StandardPageFactory(title="Væresteder", live=False)
        page.save_revision().publish()
        assert client.get(page.url).status_code == 200
        response = client.get("/health/")
        assert response.status_code == 503
        assert response.json()["search"] == {"ok": False}
        assert response.json()["database"] == {"ok": True}
        # The change waits in the search outbox, with its failed attempt recorded.
        assert IndexQueue.objects.filter(attempts__gte=1).exists()

    # The engine is back (here: the database backend): the next run drains the outbox.
    indexing.process_queue()
    assert not IndexQueue.objects.exists()
    assert found(client, "væresteder") == ["Væresteder"]
    assert client.get("/health/").status_code == 200

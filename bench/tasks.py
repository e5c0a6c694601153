"""Task-worker benchmark: how long from "published" to "found by the search", with the worker.

    .venv/bin/python bench/tasks.py                      # 20 pages, SQLite (a temp folder)
    .venv/bin/python bench/tasks.py --pages 50 --interval 0.5
    scripts/with-postgres.sh .venv/bin/python bench/tasks.py

Runs the production settings (database task queue) on a fresh database, starts
``manage.py db_worker`` as its own process, as in production, then publishes pages one at a time
and polls ``/api/search/`` until each is found. Reports the time the publish took (what the
editor waits for) and published -> searchable (p50, p95, max). The worker's ``--interval`` is how
long it sleeps when the queue is empty, so it bounds the wait.
"""

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[max(0, min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1))))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=20)
    parser.add_argument("--interval", type=float, default=0.2, help="the worker's --interval")
    parser.add_argument("--timeout", type=float, default=30, help="seconds to wait for one page")
    args = parser.parse_args()

    env = os.environ
    env["DJANGO_SETTINGS_MODULE"] = "udsatteraad.settings.production"
    env.setdefault("SECRET_KEY", "bench-only-" + "x" * 50)
    env["ALLOWED_HOSTS"] = "testserver,127.0.0.1"
    env["SECURE_SSL_REDIRECT"] = "false"
    env.pop("TASKS_IMMEDIATE", None)
    if not env.get("DATABASE_URL"):
        env["UDSATTERAAD_VAR_DIR"] = tempfile.mkdtemp(prefix="udsatteraad-bench-tasks-")
    manage = [sys.executable, str(ROOT / "manage.py")]
    subprocess.run([*manage, "migrate", "--noinput", "-v0"], check=True, env=env)  # noqa: S603

    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.test import Client

    from council_pages.models import HomePage, StandardPage

    worker = subprocess.Popen(  # noqa: S603
        [
            *manage,
            "db_worker",
            "--no-reload",
            "--no-startup-delay",
            "--interval",
            str(args.interval),
        ],
        env={**env, "TASKS_LOG_LEVEL": "WARNING"},
    )
    client = Client()
    home = HomePage.objects.get()
    publish_ms, searchable_ms = [], []
    try:
        time.sleep(1)  # let the worker start
        for n in range(-1, args.pages):  # page -1 warms up and is not counted
            word = f"benchord{n}x"
            page = StandardPage(
                title=f"Side {word}", slug=f"bench-{n}-{int(time.time())}", live=False
            )
            home.add_child(instance=page)
            started = time.perf_counter()
            page.save_revision().publish()
            published = time.perf_counter()
            while True:
                results = client.get("/api/search/", {"q": word}).json()["results"]
                if results:
                    break
                if time.perf_counter() - published > args.timeout:
                    sys.exit(f"page {n} was not searchable after {args.timeout} s")
                time.sleep(0.01)
            if n >= 0:
                publish_ms.append((published - started) * 1000)
                searchable_ms.append((time.perf_counter() - published) * 1000)
    finally:
        worker.terminate()
        worker.wait(timeout=30)

    engine = django.db.connection.vendor
    print(f"\n{args.pages} pages, {engine}, worker --interval {args.interval}")
    print(f"{'':24}{'p50':>10}{'p95':>10}{'max':>10}")
    for label, values in (("publish (ms)", publish_ms), ("published->found (ms)", searchable_ms)):
        print(
            f"{label:24}{statistics.median(values):10.0f}{percentile(values, 95):10.0f}"
            f"{max(values):10.0f}"
        )


if __name__ == "__main__":
    main()

"""Load test: gunicorn with the production settings on the demo site, Debian's wrk against it.

    .venv/bin/python bench/load.py                       # 60 s a URL, 50 connections
    .venv/bin/python bench/load.py --duration 10 --connections 20 --workers 3

In a throwaway folder it migrates, loads the demo site, runs ``collectstatic``, starts gunicorn
(``--workers``, default 3) and the task worker on 127.0.0.1 only, then runs ``wrk`` for
``--duration`` seconds with ``--connections`` connections against each URL in turn: the home
page, a council page, a hearing response, the search page with a common word and a static file.
Prints requests per second, p99 latency, socket errors and non-2xx/3xx responses for each, in
one run, and exits 1 if any request failed. Traffic goes to 127.0.0.1 only. Installs Debian's
``wrk`` if it is missing and we are root.
"""

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from urllib.parse import quote

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))
from page_weight import PYTHON, free_port, run_manage, wait_for  # noqa: E402


def ensure_wrk() -> str:
    found = shutil.which("wrk")
    if found:
        return found
    if os.geteuid() != 0 or not shutil.which("apt-get"):
        sys.exit("wrk is missing: install Debian's wrk package (apt-get install wrk)")
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    if subprocess.run(["apt-get", "install", "-y", "-q", "wrk"], env=env).returncode:  # noqa: S607
        subprocess.run(["apt-get", "update", "-q"], env=env, check=True)  # noqa: S607
        subprocess.run(["apt-get", "install", "-y", "-q", "wrk"], env=env, check=True)  # noqa: S607
    return shutil.which("wrk")


def to_ms(value: str) -> float:
    number, unit = re.fullmatch(r"([\d.]+)(us|ms|s|m)", value).groups()
    return float(number) * {"us": 0.001, "ms": 1, "s": 1000, "m": 60000}[unit]


def run_wrk(wrk, url, duration, connections, threads) -> dict:
    out = subprocess.run(  # noqa: S603 - our own server on 127.0.0.1
        [
            wrk,
            f"-t{threads}",
            f"-c{connections}",
            f"-d{duration}s",
            "--latency",
            "--timeout",
            "10s",
            url,
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    errors = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", out)
    non_2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    return {
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1)),
        "p50": to_ms(re.search(r"^\s+50%\s+(\S+)", out, re.M).group(1)),
        "p99": to_ms(re.search(r"^\s+99%\s+(\S+)", out, re.M).group(1)),
        "requests": int(re.search(r"(\d+) requests in", out).group(1)),
        "errors": sum(int(n) for n in errors.groups()) if errors else 0,
        "non_2xx": int(non_2xx.group(1)) if non_2xx else 0,
    }


def sample_paths(env) -> list[tuple[str, str]]:
    code = (
        "import django; django.setup()\n"
        "from django.templatetags.static import static\n"
        "from council_pages.models import HearingResponsePage\n"
        "r = HearingResponsePage.objects.live().public().order_by('path').first()\n"
        "print(r.url); print(static('css/site.css'))\n"
    )
    out = subprocess.run(  # noqa: S603
        [PYTHON, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, check=True
    ).stdout.split()
    return [
        ("home page", "/"),
        ("council page", "/odense/"),
        ("hearing response", out[0]),
        ("search 'hjemløse'", "/soeg/?q=" + quote("hjemløse")),
        ("static file", out[1]),
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--duration", type=int, default=60, help="seconds per URL")
    parser.add_argument("--connections", type=int, default=50)
    parser.add_argument("--threads", type=int, default=2, help="wrk threads")
    parser.add_argument("--workers", type=int, default=3, help="gunicorn workers")
    options = parser.parse_args()
    wrk = ensure_wrk()
    port = free_port()

    with tempfile.TemporaryDirectory(prefix="udsatteraad-load-") as var_dir:
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "udsatteraad.settings.production",
            "UDSATTERAAD_VAR_DIR": var_dir,
            "SECRET_KEY": "bench-only-secret-key-" + "x" * 40,
            "ALLOWED_HOSTS": "127.0.0.1,localhost",
            "SECURE_SSL_REDIRECT": "false",
            "SECURE_HSTS_SECONDS": "0",
            "LOG_LEVEL": "WARNING",
        }
        env.pop("DATABASE_URL", None)
        print(f"Building a throwaway site in {var_dir} ...", flush=True)
        setup_env = {**env, "TASKS_IMMEDIATE": "true"}  # the demo is indexed while it loads
        run_manage(setup_env, "migrate", "--noinput")
        run_manage(setup_env, "load_demo", "--password", "bench-only")
        run_manage(setup_env, "collectstatic", "--noinput")
        paths = sample_paths(env)
        processes = [
            subprocess.Popen(  # noqa: S603 - fixed arguments
                [
                    PYTHON,
                    "-m",
                    "gunicorn",
                    "udsatteraad.wsgi:application",
                    "--bind",
                    f"127.0.0.1:{port}",
                    "--workers",
                    str(options.workers),
                    "--log-level",
                    "warning",
                ],
                cwd=ROOT,
                env=env,
            ),
            subprocess.Popen(  # noqa: S603
                [PYTHON, "manage.py", "db_worker", "--no-reload", "-v0"], cwd=ROOT, env=env
            ),
        ]
        base = f"http://127.0.0.1:{port}"
        try:
            wait_for(base + "/", timeout=180)
            results = []
            for label, path in paths:
                print(
                    f"wrk {options.duration} s, {options.connections} connections: {path}",
                    flush=True,
                )
                results.append(
                    (
                        label,
                        path,
                        run_wrk(
                            wrk, base + path, options.duration, options.connections, options.threads
                        ),
                    )
                )
        finally:
            for process in processes:
                process.terminate()
                process.wait(timeout=60)

    static_rps = results[-1][2]["rps"]
    print(
        f"\n{os.cpu_count()} cores, gunicorn --workers {options.workers}, SQLite, "
        f"wrk -t{options.threads} -c{options.connections} -d{options.duration}s\n"
    )
    print(
        f"{'URL':22}{'req/s':>9}{'p50 ms':>9}{'p99 ms':>9}{'requests':>10}{'errors':>8}"
        f"{'non-2xx':>9}{'of static':>11}"
    )
    failed = False
    for label, _path, r in results:
        failed |= bool(r["errors"] or r["non_2xx"])
        print(
            f"{label:22}{r['rps']:9.1f}{r['p50']:9.1f}{r['p99']:9.1f}{r['requests']:10d}"
            f"{r['errors']:8d}{r['non_2xx']:9d}{r['rps'] / static_rps:10.1%}"
        )
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()

"""What a first visit to a council page transfers, measured on the production stack.

    .venv/bin/python bench/page_weight.py [--path /odense/] [--port 8731]

The browser test (tests/browser/test_accessibility.py) estimates the weight from the response
bodies, counting static files as whitenoise would gzip them. This script checks that estimate
for real: in a throwaway folder it migrates, loads the demo site and runs ``collectstatic`` with
the production storage (whitenoise's compressed manifest), serves the site with gunicorn and the
production settings on 127.0.0.1, opens the page in a fresh headless Chromium and adds up the
bytes that came over the wire (Chrome DevTools' encodedDataLength), bodies and headers apart.
Needs Debian's chromium; takes a minute or two, mostly for collectstatic.
"""

import argparse
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.request import urlopen

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
BUDGET = 100_000


def run_manage(env, *args):
    subprocess.run(  # noqa: S603 - our own manage.py with fixed arguments
        [PYTHON, "manage.py", *args], cwd=ROOT, env=env, check=True, stdout=subprocess.DEVNULL
    )


def wait_for(url, timeout=30):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with urlopen(url, timeout=2):  # noqa: S310 - our own server on 127.0.0.1
                return
        except OSError:
            time.sleep(0.3)
    raise SystemExit(f"the server did not answer on {url}")


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def measure(url):
    from playwright.sync_api import sync_playwright

    chromium = shutil.which("chromium") or "/usr/bin/chromium"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, args=["--no-sandbox"])
        context = browser.new_context(viewport={"width": 390, "height": 800})
        page = context.new_page()
        cdp = context.new_cdp_session(page)
        cdp.send("Network.enable")
        cdp.send("Network.setCacheDisabled", {"cacheDisabled": True})
        urls, encodings, header_bytes, total_bytes = {}, {}, {}, {}

        def on_response(event):
            response = event["response"]
            urls[event["requestId"]] = response["url"]
            headers = {k.lower(): v for k, v in response["headers"].items()}
            encodings[event["requestId"]] = headers.get("content-encoding", "-")
            # Bytes received when the headers were complete: the status line and headers.
            header_bytes[event["requestId"]] = response.get("encodedDataLength", 0)

        def on_finished(event):
            total_bytes[event["requestId"]] = event["encodedDataLength"]

        cdp.on("Network.responseReceived", on_response)
        cdp.on("Network.loadingFinished", on_finished)
        page.goto(url, wait_until="networkidle")
        page.evaluate("() => document.fonts.ready.then(() => true)")
        page.wait_for_timeout(500)
        browser.close()
    rows = []
    for rid, url in urls.items():
        total = total_bytes.get(rid, 0)
        rows.append((total - header_bytes.get(rid, 0), total, encodings.get(rid, "-"), url))
    return rows


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--path", default="/odense/", help="the page to visit (default /odense/)")
    parser.add_argument("--port", type=int, default=0, help="port for gunicorn (default: free)")
    options = parser.parse_args()
    port = options.port or free_port()

    with tempfile.TemporaryDirectory(prefix="udsatteraad-weight-") as var_dir:
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "udsatteraad.settings.production",
            "UDSATTERAAD_VAR_DIR": var_dir,
            "SECRET_KEY": "bench-only-secret-key",
            "ALLOWED_HOSTS": "127.0.0.1,localhost",
            "SECURE_SSL_REDIRECT": "false",
            "SECURE_HSTS_SECONDS": "0",
        }
        env.pop("DATABASE_URL", None)
        print(f"Building a throwaway site in {var_dir} ...", flush=True)
        run_manage(env, "migrate", "--noinput")
        run_manage(env, "load_demo", "--password", "bench-only")
        run_manage(env, "collectstatic", "--noinput")
        server = subprocess.Popen(  # noqa: S603 - fixed arguments
            [
                PYTHON,
                "-m",
                "gunicorn",
                "udsatteraad.wsgi:application",
                "--bind",
                f"127.0.0.1:{port}",
                "--workers",
                "2",
            ],
            cwd=ROOT,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            wait_for(f"http://127.0.0.1:{port}/robots.txt")
            rows = measure(f"http://127.0.0.1:{port}{options.path}")
        finally:
            server.terminate()
            server.wait(timeout=10)

    bodies = sum(row[0] for row in rows)
    totals = sum(row[1] for row in rows)
    print(f"\nFirst visit to {options.path} at 390 px, empty cache, production stack:\n")
    print(f"{'body':>8} {'+headers':>9}  {'encoding':<8} url")
    for body, total, encoding, url in sorted(rows, reverse=True):
        print(f"{body:>8} {total:>9}  {encoding:<8} {url}")
    print(f"{bodies:>8} {totals:>9}  in total ({len(rows)} requests; budget {BUDGET} bytes)")
    return 0 if totals < BUDGET else 1


if __name__ == "__main__":
    sys.exit(main())

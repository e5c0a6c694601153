"""Playwright fixtures: a real, headless Chromium driving pytest-django's live server.

Use them like this::

    pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

    def test_something(page):
        page.goto("/")  # relative to the live server

The browser is Debian's Chromium (``/usr/bin/chromium``); Playwright never downloads one. If it is
missing, the browser tests are skipped with a loud reason, except under ``make test``, which
installs Chromium and sets ``UDSATTERAAD_BROWSER_REQUIRED`` so that a missing browser fails.
A failing test leaves a screenshot in ``test-artifacts/``.
"""

import contextlib
import os
import re
import shutil
import threading
import time
from pathlib import Path

import pytest
from django.core.signals import request_finished, request_started
from django.db import connections
from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import sync_playwright

CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
DEFAULT_TIMEOUT_MS = 10_000
ARTIFACTS_DIR = Path(__file__).resolve().parents[2] / "test-artifacts"

_phase_reports = pytest.StashKey[dict]()


def find_chromium():
    """Path of the Chromium binary: $CHROMIUM_PATH, `chromium` on $PATH, or Debian's location."""
    candidates = [
        os.environ.get("CHROMIUM_PATH"),
        shutil.which("chromium"),
        "/usr/bin/chromium",
    ]
    for candidate in candidates:
        if candidate and os.access(candidate, os.X_OK):
            return candidate
    return None


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_makereport(item, call):
    """Keep each phase's report on the test item so `page` can tell whether its test failed."""
    report = yield
    item.stash.setdefault(_phase_reports, {})[report.when] = report
    return report


@pytest.fixture(scope="session")
def chromium_path():
    path = find_chromium()
    if path is None:
        reason = (
            "CHROMIUM MISSING: the browser tests did not run. "
            "Install it with `apt-get install chromium` (or run `make test`, which does), "
            "or point CHROMIUM_PATH at a Chromium binary."
        )
        if os.environ.get("UDSATTERAAD_BROWSER_REQUIRED"):
            pytest.fail(reason, pytrace=False)
        pytest.skip(reason)
    return path


class ServerActivity:
    """Counts the requests Django is handling, in any thread, so a test can wait for quiet.

    A tab sends requests the test never waits for: the admin's editing session releases itself
    with ``navigator.sendBeacon`` when the tab leaves an edit form. Handled while the test's
    database is being emptied, such a request fails in the live server's thread, or holds a lock
    the emptying waits for (a deadlock on PostgreSQL).
    """

    def __init__(self):
        self._changed = threading.Condition()
        self._open = 0
        self._last_change = time.monotonic()

    def started(self, **kwargs):
        with self._changed:
            self._open += 1
            self._last_change = time.monotonic()

    def finished(self, **kwargs):
        with self._changed:
            self._open = max(self._open - 1, 0)
            self._last_change = time.monotonic()
            self._changed.notify_all()

    def wait_until_quiet(self, quiet=0.3, timeout=10.0):
        """Return once no request has been open for `quiet` seconds (or after `timeout`)."""
        deadline = time.monotonic() + timeout
        with self._changed:
            while (now := time.monotonic()) < deadline:
                if self._open == 0 and now - self._last_change >= quiet:
                    return
                wait = quiet - (now - self._last_change) if self._open == 0 else quiet
                self._changed.wait(timeout=max(min(wait, deadline - now), 0.01))


@pytest.fixture(scope="session")
def server_activity():
    activity = ServerActivity()
    request_started.connect(activity.started, dispatch_uid="browser-tests-started")
    request_finished.connect(activity.finished, dispatch_uid="browser-tests-finished")
    yield activity
    request_started.disconnect(dispatch_uid="browser-tests-started")
    request_finished.disconnect(dispatch_uid="browser-tests-finished")


@pytest.fixture(autouse=True)
def _quiet_server_after_test(request, server_activity):
    """After each browser test: close every tab it left open, then let the server finish.

    Autouse fixtures are set up before the test's own, so this teardown runs after theirs and
    before pytest-django empties the database.
    """
    browser = request.getfixturevalue("browser") if "browser" in request.fixturenames else None
    yield
    if browser is not None:
        for context in browser.contexts:
            with contextlib.suppress(PlaywrightError):
                context.close()
    server_activity.wait_until_quiet()


@pytest.fixture(scope="session")
def browser(chromium_path):
    """One headless Chromium for the whole test session."""

    # Playwright's sync API runs an asyncio loop in this thread, and Django refuses ORM calls
    # while a loop is running. The browser tests run last (tests/conftest.py), so lifting the
    # guard from here to the end of the session affects no other test.
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    # Starting Playwright leaves this greenlet running in the context of Playwright's dispatcher
    # task, where Django's context-local connections are new objects: put the test database
    # connections back, so the ORM keeps the test database state (serialized_rollback's snapshot
    # included) that pytest-django set up on them.
    django_connections = {alias: connections[alias] for alias in connections}
    try:
        with sync_playwright() as playwright:
            for alias, connection in django_connections.items():
                connections[alias] = connection
            browser = playwright.chromium.launch(
                executable_path=chromium_path, args=CHROMIUM_ARGS, headless=True
            )
            yield browser
            browser.close()
    finally:
        if previous is None:
            os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


@pytest.fixture
def browser_context(browser, live_server):
    """A fresh browser profile (no cookies) per test, with URLs relative to the live server."""
    context = browser.new_context(
        base_url=live_server.url, locale="da-DK", timezone_id="Europe/Copenhagen"
    )
    context.set_default_timeout(DEFAULT_TIMEOUT_MS)
    yield context
    context.close()


@pytest.fixture
def csp_violations():
    """What the browser reported as Content-Security-Policy violations in this test's tab."""
    return []


def _is_csp_violation(message) -> bool:
    return message.type == "error" and "Content Security Policy" in message.text


@pytest.fixture
def page(browser_context, request, csp_violations):
    """A browser tab on the live server; saves a screenshot to test-artifacts/ if the test fails.

    The site's Content-Security-Policy is enforced as in production. Chromium reports every
    violation on the console; a test whose tab saw one fails (a test that provokes one on
    purpose empties ``csp_violations``).
    """
    page = browser_context.new_page()
    page.on(
        "console",
        lambda message: (
            csp_violations.append(f"{page.url}: {message.text}")
            if _is_csp_violation(message)
            else None
        ),
    )
    yield page
    reports = request.node.stash.get(_phase_reports, {})
    if csp_violations and not ("call" in reports and reports["call"].failed):
        pytest.fail("Content-Security-Policy violations:\n" + "\n".join(csp_violations))
    if "call" in reports and reports["call"].failed:
        ARTIFACTS_DIR.mkdir(exist_ok=True)
        name = re.sub(r"[^A-Za-z0-9_.-]+", "_", request.node.nodeid)
        # A crashed or closed tab has nothing to show; the test's own failure is what matters.
        with contextlib.suppress(PlaywrightError):
            page.screenshot(path=ARTIFACTS_DIR / f"{name}.png", full_page=True)
    # Leave the page first: an edit form then releases its editing session while the server
    # still has the test's database (see `_quiet_server_after_test`).
    with contextlib.suppress(PlaywrightError):
        page.goto("about:blank")
    page.close()

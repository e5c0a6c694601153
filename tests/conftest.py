"""Fixtures and hooks shared by the whole test suite."""

from pathlib import Path

import pytest

BROWSER_TESTS = Path(__file__).resolve().parent / "browser"


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(items):
    """Mark everything under tests/browser/ as `browser` and run it last.

    Playwright's sync API keeps an asyncio loop alive once it has started; running the browser
    tests after all others means no other test ever runs beside that loop (see
    tests/browser/conftest.py). The sort is stable, so pytest-django's own ordering holds otherwise.
    """
    for item in items:
        if BROWSER_TESTS in item.path.parents:
            item.add_marker(pytest.mark.browser)
    items.sort(key=lambda item: item.get_closest_marker("browser") is not None)

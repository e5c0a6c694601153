"""Fixtures and hooks shared by the whole test suite."""

from pathlib import Path

import pytest

BROWSER_TESTS = Path(__file__).resolve().parent / "browser"


def _django_db_options(
    transaction=False,
    reset_sequences=False,
    databases=None,
    serialized_rollback=False,
    available_apps=None,
):
    """The arguments of a ``django_db`` marker, with pytest-django's defaults."""
    return {
        "transaction": transaction,
        "reset_sequences": reset_sequences,
        "databases": databases,
        "serialized_rollback": serialized_rollback,
        "available_apps": available_apps,
    }


def _restore_migrated_data(item):
    """Give a transactional test the data the migrations created, whatever ran before it.

    A transactional test empties the database when it ends. Without serialized rollback the
    next one would start without the home page, the default site or the target groups, or,
    after Django re-creates content types, fail to restore them: the outcome would depend on
    test order. With it on every transactional test, each one starts from the migrated state.
    """
    marker = item.get_closest_marker("django_db")
    if marker is None:
        if not {"transactional_db", "live_server"} & set(getattr(item, "fixturenames", ())):
            return
        options = _django_db_options(transaction=True)
    else:
        options = _django_db_options(*marker.args, **marker.kwargs)
    if options["transaction"] and not options["serialized_rollback"]:
        options["serialized_rollback"] = True
        item.add_marker(pytest.mark.django_db(**options), append=False)


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(items):
    """Restore migrated data for transactional tests; mark tests/browser/ and run it last.

    Playwright's sync API keeps an asyncio loop alive once it has started; running the browser
    tests after all others means no other test ever runs beside that loop (see
    tests/browser/conftest.py). The sort is stable, so pytest-django's own ordering holds otherwise.
    """
    for item in items:
        _restore_migrated_data(item)
        if BROWSER_TESTS in item.path.parents:
            item.add_marker(pytest.mark.browser)
    items.sort(key=lambda item: item.get_closest_marker("browser") is not None)

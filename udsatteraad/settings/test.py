"""Test settings: fast hashing, in-memory e-mail, SQLite unless DATABASE_URL says otherwise."""

import atexit
import shutil
import tempfile

from .base import *  # noqa: F403


def _throwaway_dir(prefix: str) -> str:
    """A temporary folder for this test process, removed when the process ends."""
    path = tempfile.mkdtemp(prefix=prefix)
    atexit.register(shutil.rmtree, path, ignore_errors=True)
    return path


SECRET_KEY = "test-only-secret-key"  # noqa: S105
DEBUG = False
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"

if not os.environ.get("DATABASE_URL"):  # noqa: F405
    # A file, not Django's default in-memory test database: the browser tests' live server
    # then gives each request thread its own connection (and its own transaction), as in
    # production, instead of sharing one connection between concurrent requests.
    _test_db_dir = _throwaway_dir("udsatteraad-test-db-")
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": f"{_test_db_dir}/db.sqlite3",
            "TEST": {"NAME": f"{_test_db_dir}/test.sqlite3"},
            "OPTIONS": DATABASES["default"].get("OPTIONS", {}),  # noqa: F405
        }
    }

STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
}
# Every test run writes uploads to its own throwaway folder.
MEDIA_ROOT = _throwaway_dir("udsatteraad-test-media-")
STATIC_ROOT = _throwaway_dir("udsatteraad-test-static-")

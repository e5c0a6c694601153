"""Test settings: fast hashing, in-memory e-mail, SQLite unless DATABASE_URL says otherwise."""

import tempfile

from .base import *  # noqa: F403

SECRET_KEY = "test-only-secret-key"  # noqa: S105
DEBUG = False
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"

if not os.environ.get("DATABASE_URL"):  # noqa: F405
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": ":memory:",
            "ATOMIC_REQUESTS": True,
        }
    }

STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
}
# Every test run writes uploads to its own throwaway folder.
MEDIA_ROOT = tempfile.mkdtemp(prefix="udsatteraad-test-media-")
STATIC_ROOT = tempfile.mkdtemp(prefix="udsatteraad-test-static-")

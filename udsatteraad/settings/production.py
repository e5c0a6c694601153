"""Production: every secret and host from the environment, HTTPS assumed behind a proxy."""

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403

if not SECRET_KEY:  # noqa: F405
    raise ImproperlyConfigured("SECRET_KEY must be set in the environment.")
if not ALLOWED_HOSTS:  # noqa: F405
    raise ImproperlyConfigured("ALLOWED_HOSTS must be set in the environment (comma separated).")

# One web server (nginx, Apache) in front adds the client's address to X-Forwarded-For.
TRUSTED_PROXY_COUNT = int(os.environ.get("TRUSTED_PROXY_COUNT", "1"))  # noqa: F405
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = os.environ.get("SECURE_SSL_REDIRECT", "true").lower() == "true"  # noqa: F405
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", "31536000"))  # noqa: F405
# The site usually runs on a subdomain of a municipality's domain, whose other subdomains this
# site cannot vouch for: HSTS for subdomains and preloading are opt-in.
SECURE_HSTS_INCLUDE_SUBDOMAINS = os.environ.get("SECURE_HSTS_INCLUDE_SUBDOMAINS", "") == "true"  # noqa: F405
SECURE_HSTS_PRELOAD = os.environ.get("SECURE_HSTS_PRELOAD", "") == "true"  # noqa: F405
if not SECURE_HSTS_INCLUDE_SUBDOMAINS:
    SILENCED_SYSTEM_CHECKS = [*SILENCED_SYSTEM_CHECKS, "security.W005"]  # noqa: F405
if not SECURE_HSTS_PRELOAD:
    SILENCED_SYSTEM_CHECKS = [*SILENCED_SYSTEM_CHECKS, "security.W021"]  # noqa: F405
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"

# Site administrators log in with a code from an authenticator app as well as their password
# (udsatteraad/two_factor). Off only by an explicit TWO_FACTOR_REQUIRED=false.
TWO_FACTOR_REQUIRED_FOR_SUPERUSERS = (
    os.environ.get("TWO_FACTOR_REQUIRED", "true").lower() != "false"  # noqa: F405
)

EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")  # noqa: F405
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")  # noqa: F405
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))  # noqa: F405

# Background tasks go to a queue in the database and run in the worker process
# (`manage.py db_worker`, see the README), so a publish never waits for indexing or text
# extraction. TASKS_IMMEDIATE=true runs them in the request instead (a small site without a
# worker).
if os.environ.get("TASKS_IMMEDIATE", "").lower() != "true":  # noqa: F405
    TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

# Anonymous readers get cached pages for up to five minutes (emptied on every change).
PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", "300"))  # noqa: F405

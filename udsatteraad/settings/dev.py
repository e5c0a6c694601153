"""Local development: debug on, console e-mail, a throwaway secret key."""

from .base import *  # noqa: F403

DEBUG = True
SECRET_KEY = os.environ.get("SECRET_KEY") or "django-insecure-dev-only-not-for-production"  # noqa: F405, S105
ALLOWED_HOSTS = ALLOWED_HOSTS or ["127.0.0.1", "localhost", "0.0.0.0"]  # noqa: F405, S104
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
}

# A missing page shows the site's Danish 404 page, as in production (see the middleware).
if not os.environ.get("UDSATTERAAD_DEBUG_404"):  # noqa: F405
    MIDDLEWARE = [*MIDDLEWARE, "udsatteraad.dev_middleware.DanishNotFoundMiddleware"]  # noqa: F405

"""Settings shared by every environment. Secrets and hosts come from the environment."""

import datetime
import os
from pathlib import Path

import dj_database_url
from csp.constants import NONCE, NONE, SELF, UNSAFE_INLINE
from django.utils.translation import gettext_lazy as _

PROJECT_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PROJECT_DIR.parent
VAR_DIR = Path(os.environ.get("UDSATTERAAD_VAR_DIR", BASE_DIR / "var"))

DEBUG = False

SECRET_KEY = os.environ.get("SECRET_KEY", "")
ALLOWED_HOSTS = [h.strip() for h in os.environ.get("ALLOWED_HOSTS", "").split(",") if h.strip()]
CSRF_TRUSTED_ORIGINS = [
    o.strip() for o in os.environ.get("CSRF_TRUSTED_ORIGINS", "").split(",") if o.strip()
]

INSTALLED_APPS = [
    "council_pages",
    "documents",
    "visibility",
    "search",
    "privacy_guard",
    # Deleted pages wait in the Papirkurv for RECYCLE_BIN_DAYS (recycle_bin/__init__.py).
    "recycle_bin",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.api.v2",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    # The task queue's tables (used by the production settings' worker; see TASKS below).
    "django_tasks_db",
    "csp",
    "axes",
    # Empties the page cache whenever content changes (udsatteraad/pagecache).
    "udsatteraad.pagecache",
    # Two-factor login (TOTP) for editors; see TWO_FACTOR_REQUIRED_FOR_SUPERUSERS below.
    "django_otp",
    "django_otp.plugins.otp_totp",
    "udsatteraad.two_factor",
    # Not used in our code: its Danish catalogue translates the admin's relative times
    # ("et minut siden"), which Wagtail renders with its naturaltime filter.
    "django.contrib.humanize",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Content-Security-Policy and Permissions-Policy (udsatteraad/security.py).
    "udsatteraad.security.SecurityHeadersMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # request.user.is_verified(): did this session pass the login's code step?
    "django_otp.middleware.OTPMiddleware",
    # The admin only for sessions that passed it; administrators set up an app first where
    # that is required (udsatteraad/two_factor).
    "udsatteraad.two_factor.middleware.TwoFactorMiddleware",
    # Whole pages for anonymous readers without cookies; off unless PAGE_CACHE_SECONDS > 0.
    "udsatteraad.pagecache.PageCacheMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last, so that it wraps the view alone.
    "udsatteraad.middleware.AtomicWritesMiddleware",
    # After the authentication middleware: turns a locked-out login into the lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "udsatteraad.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PROJECT_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

WSGI_APPLICATION = "udsatteraad.wsgi.application"

# SQLite under var/ is the embedded default; DATABASE_URL selects PostgreSQL in production.
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{VAR_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("CONN_MAX_AGE", "60")),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["OPTIONS"] = {
        # Writers queue for the lock when a transaction starts instead of failing with
        # "database is locked" when two of them upgrade a read lock at the same moment.
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        # Readers never wait for a writer.
        "init_command": "PRAGMA journal_mode=WAL;",
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Login protection (django-axes): after AXES_FAILURE_LIMIT wrong passwords for one user name
# from one address, that pair is locked out for AXES_COOLOFF_TIME (udsatteraad/login_protection.py).
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = datetime.timedelta(minutes=int(os.environ.get("AXES_COOLOFF_MINUTES", "15")))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_HTTP_RESPONSE_CODE = 429
AXES_LOCKOUT_CALLABLE = "udsatteraad.login_protection.lockout_response"
AXES_CLIENT_IP_CALLABLE = "udsatteraad.login_protection.client_ip"
AXES_VERBOSE = False
# Failed attempts are kept (that is the lockout); a log of every successful login is not.
AXES_DISABLE_ACCESS_LOG = True
# Pages deleted in the admin are kept this many days before `empty_recycle_bin` deletes them.
RECYCLE_BIN_DAYS = int(os.environ.get("RECYCLE_BIN_DAYS", "30"))

# Two-factor login (udsatteraad/two_factor): any editor may set up an authenticator app in the
# admin (Konto > Totrinslogin); where this is true (the production settings), a site
# administrator must, before reaching any other admin page.
TWO_FACTOR_REQUIRED_FOR_SUPERUSERS = False
OTP_TOTP_ISSUER = "Udsatteråd"
# How many proxies of the site's own stand in front of Django (see client_ip); 0: none.
TRUSTED_PROXY_COUNT = int(os.environ.get("TRUSTED_PROXY_COUNT", "0"))

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Background tasks (search indexing, document text, Wagtail's reference index) run at once, in
# the request, unless a settings module picks a queue: production uses the database queue and
# its worker (`manage.py db_worker`).
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
# /health/ answers 503 when a queued task has waited longer than this for the worker.
HEALTH_MAX_TASK_WAIT_SECONDS = int(os.environ.get("HEALTH_MAX_TASK_WAIT_SECONDS", "120"))

# The page cache for anonymous readers (udsatteraad/pagecache): files shared by every process,
# emptied on every content change. Off (0 seconds) unless a settings module or the environment
# turns it on; production does.
PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", "0"))
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    "page_cache": {
        "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
        "LOCATION": VAR_DIR / "cache" / "pages",
        "OPTIONS": {"MAX_ENTRIES": 5000},
    },
}

# The site speaks Danish, to citizens and editors alike.
LANGUAGE_CODE = "da"
LANGUAGES = [("da", "Dansk")]
WAGTAILADMIN_PERMITTED_LANGUAGES = [("da", "Dansk")]
TIME_ZONE = "Europe/Copenhagen"
USE_I18N = True
USE_TZ = True
LOCALE_PATHS = [PROJECT_DIR / "locale"]

STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
STATICFILES_DIRS = [PROJECT_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = VAR_DIR / "media"

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# Wagtail
WAGTAIL_SITE_NAME = "Udsatteråd"
# Readers of non-public minutes log in here; the form sets no cookie before they do.
WAGTAIL_FRONTEND_LOGIN_URL = "/log-ind/"
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAILDOCS_DOCUMENT_MODEL = "documents.CouncilDocument"
# Editors' avatars would otherwise come from Gravatar: a request to a third party that tells it
# which e-mail addresses use this site's admin. Wagtail shows its own default avatar instead.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
# Nor does the dashboard ask wagtail.org for new releases from the editor's browser (the admin's
# Content-Security-Policy would refuse it anyway); operators follow releases themselves.
WAGTAIL_ENABLE_UPDATE_CHECK = False
# Every upload path builds its form on this one, which checks files by content (documents.forms).
WAGTAILDOCS_DOCUMENT_FORM_BASE = "documents.forms.CouncilDocumentForm"
WAGTAILDOCS_MAX_UPLOAD_SIZE = int(os.environ.get("WAGTAILDOCS_MAX_UPLOAD_SIZE", 20 * 1024 * 1024))
# Documents are only ever served through the view that checks who may see them; never serve
# MEDIA_ROOT directly (documents.checks refuses any other serve method).
WAGTAILDOCS_SERVE_METHOD = "serve_view"
# Slugs reach the server with æ, ø and å intact; council_pages transliterates them to ae, oe, aa.
WAGTAIL_ALLOW_UNICODE_SLUGS = True
WAGTAIL_I18N_ENABLED = False
WAGTAILSEARCH_BACKENDS = {
    "default": {"BACKEND": "wagtail.search.backends.database"},
}
# The site's own search (/soeg/, /api/search/; the `search` app): the database backend (SQLite
# FTS5 or PostgreSQL full-text search), or Elasticsearch when ELASTICSEARCH_URL is set.
ELASTICSEARCH_URL = os.environ.get("ELASTICSEARCH_URL", "")
if ELASTICSEARCH_URL:
    SITE_SEARCH = {
        "BACKEND": "search.backends.elasticsearch.ElasticsearchBackend",
        "URL": ELASTICSEARCH_URL,
        "INDEX": os.environ.get("ELASTICSEARCH_INDEX", "udsatteraad"),
    }
else:
    SITE_SEARCH = {"BACKEND": "search.backends.database.DatabaseBackend"}
# Open data (/api/v2/): data users may fetch up to 100 items a request.
WAGTAILAPI_LIMIT_MAX = 100
WAGTAIL_DATE_FORMAT = "%d.%m.%Y"
WAGTAIL_DATETIME_FORMAT = "%d.%m.%Y %H:%M"
WAGTAIL_TIME_FORMAT = "%H:%M"
# Approval publishes on the workflow's authority (chairs hold no publish permission), and
# workflow e-mails go to the council's own people only, never to every site administrator.
WAGTAIL_FINISH_WORKFLOW_ACTION = "council_pages.workflow_finish.publish_approved_revision"
WAGTAILADMIN_NOTIFICATION_INCLUDE_SUPERUSERS = False
WAGTAILADMIN_USER_LOGIN_FORM = "council_pages.views.LoginForm"

# Anonymous visitors get no cookies: sessions only start at login, CSRF lives in the session.
CSRF_USE_SESSIONS = True
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
LANGUAGE_COOKIE_NAME = "django_language"

# Security headers (udsatteraad/security.py). Public pages load nothing from other hosts and run
# no inline script or style; a script that must be inline carries the request's nonce.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, NONCE],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}
# Wagtail's admin writes inline scripts and style attributes of its own and shows previews in a
# frame: it gets a looser policy, still limited to this site.
ADMIN_URL_PREFIX = "/admin/"
ADMIN_CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        **CONTENT_SECURITY_POLICY["DIRECTIVES"],
        "script-src": [SELF, UNSAFE_INLINE],
        "style-src": [SELF, UNSAFE_INLINE],
        "img-src": [SELF, "data:", "blob:"],
        "frame-src": [SELF],
        "frame-ancestors": [SELF],
    }
}
# No page uses the camera, microphone, location, payment or other powerful browser features.
PERMISSIONS_POLICY = ", ".join(
    f"{feature}=()"
    for feature in (
        "accelerometer",
        "camera",
        "geolocation",
        "gyroscope",
        "magnetometer",
        "microphone",
        "payment",
        "usb",
    )
)

EMAIL_SUBJECT_PREFIX = "[Udsatteråd] "
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "udsatteraad@localhost")

SITE_DESCRIPTION = _("Udsatterådenes fælles hjemmeside")

SILENCED_SYSTEM_CHECKS: list[str] = []

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {
        # Task runs and page events are recorded in the database (audit log, task results);
        # repeating each one on the console drowns out what matters.
        "django_tasks": {"level": os.environ.get("TASKS_LOG_LEVEL", "WARNING")},
        "wagtail": {"level": os.environ.get("WAGTAIL_LOG_LEVEL", "WARNING")},
    },
}

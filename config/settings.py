"""Settings for the council privacy notice site.

Everything comes from environment variables. The defaults are the safe, production posture (no
DEBUG, HTTPS-only cookies, HSTS); local use turns off only what plain HTTP on 127.0.0.1 needs by
setting DJANGO_HTTPS=false. The README lists every variable.
"""

import os
import re
from datetime import timedelta
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name: str, default: bool) -> bool:
    """Read a yes/no environment variable; anything unrecognised is an error, not a guess."""
    raw = os.environ.get(name)
    if raw is None or raw.strip() == "":
        return default
    value = raw.strip().lower()
    if value in {"1", "true", "yes", "on"}:
        return True
    if value in {"0", "false", "no", "off"}:
        return False
    raise ImproperlyConfigured(f"{name} must be true or false, not {raw!r}.")


def env_list(name: str, default: str) -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def env_int(name: str, default: int) -> int:
    raw = os.environ.get(name, "").strip()
    if not raw:
        return default
    try:
        return int(raw)
    except ValueError:
        raise ImproperlyConfigured(f"{name} must be a whole number, not {raw!r}.") from None


DEBUG = env_bool("DJANGO_DEBUG", False)

SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "").strip()
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "DJANGO_SECRET_KEY is not set. The site refuses to start without one outside "
            "DJANGO_DEBUG=true. Set it to a long random value, for example the output of: "
            "python -c 'import secrets; print(secrets.token_urlsafe(50))'"
        )
    # Only ever used with DEBUG on, which must never face the internet.
    SECRET_KEY = "django-insecure-debug-only-key-never-used-in-production"  # noqa: S105

ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", "localhost,127.0.0.1")
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS", "")

INSTALLED_APPS = [
    # Django's admin, with the site's own AdminSite (config/admin.py).
    "config.apps.NoticeAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "markdownx",
    # Content-Security-Policy (settings below); the app only adds django-csp's settings checks.
    "csp",
    # Records failed sign-ins and locks staff out after too many (see "Sign-in protection").
    "axes",
    # Background work (settings.TASKS below): the tasks API and its database backend's queue.
    "django_tasks",
    "django_tasks_db",
    "councils",
    "notices",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Before WhiteNoise, so static files carry these headers too, and before anything that could
    # read a request's body (config/middleware.py).
    "config.middleware.PermissionsPolicyMiddleware",
    "csp.middleware.CSPMiddleware",
    "config.middleware.RequestSizeLimitMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Public pages from the cache, before sessions, CSRF and authentication: they are the same
    # for everybody (notices.public.page_cache).
    "notices.public.page_cache.PublicPageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Last, as axes asks: it turns a locked-out sign-in into the lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "config.context_processors.site_navigation",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
        conn_max_age=env_int("DJANGO_DB_CONN_MAX_AGE", 60),
        conn_health_checks=True,
    )
}

# PostgreSQL: the owner role, for `migrate` only; DATABASE_URL is then the application's role,
# which migrate grants what it needs and no more (docs/security.md). Unset: one role does both.
MIGRATIONS_DATABASE_URL = os.environ.get("MIGRATIONS_DATABASE_URL", "").strip()

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Background tasks (a shared block update's PDFs, notices.printing.pdf) wait in the database and
# are run by `manage.py db_worker`, a process beside the web server.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

# The cache holds rendered public pages (notices.public.page_cache). Each gunicorn worker has its
# own memory cache unless REDIS_URL names a Redis server they all share. Either way no page goes
# stale: a page's key carries its council's revision, read from the database on every request.
#   REDIS_URL                  e.g. redis://127.0.0.1:6379/0 (default: each process's memory)
#   DJANGO_PAGE_CACHE_SECONDS  how long a rendered page is kept (default 86400, a day)
#   DJANGO_PAGE_CACHE_ENTRIES  pages each process keeps in memory without Redis (default 1000)
#   DJANGO_PAGE_CACHE_MB       and at most this many megabytes of them (default 50)
PAGE_CACHE_SECONDS = env_int("DJANGO_PAGE_CACHE_SECONDS", 86_400)
# Each process remembers the stamps it has read and learns of changes (PostgreSQL: LISTEN/NOTIFY;
# SQLite: its commit counter, PRAGMA data_version), so a cached page costs no database query.
# Off: read the stamp every request.
PUBLIC_CACHE_LISTEN = env_bool("DJANGO_PAGE_CACHE_LISTEN", True)
PAGE_CACHE_MB = env_int("DJANGO_PAGE_CACHE_MB", 50)
if PAGE_CACHE_MB < 1:
    raise ImproperlyConfigured(f"DJANGO_PAGE_CACHE_MB must be at least 1, not {PAGE_CACHE_MB}.")
REDIS_URL = os.environ.get("REDIS_URL", "").strip()
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "TIMEOUT": PAGE_CACHE_SECONDS,
            "KEY_PREFIX": os.environ.get("DJANGO_CACHE_KEY_PREFIX", "notices"),
            # A Redis that does not answer must not hold a request for long: pages are then
            # rendered without the cache (notices.public.page_cache).
            "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 1},
        }
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "config.memory_cache.BoundedMemoryCache",
            "TIMEOUT": PAGE_CACHE_SECONDS,
            "OPTIONS": {
                "MAX_ENTRIES": env_int("DJANGO_PAGE_CACHE_ENTRIES", 1000),
                "MAX_BYTES": PAGE_CACHE_MB * 1024 * 1024,
            },
        }
    }

# Signs site exports (HMAC-SHA256) so that import_site refuses an edited one: at least 32 random
# characters, the same on the exporting and the importing site, kept apart from the exports
# (docs/security.md). Unset: exports are unsigned and importing them needs --trust-unsigned.
SITE_ARCHIVE_KEY = os.environ.get("SITE_ARCHIVE_KEY", "")

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Sign-in protection. Environment variables:
#   DJANGO_LOGIN_FAILURE_LIMIT    failed sign-ins before a lockout (default 5)
#   DJANGO_LOGIN_COOLOFF_MINUTES  how long a lockout lasts, in minutes (default 60)
#   DJANGO_SESSION_HOURS          how long staff stay signed in, in hours (default 8)
#   DJANGO_PASSWORD_LINK_HOURS    how long a set-password link from `add_staff` works, in hours
#                                 (default 24)
#   DJANGO_SITE_URL               the site's address, the base of those links
#                                 (default http://127.0.0.1:8000)
#   DJANGO_BEHIND_PROXY           (below) also makes the lockout read the client's address from
#                                 X-Forwarded-For
#   DJANGO_PROXY_COUNT            behind a proxy, how many proxies stand in front of the site,
#                                 each adding to X-Forwarded-For (default 1)
#
# axes' backend comes first so that a locked-out person is refused before their password is
# even checked; it authenticates nobody itself.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    # Signs in by email address (or an older account's username); see councils/sign_in.py.
    "councils.sign_in.EmailOrUsernameBackend",
]
AXES_FAILURE_LIMIT = env_int("DJANGO_LOGIN_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = timedelta(minutes=env_int("DJANGO_LOGIN_COOLOFF_MINUTES", 60))
# Failures are counted per username *and* address together. Per address alone, one attacker (or
# one council office behind a shared address) would lock out everybody there; per username
# alone, anyone could lock any named person out from anywhere. The cost of the combination: an
# attacker with many addresses gets the limit once per address against one account, still far
# too few guesses against a 12-character password.
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
# Counted against the address in one case, as the sign-in matches it (councils/sign_in.py).
AXES_USERNAME_CALLABLE = "councils.sign_in.lockout_username"
# A successful sign-in wipes the earlier failures, so an occasional typo never adds up.
AXES_RESET_ON_SUCCESS = True
# Each attempt during a lockout starts the wait again, so a script that keeps trying stays out.
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = True
# The page says how long the lockout lasts and what to do, in the admin's look, with status 429.
AXES_LOCKOUT_CALLABLE = "councils.login_protection.lockout_response"
AXES_HTTP_RESPONSE_CODE = 429
# No "AXES: BEGIN" banner at the top of every manage.py command's output; failed sign-ins and
# lockouts are still logged.
AXES_VERBOSE = False

# Sessions: a staff session ends on its own after a working day, so a council PC left signed in
# does not stay open for good. Changing a password signs out every other session (Django checks
# each session against the password hash).
SESSION_COOKIE_AGE = env_int("DJANGO_SESSION_HOURS", 8) * 60 * 60

# Where signing in leads when the page asked for (`next`) is missing or refused as off-site.
LOGIN_REDIRECT_URL = "admin:index"

# Set-password links (`add_staff`): they work once, since setting the password changes the hash
# that they are signed with, only while the account keeps its roles (councils.tokens), and for
# this long: a day, so a link forwarded or left in a mailbox soon stops working.
PASSWORD_LINK_HOURS = env_int("DJANGO_PASSWORD_LINK_HOURS", 24)
if not 1 <= PASSWORD_LINK_HOURS <= 72:
    raise ImproperlyConfigured(
        f"DJANGO_PASSWORD_LINK_HOURS must be from 1 to 72, not {PASSWORD_LINK_HOURS}."
    )
PASSWORD_RESET_TIMEOUT = PASSWORD_LINK_HOURS * 60 * 60
SITE_URL = (os.environ.get("DJANGO_SITE_URL", "").strip() or "http://127.0.0.1:8000").rstrip("/")
# Each published version's PDF is made right after its publication commits (notices.printing).
# The test suite turns this off, except where it tests the PDFs: WeasyPrint takes seconds a version.
PDF_ON_PUBLISH = True

# Who runs the site, named in the accessibility statement, and where people report problems:
#   DJANGO_SITE_OPERATOR   (default "the Council privacy notices team")
#   DJANGO_CONTACT_EMAIL   (default accessibility@privacy-notices.example)
SITE_OPERATOR = os.environ.get("DJANGO_SITE_OPERATOR", "").strip() or (
    "the Council privacy notices team"
)
SITE_CONTACT_EMAIL = (
    os.environ.get("DJANGO_CONTACT_EMAIL", "").strip() or "accessibility@privacy-notices.example"
)

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "Europe/London"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
# Files browsers ask for at the site's root, whatever the page links to: /favicon.ico.
WHITENOISE_ROOT = BASE_DIR / "static" / "root"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# Staff text is untrusted: django-markdownx's preview goes through the same sanitising renderer
# as the public pages. Its image upload is switched off (see config/urls.py).
MARKDOWNX_MARKDOWNIFY_FUNCTION = "notices.text.markdown.render_markdown"
MARKDOWNX_EDITOR_RESIZABLE = True

# A notice body is prose; anything near this size is a mistake or an attack.
DATA_UPLOAD_MAX_MEMORY_SIZE = env_int("DJANGO_DATA_UPLOAD_MAX_MEMORY_SIZE", 2_621_440)
# Every request, uploads included: over this, config.middleware refuses it with 413 before its
# body is read. The largest request the site needs is a notice import (a file of up to 5 MB,
# notices.importing.reading.MAX_IMPORT_BYTES, and a few fields); this leaves room for the form.
MAX_REQUEST_BYTES = env_int("DJANGO_MAX_REQUEST_BYTES", 6 * 1_048_576)
if MAX_REQUEST_BYTES < 1:
    raise ImproperlyConfigured("DJANGO_MAX_REQUEST_BYTES must be a positive number of bytes.")
# Notice imports: a Word file's XML may unpack to at most this much (checked while streaming it,
# notices.importing.limits), and each file is read in a child process with these limits
# (notices.importing.isolation). The other caps are in docs/importing.md.
IMPORT_MAX_UNPACKED_BYTES = env_int("DJANGO_IMPORT_MAX_UNPACKED_BYTES", 5 * 1_048_576)
IMPORT_CHILD_CPU_SECONDS = env_int("DJANGO_IMPORT_CHILD_CPU_SECONDS", 5)
IMPORT_CHILD_MEMORY_BYTES = env_int("DJANGO_IMPORT_CHILD_MEMORY_BYTES", 400 * 1_048_576)
IMPORT_CHILD_TIMEOUT_SECONDS = env_int("DJANGO_IMPORT_CHILD_TIMEOUT_SECONDS", 15)
# The biggest form is a notice's admin page: a 60-section notice with twenty rows in each table
# posts 1,045 fields (config/tests/test_request_limits.py), over Django's default of 1,000. This
# leaves room for longer notices and stays far too few to cost the server anything.
DATA_UPLOAD_MAX_NUMBER_FIELDS = 5_000
# Only the import form takes a file, and only one (django-markdownx's image upload is off).
DATA_UPLOAD_MAX_NUMBER_FILES = 1

# HTTPS posture. On by default; `make run` sets DJANGO_HTTPS=false for plain HTTP on 127.0.0.1.
HTTPS = env_bool("DJANGO_HTTPS", True)
SECURE_SSL_REDIRECT = HTTPS
SESSION_COOKIE_SECURE = HTTPS
CSRF_COOKIE_SECURE = HTTPS
SECURE_HSTS_SECONDS = env_int("DJANGO_HSTS_SECONDS", 31_536_000) if HTTPS else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("DJANGO_HSTS_INCLUDE_SUBDOMAINS", True)
SECURE_HSTS_PRELOAD = env_bool("DJANGO_HSTS_PRELOAD", True)
BEHIND_PROXY = env_bool("DJANGO_BEHIND_PROXY", False)
if BEHIND_PROXY:
    # Only behind a proxy that sets this header itself; otherwise clients could forge it.
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    # The lockout counts failures per client address, and behind a proxy every request comes from
    # the proxy: read the client from X-Forwarded-For instead, as axes' documentation says (it
    # uses django-ipware). A client can put anything at the start of that header, so the client
    # is taken at a fixed place from its end: each proxy appends the address it was reached
    # from, and the nearest proxy's own address is REMOTE_ADDR, not in the header. So ipware's
    # count of proxies *listed after the client* is one less than the proxies in front of us. A
    # header whose length does not match (a forged one) is ignored, and REMOTE_ADDR used instead.
    PROXY_COUNT = env_int("DJANGO_PROXY_COUNT", 1)
    if PROXY_COUNT < 1:
        raise ImproperlyConfigured("DJANGO_PROXY_COUNT must be 1 or more behind a proxy.")
    AXES_IPWARE_META_PRECEDENCE_ORDER = ("HTTP_X_FORWARDED_FOR", "REMOTE_ADDR")
    AXES_IPWARE_PROXY_COUNT = PROXY_COUNT - 1
# A load balancer's health probe speaks plain HTTP to the app itself: answer it, not redirect it.
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
# Content-Security-Policy (django-csp). Everything comes from the site itself, and no page has an
# inline script, style element or style attribute, so the policy allows none ('unsafe-inline')
# and no eval: a script that gets into a page some other way still cannot run.
# config/tests/test_content_security_policy.py renders every page type to prove it, and
# tests/e2e/test_content_security_policy.py watches Chromium for violations.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF],
        "font-src": [SELF],
        # The admin's Markdown preview posts to /markdownx/markdownify/.
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [NONE],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
        "upgrade-insecure-requests": HTTPS,
    },
}
# Other browser features (camera, microphone, geolocation, payment...) are switched off by the
# Permissions-Policy header from config.middleware.PermissionsPolicyMiddleware.

SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"

# Where the admin lives: DJANGO_ADMIN_PATH (default "admin/"), letters, digits and hyphens in one
# or more parts, each ending in "/". It may not start like a public address, or the admin would
# hide those pages; config/tests/test_admin_path.py keeps this list in step with the URLs.
# robots.txt names the path, so it is no secret: it moves the admin, it does not hide it.
PUBLIC_PATH_STARTS = frozenset(
    {
        "accessibility",
        "alerts",
        "api",
        "compare",
        "councils",
        "data",
        "developers",
        "feeds",
        "healthz",
        "markdownx",
        "northern-ireland",
        "oembed",
        "privacy",
        "robots.txt",
        "search",
        "sitemap.xml",
        "staff",
        "static",
    }
)


def validated_admin_path(value: str) -> str:
    """The admin's path as urls.py needs it, or ImproperlyConfigured saying what is wrong."""
    if not re.fullmatch(r"[A-Za-z0-9-]+(/[A-Za-z0-9-]+)*/", value):
        raise ImproperlyConfigured(
            f"DJANGO_ADMIN_PATH must be letters, digits and hyphens in parts separated by '/', "
            f"ending with '/' and not starting with one, such as 'staff-admin/'; not {value!r}."
        )
    first_part = value.split("/", 1)[0].lower()
    if first_part in PUBLIC_PATH_STARTS:
        raise ImproperlyConfigured(
            f"DJANGO_ADMIN_PATH {value!r} would clash with the public pages at /{first_part}/; "
            "choose a path that starts with another word."
        )
    return value


ADMIN_PATH = validated_admin_path(os.environ.get("DJANGO_ADMIN_PATH", "").strip() or "admin/")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("DJANGO_LOG_LEVEL", "INFO")},
    # WeasyPrint logs some twenty progress lines per PDF at INFO; its warnings still show.
    "loggers": {"weasyprint.progress": {"level": "WARNING"}},
}

# Email (notices.alerts): public alerts, their confirmation links, and the publishers' notes of a
# shared block update, all sent by the task worker. Django's SMTP backend by default, read from
# Django's own setting names:
#   EMAIL_HOST, EMAIL_PORT (default localhost, 25), EMAIL_HOST_USER, EMAIL_HOST_PASSWORD,
#   EMAIL_USE_TLS (STARTTLS, default false), EMAIL_USE_SSL (default false), EMAIL_TIMEOUT
#   (seconds, default 20), DEFAULT_FROM_EMAIL (default notices@privacy-notices.example)
# or GOV.UK Notify instead, with EMAIL_PROVIDER=notify (EMAIL_PROVIDER=file, for `make run`, writes
# each email to a file in EMAIL_FILE_PATH, default .local/emails):
#   NOTIFY_API_KEY, NOTIFY_TEMPLATE_ID (a template whose subject is ((subject)) and body
#   ((body))), NOTIFY_BASE_URL (default the Notify API)
#   ALERT_EMAILS_PER_SECOND  the most alert emails the worker sends a second (default 0: no limit;
#                            a relay's or Notify's rate limit)
#   ALERT_RESUME_SECONDS     below
EMAIL_PROVIDER = os.environ.get("EMAIL_PROVIDER", "").strip().lower() or "smtp"
EMAIL_BACKENDS = {
    "smtp": "django.core.mail.backends.smtp.EmailBackend",
    "notify": "notices.alerts.notify.NotifyEmailBackend",
    # For a developer's machine only (`make run`): each email written to a file in
    # EMAIL_FILE_PATH, to open the links in it.
    "file": "django.core.mail.backends.filebased.EmailBackend",
}
if EMAIL_PROVIDER not in EMAIL_BACKENDS:
    raise ImproperlyConfigured(
        f"EMAIL_PROVIDER must be smtp, notify or file, not {EMAIL_PROVIDER!r}."
    )
EMAIL_BACKEND = EMAIL_BACKENDS[EMAIL_PROVIDER]
EMAIL_FILE_PATH = os.environ.get("EMAIL_FILE_PATH", "").strip() or str(BASE_DIR / ".local/emails")
EMAIL_HOST = os.environ.get("EMAIL_HOST", "").strip() or "localhost"
EMAIL_PORT = env_int("EMAIL_PORT", 25)
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
EMAIL_USE_SSL = env_bool("EMAIL_USE_SSL", False)
# A relay that stops answering must not hold the worker for good.
EMAIL_TIMEOUT = env_int("EMAIL_TIMEOUT", 20)
DEFAULT_FROM_EMAIL = (
    os.environ.get("DEFAULT_FROM_EMAIL", "").strip() or "notices@privacy-notices.example"
)
NOTIFY_API_KEY = os.environ.get("NOTIFY_API_KEY", "").strip()
NOTIFY_TEMPLATE_ID = os.environ.get("NOTIFY_TEMPLATE_ID", "").strip()
NOTIFY_BASE_URL = (
    os.environ.get("NOTIFY_BASE_URL", "").strip() or "https://api.notifications.service.gov.uk"
)
if EMAIL_PROVIDER == "notify" and not (NOTIFY_API_KEY and NOTIFY_TEMPLATE_ID):
    raise ImproperlyConfigured("EMAIL_PROVIDER=notify needs NOTIFY_API_KEY and NOTIFY_TEMPLATE_ID.")
ALERT_EMAILS_PER_SECOND = env_int("ALERT_EMAILS_PER_SECOND", 0)
#   ALERT_RESUME_SECONDS     when a worker killed while sending alerts has its work finished by
#                            the next run (default 600; notices.alerts.sending)
ALERT_RESUME_SECONDS = env_int("ALERT_RESUME_SECONDS", 600)

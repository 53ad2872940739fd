"""Project settings. The environment is read here and nowhere else.

With no variables set the project runs on embedded defaults: SQLite under ``var/``,
media files under ``var/media/``, an in-process cache and in-process tasks.
Every variable is listed in the README's configuration table.
"""

import os
import secrets
from datetime import timedelta
from pathlib import Path
from urllib.parse import urlsplit

import dj_database_url
from csp.constants import NONE, SELF, UNSAFE_INLINE
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent.parent
VAR_DIR = Path(os.environ.get("VAR_DIR", BASE_DIR / "var"))


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def origin_of(url: str) -> list[str]:
    """["https://cdn.example.vn"] for "https://cdn.example.vn/media/"; [] for a path or ""."""
    parts = urlsplit(url)
    return [f"{parts.scheme}://{parts.netloc}"] if parts.scheme and parts.netloc else []


def _dev_secret_key() -> str:
    """A per-checkout key for local development, kept under var/ so sessions survive restarts."""
    path = VAR_DIR / "dev_secret_key"
    if not path.exists():
        VAR_DIR.mkdir(parents=True, exist_ok=True)
        path.write_text(secrets.token_urlsafe(50))
    return path.read_text().strip()


DEBUG = env_bool("DJANGO_DEBUG")

SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "SECRET_KEY is not set. Set SECRET_KEY in production, "
            "or DJANGO_DEBUG=1 for development."
        )
    SECRET_KEY = _dev_secret_key()

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

# Public address of the CMS, used in notification e-mails and absolute URLs.
WAGTAILADMIN_BASE_URL = os.environ.get("CMS_BASE_URL", "http://127.0.0.1:8000").rstrip("/")

# Public address of the reader frontend. When set, previews in the admin show the draft
# in the frontend through a signed, expiring token; unset, the CMS's own templates render it.
FRONTEND_URL = os.environ.get("FRONTEND_URL", "").rstrip("/")
WAGTAIL_HEADLESS_PREVIEW = {
    "CLIENT_URLS": {"default": f"{FRONTEND_URL}/preview/"},
    "ENFORCE_TRAILING_SLASH": True,
}
PREVIEW_TOKEN_MAX_AGE = int(os.environ.get("PREVIEW_TOKEN_MAX_AGE", "3600"))

# --- Applications -------------------------------------------------------------

INSTALLED_APPS = [
    # Our rooms (README "Architecture"). The order keeps the order their signal receivers
    # run in: the API cache generation moves first, search indexes before syndication records.
    "cms.api",
    "home",
    "cms.editorial",
    "cms.search",
    "media_library",
    "cms.syndication",
    "cms.contact",
    # Sign-in: throttling and two-factor (before wagtail.admin: its login page is overridden).
    "cms.authentication",
    "cms.operations",
    "cms.plone_import",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail_headless_preview",
    "wagtail.contrib.settings",
    "wagtail.api.v2",
    "rest_framework",
    "corsheaders",
    "wagtail.contrib.redirects",
    "wagtail.contrib.table_block",
    "wagtail.embeds",
    "wagtail.sites",
    "cms.editorial.apps.UsersConfig",  # wagtail.users, accounts that raise no one
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "csp",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "axes",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django_tasks_db",  # the task queue's table
]

MIDDLEWARE = [
    # Outermost of all: every response, cached or refused, carries the request's id, and
    # every log line written while it is served (cms/operations/logs.py).
    "cms.operations.logs.RequestIdMiddleware",
    "django.middleware.security.SecurityMiddleware",
    # Outermost: static files, cached API responses and error pages get the headers too.
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "cms.middleware.ContentSecurityPolicyMiddleware",
    "cms.middleware.PermissionsPolicyMiddleware",
    # /healthz and /readyz for any Host, with the headers above: probes by address
    # (cms/operations/health.py); nothing below reads the host before it.
    "cms.operations.health.HealthProbeMiddleware",
    # CORS headers go on every API response, cached ones and 304s included.
    "corsheaders.middleware.CorsMiddleware",
    # Before sessions and auth: API responses never depend on who asks.
    "cms.api.cache.APICacheMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # request.user.is_verified(); then the second step of the sign-in (cms/authentication).
    "django_otp.middleware.OTPMiddleware",
    "cms.authentication.two_factor.TwoFactorMiddleware",
    "cms.middleware.ForbiddenAdminPostMiddleware",
    # Spreadsheet exports of the admin: the board only, formula cells neutralised.
    "cms.editorial.exports.AdminExportMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last, as django-axes asks: turns a refused sign-in into the lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "cms.urls"
WSGI_APPLICATION = "cms.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "cms" / "templates"],
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

# --- Database -----------------------------------------------------------------

DATABASE_URL = os.environ.get("DATABASE_URL", "")
if DATABASE_URL:
    DATABASES = {
        "default": dj_database_url.parse(
            DATABASE_URL,
            conn_max_age=int(os.environ.get("DB_CONN_MAX_AGE", "600")),
            conn_health_checks=True,
        )
    }
    if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
        # A database that does not answer gives a 503 (cms/errors.py) after this many
        # seconds instead of holding the request; the next request after it returns
        # reconnects (the health check above drops the broken connection).
        DATABASES["default"].setdefault("OPTIONS", {}).setdefault(
            "connect_timeout", int(os.environ.get("DB_CONNECT_TIMEOUT", "5"))
        )
        server_settings = []
        if not env_bool("DB_JIT"):
            # PostgreSQL compiles a query with LLVM when its estimated cost passes
            # jit_above_cost; at 100,000 pages the planner's estimates for the API's short
            # queries (a listing's count, a page of the change feed) pass it, and compiling
            # took longer than running them. DB_JIT=1 keeps the server's setting.
            server_settings.append("-c jit=off")
        # A parallel plan (a count of 100,000 rows) ends sooner but costs three processes'
        # CPU; the app's requests are many and short, so the cores serve more of them one
        # process each. DB_PARALLEL_WORKERS > 0 lets PostgreSQL add that many workers.
        parallel_workers = int(os.environ.get("DB_PARALLEL_WORKERS", "0"))
        server_settings.append(f"-c max_parallel_workers_per_gather={parallel_workers}")
        options = DATABASES["default"]["OPTIONS"]
        options["options"] = " ".join([options.get("options", ""), *server_settings]).strip()
else:
    VAR_DIR.mkdir(parents=True, exist_ok=True)
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": VAR_DIR / "db.sqlite3",
            "OPTIONS": {"transaction_mode": "IMMEDIATE", "timeout": 20},
        }
    }

IS_POSTGRESQL = DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql"
if IS_POSTGRESQL:
    INSTALLED_APPS.append("django.contrib.postgres")

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Cache --------------------------------------------------------------------

REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    # Redis down or slow: every cache call gives up within REDIS_TIMEOUT seconds and is a
    # miss, and the cache is bypassed for REDIS_RETRY_SECONDS before Redis is tried again
    # (cms/redis_cache.py): the site answers from the database meanwhile.
    REDIS_TIMEOUT = float(os.environ.get("REDIS_TIMEOUT", "0.5"))
    CACHES = {
        "default": {
            "BACKEND": "cms.redis_cache.ResilientRedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": os.environ.get("CACHE_KEY_PREFIX", "cms"),
            "OPTIONS": {
                "socket_connect_timeout": REDIS_TIMEOUT,
                "socket_timeout": REDIS_TIMEOUT,
                "RETRY_AFTER": float(os.environ.get("REDIS_RETRY_SECONDS", "5")),
            },
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# The reader API's cache generation must be the same in every worker: Redis when there is
# one, otherwise files shared by the workers of this server.
CACHES["api_state"] = (
    {**CACHES["default"], "KEY_PREFIX": CACHES["default"]["KEY_PREFIX"] + ":api"}
    if REDIS_URL
    else {
        # Django's file cache, counting its files only now and then (cms/file_cache.py): a
        # token per page read, up to about this many.
        "BACKEND": "cms.file_cache.SampledCullFileBasedCache",
        "LOCATION": VAR_DIR / "cache" / "api_state",
        "OPTIONS": {"MAX_ENTRIES": 10_000},
    }
)

# --- Reader API ---------------------------------------------------------------

# Largest ?limit= of API listings (documented in the OpenAPI document).
API_LIMIT_MAX = int(os.environ.get("API_LIMIT_MAX", "100"))
WAGTAILAPI_LIMIT_MAX = API_LIMIT_MAX
WAGTAILAPI_BASE_URL = WAGTAILADMIN_BASE_URL
# Cache-Control of public API responses: browsers and CDNs keep them this short, since a
# retraction must show at once.
API_CACHE_MAX_AGE = int(os.environ.get("API_CACHE_MAX_AGE", "10"))
API_CACHE_STALE_WHILE_REVALIDATE = int(os.environ.get("API_CACHE_STALE_WHILE_REVALIDATE", "30"))
# Server-side: rendered responses are kept until anything public changes, at most this long.
API_CACHE_SECONDS = int(os.environ.get("API_CACHE_SECONDS", "600"))
API_RESPONSE_CACHE = env_bool("API_RESPONSE_CACHE", True)
# Listing items kept by page between requests (cms.api.serializers.cached_summaries).
API_SUMMARY_CACHE = env_bool("API_SUMMARY_CACHE", True)
# A page detail's rendered body kept by live revision (cms.api.serializers._Body).
API_BODY_CACHE = env_bool("API_BODY_CACHE", True)
CORS_ALLOWED_ORIGINS = env_list("API_CORS_ORIGINS")
CORS_URLS_REGEX = r"^/api/.*$"
CORS_ALLOW_METHODS = ["GET", "HEAD", "OPTIONS"]
CORS_EXPOSE_HEADERS = ["ETag"]

# --- Syndication (cms/syndication/): feeds, change feed, webhooks -----------------------

# Items in each RSS/Atom feed.
SYNDICATION_FEED_ITEMS = int(os.environ.get("SYNDICATION_FEED_ITEMS", "30"))
# Change events (tombstones included) are kept this long; a consumer further behind gets
# 410 and starts again from a snapshot.
SYNDICATION_TOMBSTONE_DAYS = int(os.environ.get("SYNDICATION_TOMBSTONE_DAYS", "90"))
SYNDICATION_CHANGES_LIMIT_MAX = int(os.environ.get("SYNDICATION_CHANGES_LIMIT_MAX", "500"))
# Requests each API key may make per window (seconds) before getting 429.
SYNDICATION_RATE_LIMIT = int(os.environ.get("SYNDICATION_RATE_LIMIT", "120"))
SYNDICATION_RATE_WINDOW = int(os.environ.get("SYNDICATION_RATE_WINDOW", "60"))
# Readers' questions (cms/contact/): messages each client address may send per window; more
# get 429 with Retry-After. Counted in the default cache (Redis with REDIS_URL).
CONTACT_RATE_LIMIT = int(os.environ.get("CONTACT_RATE_LIMIT", "5"))
CONTACT_RATE_WINDOW = int(os.environ.get("CONTACT_RATE_WINDOW", "3600"))
# Webhook deliveries are retried with exponential backoff for this many seconds, then
# shown as failed in the admin.
WEBHOOK_RETRY_FOR = int(os.environ.get("WEBHOOK_RETRY_FOR", str(24 * 3600)))
WEBHOOK_TIMEOUT = float(os.environ.get("WEBHOOK_TIMEOUT", "10"))
# Subscriber URLs on private, loopback or link-local addresses are refused unless this is
# on (it would let the admin probe the internal network).
WEBHOOK_ALLOW_PRIVATE_URLS = env_bool("WEBHOOK_ALLOW_PRIVATE_URLS")

# --- Background tasks ---------------------------------------------------------

# Renditions, search indexing, webhook deliveries, e-mails and Wagtail's own tasks (reference
# index, file deletion) are queued in the database (django-tasks-db) with the change that asked
# for them, and run by `manage.py run_worker` (cms/task_queue.py, README "Operations").
TASKS = {"default": {"BACKEND": "cms.task_queue.DatabaseBackend"}}

# --- Passwords ----------------------------------------------------------------

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# --- Sign-in: throttling and two-factor (cms/authentication, README "Security") ----------

# The login throttle (django-axes) comes first and refuses any sign-in, the right password
# included, while the username or the address is locked out.
AUTHENTICATION_BACKENDS = [
    "cms.authentication.throttling.LoginThrottleBackend",
    "django.contrib.auth.backends.ModelBackend",
]
# Failed sign-ins are counted per username and per client address within the lockout time.
# A username is locked after LOGIN_FAILURE_LIMIT failures; an address only after
# LOGIN_FAILURE_LIMIT_PER_IP, since a whole office signs in from one NAT address and one
# person's typos must not lock out their colleagues; the address limit still stops anyone
# trying a few passwords on many accounts. Each failure during a lockout restarts it.
LOGIN_FAILURE_LIMIT = int(os.environ.get("LOGIN_FAILURE_LIMIT", "5"))
LOGIN_FAILURE_LIMIT_PER_IP = int(os.environ.get("LOGIN_FAILURE_LIMIT_PER_IP", "30"))
LOGIN_LOCKOUT_MINUTES = int(os.environ.get("LOGIN_LOCKOUT_MINUTES", "15"))
# The client's address is REMOTE_ADDR, unless that is one of these proxies (the same
# variable gunicorn reads, README "Production"): then the last address in X-Forwarded-For
# that is not one of them, the one the proxy itself saw. A header sent by anyone else is
# ignored, so a client cannot pick the address it is counted under.
TRUSTED_PROXIES = env_list("FORWARDED_ALLOW_IPS", "127.0.0.1")
# The database handler: attempts are counted in the database, so throttling holds while
# Redis is down (the cache's circuit breaker drops writes, cms/redis_cache.py).
AXES_HANDLER = "cms.authentication.throttling.LoginThrottleHandler"
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_FAILURE_LIMIT = LOGIN_FAILURE_LIMIT
AXES_COOLOFF_TIME = timedelta(minutes=LOGIN_LOCKOUT_MINUTES)
AXES_RESET_ON_SUCCESS = True  # the username's count only (LoginThrottleHandler)
AXES_CLIENT_IP_CALLABLE = "cms.authentication.throttling.client_ip"
AXES_LOCKOUT_CALLABLE = "cms.authentication.throttling.lockout_response"
AXES_HTTP_RESPONSE_CODE = 429
AXES_VERBOSE = False

# Two-factor sign-in (django-otp: an authenticator app's codes, and recovery codes).
# TWO_FACTOR_REQUIRED: "roles" (or 1): superusers, the board and site administrators must
# use it, others may; "all": everyone must; "off" (or 0): nobody must, anyone may.
# Default: "roles" in production, "off" with debug on (`make run`, the browser tests).
TWO_FACTOR_REQUIRED = os.environ.get("TWO_FACTOR_REQUIRED", "").strip().lower() or (
    "off" if DEBUG else "roles"
)
TWO_FACTOR_REQUIRED = {"1": "roles", "0": "off"}.get(TWO_FACTOR_REQUIRED, TWO_FACTOR_REQUIRED)
if TWO_FACTOR_REQUIRED not in {"off", "roles", "all"}:
    raise ImproperlyConfigured("TWO_FACTOR_REQUIRED must be one of: off (0), roles (1), all.")
# Recovery codes given at enrolment, each usable once.
TWO_FACTOR_RECOVERY_CODES = 10
# Wrong codes: each failure doubles the wait before the next try (1 s, 2 s, 4 s, ...).
OTP_TOTP_THROTTLE_FACTOR = 1
OTP_STATIC_THROTTLE_FACTOR = 1

# --- Language and time --------------------------------------------------------

LANGUAGE_CODE = "vi"
TIME_ZONE = "Asia/Ho_Chi_Minh"
USE_I18N = True
USE_TZ = True

# Names in the admin's language: "Tiếng Việt", "Tiếng Anh" in the Vietnamese admin (the
# chooser's language filter, the page's language), "Vietnamese", "English" in the English one.
LANGUAGES = [("vi", _("Vietnamese")), ("en", _("English"))]
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
LOCALE_PATHS = [BASE_DIR / "locale"]

# Dates in the Vietnamese order, whatever the admin's language: the admin's date pickers
# show WAGTAIL_*_FORMAT (15/06/2022, 15/06/2022 08:30), and Django reads what is typed with
# the *_INPUT_FORMATS (ISO, 2022-06-15, is always read too). No month-first formats: here
# 06/05/2022 is 6 May. Django's English formats are month-first, so cms/formats/en makes
# the English admin use these as well.
WAGTAIL_DATE_FORMAT = "%d/%m/%Y"
WAGTAIL_DATETIME_FORMAT = "%d/%m/%Y %H:%M"
WAGTAIL_TIME_FORMAT = "%H:%M"
DATE_INPUT_FORMATS = ["%d/%m/%Y", "%d-%m-%Y", "%Y-%m-%d"]
DATETIME_INPUT_FORMATS = [
    "%d/%m/%Y %H:%M",
    "%d/%m/%Y %H:%M:%S",
    "%d/%m/%Y",
    "%d-%m-%Y %H:%M",
    "%d-%m-%Y %H:%M:%S",
    "%d-%m-%Y",
    "%Y-%m-%d %H:%M:%S",
    "%Y-%m-%d %H:%M",
    "%Y-%m-%d",
]
FORMAT_MODULE_PATH = ["cms.formats"]

# Translations are drafts that go through the approval workflow.
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False

# --- Static and media files ---------------------------------------------------

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", VAR_DIR / "static"))
STATICFILES_DIRS = [BASE_DIR / "cms" / "static"]
MEDIA_URL = os.environ.get("MEDIA_URL", "/media/")
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", VAR_DIR / "media"))
# Image originals and documents live outside MEDIA_ROOT: readers get renditions of the
# images, and documents streamed by the app after its permission checks.
PRIVATE_MEDIA_ROOT = Path(os.environ.get("PRIVATE_MEDIA_ROOT", VAR_DIR / "private"))

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "originals": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": str(PRIVATE_MEDIA_ROOT)},
    },
    "documents": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        # A str: Wagtail hands storage.deconstruct() to a task, whose arguments are JSON.
        "OPTIONS": {"location": str(PRIVATE_MEDIA_ROOT)},
    },
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# With a bucket named, originals, renditions, videos and documents go to S3-compatible
# object storage (AWS S3, MinIO, ...) instead. Keys come from AWS_ACCESS_KEY_ID and
# AWS_SECRET_ACCESS_KEY, read by boto3 itself (or from an instance role).
AWS_STORAGE_BUCKET_NAME = os.environ.get("AWS_STORAGE_BUCKET_NAME", "")
if AWS_STORAGE_BUCKET_NAME:
    from media_library.storage import s3_client_config, s3_storages, s3_transfer_config

    AWS_S3_ENDPOINT_URL = os.environ.get("AWS_S3_ENDPOINT_URL") or None
    STORAGES.update(
        s3_storages(
            AWS_STORAGE_BUCKET_NAME,
            endpoint_url=AWS_S3_ENDPOINT_URL,
            region=os.environ.get("AWS_S3_REGION_NAME") or None,
            custom_domain=os.environ.get("AWS_S3_CUSTOM_DOMAIN") or None,
        )
    )
    AWS_S3_CLIENT_CONFIG = s3_client_config(AWS_S3_ENDPOINT_URL)
    AWS_S3_TRANSFER_CONFIG = s3_transfer_config()

MB = 1024 * 1024
# Upload limits. Uploads above 2.5 MB are spooled to FILE_UPLOAD_TEMP_DIR (the system's
# temporary directory by default), never held in memory.
WAGTAILIMAGES_MAX_UPLOAD_SIZE = int(os.environ.get("IMAGE_MAX_UPLOAD_MB", "30")) * MB
WAGTAILIMAGES_MAX_IMAGE_PIXELS = int(os.environ.get("IMAGE_MAX_PIXELS", "50000000"))
VIDEO_MAX_UPLOAD_SIZE = int(os.environ.get("VIDEO_MAX_UPLOAD_MB", "1024")) * MB
DOCUMENT_MAX_UPLOAD_SIZE = int(os.environ.get("DOCUMENT_MAX_UPLOAD_MB", "50")) * MB
FILE_UPLOAD_TEMP_DIR = os.environ.get("FILE_UPLOAD_TEMP_DIR") or None

DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# --- Security (README "Security") ----------------------------------------------

if not DEBUG:
    # The TLS-terminating proxy in front of gunicorn (README "Production") says which scheme
    # the browser used. Without the header a request counts as plain HTTP.
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_COOKIES = not DEBUG and env_bool("SECURE_COOKIES", True)
SESSION_COOKIE_SECURE = SECURE_COOKIES
CSRF_COOKIE_SECURE = SECURE_COOKIES
# HSTS: a site whose cookies need HTTPS is only reached over HTTPS. Django sends the header
# on HTTPS responses only.
SECURE_HSTS_SECONDS = int(
    os.environ.get("SECURE_HSTS_SECONDS", str(365 * 24 * 3600) if SECURE_COOKIES else "0")
)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
# The preload list is a commitment of the whole domain that takes months to undo: the
# domain's owner opts in, never a default.
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD")
# Behind nginx the proxy sends plain HTTP to HTTPS itself. The app must not: the reader
# frontend calls the API over plain HTTP on the private network
# (CMS_API_URL=http://127.0.0.1:8000/api/v2), and a redirect would send it away.
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT")
SILENCED_SYSTEM_CHECKS = [
    # Deliberately silenced, each only while its setting is off on purpose (README
    # "Security"): security.W008 (no SECURE_SSL_REDIRECT: the proxy redirects) and
    # security.W021 (no SECURE_HSTS_PRELOAD: opt-in, see above).
    *([] if SECURE_SSL_REDIRECT else ["security.W008"]),
    *([] if SECURE_HSTS_PRELOAD or not SECURE_HSTS_SECONDS else ["security.W021"]),
]
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
# Nothing of the CMS is framed by other sites; Wagtail's preview views, which the editor
# shows in an iframe of its own origin, answer SAMEORIGIN themselves.
X_FRAME_OPTIONS = "DENY"
# Powerful browser features no page of the CMS uses (cms.middleware.PermissionsPolicyMiddleware).
PERMISSIONS_POLICY = (
    "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), "
    "microphone=(), payment=(), usb=()"
)

# Content-Security-Policy (django-csp; cms.middleware.ContentSecurityPolicyMiddleware).
# Where media files are served from when they are not on this origin: the bucket or its
# CDN (MEDIA_URL may also be an absolute address).
MEDIA_ORIGINS = origin_of(MEDIA_URL)
if AWS_STORAGE_BUCKET_NAME:
    # The addresses django-storages gives public files: the CDN, the endpoint (path-style),
    # or AWS's global and regional virtual-hosted names.
    if os.environ.get("AWS_S3_CUSTOM_DOMAIN"):
        MEDIA_ORIGINS += [f"https://{os.environ['AWS_S3_CUSTOM_DOMAIN']}"]
    elif AWS_S3_ENDPOINT_URL:
        MEDIA_ORIGINS += origin_of(AWS_S3_ENDPOINT_URL)
    else:
        MEDIA_ORIGINS += [f"https://{AWS_STORAGE_BUCKET_NAME}.s3.amazonaws.com"]
        if os.environ.get("AWS_S3_REGION_NAME"):
            region = os.environ["AWS_S3_REGION_NAME"]
            MEDIA_ORIGINS += [f"https://{AWS_STORAGE_BUCKET_NAME}.s3.{region}.amazonaws.com"]
# Players the video embeds load (media_library/embeds.py), shown in page previews.
EMBED_FRAME_ORIGINS = ["https://www.youtube-nocookie.com", "https://www.facebook.com"]
# Every HTML page of the CMS: the admin's login, the pages it renders itself (previews,
# error pages) and, with EDITOR_CONTENT_SECURITY_POLICY on top, the admin.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        # data: for the admin's icons in its stylesheet, blob: for the thumbnails of photos
        # about to be uploaded.
        "img-src": [SELF, "data:", "blob:", *MEDIA_ORIGINS],
        "media-src": [SELF, *MEDIA_ORIGINS],
        "font-src": [SELF],
        "connect-src": [SELF],
        # Previews: Wagtail's own (same origin), the reader frontend's, and the players
        # inside them.
        "frame-src": [SELF, *origin_of(FRONTEND_URL), *EMBED_FRAME_ORIGINS],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        # 'self' for the responses that allow framing by this origin (X-Frame-Options
        # SAMEORIGIN: Wagtail's previews), else 'none' (set per response by the middleware).
        "frame-ancestors": [NONE],
    }
}
# Added for signed-in users, whose admin pages Wagtail 7.4 cannot build without inline code
# (README "Security"): inline scripts start its widgets and panels (choosers, date pickers,
# InlinePanel), also in forms it inserts later, and the focal-point tool sets inline event
# handlers; Draftail injects <style> elements, and the headless preview page styles its
# iframe inline. No 'unsafe-eval': nothing in the admin needs it.
EDITOR_CONTENT_SECURITY_POLICY = {"script-src": [UNSAFE_INLINE], "style-src": [UNSAFE_INLINE]}
# The API, the feeds and the health probes are data: nothing in them may load, run or be framed.
API_CONTENT_SECURITY_POLICY = {"default-src": [NONE], "frame-ancestors": [NONE]}
API_CONTENT_SECURITY_POLICY_PATHS = ("/api/", "/feeds/", "/healthz", "/readyz")

# --- E-mail -------------------------------------------------------------------

# E-mails are queued (cms/mail.py) and sent by the worker through EMAIL_DELIVERY_BACKEND.
EMAIL_BACKEND = "cms.mail.QueuedEmailBackend"
EMAIL_DELIVERY_BACKEND = os.environ.get(
    "EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend"
)
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "cms@localhost")
WAGTAILADMIN_NOTIFICATION_FROM_EMAIL = DEFAULT_FROM_EMAIL

# --- Wagtail ------------------------------------------------------------------

WAGTAIL_SITE_NAME = _("Trang thông tin điện tử")
# Wagtail's login form, with its password field labelled in Vietnamese.
WAGTAILADMIN_USER_LOGIN_FORM = "cms.authentication.forms.LoginForm"
WAGTAILIMAGES_IMAGE_MODEL = "media_library.CustomImage"
WAGTAILDOCS_DOCUMENT_MODEL = "media_library.CustomDocument"
WAGTAIL_ALLOW_UNICODE_SLUGS = False
# The admin loads nothing from other hosts: no Gravatar avatars (editors' e-mail hashes would
# go to a third party, and offline office networks show broken images), no release check.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "cms.search.admin_backend"}}
if IS_POSTGRESQL:
    # The admin's search and autocomplete, accent-insensitive like the reader search
    # (cms.search): the unaccent + simple configuration created by migration home/0008.
    WAGTAILSEARCH_BACKENDS["default"]["SEARCH_CONFIG"] = "vietnamese_unaccent"
WAGTAILDOCS_EXTENSIONS = ["pdf", "doc", "docx", "xls", "xlsx", "odt", "ods"]
# Media library (media_library/): uploads are sniffed, cleaned and stored by these forms.
WAGTAILIMAGES_EXTENSIONS = ["avif", "gif", "jpg", "jpeg", "png", "webp"]  # no SVG
WAGTAILIMAGES_IMAGE_FORM_BASE = "media_library.forms.SafeImageForm"
WAGTAILDOCS_DOCUMENT_FORM_BASE = "media_library.forms.SafeDocumentForm"
WAGTAILDOCS_SERVE_METHOD = "serve_view"
# YouTube and Facebook players built from the address, without calling the providers.
WAGTAILEMBEDS_FINDERS = [{"class": "media_library.embeds.VideoEmbedFinder"}]
WAGTAILADMIN_RICH_TEXT_EDITORS = {
    "default": {
        "WIDGET": "wagtail.admin.rich_text.DraftailRichTextArea",
        "OPTIONS": {
            "features": ["h2", "h3", "h4", "bold", "italic", "ol", "ul", "link", "document-link"]
        },
    }
}
WAGTAILEMBEDS_RESPONSIVE_HTML = True
TAGGIT_CASE_INSENSITIVE = True

# LOG_FORMAT=json: one JSON object per line, with the request id (cms/operations/logs.py);
# text: for people reading a terminal (`make run`, debug on).
LOG_FORMAT = os.environ.get("LOG_FORMAT", "text" if DEBUG else "json")
if LOG_FORMAT not in ("json", "text"):
    raise ImproperlyConfigured("LOG_FORMAT must be json or text")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"request_id": {"()": "cms.operations.logs.RequestIdFilter"}},
    "formatters": {
        "json": {"()": "cms.operations.logs.JsonFormatter"},
        "text": {"format": "%(asctime)s %(levelname)s %(name)s [%(request_id)s] %(message)s"},
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "formatter": LOG_FORMAT,
            "filters": ["request_id"],
        }
    },
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {
        # One line per background task run is noise at INFO.
        "django_tasks": {"level": "WARNING"},
        # runserver's line per request repeats cms.request's.
        "django.server": {"level": "WARNING"},
    },
}

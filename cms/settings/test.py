"""Test settings: small and fast. DATABASE_URL still selects PostgreSQL when set."""

import os

os.environ.setdefault("DJANGO_DEBUG", "0")
os.environ.setdefault("SECRET_KEY", "tests-only-not-secret")

from .base import *  # noqa: E402,F403
from .base import DATABASES  # noqa: E402

if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"] = {"ENGINE": "django.db.backends.sqlite3", "NAME": ":memory:"}

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
EMAIL_DELIVERY_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
# Tasks run in-process; tests/operations/test_task_queue.py uses the database queue.
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
SESSION_COOKIE_SECURE = False
CSRF_COOKIE_SECURE = False
SECURE_PROXY_SSL_HEADER = None
WAGTAILADMIN_BASE_URL = "http://testserver"
# Two-factor sign-in is not asked for unless a test turns it on (settings.TWO_FACTOR_REQUIRED
# = "roles", tests/authentication/); the login throttle is on, as in production.
TWO_FACTOR_REQUIRED = "off"
LOGGING = {"version": 1, "disable_existing_loggers": False, "root": {"level": "WARNING"}}

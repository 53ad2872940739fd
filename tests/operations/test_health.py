"""/healthz and /readyz on the CMS (cms/operations/health.py), over HTTP."""

import time
from unittest import mock

import pytest
from django.contrib.auth import get_user_model
from django.core.cache import caches
from django.core.files.storage import Storage
from django.db import OperationalError
from django.db.backends.base.base import BaseDatabaseWrapper
from django.test import override_settings

from cms.operations import health

SECRET = "postgres://cms:hunter2@db.internal:5432/cms"


class UnreachableBucket(Storage):
    """Object storage whose endpoint refuses connections."""

    def exists(self, name: str) -> bool:
        raise OSError(f"Could not connect to the endpoint URL: {SECRET}")


def on_disk(settings, location) -> None:
    """The production default storage (cms/settings/base.py), at location."""
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(location)},
        },
    }


@pytest.fixture
def media(tmp_path, settings):
    on_disk(settings, tmp_path)
    return tmp_path


def assert_not_cacheable(response) -> None:
    cache_control = response["Cache-Control"]
    assert "no-store" in cache_control and "private" in cache_control
    assert "public" not in cache_control


def test_healthz_answers_without_database_or_cache(client):
    # No db mark: pytest-django refuses any database access, and a broken cache is not asked.
    with mock.patch.object(
        type(caches["default"]), "get", side_effect=AssertionError("cache used")
    ):
        response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}
    assert_not_cacheable(response)


@pytest.mark.django_db
def test_readyz_ok_names_each_check(client, media):
    response = client.get("/readyz")
    assert response.status_code == 200, response.content
    assert response["Content-Type"] == "application/json"
    assert response.json() == {
        "status": "ok",
        "checks": {"database": "ok", "cache": "ok", "storage": "ok"},
    }
    assert_not_cacheable(response)
    policy = set(response["Content-Security-Policy"].split("; "))
    assert policy == {"default-src 'none'", "frame-ancestors 'none'"}


@pytest.mark.django_db
def test_readyz_database_down_is_503_naming_the_database(client, media):
    error = OperationalError(f"could not connect to server: {SECRET}")
    with mock.patch.object(BaseDatabaseWrapper, "ensure_connection", side_effect=error):
        response = client.get("/readyz")
    assert response.status_code == 503
    assert response.json() == {
        "status": "unavailable",
        "checks": {"database": "failed", "cache": "ok", "storage": "ok"},
    }
    assert b"hunter2" not in response.content and b"Traceback" not in response.content
    assert_not_cacheable(response)


@pytest.mark.django_db
def test_readyz_cache_down_is_503_naming_the_cache(client, media):
    # Per thread instances: patch the backend class, which the check's thread uses too.
    with mock.patch.object(
        type(caches["default"]), "set", side_effect=ConnectionError("Redis refused")
    ):
        response = client.get("/readyz")
    assert response.status_code == 503
    assert response.json()["checks"] == {"database": "ok", "cache": "failed", "storage": "ok"}


@pytest.mark.django_db
def test_readyz_cache_that_swallows_errors_still_fails(client, media):
    # cms/redis_cache.py turns an outage into misses: a value that does not come back fails.
    with mock.patch.object(type(caches["default"]), "get", return_value=None):
        response = client.get("/readyz")
    assert response.status_code == 503
    assert response.json()["checks"]["cache"] == "failed"


@pytest.mark.django_db
def test_readyz_missing_media_directory_is_503_naming_the_storage(client, settings, tmp_path):
    on_disk(settings, tmp_path / "not-mounted")
    response = client.get("/readyz")
    assert response.status_code == 503
    assert response.json()["checks"] == {"database": "ok", "cache": "ok", "storage": "failed"}


@pytest.mark.django_db
def test_readyz_unreachable_object_storage_is_503_without_the_error(client, settings):
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": f"{__name__}.UnreachableBucket"},
    }
    response = client.get("/readyz")
    assert response.status_code == 503
    assert response.json()["checks"]["storage"] == "failed"
    assert b"hunter2" not in response.content


@pytest.mark.django_db
def test_readyz_hung_check_times_out_quickly(client, media):
    def hang() -> None:
        time.sleep(3)

    with (
        override_settings(READINESS_TIMEOUT=0.3),
        mock.patch.dict(health.CHECKS, {"database": hang}),
    ):
        started = time.monotonic()
        response = client.get("/readyz")
        elapsed = time.monotonic() - started
    assert response.status_code == 503
    assert response.json()["checks"]["database"] == "timeout"
    assert elapsed < 1.5


@pytest.mark.django_db
def test_probes_bypass_language_prefix_sign_in_and_two_factor(client, media, settings):
    settings.TWO_FACTOR_REQUIRED = "roles"
    # A superuser must pass the second factor in the admin; the probes ask for nothing.
    user = get_user_model().objects.create_superuser("root", "root@example.com", "x-Pass-123")
    client.force_login(user)
    assert client.get("/admin/").status_code == 302  # the admin wants the second factor
    for path in ("/healthz", "/readyz"):
        response = client.get(path, HTTP_ACCEPT_LANGUAGE="en")
        assert response.status_code == 200, (path, response.status_code)
        assert "Location" not in response
    assert client.head("/readyz").status_code == 200
    assert client.post("/readyz").status_code == 405

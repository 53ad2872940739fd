"""The settings read the environment in one place: check what each variable switches."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

PROJECT_DIR = Path(__file__).resolve().parent.parent

PRINT_SETTINGS = """
import json, django
from django.conf import settings
django.setup()
print(json.dumps({
    "debug": settings.DEBUG,
    "db_engine": settings.DATABASES["default"]["ENGINE"],
    "db_name": str(settings.DATABASES["default"]["NAME"]),
    "conn_max_age": settings.DATABASES["default"].get("CONN_MAX_AGE"),
    "health_checks": settings.DATABASES["default"].get("CONN_HEALTH_CHECKS"),
    "db_options": settings.DATABASES["default"].get("OPTIONS", {}),
    "cache": settings.CACHES["default"]["BACKEND"],
    "cache_options": settings.CACHES["default"].get("OPTIONS", {}),
    "postgres_app": "django.contrib.postgres" in settings.INSTALLED_APPS,
    "allowed_hosts": settings.ALLOWED_HOSTS,
    "language": settings.LANGUAGE_CODE,
    "time_zone": settings.TIME_ZONE,
}))
"""


def load_settings(tmp_path: Path, **env: str) -> subprocess.CompletedProcess:
    clean_env = {
        key: value
        for key, value in os.environ.items()
        if key
        not in {
            "DATABASE_URL",
            "REDIS_URL",
            "SECRET_KEY",
            "DJANGO_DEBUG",
            "ALLOWED_HOSTS",
            "DB_JIT",
        }
    }
    clean_env.update(DJANGO_SETTINGS_MODULE="cms.settings.base", VAR_DIR=str(tmp_path), **env)
    return subprocess.run(
        [sys.executable, "-c", PRINT_SETTINGS],
        cwd=PROJECT_DIR,
        env=clean_env,
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_settings_refuse_to_start_without_secret_key_when_not_debug(tmp_path):
    result = load_settings(tmp_path)
    assert result.returncode != 0
    assert "SECRET_KEY is not set" in result.stderr


def test_settings_embedded_defaults_use_sqlite_under_var_and_local_memory_cache(tmp_path):
    result = load_settings(tmp_path, DJANGO_DEBUG="1")
    values = json.loads(result.stdout)
    assert values["debug"] is True
    assert values["db_engine"] == "django.db.backends.sqlite3"
    assert values["db_name"] == str(tmp_path / "db.sqlite3")
    assert values["cache"] == "django.core.cache.backends.locmem.LocMemCache"
    assert values["postgres_app"] is False
    assert (values["language"], values["time_zone"]) == ("vi", "Asia/Ho_Chi_Minh")


def test_settings_production_reads_database_redis_and_hosts(tmp_path):
    result = load_settings(
        tmp_path,
        SECRET_KEY="x" * 50,
        DATABASE_URL="postgres://cms:pw@db.internal:5432/cms",
        REDIS_URL="redis://cache.internal:6379/1",
        ALLOWED_HOSTS="tin.example.vn, www.tin.example.vn",
    )
    values = json.loads(result.stdout)
    assert values["debug"] is False
    assert values["db_engine"] == "django.db.backends.postgresql"
    assert values["conn_max_age"] == 600 and values["health_checks"] is True
    assert values["postgres_app"] is True
    # Django's Redis backend, with the circuit breaker of cms/redis_cache.py
    assert values["cache"] == "cms.redis_cache.ResilientRedisCache"
    assert values["cache_options"] == {
        "socket_connect_timeout": 0.5,
        "socket_timeout": 0.5,
        "RETRY_AFTER": 5.0,
    }
    assert values["allowed_hosts"] == ["tin.example.vn", "www.tin.example.vn"]


@pytest.mark.parametrize(
    ("env", "options"),
    [
        ({}, "-c jit=off -c max_parallel_workers_per_gather=0"),
        ({"DB_JIT": "0"}, "-c jit=off -c max_parallel_workers_per_gather=0"),
        ({"DB_JIT": "1"}, "-c max_parallel_workers_per_gather=0"),
        ({"DB_PARALLEL_WORKERS": "2"}, "-c jit=off -c max_parallel_workers_per_gather=2"),
    ],
)
def test_settings_postgresql_jit_and_parallel_plans_are_off_unless_asked_for(
    tmp_path, env, options
):
    result = load_settings(
        tmp_path, SECRET_KEY="x" * 50, DATABASE_URL="postgres://cms@db.internal/cms", **env
    )
    values = json.loads(result.stdout)
    assert values["db_options"].get("options") == options
    assert values["db_options"]["connect_timeout"] == 5


@pytest.mark.parametrize("value", ["0", "", "no"])
def test_settings_debug_is_off_unless_asked_for(tmp_path, value):
    result = load_settings(tmp_path, SECRET_KEY="x" * 50, DJANGO_DEBUG=value)
    assert json.loads(result.stdout)["debug"] is False

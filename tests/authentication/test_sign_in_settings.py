"""TWO_FACTOR_REQUIRED's defaults: production protected, `make run` (debug) not asked."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

PROJECT_DIR = Path(__file__).resolve().parents[2]
PRINT = "import django; from django.conf import settings; django.setup(); "
PRINT += "print(settings.TWO_FACTOR_REQUIRED, settings.AXES_HANDLER)"


def two_factor_setting(tmp_path: Path, **env: str) -> subprocess.CompletedProcess:
    clean = {
        k: v
        for k, v in os.environ.items()
        if k not in {"DJANGO_DEBUG", "TWO_FACTOR_REQUIRED", "DATABASE_URL", "REDIS_URL"}
    }
    clean.update(
        DJANGO_SETTINGS_MODULE="cms.settings.base", VAR_DIR=str(tmp_path), SECRET_KEY="x", **env
    )
    return subprocess.run(
        [sys.executable, "-c", PRINT], cwd=PROJECT_DIR, env=clean, capture_output=True, text=True
    )


@pytest.mark.parametrize(
    ("env", "expected"),
    [
        ({}, "roles"),  # production
        ({"DJANGO_DEBUG": "1"}, "off"),  # make run
        ({"DJANGO_DEBUG": "1", "TWO_FACTOR_REQUIRED": "1"}, "roles"),
        ({"TWO_FACTOR_REQUIRED": "0"}, "off"),
        ({"TWO_FACTOR_REQUIRED": "all"}, "all"),
    ],
)
def test_settings_two_factor_required_defaults(tmp_path, env, expected):
    result = two_factor_setting(tmp_path, **env)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == [expected, "cms.authentication.throttling.LoginThrottleHandler"]


def test_settings_two_factor_required_refuses_unknown_values(tmp_path):
    result = two_factor_setting(tmp_path, TWO_FACTOR_REQUIRED="board")
    assert result.returncode != 0
    assert "TWO_FACTOR_REQUIRED must be one of" in result.stderr

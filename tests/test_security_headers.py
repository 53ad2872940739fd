"""The CMS's response headers (README "Security"), its JSON 500s, and `check --deploy`.

Every answer carries nosniff, a Referrer-Policy, a Permissions-Policy, X-Frame-Options and a
Content-Security-Policy: the strict one of data on the API and the feeds, the site's on
pages, with the inline code Wagtail's admin needs for signed-in users only.
"""

import json
import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.http import HttpResponse
from django.test import Client, RequestFactory, override_settings
from wagtail.admin.views.account import LoginView

from cms.api.pages import ReaderPagesAPIViewSet
from cms.middleware import ContentSecurityPolicyMiddleware
from tests.api_support import make_article

PROJECT_DIR = Path(__file__).resolve().parent.parent
API_POLICY = {"default-src": ["'none'"], "frame-ancestors": ["'none'"]}


def policy_of(response) -> dict[str, list[str]]:
    """{"script-src": ["'self'"], ...} from the Content-Security-Policy header."""
    directives = [part.split() for part in response["Content-Security-Policy"].split(";")]
    return {name: sources for name, *sources in directives}


def assert_common_headers(response) -> None:
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    for feature in ("camera", "microphone", "geolocation", "payment", "usb"):
        assert f"{feature}=()" in response["Permissions-Policy"]
    assert "Content-Security-Policy" in response


@pytest.fixture
def superuser(db):
    return get_user_model().objects.create_superuser("admin", "admin@example.com", "pw")


def test_admin_login_page_gets_a_policy_without_inline_code(db):
    response = Client().get("/admin/login/")

    assert response.status_code == 200
    assert_common_headers(response)
    assert response["X-Frame-Options"] == "DENY"
    policy = policy_of(response)
    assert policy["script-src"] == ["'self'"]
    assert policy["style-src"] == ["'self'"]
    assert policy["default-src"] == ["'self'"]
    assert policy["object-src"] == ["'none'"]
    assert policy["base-uri"] == ["'self'"] and policy["form-action"] == ["'self'"]
    assert policy["frame-ancestors"] == ["'none'"]


def test_admin_over_https_gets_hsts(db):
    response = Client().get("/admin/login/", secure=True)

    assert response["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains"


def test_admin_page_of_a_signed_in_editor_allows_the_inline_code_wagtail_needs(superuser):
    client = Client()
    client.force_login(superuser)

    response = client.get("/admin/")

    assert response.status_code == 200
    assert_common_headers(response)
    assert response["X-Frame-Options"] == "DENY"
    policy = policy_of(response)
    assert policy["script-src"] == ["'self'", "'unsafe-inline'"]
    assert policy["style-src"] == ["'self'", "'unsafe-inline'"]
    assert "'unsafe-eval'" not in response["Content-Security-Policy"]
    assert policy["connect-src"] == ["'self'"]
    assert policy["frame-ancestors"] == ["'none'"]


@pytest.mark.parametrize("dummy", [False, True])
def test_preview_may_be_framed_by_the_admin_only(dummy):
    # Given a response Wagtail's preview view marked SAMEORIGIN, or one to the dummy request
    # Wagtail sends through the middleware to render a preview
    request = RequestFactory().get("/admin/pages/3/edit/preview/")
    if dummy:
        request.is_dummy = True
    response = HttpResponse("<p>preview</p>")
    if not dummy:
        response["X-Frame-Options"] = "SAMEORIGIN"

    answered = ContentSecurityPolicyMiddleware(lambda r: response)(request)

    assert policy_of(answered)["frame-ancestors"] == ["'self'"]


def test_api_gets_the_strict_policy_of_data(api, section):
    make_article(section, "Bài viết")

    first = api.get("/api/v2/pages/")
    cached = api.get("/api/v2/pages/")  # from the API's response cache

    for response in (first, cached):
        assert response.status_code == 200
        assert_common_headers(response)
        assert response["X-Frame-Options"] == "DENY"
        assert policy_of(response) == API_POLICY


def test_api_documentation_page_may_use_its_inline_stylesheet_only(api):
    response = api.get("/api/v2/docs/")

    assert response.status_code == 200
    assert policy_of(response) == {**API_POLICY, "style-src": ["'unsafe-inline'"]}


def test_feed_gets_the_strict_policy_of_data(api, section):
    make_article(section, "Bài viết")

    response = api.get("/feeds/rss/")

    assert response.status_code == 200
    assert_common_headers(response)
    assert policy_of(response) == API_POLICY


def test_not_found_pages_get_the_headers(home_page):
    page = Client().get("/khong-co-trang-nay/")
    api = Client().get("/api/v2/khong-co/")

    assert page.status_code == 404 and api.status_code == 404
    for response in (page, api):
        assert_common_headers(response)
        assert response["X-Frame-Options"] == "DENY"
    assert policy_of(page)["script-src"] == ["'self'"]
    assert policy_of(api) == API_POLICY


def failing_view(self, request, *args, **kwargs):
    raise RuntimeError("secret detail of the failure")


@override_settings(DEBUG=False)
def test_api_500_is_json_without_a_stack_trace(api, section, monkeypatch):
    # Given an API endpoint that fails with an unexpected error
    monkeypatch.setattr(ReaderPagesAPIViewSet, "listing_view", failing_view)
    client = Client(raise_request_exception=False)

    # When it is asked
    response = client.get("/api/v2/pages/")

    # Then the answer is the API's JSON error, naming nothing of the failure
    assert response.status_code == 500
    assert response["Content-Type"] == "application/json"
    assert response.json() == {"message": "Lỗi máy chủ nội bộ."}  # "Internal server error."
    body = response.content.decode()
    assert "secret detail" not in body and "Traceback" not in body and "<" not in body
    assert policy_of(response) == API_POLICY


@override_settings(DEBUG=False)
def test_500_outside_the_api_stays_the_sites_error_page(db, monkeypatch):
    monkeypatch.setattr(LoginView, "get", failing_view)

    response = Client(raise_request_exception=False).get("/admin/login/")

    assert response.status_code == 500
    assert response["Content-Type"].startswith("text/html")
    assert "Đã có lỗi xảy ra" in response.content.decode()
    assert "secret detail" not in response.content.decode()
    assert_common_headers(response)


# --- manage.py check --deploy with production settings --------------------------------


def manage_env(tmp_path: Path) -> dict[str, str]:
    """The test run's environment, less what it configures, with production settings."""
    clean = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("DJANGO_", "SECURE_", "DATABASE_", "REDIS_", "AWS_"))
        and k not in {"SECRET_KEY", "ALLOWED_HOSTS", "FRONTEND_URL", "MEDIA_URL"}
    }
    production = {
        "DJANGO_SETTINGS_MODULE": "cms.settings.base",
        "DJANGO_DEBUG": "0",
        "SECRET_KEY": secrets.token_urlsafe(64),
        "SECURE_COOKIES": "1",
        "ALLOWED_HOSTS": "tin.example.vn",
        "VAR_DIR": str(tmp_path),
    }
    return {**clean, **production}


def manage(tmp_path: Path, *args: str, **env: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=PROJECT_DIR,
        env={**manage_env(tmp_path), **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_check_deploy_is_clean_with_production_settings(tmp_path):
    result = manage(tmp_path, "check", "--deploy", "--fail-level", "WARNING")

    assert result.returncode == 0, result.stdout + result.stderr
    # Two checks are silenced on purpose, each named in settings and the README:
    # security.W008 (the proxy redirects to HTTPS) and security.W021 (preload is opt-in).
    assert "System check identified no issues (2 silenced)." in result.stdout


def test_check_deploy_is_clean_with_redirect_and_preload_on_and_silences_nothing(tmp_path):
    result = manage(
        tmp_path,
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        SECURE_SSL_REDIRECT="1",
        SECURE_HSTS_PRELOAD="1",
    )

    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues (0 silenced)." in result.stdout


def test_check_deploy_warns_when_hsts_is_turned_off(tmp_path):
    result = manage(tmp_path, "check", "--deploy", SECURE_HSTS_SECONDS="0")

    assert "security.W004" in result.stderr + result.stdout


PRINT_POLICY = """
import django, json
from django.conf import settings
django.setup()
print(json.dumps(settings.CONTENT_SECURITY_POLICY["DIRECTIVES"]))
"""


def test_admin_policy_allows_the_frontend_the_players_and_the_cdn_and_nothing_else(tmp_path):
    result = subprocess.run(
        [sys.executable, "-c", PRINT_POLICY],
        cwd=PROJECT_DIR,
        env={
            **manage_env(tmp_path),
            "FRONTEND_URL": "https://tin.example.vn",
            "AWS_STORAGE_BUCKET_NAME": "media",
            "AWS_S3_CUSTOM_DOMAIN": "cdn.example.vn",
        },
        capture_output=True,
        text=True,
        timeout=120,
    )

    policy = json.loads(result.stdout)
    assert policy["frame-src"] == [
        "'self'",
        "https://tin.example.vn",
        "https://www.youtube-nocookie.com",
        "https://www.facebook.com",
    ]
    assert policy["img-src"] == ["'self'", "data:", "blob:", "https://cdn.example.vn"]
    assert policy["media-src"] == ["'self'", "https://cdn.example.vn"]

"""Request ids and JSON log lines (cms/operations/logs.py, frontend/logs.py): each request's
id is echoed, sent by the frontend to the CMS's API, and on both sides' log lines."""

import json
import logging
import subprocess
import sys
import time

import httpx
import pytest
from django.db import connection
from starlette.testclient import TestClient

from cms.operations import logs as cms_logs
from frontend.app import create_app
from frontend.cache import MemoryCache
from frontend.config import Config
from tests.api_support import make_article
from tests.frontend.stub_cms import stub_cms
from tests.operations.relay import free_port
from tests.operations.servers import (
    ROOT,
    get,
    gunicorn_command,
    server_env,
    stop,
    wait_for_port,
    wait_until_answers,
)
from tests.operations.test_nginx import NGINX, render, require_nginx

FIELDS = {"time", "level", "logger", "message", "request_id", "method", "path", "status"}
BAD_IDS = ("has space", "line\nbreak", "x" * 129, 'quote"d', "")


def is_generated(request_id: str) -> bool:
    return len(request_id) == 32 and all(c in "0123456789abcdef" for c in request_id)


# The CMS, in-process


@pytest.mark.django_db
def test_cms_echoes_a_valid_id_and_replaces_others(client, caplog):
    response = client.get("/api/v2/menu/", HTTP_X_REQUEST_ID="front-1.a_B")
    assert response["X-Request-ID"] == "front-1.a_B"
    for bad in BAD_IDS:
        response = client.get("/api/v2/menu/", HTTP_X_REQUEST_ID=bad)
        assert is_generated(response["X-Request-ID"]), repr(bad)
    assert is_generated(client.get("/healthz")["X-Request-ID"])


@pytest.mark.django_db
def test_cms_logs_one_json_line_per_request(client, caplog):
    with caplog.at_level(logging.INFO, logger="cms.request"):
        client.get("/api/v2/pages/?type=home.ArticlePage", HTTP_X_REQUEST_ID="abc-123")
        client.get("/khong-co-trang-nay/", HTTP_X_REQUEST_ID="abc-404")
    records = [r for r in caplog.records if r.name == "cms.request"]
    lines = [json.loads(cms_logs.JsonFormatter().format(r)) for r in records]
    assert [(line["request_id"], line["status"]) for line in lines] == [
        ("abc-123", 200),
        ("abc-404", 404),
    ]
    first = lines[0]
    assert FIELDS | {"duration_ms"} <= set(first)
    assert first["method"] == "GET" and first["path"] == "/api/v2/pages/"
    assert first["level"] == "INFO" and first["logger"] == "cms.request"
    assert first["time"].endswith("Z") and first["duration_ms"] >= 0


def test_json_formatter_keeps_tracebacks_and_vietnamese_on_one_line():
    try:
        raise ValueError("Lỗi\nhai dòng")
    except ValueError:
        record = logging.LogRecord("cms.x", logging.ERROR, __file__, 1, "Tin %s", ("mới",), None)
        record.exc_info = sys.exc_info()
    token = cms_logs.current_request_id.set("req-7")
    try:
        formatted = cms_logs.JsonFormatter().format(record)
    finally:
        cms_logs.current_request_id.reset(token)
    assert "\n" not in formatted
    line = json.loads(formatted)
    assert line["message"] == "Tin mới" and line["request_id"] == "req-7"
    assert "ValueError: Lỗi\nhai dòng" in line["exception"]


@pytest.mark.django_db
def test_probes_answer_for_any_host_other_paths_do_not(client):
    # A load balancer probing http://10.0.0.11:8000/healthz: the address is no ALLOWED_HOSTS.
    for path in ("/healthz", "/readyz"):
        response = client.get(path, HTTP_HOST="10.0.0.11:8000")
        assert response.status_code == 200, path
        assert "no-store" in response["Cache-Control"]
    assert client.get("/api/v2/menu/", HTTP_HOST="10.0.0.11:8000").status_code == 400
    assert client.get("/healthzz", HTTP_HOST="10.0.0.11:8000").status_code == 400


# The frontend, with a stubbed CMS


def test_frontend_sends_its_request_id_to_the_cms_api():
    seen = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request.headers.get("x-request-id"))
        return stub_cms()(request)

    config = Config(cms_api_url="http://cms/api/v2", public_url="https://tin.example.vn")
    app = create_app(config, cache=MemoryCache(), transport=httpx.MockTransport(handler))
    with TestClient(app, raise_server_exceptions=False) as client:
        response = client.get("/", headers={"X-Request-ID": "reader-42"})
        assert response.status_code == 200
        assert response.headers["x-request-id"] == "reader-42"
        assert seen and set(seen) == {"reader-42"}
        seen.clear()
        response = client.get("/tim-kiem/?q=tin", headers={"X-Request-ID": "bad id"})
        generated = response.headers["x-request-id"]
        assert is_generated(generated)
        assert seen and set(seen) == {generated}
        assert is_generated(client.get("/healthz").headers["x-request-id"])


# Through HTTP: nginx, the frontend and the CMS in subprocesses, logging JSON


def json_lines(path) -> list[dict]:
    lines = []
    for text in path.read_text().splitlines():
        if text.startswith("{"):
            lines.append(json.loads(text))
    return lines


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_frontend_request_id_is_on_the_cms_log_line_of_its_api_call(section, tmp_path):
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL (DATABASE_URL): the CMS subprocess shares the database")
    require_nginx()
    article = make_article(section, "Bài viết có mã yêu cầu")
    path = "/" + article.url_path.split("/", 2)[2]
    db = connection.settings_dict
    env = server_env(
        DATABASE_URL=f"postgres://{db['USER']}@127.0.0.1:{db['PORT'] or 5432}/{db['NAME']}",
        VAR_DIR=str(tmp_path),
        LOG_FORMAT="json",
    )
    cms, front, nginx_cms, nginx_front = (free_port() for _ in range(4))
    cms_log, front_log = tmp_path / "cms.log", tmp_path / "frontend.log"
    config = render(
        tmp_path,
        CMS_SERVERS=f"127.0.0.1:{cms}",
        FRONTEND_SERVERS=f"127.0.0.1:{front}",
        CMS_LISTEN=f"127.0.0.1:{nginx_cms}",
        FRONTEND_LISTEN=f"127.0.0.1:{nginx_front}",
    )
    with open(cms_log, "w") as cms_out, open(front_log, "w") as front_out:
        processes = [
            subprocess.Popen(
                gunicorn_command(cms), cwd=ROOT, env=env, stdout=cms_out, stderr=cms_out
            ),
            subprocess.Popen(
                [sys.executable, "-m", "uvicorn", "frontend.app:app", "--port", str(front)],
                cwd=ROOT,
                # The frontend calls the API through nginx, as in production.
                env={**env, "CMS_API_URL": f"http://127.0.0.1:{nginx_cms}/api/v2"},
                stdout=front_out,
                stderr=front_out,
            ),
            subprocess.Popen(
                [NGINX, "-p", str(tmp_path), "-c", config, "-g", "daemon off;"],
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            ),
        ]
        try:
            wait_until_answers(cms, "/healthz", processes[0])
            wait_for_port(front, processes[1])
            wait_for_port(nginx_front, processes[2])

            # An id the reader's request came with (a load balancer's), through nginx
            status, headers, body = get(nginx_front, path, **{"X-Request-ID": "lb-7f3a.1"})
            assert status == 200 and "Bài viết có mã yêu cầu" in body.decode()
            assert headers["x-request-id"] == "lb-7f3a.1"
            # None: nginx makes one (its $request_id, 32 hex digits)
            status, headers, _ = get(nginx_front, "/tim-kiem/?q=m%C3%A3")
            made_by_nginx = headers["x-request-id"]
            assert status == 200 and is_generated(made_by_nginx)
            # Straight to the frontend, an invalid one: the frontend makes its own
            status, headers, _ = get(front, "/tac-gia/999999/", **{"X-Request-ID": "x y"})
            made_by_frontend = headers["x-request-id"]
            assert status == 404 and is_generated(made_by_frontend)

            deadline = time.monotonic() + 5
            while time.monotonic() < deadline:
                cms_lines, front_lines = json_lines(cms_log), json_lines(front_log)
                api_calls = {
                    line["request_id"]
                    for line in cms_lines
                    if line.get("logger") == "cms.request" and line["path"].startswith("/api/v2/")
                }
                if {"lb-7f3a.1", made_by_nginx, made_by_frontend} <= api_calls:
                    break
                time.sleep(0.2)
        finally:
            for process in reversed(processes):
                stop(process)

    assert {"lb-7f3a.1", made_by_nginx, made_by_frontend} <= api_calls, cms_log.read_text()
    calls = [
        line
        for line in cms_lines
        if line.get("logger") == "cms.request" and line["request_id"] == "lb-7f3a.1"
    ]
    # The article's page, and the menu, footer, links... of the page around it
    assert any(call["path"].startswith("/api/v2/pages/") for call in calls), calls
    for call in calls:
        assert FIELDS | {"duration_ms"} <= set(call) and call["method"] == "GET"
        # (pages/find/ answers with a redirect to the page)
        assert call["status"] in (200, 302) and call["path"].startswith("/api/v2/")
    # The frontend's own line for the reader's request has the same id and fields
    reader = [
        line
        for line in front_lines
        if line.get("logger") == "frontend.request" and line["request_id"] == "lb-7f3a.1"
    ]
    assert len(reader) == 1 and reader[0]["path"] == path and reader[0]["status"] == 200
    assert FIELDS | {"duration_ms"} <= set(reader[0])
    # Every line either side wrote while serving is JSON (uvicorn's own start-up lines aside)
    assert all("request_id" in line for line in cms_lines + front_lines)

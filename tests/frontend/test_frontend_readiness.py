"""The frontend's /healthz and /readyz (frontend/views.py), from a stubbed CMS API."""

import httpx
from starlette.testclient import TestClient

from frontend.app import create_app
from frontend.cache import MemoryCache
from frontend.config import Config
from tests.frontend.stub_cms import stub_cms

CONFIG = Config(cms_api_url="http://cms/api/v2", public_url="https://tin.example.vn")


def client_for(handler) -> TestClient:
    app = create_app(CONFIG, cache=MemoryCache(), transport=httpx.MockTransport(handler))
    return TestClient(app, raise_server_exceptions=False)


def refused(request: httpx.Request) -> httpx.Response:
    raise httpx.ConnectError("connection refused by cms-secret-host:8000")


def failing(request: httpx.Request) -> httpx.Response:
    return httpx.Response(503, json={"message": "database unavailable"})


def test_readyz_ok_when_the_cms_api_answers():
    asked = []

    def handler(request: httpx.Request) -> httpx.Response:
        asked.append(request.url.path)
        return stub_cms()(request)

    with client_for(handler) as client:
        response = client.get("/readyz")
        again = client.get("/readyz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "checks": {"cms_api": "ok"}}
    assert response.headers["cache-control"] == "no-store, private"
    assert again.status_code == 200
    assert asked == ["/api/v2/pages/", "/api/v2/pages/"]  # asked each time, never cached


def test_readyz_503_naming_the_cms_api_when_it_is_unreachable_or_failing():
    for handler in (refused, failing):
        with client_for(handler) as client:
            response = client.get("/readyz")
        assert response.status_code == 503
        assert response.json() == {"status": "unavailable", "checks": {"cms_api": "failed"}}
        assert "secret" not in response.text
        assert response.headers["cache-control"] == "no-store, private"


def test_healthz_does_not_ask_the_cms():
    with client_for(refused) as client:
        response = client.get("/healthz")
    assert response.status_code == 200
    # A cached "ok" would hide a dead frontend from the load balancer.
    assert response.headers["cache-control"] == "no-store, private"

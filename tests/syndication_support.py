"""Builders for the syndication tests: API keys and a reference portal consumer."""

from django.test import Client

from cms.syndication import api_keys
from cms.syndication.models import APIKey


def publish_new_article(section, title: str, **fields):
    """An article created as a draft and then published, as editors do it in the admin."""
    from home.models import ArticlePage
    from tests.api_support import publish

    article = ArticlePage(title=title, lead=f"Sapo của {title}", live=False, **fields)
    section.add_child(instance=article)
    return publish(article)


def make_api_key(name: str = "Cổng thông tin điện tử tỉnh") -> tuple[APIKey, str]:
    api_key = APIKey(name=name)
    key = api_keys.issue(api_key)
    api_key.save()
    return api_key, key


class PortalMirror:
    """The provincial portal's copy of our site, kept in sync through the change feed.

    It stores the cursor between runs, and applies items the documented way: a page present
    is upserted by id, an item without one deletes by id; questions of "Hỏi đáp" (``kind``
    "question") likewise by ``question_id``.
    """

    def __init__(self, client: Client, key: str, limit: int = 50):
        self.client = client
        self.key = key
        self.limit = limit
        self.cursor: str | None = None
        self.pages: dict[int, dict] = {}
        self.questions: dict[int, dict] = {}
        self.items_received = 0

    def get(self, cursor: str | None):
        params = {"limit": self.limit}
        if cursor:
            params["cursor"] = cursor
        return self.client.get("/api/v2/changes/", params, HTTP_AUTHORIZATION=f"Bearer {self.key}")

    def apply(self, item: dict) -> None:
        if item["kind"] == "question":
            if item["question"] is not None:
                self.questions[item["question_id"]] = item["question"]
            else:
                self.questions.pop(item["question_id"], None)
        elif item["page"] is not None:
            self.pages[item["page_id"]] = item["page"]
        else:
            self.pages.pop(item["page_id"], None)

    def sync(self) -> list[dict]:
        """Pages on from the stored cursor; returns the items received, in order."""
        received = []
        while True:
            response = self.get(self.cursor)
            assert response.status_code == 200, response.content
            data = response.json()
            for item in data["items"]:
                self.apply(item)
            received.extend(data["items"])
            self.items_received += len(data["items"])
            self.cursor = data["next_cursor"]
            if not data["has_more"]:
                return received


# --- A portal that receives webhooks ---------------------------------------------------

import hashlib  # noqa: E402
import hmac  # noqa: E402
import json  # noqa: E402
import threading  # noqa: E402
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer  # noqa: E402


def verify_signature(secret: str, headers, body: bytes, tolerance: int | None = None) -> bool:
    """The portal's check, as the README shows it to the portal's developers."""
    import time

    timestamp = headers["X-Webhook-Timestamp"]
    expected = hmac.new(secret.encode(), timestamp.encode() + b"." + body, hashlib.sha256)
    signature_ok = hmac.compare_digest(
        "sha256=" + expected.hexdigest(), headers["X-Webhook-Signature"]
    )
    fresh = tolerance is None or abs(time.time() - int(timestamp)) <= tolerance
    return signature_ok and fresh


class WebhookPortal:
    """A loopback HTTP receiver that mirrors the site from webhook deliveries.

    ``failing`` makes it answer 500 (and apply nothing) until set back to False.
    """

    def __init__(self, secret: str):
        self.secret = secret
        self.failing = False
        self.pages: dict[int, dict] = {}
        self.questions: dict[int, dict] = {}
        self.applied: list[int] = []  # event ids, in the order they were applied
        self.refused = 0
        self.bad_signatures = 0
        portal = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                body = self.rfile.read(int(self.headers["Content-Length"]))
                if not verify_signature(portal.secret, self.headers, body, tolerance=300):
                    portal.bad_signatures += 1
                    self.send_response(401)
                elif portal.failing:
                    portal.refused += 1
                    self.send_response(500)
                else:
                    portal.receive(json.loads(body))
                    self.send_response(204)
                self.end_headers()

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}/hooks/cms"

    def receive(self, item: dict) -> None:
        if item["event_id"] in self.applied:
            return  # already applied: a redelivery has no second effect
        self.applied.append(item["event_id"])
        if item["page"] is not None:
            self.pages[item["page_id"]] = item["page"]
        else:
            self.pages.pop(item["page_id"], None)

    def __enter__(self) -> "WebhookPortal":
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.server.shutdown()
        self.server.server_close()

"""Builders for the syndication tests: API keys and a reference portal consumer."""

from django.test import Client

from syndication import api_keys
from syndication.models import APIKey


def make_api_key(name: str = "Cổng thông tin điện tử tỉnh") -> tuple[APIKey, str]:
    api_key = APIKey(name=name)
    key = api_keys.issue(api_key)
    api_key.save()
    return api_key, key


class PortalMirror:
    """The provincial portal's copy of our site, kept in sync through the change feed.

    It stores the cursor between runs, and applies items the documented way: a page present
    is upserted by id, an item without one deletes by id.
    """

    def __init__(self, client: Client, key: str, limit: int = 50):
        self.client = client
        self.key = key
        self.limit = limit
        self.cursor: str | None = None
        self.pages: dict[int, dict] = {}
        self.items_received = 0

    def get(self, cursor: str | None):
        params = {"limit": self.limit}
        if cursor:
            params["cursor"] = cursor
        return self.client.get("/api/v2/changes/", params, HTTP_AUTHORIZATION=f"Bearer {self.key}")

    def apply(self, item: dict) -> None:
        if item["page"] is not None:
            self.pages[item["page_id"]] = item["page"]
        else:
            self.pages.pop(item["page_id"], None)

    def sync(self) -> None:
        while True:
            response = self.get(self.cursor)
            assert response.status_code == 200, response.content
            data = response.json()
            for item in data["items"]:
                self.apply(item)
            self.items_received += len(data["items"])
            self.cursor = data["next_cursor"]
            if not data["has_more"]:
                return

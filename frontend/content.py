"""What each page needs from the API, fetched concurrently.

Every function takes the ``ApiClient`` and returns plain dicts for the templates.
"""

import asyncio
from typing import Any

from frontend.api_client import ApiClient, CMSUnavailable, NotFound

PAGE_SIZE = 12
SECTION_BLOCK_SIZE = 4
SIDEBAR_SIZE = 4
DEFAULT_LOCALE = "vi"
# Languages other than Vietnamese, served under /<code>/ (the CMS's English tree).
OTHER_LOCALES = ("en",)


def locale_of(path: str) -> str:
    """'/en/news/x/' -> 'en'; Vietnamese is at the root."""
    first = path.strip("/").split("/", 1)[0]
    return first if first in OTHER_LOCALES else DEFAULT_LOCALE


async def chrome(api: ApiClient, locale: str = DEFAULT_LOCALE) -> dict[str, Any]:
    """The menu, footer and the blocks every page shows; the menu, footer and linked websites
    in the page's language (the CMS serves only what was translated into it)."""
    menu, site, linked, videos, galleries = await asyncio.gather(
        api.get("menu/", {"locale": locale}),
        api.get("site-settings/", {"locale": locale}),
        api.get("linked-websites/", {"locale": locale}),
        api.get("videos/latest/", {"limit": SIDEBAR_SIZE}),
        api.get("galleries/latest/", {"limit": SIDEBAR_SIZE}),
    )
    return {
        "menu": menu["items"],
        "site": site,
        "linked_websites": linked["items"],
        "latest_videos": videos["items"],
        "latest_galleries": galleries["items"],
    }


async def chrome_or_empty(api: ApiClient) -> dict[str, Any]:
    """For error pages: whatever is cached or reachable, never an exception."""
    try:
        return await chrome(api)
    except (CMSUnavailable, NotFound, KeyError, TypeError):
        return {
            "menu": [],
            "site": {},
            "linked_websites": [],
            "latest_videos": [],
            "latest_galleries": [],
        }


FEATURED_SIZE = 5
LATEST_SIZE = 6


def _in_section(item: dict, section: dict) -> bool:
    return item["path"].startswith(section["path"])


async def home(api: ApiClient) -> dict[str, Any]:
    """Featured news, latest news and a block per main section, each story once.

    A story shows in its most prominent block only: featured, then latest, then its
    section. Each listing asks for as many more items as the blocks before it may have
    taken, so blocks stay full without more requests (sections are asked once the
    featured and latest stories are known, with the menu).
    """
    common, featured, latest = await asyncio.gather(
        chrome(api),
        api.get("pages/", {"type": "article", "featured": "true", "limit": FEATURED_SIZE}),
        api.get("pages/", {"type": "article", "limit": LATEST_SIZE + FEATURED_SIZE}),
    )
    shown = {item["id"] for item in featured["items"]}
    latest_items = [item for item in latest["items"] if item["id"] not in shown][:LATEST_SIZE]
    shown.update(item["id"] for item in latest_items)
    above = featured["items"] + latest_items
    sections = [item for item in common["menu"] if item["kind"] == "section"]
    listings = await asyncio.gather(
        *(
            api.get(
                "pages/",
                {
                    "section": s["id"],
                    "limit": SECTION_BLOCK_SIZE + sum(_in_section(i, s) for i in above),
                },
            )
            for s in sections
        )
    )
    blocks = []
    for section, listing in zip(sections, listings, strict=True):
        items = [item for item in listing["items"] if item["id"] not in shown]
        items = items[:SECTION_BLOCK_SIZE]
        shown.update(item["id"] for item in items)
        if items:
            blocks.append({"section": section, "items": items})
    return {
        **common,
        "featured": featured["items"],
        "latest": latest_items,
        "section_blocks": blocks,
    }


async def page_at(api: ApiClient, path: str) -> dict[str, Any]:
    return await api.get("pages/find/", {"html_path": path})


async def listing(api: ApiClient, params: dict[str, Any], page_number: int) -> dict[str, Any]:
    """One page of a listing, with what the pagination links need."""
    offset = (page_number - 1) * PAGE_SIZE
    data = await api.get("pages/", {**params, "limit": PAGE_SIZE, "offset": offset})
    total = data["meta"]["total_count"]
    pages = max((total + PAGE_SIZE - 1) // PAGE_SIZE, 1)
    if page_number > pages:
        raise NotFound()
    return {"items": data["items"], "total": total, "page": page_number, "pages": pages}


def children_params(page: dict) -> dict[str, Any]:
    """The listing under a section, video index or gallery index page."""
    kind = page["kind"]
    if kind == "video_index":
        return {"child_of": page["id"], "type": "video"}
    if kind == "gallery_index":
        return {"child_of": page["id"], "type": "gallery"}
    return {"section": page["id"], "type": "article"}


async def first_article(api: ApiClient, params: dict[str, Any]) -> dict | None:
    """The newest article of a listing, in full: its tags and authors name the listing.

    Workaround: the API has no tag or author endpoint, so a tag's name and an author's
    name and position come from an article that carries them.
    """
    data = await api.get("pages/", {**params, "limit": 1})
    if not data["items"]:
        return None
    return await api.get(f"pages/{data['items'][0]['id']}/")

"""What each Plone item becomes here, decided before anything is written.

Plone type            ours
Folder                section (a gallery when its layout is album_view or it holds only Images)
News Item, Event      article (an Event's dates go at the top of the body)
Document              standard page (a folder's default page: that section's introduction)
Image                 media library image (inside a gallery folder: a photo of the gallery)
File                  media library document
Link to a video site  video page; any other Link: a permanent redirect to its address
anything else         skipped, and reported

States: only Plone's ``published`` becomes public (or expired, or scheduled when its
effective date is still to come); ``pending`` becomes a draft submitted to our workflow;
``private`` and every other state a draft. Files and Images have no workflow in Plone's
default setup; one that has a state other than published is not imported, since our media
library has no private files.
"""

import datetime
import re
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from django.utils import timezone
from django.utils.dateparse import parse_datetime

from media_library.embeds import parse_video_url

GALLERY_LAYOUTS = {"album_view", "galleryview", "gallery_view", "photo_album_view"}
PAGE_TYPES = {
    "Folder": "section",
    "News Item": "article",
    "Event": "article",
    "Document": "standard page",
}
MEDIA_TYPES = {"Image": "image", "File": "document"}
SITE_TYPES = {"Plone Site", "Site"}
SITE_ROOT_UID = "plone_site_root"  # collective.exportimport's placeholder for the portal

_ASCII_ID = re.compile(r"[-a-zA-Z0-9_]+")


@dataclass
class Entry:
    """What the first pass keeps of an item: enough to place it and resolve links to it."""

    portal_type: str
    parent_uid: str | None
    path: str
    layout: str = ""
    review_state: str = ""


@dataclass
class Index:
    entries: dict[str, Entry] = field(default_factory=dict)
    child_types: dict[str, set[str]] = field(default_factory=dict)
    uid_by_path: dict[str, str] = field(default_factory=dict)
    site_paths: set[str] = field(default_factory=set)

    def add(self, item: dict) -> None:
        uid = item["UID"]
        parent = item.get("parent") or {}
        path = old_path(item)
        self.entries[uid] = Entry(
            portal_type=item["@type"],
            parent_uid=parent.get("UID"),
            path=path,
            layout=item.get("layout") or "",
            review_state=item.get("review_state") or "",
        )
        self.uid_by_path[path] = uid
        if parent.get("UID"):
            self.child_types.setdefault(parent["UID"], set()).add(item["@type"])
        if parent.get("@type") in SITE_TYPES and parent.get("@id"):
            self.site_paths.add(urlsplit(parent["@id"]).path.rstrip("/"))

    def is_gallery(self, uid: str) -> bool:
        entry = self.entries.get(uid)
        if entry is None or entry.portal_type != "Folder":
            return False
        children = self.child_types.get(uid, set())
        return entry.layout in GALLERY_LAYOUTS or children == {"Image"}


def old_path(item: dict) -> str:
    return urlsplit(str(item.get("@id", ""))).path.rstrip("/") or "/"


def public_paths(path: str, site_paths: set[str]) -> list[str]:
    """The item's path as Zope serves it (/Plone/tin-tuc/a) and as the public site did
    behind virtual hosting (/tin-tuc/a)."""
    paths = [path]
    for site in site_paths:
        if site and path.startswith(site + "/"):
            paths.append(path[len(site) :])
    return paths


def parse_date(value: object) -> datetime.datetime | None:
    """Plone's ISO dates; "None" and the 1000/2499 sentinels of old sites are no date."""
    if not value or not isinstance(value, str) or value == "None":
        return None
    parsed = parse_datetime(value)
    if parsed is None:
        return None
    if parsed.year <= 1001 or parsed.year >= 2499:
        return None
    if timezone.is_naive(parsed):
        parsed = timezone.make_aware(parsed, datetime.UTC)
    return parsed


def our_type(item: dict, index: Index, default_pages: set[str]) -> str | None:
    portal_type = item.get("@type")
    if portal_type == "Folder" and index.is_gallery(item["UID"]):
        return "gallery"
    if portal_type == "Document" and item["UID"] in default_pages:
        return "section introduction"
    if portal_type == "Link":
        return "video" if parse_video_url(str(item.get("remoteUrl") or "")) else "redirect"
    if portal_type == "Image":
        parent = index.entries.get((item.get("parent") or {}).get("UID") or "")
        return "gallery photo" if parent and index.is_gallery(item["parent"]["UID"]) else "image"
    return PAGE_TYPES.get(portal_type) or MEDIA_TYPES.get(portal_type)


def our_state(item: dict, kind: str, now: datetime.datetime | None = None) -> str:
    """published, scheduled, expired, submitted or draft; '-' for media and redirects."""
    now = now or timezone.now()
    state = item.get("review_state") or ""
    if kind in ("image", "gallery photo", "document", "redirect", "section introduction"):
        return "-"
    if state == "published":
        expires, effective = parse_date(item.get("expires")), parse_date(item.get("effective"))
        if expires and expires <= now:
            return "expired"
        if effective and effective > now:
            return "scheduled"
        return "published"
    if state == "pending":
        return "submitted"
    return "draft"


def media_is_public(item: dict) -> bool:
    return (item.get("review_state") or "published") == "published"


def keeps_plone_id(plone_id: str) -> bool:
    return bool(_ASCII_ID.fullmatch(plone_id or ""))

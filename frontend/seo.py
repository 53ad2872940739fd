"""What search engines and share previews read: JSON-LD, sitemap.xml, RSS, robots.txt."""

import html
from datetime import datetime
from email.utils import format_datetime
from typing import Any
from xml.sax.saxutils import escape

from frontend.api_client import ApiClient, NotFound
from frontend.render import embed, iso_duration

SITEMAP_BATCH = 100


def _image_object(rendition: dict) -> dict[str, Any]:
    return {
        "@type": "ImageObject",
        "url": rendition["url"],
        "width": rendition["width"],
        "height": rendition["height"],
    }


def _publisher(site: dict) -> dict[str, Any] | None:
    """The organisation behind the site, with its logo when the settings have one."""
    if not site.get("organisation_name"):
        return None
    publisher: dict[str, Any] = {"@type": "Organization", "name": site["organisation_name"]}
    if site.get("logo"):
        publisher["logo"] = _image_object(site["logo"])
    return publisher


def _dates(page: dict) -> dict[str, str]:
    """datePublished and dateModified: the publication date shown, the last publication."""
    published = page.get("publication_date") or (page.get("meta") or {}).get("first_published_at")
    modified = page.get("updated_at") or published
    dates = {}
    if published:
        dates["datePublished"] = published
    if modified:
        # Never before the date shown: an article may be dated ahead of its last save.
        dates["dateModified"] = max(modified, published or modified, key=_moment)
    return dates


def _moment(value: str) -> datetime:
    return datetime.fromisoformat(value.replace("Z", "+00:00"))


def _common(page: dict, url: str, site: dict, kind: str) -> dict[str, Any]:
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": kind,
        "mainEntityOfPage": url,
        "url": url,
        "inLanguage": "vi",
        **_dates(page),
    }
    publisher = _publisher(site)
    if publisher:
        data["publisher"] = publisher
    return data


def news_article(page: dict, url: str, site: dict) -> dict[str, Any]:
    """schema.org NewsArticle of an article page."""
    data = _common(page, url, site, "NewsArticle")
    data["headline"] = page["title"][:110]
    data["description"] = page.get("lead", "")
    image = (page.get("seo") or {}).get("og_image")
    if image:
        data["image"] = [image["url"]]
    authors = page.get("authors") or []
    if authors:
        data["author"] = [
            {"@type": "Person", "name": a["name"], "jobTitle": a.get("position") or None}
            for a in authors
        ]
    return data


def video_object(page: dict, url: str, site: dict) -> dict[str, Any]:
    """schema.org VideoObject of a video page: its poster, file or player, duration."""
    data = _common(page, url, site, "VideoObject")
    data["name"] = page["title"]
    data["description"] = page.get("lead") or page["title"]
    data["uploadDate"] = data.get("datePublished")
    thumbnails = [
        image["url"]
        for image in ((page.get("seo") or {}).get("og_image"), page.get("thumbnail"))
        if image
    ]
    if thumbnails:
        data["thumbnailUrl"] = list(dict.fromkeys(thumbnails))
    video = page.get("video") or {}
    if video.get("file_url"):
        data["contentUrl"] = video["file_url"]
    player = embed(video.get("embed_url"))
    if player:
        # The player without the autoplay the click-to-load link asks for.
        data["embedUrl"] = player["src"].replace("?autoplay=1", "").replace("autoplay=true&", "")
    if video.get("duration_seconds"):
        data["duration"] = iso_duration(video["duration_seconds"])
    return {key: value for key, value in data.items() if value is not None}


def image_gallery(page: dict, url: str, site: dict) -> dict[str, Any]:
    """schema.org ImageGallery of a gallery page: its photos, largest size, with captions."""
    data = _common(page, url, site, "ImageGallery")
    data["name"] = page["title"]
    data["description"] = page.get("lead") or page["title"]
    photos = []
    for photo in page.get("photos") or []:
        largest = photo["srcset"][-1] if photo.get("srcset") else None
        item: dict[str, Any] = {
            "@type": "ImageObject",
            "contentUrl": largest["url"] if largest else photo["src"],
            "width": largest["width"] if largest else photo["width"],
            "height": largest["height"] if largest else photo["height"],
        }
        if photo.get("caption"):
            item["caption"] = photo["caption"]
        if photo.get("credit"):
            item["creditText"] = photo["credit"]
        photos.append(item)
    if photos:
        data["image"] = photos
    return data


JSON_LD_BY_KIND = {"article": news_article, "video": video_object, "gallery": image_gallery}


def json_ld(page: dict, url: str, site: dict) -> dict[str, Any] | None:
    """The JSON-LD of a page of the CMS's tree, for the kinds that have one."""
    build = JSON_LD_BY_KIND.get(page.get("kind", ""))
    return build(page, url, site) if build else None


async def all_pages(api: ApiClient) -> list[dict]:
    items: list[dict] = []
    offset = 0
    while True:
        data = await api.get(
            "pages/",
            {"fields": "_,title,path,publication_date", "limit": SITEMAP_BATCH, "offset": offset},
        )
        items.extend(data["items"])
        offset += SITEMAP_BATCH
        if offset >= data["meta"]["total_count"] or not data["items"]:
            return items


async def latest_answer(api: ApiClient) -> str | None:
    """When the newest published answer of "Hỏi đáp" was published; None without one.

    Questions have no page of their own (each is an anchor of /hoi-dap/), so the sitemap
    shows them as the list's last modification; a question not published changes nothing.
    """
    try:
        data = await api.get("questions/", {"limit": 1})
    except NotFound:
        return None
    items = data.get("items") or []
    return items[0].get("published_at") if items else None


def sitemap(pages: list[dict], base_url: str, questions_updated: str | None = None) -> str:
    """sitemap.xml: every public page of the CMS's tree (articles, documents, schedule weeks,
    the organisation page…, as /api/v2/pages/ lists them) and the frontend's own pages."""
    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
    ]
    # The frontend's own pages of the CMS's data: "Hỏi đáp", "Liên hệ" and its English page
    # (frontend/contact.py); once, also where the CMS has a page at that address. "Hỏi đáp"
    # carries the date of its newest published answer.
    from_cms = {page["path"] for page in pages}
    for path in ("/hoi-dap/", "/lien-he/", "/en/contact/"):
        if path in from_cms:
            continue
        lastmod = ""
        if path == "/hoi-dap/" and questions_updated:
            lastmod = f"<lastmod>{escape(questions_updated)}</lastmod>"
        lines.append(f"<url><loc>{escape(base_url + path)}</loc>{lastmod}</url>")
    for page in pages:
        lines.append(f"<url><loc>{escape(base_url + page['path'])}</loc>")
        if page.get("publication_date"):
            lines.append(f"<lastmod>{escape(page['publication_date'])}</lastmod>")
        lines.append("</url>")
    lines.append("</urlset>")
    return "\n".join(lines) + "\n"


def html_text(text: str) -> str:
    """Plain text for an element readers render as HTML (RSS <description>), as XML.

    Escaped twice: as HTML, so that a lead typed as "<script>" is shown as text, then as XML.
    """
    return escape(html.escape(text, quote=False))


def rss(items: list[dict], base_url: str, site: dict, title: str) -> str:
    # <title> is plain text (RSS Advisory Board), escaped once; <description> is HTML.
    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<rss version="2.0"><channel>',
        f"<title>{escape(title)}</title>",
        f"<link>{escape(base_url)}/</link>",
        f"<description>{html_text(site.get('organisation_name') or '')}</description>",
        "<language>vi</language>",
    ]
    for item in items:
        link = escape(base_url + item["path"])
        lines.append(f"<item><title>{escape(item['title'])}</title><link>{link}</link>")
        lines.append(f'<guid isPermaLink="true">{link}</guid>')
        lines.append(f"<description>{html_text(item.get('lead') or '')}</description>")
        if item.get("publication_date"):
            moment = datetime.fromisoformat(item["publication_date"].replace("Z", "+00:00"))
            lines.append(f"<pubDate>{format_datetime(moment)}</pubDate>")
        lines.append("</item>")
    lines.append("</channel></rss>")
    return "\n".join(lines) + "\n"


def robots(base_url: str) -> str:
    return (
        "User-agent: *\n"
        "Disallow: /preview/\n"
        "Disallow: /tim-kiem/\n"
        f"Sitemap: {base_url}/sitemap.xml\n"
    )

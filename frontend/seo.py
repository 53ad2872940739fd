"""What search engines and share previews read: JSON-LD, sitemap.xml, RSS, robots.txt."""

import html
from datetime import datetime
from email.utils import format_datetime
from typing import Any
from xml.sax.saxutils import escape

from frontend.api_client import ApiClient

SITEMAP_BATCH = 100


def news_article(page: dict, url: str, site: dict) -> dict[str, Any]:
    """schema.org NewsArticle of an article page."""
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": page["title"][:110],
        "description": page.get("lead", ""),
        "mainEntityOfPage": url,
        "inLanguage": "vi",
    }
    if page.get("publication_date"):
        data["datePublished"] = page["publication_date"]
    image = (page.get("seo") or {}).get("og_image")
    if image:
        data["image"] = [image["url"]]
    authors = page.get("authors") or []
    if authors:
        data["author"] = [
            {"@type": "Person", "name": a["name"], "jobTitle": a.get("position") or None}
            for a in authors
        ]
    if site.get("organisation_name"):
        data["publisher"] = {"@type": "Organization", "name": site["organisation_name"]}
    return data


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


def sitemap(pages: list[dict], base_url: str) -> str:
    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
    ]
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

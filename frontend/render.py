"""Jinja2 environment of the frontend: template folders by role, filters for images and video.

Templates live in ``templates/pages/`` (one per page kind), ``templates/components/``
(cards, blocks every page shows, StreamField blocks under ``streamfield/blocks/``) and
``templates/navigation/`` (header, menu, footer, breadcrumbs, pagination).
"""

import json
import re
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, quote, urlparse

from jinja2 import Environment, FileSystemLoader, select_autoescape
from markupsafe import Markup

from frontend.content import DEFAULT_LOCALE, locale_of
from frontend.i18n import Translations
from frontend.static_files import StaticFiles

TEMPLATES_DIR = Path(__file__).parent / "templates"
YOUTUBE_ID = re.compile(r"^[A-Za-z0-9_-]{6,20}$")


def srcset(renditions: list[dict] | None) -> str:
    """'a.webp 480w, b.webp 960w' from the API's [{"url", "width", "height"}, ...]."""
    return ", ".join(f"{r['url']} {r['width']}w" for r in renditions or [])


def youtube_id(url: str) -> str | None:
    parsed = urlparse(url)
    host = (parsed.hostname or "").removeprefix("www.").removeprefix("m.")
    candidate = None
    if host == "youtu.be":
        candidate = parsed.path.strip("/").split("/")[0]
    elif host in ("youtube.com", "youtube-nocookie.com"):
        if parsed.path == "/watch":
            candidate = parse_qs(parsed.query).get("v", [None])[0]
        elif parsed.path.startswith(("/embed/", "/shorts/", "/live/")):
            candidate = parsed.path.split("/")[2]
    return candidate if candidate and YOUTUBE_ID.match(candidate) else None


def embed(url: str | None) -> dict | None:
    """The player to load on click, for a YouTube or Facebook address; None for others.

    {"provider": "YouTube", "src": "https://www.youtube-nocookie.com/embed/ID?autoplay=1"}
    """
    if not url:
        return None
    video_id = youtube_id(url)
    if video_id:
        # youtube-nocookie: no tracking cookie until the reader starts the video.
        return {
            "provider": "YouTube",
            "src": f"https://www.youtube-nocookie.com/embed/{video_id}?autoplay=1",
            "url": url,
        }
    host = (urlparse(url).hostname or "").removeprefix("www.").removeprefix("m.")
    if host in ("facebook.com", "fb.watch"):
        return {
            "provider": "Facebook",
            "src": "https://www.facebook.com/plugins/video.php?autoplay=true&href="
            + quote(url, safe=""),
            "url": url,
        }
    return None


# Characters that must not appear literally in JSON inside a <script> element: "</script"
# ends it and "<!--" changes how the HTML parser looks for its end; U+2028 and U+2029 end a
# line in older JavaScript. The same escapes as Django's json_script.
SCRIPT_JSON_ESCAPES = {
    ord("<"): "\\u003C",
    ord(">"): "\\u003E",
    ord("&"): "\\u0026",
    ord("\u2028"): "\\u2028",
    ord("\u2029"): "\\u2029",
}


def script_json(data: dict) -> Markup:
    """JSON for a <script type="application/ld+json"> element, safe whatever its strings hold.

    {"headline": "a <!--<b>"} -> {"headline":"a \\u003C!--\\u003Cb\\u003E"}
    """
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    # Outside strings JSON has none of these characters, so escaping them everywhere only
    # rewrites string contents, which JSON.parse gives back unchanged.
    return Markup(text.translate(SCRIPT_JSON_ESCAPES))


def file_size(size: int | None) -> str:
    if not size:
        return ""
    if size < 1024 * 1024:
        return f"{max(size // 1024, 1)} KB"
    return f"{size / 1024 / 1024:.1f} MB".replace(".", ",")


def duration(seconds: int | None) -> str:
    if not seconds:
        return ""
    minutes, seconds = divmod(int(seconds), 60)
    hours, minutes = divmod(minutes, 60)
    return f"{hours}:{minutes:02d}:{seconds:02d}" if hours else f"{minutes}:{seconds:02d}"


def iso_duration(seconds: int | None) -> str:
    return f"PT{int(seconds)}S" if seconds else ""


ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")

# og:locale (language_TERRITORY) of the languages the site is in.
OPEN_GRAPH_LOCALES = {"vi": "vi_VN", "en": "en_US"}


def vn_date(value: str | None) -> str:
    """'2026-11-30' (or a date-time starting so) -> '30/11/2026', as Vietnamese dates are
    written; anything else is shown as it came."""
    if not value or not ISO_DATE.match(value):
        return value or ""
    year, month, day = value[:10].split("-")
    return f"{day}/{month}/{year}"


def language_attribute(path: str | None) -> Markup:
    """' lang="en"' for the title, text and links of what lives under /en/: the page itself is
    in Vietnamese (its menus, labels and dates), so English parts are marked as such."""
    locale = locale_of(path or "/")
    return Markup(f' lang="{locale}"') if locale != DEFAULT_LOCALE else Markup("")


def open_graph_locale(path: str) -> str:
    return OPEN_GRAPH_LOCALES.get(locale_of(path), OPEN_GRAPH_LOCALES[DEFAULT_LOCALE])


def make_environment(translations: Translations, static: StaticFiles) -> Environment:
    env = Environment(
        loader=FileSystemLoader(TEMPLATES_DIR),
        autoescape=select_autoescape(["html", "xml"]),
        extensions=["jinja2.ext.i18n"],
        trim_blocks=True,
        lstrip_blocks=True,
        auto_reload=False,
        enable_async=False,
    )
    env.install_gettext_callables(translations.gettext, translations.ngettext, newstyle=True)
    env.filters.update(
        srcset=srcset,
        file_size=file_size,
        duration=duration,
        iso_duration=iso_duration,
        script_json=script_json,
        lang=language_attribute,
        og_locale=open_graph_locale,
        vn_date=vn_date,
    )
    env.globals.update(static=static.url, embed=embed)
    return env


def render(env: Environment, name: str, context: dict[str, Any]) -> str:
    return env.get_template(name).render(context)

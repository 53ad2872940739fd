"""Video embeds (YouTube, Facebook) built from the address alone, without calling the internet.

Wagtail's default oEmbed finder asks the provider for the player markup. Facebook's oEmbed
needs an app token, and both calls leak editors' browsing to the providers and make tests
depend on the network. The player addresses are stable and documented, so we build them:
YouTube through its privacy-enhanced youtube-nocookie.com domain.

>>> parse_video_url("https://youtu.be/Hq7vK2xLm0A")
('youtube', 'Hq7vK2xLm0A')
"""

import re
from urllib.parse import parse_qs, quote, urlsplit

from django.core.exceptions import ValidationError
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail.embeds.exceptions import EmbedNotFoundException
from wagtail.embeds.finders.base import EmbedFinder

UNSUPPORTED_VIDEO_URL = _(
    "Only YouTube and Facebook video addresses can be embedded, e.g. "
    "https://www.youtube.com/watch?v=… or https://www.facebook.com/…/videos/…"
)

_YOUTUBE_HOSTS = {
    "youtube.com",
    "www.youtube.com",
    "m.youtube.com",
    "youtube-nocookie.com",
    "www.youtube-nocookie.com",
}
# Video ids are 11 characters today; any id-shaped value is accepted and the player judges.
_YOUTUBE_ID = re.compile(r"^[\w-]{1,64}$")
_YOUTUBE_PATH = re.compile(r"^/(?:embed|shorts|live|v)/([\w-]+)")
_FACEBOOK_HOSTS = {"facebook.com", "www.facebook.com", "m.facebook.com", "web.facebook.com"}
_FACEBOOK_VIDEO_PATH = re.compile(r"^/(?:[\w.-]+/videos/(?:[\w.-]+/)?\d+|watch/?|reel/\d+)")

ASPECT_WIDTH, ASPECT_HEIGHT = 560, 315


def parse_video_url(url: str) -> tuple[str, str] | None:
    """(provider, id-or-url) for a YouTube or Facebook video address, else None."""
    parts = urlsplit(url.strip())
    if parts.scheme not in {"http", "https"}:
        return None
    host = parts.hostname or ""
    if host == "youtu.be":
        video_id = parts.path.strip("/")
        return ("youtube", video_id) if _YOUTUBE_ID.match(video_id) else None
    if host in _YOUTUBE_HOSTS:
        if parts.path == "/watch":
            video_id = parse_qs(parts.query).get("v", [""])[0]
        else:
            match = _YOUTUBE_PATH.match(parts.path)
            video_id = match.group(1) if match else ""
        return ("youtube", video_id) if _YOUTUBE_ID.match(video_id) else None
    if host == "fb.watch" and parts.path.strip("/"):
        return ("facebook", url.strip())
    if host in _FACEBOOK_HOSTS and _FACEBOOK_VIDEO_PATH.match(parts.path):
        if parts.path.rstrip("/") == "/watch" and not parse_qs(parts.query).get("v"):
            return None
        return ("facebook", url.strip())
    return None


def validate_video_url(url: str) -> None:
    if url and parse_video_url(url) is None:
        raise ValidationError(UNSUPPORTED_VIDEO_URL, code="unsupported_video_url")


def player_url(provider: str, key: str) -> str:
    if provider == "youtube":
        return f"https://www.youtube-nocookie.com/embed/{key}"
    return f"https://www.facebook.com/plugins/video.php?href={quote(key, safe='')}&show_text=false"


# YouTube's still of every video ("hqdefault": 480×360, the 16:9 picture letterboxed).
YOUTUBE_THUMBNAIL = "https://i.ytimg.com/vi/{key}/hqdefault.jpg"
YOUTUBE_THUMBNAIL_WIDTH, YOUTUBE_THUMBNAIL_HEIGHT = 480, 360


def provider_thumbnail(url: str) -> dict | None:
    """The provider's still of an embedded video, where its address names one (YouTube;
    Facebook has none without an app token): {"url", "width", "height"}, else None."""
    parsed = parse_video_url(url) if url else None
    if parsed is None or parsed[0] != "youtube":
        return None
    return {
        "url": YOUTUBE_THUMBNAIL.format(key=parsed[1]),
        "width": YOUTUBE_THUMBNAIL_WIDTH,
        "height": YOUTUBE_THUMBNAIL_HEIGHT,
    }


class VideoEmbedFinder(EmbedFinder):
    """``WAGTAILEMBEDS_FINDERS`` entry: YouTube and Facebook players, no network."""

    def accept(self, url: str) -> bool:
        return parse_video_url(url) is not None

    def find_embed(self, url: str, max_width: int | None = None, max_height: int | None = None):
        parsed = parse_video_url(url)
        if parsed is None:
            raise EmbedNotFoundException
        provider, key = parsed
        html = format_html(
            '<iframe src="{}" width="{}" height="{}" title="{}" frameborder="0" '
            'allow="encrypted-media; picture-in-picture; fullscreen" allowfullscreen '
            'loading="lazy" referrerpolicy="strict-origin-when-cross-origin"></iframe>',
            player_url(provider, key),
            ASPECT_WIDTH,
            ASPECT_HEIGHT,
            "Video YouTube" if provider == "youtube" else "Video Facebook",
        )
        return {
            "title": "",
            "author_name": "",
            "provider_name": "YouTube" if provider == "youtube" else "Facebook",
            "type": "video",
            "thumbnail_url": YOUTUBE_THUMBNAIL.format(key=key) if provider == "youtube" else "",
            "width": ASPECT_WIDTH,
            "height": ASPECT_HEIGHT,
            "html": html,
        }


embed_finder_class = VideoEmbedFinder

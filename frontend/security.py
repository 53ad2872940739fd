"""Security headers of every response: a Content-Security-Policy and its companions.

Content-Security-Policy: default-src 'self'; script-src 'self'; style-src 'self';
    img-src 'self' http://cms https://i.ytimg.com; media-src 'self' http://cms; frame-src
    https://www.youtube-nocookie.com https://www.facebook.com; ... frame-ancestors 'none'

The pages have no inline script or style (the JSON-LD block is data, which CSP does not
govern), so none is allowed. Images, videos and captions come from the CMS's media (on the
origin of ``CMS_API_URL`` or ``CMS_BASE_URL``) or the object storage or CDN in
``FRONTEND_MEDIA_ORIGINS``, and YouTube's stills of embedded videos; frames only from the
video players the CMS embeds. Drafts at
``/preview/`` may be framed by the CMS, whose editor shows them beside the form.
"""

from urllib.parse import urlsplit

from starlette.datastructures import MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from frontend.config import Config

# The players of the CMS's video embeds (media_library/embeds.py, frontend/render.py embed).
EMBED_FRAME_ORIGINS = ("https://www.youtube-nocookie.com", "https://www.facebook.com")
# YouTube's stills, which the API gives as the picture of an embedded video without a poster
# of ours (cms/api/serializers.py); images only.
EMBED_IMAGE_ORIGINS = ("https://i.ytimg.com",)
PERMISSIONS_POLICY = (
    "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), "
    "microphone=(), payment=(), usb=()"
)
PREVIEW_PATH = "/preview/"


def origin(url: str) -> str | None:
    """ "http://cms:8000" for "http://cms:8000/api/v2"; None for "" or a path."""
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}" if parts.scheme and parts.netloc else None


def cms_origins(config: Config) -> list[str]:
    found = (origin(config.cms_api_url), origin(config.cms_public_url))
    return list(dict.fromkeys(o for o in found if o))


def content_security_policy(config: Config, frame_ancestors: list[str]) -> str:
    media = ["'self'", *cms_origins(config), *config.media_origins]
    directives = {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": [*media, *EMBED_IMAGE_ORIGINS],
        "media-src": media,
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "frame-src": list(EMBED_FRAME_ORIGINS),
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": frame_ancestors,
    }
    return "; ".join(f"{name} {' '.join(dict.fromkeys(v))}" for name, v in directives.items())


def security_headers(config: Config) -> tuple[dict[str, str], dict[str, str]]:
    """(headers of every page, headers of /preview/), from ``config``."""
    common = {
        "X-Content-Type-Options": "nosniff",
        "Referrer-Policy": "strict-origin-when-cross-origin",
        "Permissions-Policy": PERMISSIONS_POLICY,
        "Cross-Origin-Opener-Policy": "same-origin",
    }
    pages = {
        **common,
        "Content-Security-Policy": content_security_policy(config, ["'none'"]),
        "X-Frame-Options": "DENY",
    }
    # No X-Frame-Options: it cannot name another origin, and frame-ancestors replaces it.
    preview = {
        **common,
        "Content-Security-Policy": content_security_policy(config, cms_origins(config)),
    }
    return pages, preview


class SecurityHeadersMiddleware:
    """ASGI middleware adding ``security_headers(config)`` to every HTTP response."""

    def __init__(self, app: ASGIApp, config: Config) -> None:
        self.app = app
        self.pages, self.preview = security_headers(config)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        extra = self.preview if scope["path"] == PREVIEW_PATH else self.pages

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                for name, value in extra.items():
                    headers.setdefault(name, value)
            await send(message)

        await self.app(scope, receive, send_with_headers)

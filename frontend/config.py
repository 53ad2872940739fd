"""The frontend's configuration, read from the environment here and nowhere else.

CMS_API_URL=http://127.0.0.1:8000/api/v2  FRONTEND_URL=https://tin.example.vn
"""

import os
from collections.abc import Mapping
from dataclasses import dataclass


@dataclass(frozen=True)
class Config:
    # Where the reader API lives, without a trailing slash.
    cms_api_url: str = "http://127.0.0.1:8000/api/v2"
    # Public address of this frontend (canonical URLs, sitemap, Open Graph); empty: the
    # address of each request.
    public_url: str = ""
    port: int = 8001
    # Shared cache of API responses; None: in process memory.
    redis_url: str | None = None
    # Seconds to wait for the CMS before showing the last cached copy or an error page.
    api_timeout: float = 5.0
    # How many API responses the in-memory cache keeps.
    cache_max_entries: int = 2000
    # How long a copy is kept after it went stale, to serve when the CMS is down.
    stale_seconds: int = 86_400
    # At most this many seconds past max-age, a stale copy is served while one revalidation
    # runs in the background (the API's stale-while-revalidate, capped): a retracted page
    # disappears within max-age + this while the CMS answers.
    max_stale_while_revalidate: int = 30
    debug: bool = False
    # Public address of the CMS, whose editor frames /preview/ and whose media the pages show;
    # empty: the origin of cms_api_url is used alone.
    cms_public_url: str = ""
    # Other origins the CMS's media come from (object storage, CDN), e.g.
    # ("https://cdn.example.vn",), allowed by the Content-Security-Policy.
    media_origins: tuple[str, ...] = ()
    # Log lines: "json" (one object per line, with the request id) or "text".
    log_format: str = "json"


def from_environment(environ: Mapping[str, str] | None = None) -> Config:
    env = os.environ if environ is None else environ
    log_format = env.get("LOG_FORMAT", Config.log_format)
    if log_format not in ("json", "text"):
        raise ValueError("LOG_FORMAT must be json or text")
    return Config(
        log_format=log_format,
        cms_api_url=env.get("CMS_API_URL", Config.cms_api_url).rstrip("/"),
        public_url=env.get("FRONTEND_URL", "").rstrip("/"),
        port=int(env.get("FRONTEND_PORT", "8001")),
        redis_url=env.get("REDIS_URL") or None,
        api_timeout=float(env.get("CMS_API_TIMEOUT", "5")),
        cache_max_entries=int(env.get("FRONTEND_CACHE_ENTRIES", "2000")),
        stale_seconds=int(env.get("FRONTEND_STALE_SECONDS", "86400")),
        max_stale_while_revalidate=int(env.get("FRONTEND_MAX_STALE_WHILE_REVALIDATE", "30")),
        debug=env.get("FRONTEND_DEBUG", "") in ("1", "true", "yes"),
        cms_public_url=env.get("CMS_BASE_URL", "").rstrip("/"),
        media_origins=tuple(
            item.strip().rstrip("/")
            for item in env.get("FRONTEND_MEDIA_ORIGINS", "").split(",")
            if item.strip()
        ),
    )

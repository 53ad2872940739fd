"""API keys of change-feed consumers: created in the admin, shown once, stored as a digest.

    Authorization: Bearer synd_3kT9…        (or X-API-Key: synd_3kT9…)

Keys are 256-bit random tokens, so a plain SHA-256 digest is enough to store them (a slow
password hash protects guessable secrets, which these are not). Each key may make
SYNDICATION_RATE_LIMIT requests per SYNDICATION_RATE_WINDOW seconds; counters live in the
default cache, which is Redis (shared by all app servers) when REDIS_URL is set.
"""

import hashlib
import secrets
import time

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest
from django.utils import timezone

from cms.syndication.models import APIKey

KEY_PREFIX = "synd_"
# Recording every use would write a row per request; a minute is precise enough to see
# which consumers are alive.
LAST_USE_RESOLUTION = 60


def digest(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()


def new_key() -> str:
    return KEY_PREFIX + secrets.token_urlsafe(32)


def issue(api_key: APIKey) -> str:
    """Give ``api_key`` a fresh secret and return it; only its digest is kept."""
    key = new_key()
    api_key.prefix = key[: len(KEY_PREFIX) + 6]
    api_key.digest = digest(key)
    return key


def key_from_request(request: HttpRequest) -> str:
    authorization = request.headers.get("Authorization", "")
    if authorization[:7].lower() == "bearer ":
        return authorization[7:].strip()
    return request.headers.get("X-API-Key", "").strip()


def authenticate(request: HttpRequest) -> APIKey | None:
    key = key_from_request(request)
    if not key:
        return None
    api_key = APIKey.objects.filter(digest=digest(key), active=True).first()
    if api_key is None:
        return None
    now = timezone.now()
    if api_key.last_used_at is None or (
        (now - api_key.last_used_at).total_seconds() > LAST_USE_RESOLUTION
    ):
        APIKey.objects.filter(pk=api_key.pk).update(last_used_at=now)
    return api_key


def retry_after(api_key: APIKey) -> int | None:
    """Count this request; seconds to wait if the key is over its limit, else None."""
    window = settings.SYNDICATION_RATE_WINDOW
    now = time.time()
    bucket = int(now // window)
    # The digest, not the row id: ids can be reused after a database restore.
    counter = f"syndication:rate:{api_key.digest[:20]}:{bucket}"
    cache.add(counter, 0, timeout=window + 1)
    try:
        count = cache.incr(counter)
    except ValueError:  # expired between add and incr
        cache.set(counter, 1, timeout=window + 1)
        count = 1
    if count > settings.SYNDICATION_RATE_LIMIT:
        return max(1, int((bucket + 1) * window - now) + 1)
    return None

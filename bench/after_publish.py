"""bench/api.py's "just after a publish": every API request finds nothing cached.

Each request drops the cache generation, as publishing a page does (``bump_api_cache``),
computes it again as the first request after a publish would, then keys its own caches by a
token of its own, so that concurrent requests share nothing either: no response, listing
item or body is found, and each one is still stored, as after a real publish. The site scope
is found, as after a real publish or retraction: it is kept under a token of its own that
only sites, locales, view restrictions, site roots and moves change
(cms.api.cache.scope_token).
Loaded only by bench/settings.py when ``BENCH_AFTER_PUBLISH=1``.
"""

import uuid

from django.http import HttpRequest, HttpResponse

from cms.api.cache import API_PREFIX, STATE_KEY, _state_cache, current_generation


class AfterPublishMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.path.startswith(API_PREFIX):
            _state_cache().delete(STATE_KEY)
            request._api_generation = current_generation() + uuid.uuid4().hex[:8]
        return self.get_response(request)

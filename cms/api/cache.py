"""Caching of the reader API: ETags, 304s and cache generations bumped on every change.

Every public API response is keyed by a *generation*: a token that changes whenever anything
that can show in the API changes (a page unpublished, retracted, moved or deleted, a live page
edited, a draftable snippet published or unpublished, another snippet, a setting, an image, a
view restriction, a site), and when the next scheduled expiry passes. Responses and ETags
include it, so such a change makes every response change at once; nothing has to know which
responses it touches.

Under it, narrower tokens (cms/api/invalidation.py): one per section for its listings
(``/api/v2/pages/?section=<id>``), one for every other response that is not a page detail
(listings, search, feeds, menus, settings…), and one per page for its detail, its rendered
body and its listing item. Publishing an article that was not live before (the common case:
one an hour, or a minute) bumps only those: every collection but the listings of other
sections, and the details of the pages that show the article (itself, its ancestors, its
neighbours, the articles that list it as related or link to it, its translations). The
details of the other articles stay cached.

Saving a draft of a page or of a draftable snippet, submitting it or locking it changes
nothing public and bumps nothing.

    GET /api/v2/pages/?type=article          -> 200, ETag: "3f2a…-9b1c…", body cached
    GET … If-None-Match: "3f2a…-9b1c…"        -> 304, no database query, no rendering
    GET /api/v2/pages/?type=article (again)  -> 200 from the cache, X-Cache: HIT

The API only reads: any other method gets a JSON 405 here, before the CSRF middleware
would answer it with its HTML 403 page (the change feed and the schema are not exempt).

    QUERY /api/v2/pages/                     -> 405 {"message": "QUERY: …"},
                                                Allow: GET, HEAD, OPTIONS

The generation lives in the ``api_state`` cache when configured (Redis, or a file cache shared
by the workers of one server) and otherwise in the default cache.
"""

import hashlib
import re
import time
import uuid

from django.conf import settings
from django.core.cache import cache, caches
from django.db import transaction
from django.db.models import Min
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from django.http import HttpRequest, HttpResponse, HttpResponseNotModified, JsonResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.images.models import AbstractRendition
from wagtail.models import DraftStateMixin, Locale, Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_unpublished, post_page_move, published, unpublished

from cms.redis_cache import cache_recovered

STATE_KEY = "api:generation"
# The token the site scopes are kept under (scope_token): not the generation's.
SCOPE_TOKEN_KEY = "api:scope-token"
# What a site scope (cms/api/visibility.py) is made of, besides the site roots: saving or
# deleting one of these changes the scopes.
SCOPE_MODELS = (Site, Locale, PageViewRestriction)
# A page's detail: keyed by the page's own token, not by the collections' one.
DETAIL_PATH = re.compile(r"^/api/v2/pages/(\d+)/$")
API_PREFIX = "/api/"
# Previews show drafts to editors: never cached, never public. The change feed needs an
# API key: a cached copy must never be served to a request without one.
UNCACHED_PREFIXES = ("/api/v2/preview/", "/api/v2/changes/")
ALLOWED_METHODS = ("GET", "HEAD", "OPTIONS")
# The one address that takes a POST: readers' questions from the frontend (cms/contact/).
WRITABLE_PATHS = ("/api/v2/questions/",)

# Saving any model of these apps can change what the API shows (pages, snippets, settings,
# images, documents, tags); wagtailcore holds sites, locales and view restrictions.
WATCHED_APPS = {"home", "media_library", "taggit", "wagtailcore"}
# wagtailcore models that never change a public response: saving a draft writes a revision,
# workflow states and log entries; renditions are made while rendering responses.
IGNORED_MODELS = {
    "wagtailcore.revision",
    "wagtailcore.workflowstate",
    "wagtailcore.taskstate",
    "wagtailcore.pagelogentry",
    "wagtailcore.modellogentry",
    "wagtailcore.referenceindex",
    "wagtailcore.pagesubscription",
    "wagtailcore.comment",
    "wagtailcore.commentreply",
    # Readers' questions: only a change to a published one changes a response; the model
    # bumps the generation itself then (home/models/contact.py).
    "home.readerquestion",
}
# Fields of a draftable row (page or snippet) that only say where its drafts and locks are:
# saving a draft or locking writes these and nothing readers see (the row keeps the published
# version). Publishing and unpublishing send `published`/`page_published` and their opposites.
DRAFT_BOOKKEEPING_FIELDS = frozenset(
    {
        "latest_revision",
        "latest_revision_created_at",
        "has_unpublished_changes",
        "draft_title",
        "wagtail_admin_comments",
        "locked",
        "locked_at",
        "locked_by",
    }
)


def _state_cache():
    return caches["api_state"] if "api_state" in settings.CACHES else cache


def _next_expiry(now: float) -> float:
    """The time the next live page expires: responses computed now are wrong from then on."""
    from wagtail.models import Page

    next_expiry = Page.objects.filter(live=True, expire_at__gt=timezone.now()).aggregate(
        at=Min("expire_at")
    )["at"]
    horizon = now + settings.API_CACHE_SECONDS
    return min(horizon, next_expiry.timestamp()) if next_expiry else horizon


def current_generation(request: HttpRequest | None = None) -> str:
    """The token every cached response and ETag of this moment is keyed by.

    With a request, read once for it: its response, scope and body are keyed alike.
    """
    if request is not None:
        if not hasattr(request, "_api_generation"):
            request._api_generation = current_generation()
        return request._api_generation
    state_cache = _state_cache()
    now = time.time()
    state = state_cache.get(STATE_KEY)
    if state is None or state[1] <= now:
        state = (uuid.uuid4().hex[:12], _next_expiry(now))
        state_cache.set(STATE_KEY, state, timeout=settings.API_CACHE_SECONDS)
    return state[0]


def scope_token() -> str:
    """The token the site scopes are cached under (``cms.api.visibility.get_scope``).

    A scope holds the sites, their roots in every language, the locales and the restricted
    branches' paths, nothing a publish, an unpublish or an edit of an ordinary page changes:
    so its token is not the generation, which those change, but one changed only by a save
    or deletion of a site, locale, view restriction or site root (or a translation of one),
    and by any move (``bump_scope``). After a retraction the scope is found, not computed
    again (five queries, a fifth of a listing's or detail's CPU).
    """
    state_cache = _state_cache()
    token = state_cache.get(SCOPE_TOKEN_KEY)
    if token is None:
        token = uuid.uuid4().hex[:12]
        if not state_cache.add(SCOPE_TOKEN_KEY, token, timeout=settings.API_CACHE_SECONDS):
            token = state_cache.get(SCOPE_TOKEN_KEY) or token
    return token


def bump_scope() -> None:
    """Make every site scope be computed again; dropped now and after the commit, as the
    generation is (``bump_api_cache``)."""
    state_cache = _state_cache()
    state_cache.delete(SCOPE_TOKEN_KEY)
    transaction.on_commit(lambda: state_cache.delete(SCOPE_TOKEN_KEY))


def _is_site_root(page: Page) -> bool:
    """Whether ``page`` is a site's root page or a translation of one."""
    return Site.objects.filter(root_page__translation_key=page.translation_key).exists()


def _sub_key(generation: str, name: str) -> str:
    return f"api:generation:{generation}:{name}"


def _sub_tokens(generation: str, names: list[str]) -> dict[str, str]:
    """The tokens ``names`` under ``generation``, made where missing (a bump deleted them)."""
    state_cache = _state_cache()
    keys = {name: _sub_key(generation, name) for name in names}
    found = state_cache.get_many(list(keys.values()))
    tokens = {}
    for name, key in keys.items():
        token = found.get(key)
        if token is None:
            token = uuid.uuid4().hex[:8]
            # Another worker may make it at the same moment: the first one wins.
            if not state_cache.add(key, token, timeout=settings.API_CACHE_SECONDS):
                token = state_cache.get(key) or token
        tokens[name] = token
    return tokens


def _collection(request: HttpRequest | None) -> str:
    """Which collection a response belongs to: a listing of one section (``?section=<id>``,
    which shows only pages in that section: a publish elsewhere leaves it), or all the
    others."""
    if request is not None and request.path == "/api/v2/pages/":
        sections = request.GET.getlist("section")
        if len(sections) == 1 and sections[0].isdigit():
            return f"section:{int(sections[0])}"
    return "collections"


def listing_generation(request: HttpRequest | None = None) -> str:
    """The token of every response that is not one page's detail (listings, search, feeds,
    menus, settings): any publish changes it, except a listing of another section."""
    if request is not None and hasattr(request, "_api_listing_generation"):
        return request._api_listing_generation
    generation = current_generation(request)
    name = _collection(request)
    token = f"{generation}.{_sub_tokens(generation, [name])[name]}"
    if request is not None:
        request._api_listing_generation = token
    return token


def page_generations(request: HttpRequest | None, page_ids: list[int]) -> dict[int, str]:
    """By page id, the token of the page's detail, rendered body and listing item: changed
    by a publish that changes what the page shows (cms/api/invalidation.py)."""
    known: dict[int, str] = {}
    if request is not None:
        # Read once per request: its response, body and listing items are keyed alike.
        known = request.__dict__.setdefault("_api_page_generations", {})
    missing = [i for i in page_ids if i not in known]
    if missing:
        generation = current_generation(request)
        tokens = _sub_tokens(generation, [f"page:{i}" for i in missing])
        known.update({i: f"{generation}.{tokens[f'page:{i}']}" for i in missing})
    return {i: known[i] for i in page_ids}


def bump_pages(page_ids: set[int]) -> None:
    """Make every collection response (but the listings of other sections) and the details
    of ``page_ids`` change.

    Dropped now and again after the transaction commits, as ``bump_api_cache`` does.
    """
    state_cache = _state_cache()

    def drop() -> None:
        state = state_cache.get(STATE_KEY)
        if state is not None:
            # The pages' own tokens, and the listings of the sections among them (the
            # article's ancestors: their listings hold its listing item).
            names = ["collections"] + [
                f"{kind}:{i}" for i in sorted(page_ids) for kind in ("page", "section")
            ]
            state_cache.delete_many([_sub_key(state[0], name) for name in names])

    drop()
    transaction.on_commit(drop)


def bump_api_cache() -> None:
    """Make every API response and ETag change: call after anything public changed.

    Dropped now and again after the transaction commits, so that a request that read the
    old rows before the commit cannot store them under the new generation.
    """
    state_cache = _state_cache()
    state_cache.delete(STATE_KEY)
    transaction.on_commit(lambda: state_cache.delete(STATE_KEY))


@receiver(page_published)
@receiver(page_unpublished)
@receiver(post_page_move)
def _bump_on_page_change(sender, instance=None, **kwargs) -> None:
    narrow = getattr(instance, "_api_narrow_bump", False)
    if narrow:
        # Set by the save just before (cms/api/invalidation.py), which bumped what it
        # changes; spent here, so that a later signal for this object without a save of
        # its own bumps everything.
        instance._api_narrow_bump = False
        return
    bump_api_cache()


@receiver(published)
@receiver(unpublished)
def _bump_on_snippet_publication(sender, instance=None, **kwargs) -> None:
    """A draftable snippet (units, leaders, linked websites) published or taken down. Pages
    send these too, after page_published/page_unpublished, which are handled above (and may
    have bumped narrowly: bumping everything here would undo that)."""
    if isinstance(instance, Page):
        return
    bump_api_cache()


@receiver(cache_recovered)
def _bump_after_cache_outage(sender, **kwargs) -> None:
    # While Redis was unreachable, a change could not drop the generation kept there: the
    # one Redis still holds may predate a retraction (and the scope token a restriction).
    _state_cache().delete_many([STATE_KEY, SCOPE_TOKEN_KEY])


@receiver(post_page_move)
def _bump_scope_on_move(sender, **kwargs) -> None:
    # A move changes the paths of the branch moved: a restricted one's, or a root's.
    bump_scope()


@receiver(post_save)
@receiver(post_delete)
def _bump_scope_on_change(sender, instance=None, **kwargs) -> None:
    """Sites, locales, view restrictions, the site roots and their translations: drafts
    too (a translated root made as a draft is a root of the scope already)."""
    if issubclass(sender, SCOPE_MODELS) or (isinstance(instance, Page) and _is_site_root(instance)):
        bump_scope()


@receiver(post_save)
@receiver(post_delete)
def _bump_on_model_change(sender, raw: bool = False, **kwargs) -> None:
    meta = sender._meta
    if meta.app_label not in WATCHED_APPS or meta.label_lower in IGNORED_MODELS:
        return
    if issubclass(sender, AbstractRendition):
        return
    if issubclass(sender, DraftStateMixin) and _is_draft_save(kwargs):
        return  # a draft saved (an autosave too) or a lock: the live content is what it was
    from cms.api import invalidation

    if invalidation.bump_narrowly(sender, kwargs["instance"], kwargs.get("signal")):
        return
    bump_api_cache()


def _is_draft_save(kwargs: dict) -> bool:
    """A save of a draftable row that cannot change what readers see: a draft revision or a
    lock recorded on the row, or a new row that is not live (the create view's "Lưu bản
    nháp"). A live row's published text changes only by publishing, which bumps."""
    update_fields = kwargs.get("update_fields")
    if update_fields and DRAFT_BOOKKEEPING_FIELDS.issuperset(update_fields):
        return True
    return bool(kwargs.get("created")) and not kwargs["instance"].live


def method_not_allowed(request: HttpRequest) -> JsonResponse:
    message = _("%(method)s: the API only reads (GET, HEAD, OPTIONS).") % {"method": request.method}
    response = JsonResponse(
        {"message": message}, status=405, json_dumps_params={"ensure_ascii": False}
    )
    writable = ("POST",) if request.path in WRITABLE_PATHS else ()
    response["Allow"] = ", ".join(ALLOWED_METHODS + writable)
    return response


def _matches(if_none_match: str, etag: str) -> bool:
    return any(tag.strip() in (etag, f"W/{etag}", "*") for tag in if_none_match.split(","))


class APICacheMiddleware:
    """ETag, Cache-Control, 304 and a server-side response cache for GET /api/…; a JSON
    405 for the methods the API does not answer.

    Sits before the session and auth middleware: API responses never depend on who asks
    (only public content is served), and a 304 or a cache hit should cost next to nothing.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if (
            request.method not in ALLOWED_METHODS
            and request.path.startswith(API_PREFIX)
            and not (request.method == "POST" and request.path in WRITABLE_PATHS)
        ):
            return method_not_allowed(request)
        if (
            request.method not in ("GET", "HEAD")
            or not request.path.startswith(API_PREFIX)
            or request.path.startswith(UNCACHED_PREFIXES)
        ):
            return self.get_response(request)
        detail = DETAIL_PATH.match(request.path)
        generation = (
            page_generations(request, [int(detail[1])])[int(detail[1])]
            if detail
            else listing_generation(request)
        )
        digest = hashlib.blake2b(
            f"{request.get_host()}\n{request.get_full_path()}".encode(), digest_size=10
        ).hexdigest()
        etag = f'"{generation}-{digest}"'
        cache_control = (
            f"public, max-age={settings.API_CACHE_MAX_AGE}, "
            f"stale-while-revalidate={settings.API_CACHE_STALE_WHILE_REVALIDATE}"
        )
        if_none_match = request.headers.get("If-None-Match")
        if if_none_match and _matches(if_none_match, etag):
            response = HttpResponseNotModified()
            response["ETag"] = etag
            response["Cache-Control"] = cache_control
            return response

        key = f"api:response:{generation}:{digest}"
        if settings.API_RESPONSE_CACHE:
            cached = cache.get(key)
            if cached is not None:
                content_type, content = cached
                response = HttpResponse(content, content_type=content_type)
                response["ETag"] = etag
                response["Cache-Control"] = cache_control
                response["X-Cache"] = "HIT"
                return response

        response = self.get_response(request)
        if response.status_code != 200 or response.streaming:
            # Errors are cheap to recompute and must not outlive the fix of their cause.
            response.setdefault("Cache-Control", "no-cache")
            return response
        if settings.API_RESPONSE_CACHE and request.method == "GET":
            cache.set(key, (response["Content-Type"], response.content), settings.API_CACHE_SECONDS)
            # Whether the response cache answered (bench/cache_hit_rate.py counts them).
            response["X-Cache"] = "MISS"
        response["ETag"] = etag
        response["Cache-Control"] = cache_control
        return response

"""Cursors for listings ordered newest first, and the listing's total kept per generation.

``?offset=50000`` makes PostgreSQL walk and drop 50,000 rows before the page it returns; a
cursor names the last item of the page before (its publication date and id), so the next
page starts there in the ``(publication_date, id)`` index (DatedMixin.newest_first_index)
and costs what page 1 costs, however deep::

    GET /api/v2/pages/?type=article&limit=20
        -> {"meta": {"total_count": 100000, "next_cursor": "cDoxNzE4…"}, "items": [...]}
    GET /api/v2/pages/?type=article&limit=20&cursor=cDoxNzE4…
        -> the next 20; "next_cursor": null after the last page

Cursors exist for listings in the default order of dated pages (articles, videos,
galleries: newest first, ties by id), without ``order`` or ``search``.

Clients that page by offset get the same help where the listing's caches are on: every
1,000th item's (date, id) is found once per listing generation and set of filters, and a
deep page starts at the nearest one before its offset (``offset_window``).
"""

import base64
import binascii
import datetime
import hashlib
import re
from collections.abc import Callable
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.db.models import F, Q, QuerySet, Window
from django.db.models.functions import RowNumber
from django.http import HttpRequest
from django.utils.translation import gettext as _

from cms.api.cache import listing_generation
from cms.api.filters import BadQueryParameter

NEWEST_FIRST = ("-publication_date", "-id")
_EPOCH = datetime.datetime(1970, 1, 1, tzinfo=datetime.UTC)
_MICROSECOND = datetime.timedelta(microseconds=1)
# "p:<microseconds since 1970, UTC>:<page id>", URL-safe base64 without padding.
_RAW = re.compile(r"p:(-?[0-9]{1,18}):([0-9]{1,18})")
# What does not change which items a listing has (so not its total either).
NOT_FILTERS = frozenset(["limit", "offset", "cursor", "fields", "_"])


@dataclass(frozen=True)
class ListingCursor:
    """After the item published at ``date`` with id ``page_id``, in newest-first order."""

    date: datetime.datetime
    page_id: int

    def encode(self) -> str:
        microseconds = (self.date - _EPOCH) // _MICROSECOND
        raw = f"p:{microseconds}:{self.page_id}"
        return base64.urlsafe_b64encode(raw.encode()).decode().rstrip("=")

    @classmethod
    def decode(cls, token: str) -> "ListingCursor":
        """The cursor ``encode`` wrote as ``token``; anything else is a 400 on ``cursor``."""
        bad = BadQueryParameter("cursor", _("not a cursor this API gave (meta.next_cursor)"))
        try:
            raw = base64.urlsafe_b64decode(token + "=" * (-len(token) % 4)).decode("ascii")
        except (binascii.Error, UnicodeDecodeError, ValueError) as error:
            raise bad from error
        match = _RAW.fullmatch(raw)
        if match is None:
            raise bad
        try:
            cursor = cls(_EPOCH + int(match[1]) * _MICROSECOND, int(match[2]))
        except OverflowError as error:  # a date past year 9999
            raise bad from error
        # Only the one spelling encode() writes: no stray characters or padding bits.
        if cursor.encode() != token:
            raise bad
        return cursor


def newest_first(queryset) -> bool:
    """Whether the listing is in the order cursors follow (search results never are)."""
    return isinstance(queryset, QuerySet) and tuple(queryset.query.order_by) == NEWEST_FIRST


def after(queryset: QuerySet, cursor: ListingCursor) -> QuerySet:
    """The items that follow ``cursor`` in newest-first order."""
    date, pk = cursor.date, cursor.page_id
    # The bound on the date alone is a range PostgreSQL starts the index scan at; the OR
    # only breaks ties between items published at the same moment.
    return queryset.filter(
        Q(publication_date__lt=date) | Q(publication_date=date, id__lt=pk),
        publication_date__lte=date,
    )


# A deep offset starts at the nearest of every ANCHOR_EVERY-th item of the listing.
ANCHOR_EVERY = 1000


def offset_window(request: HttpRequest, queryset: QuerySet, offset: int) -> tuple[QuerySet, int]:
    """The listing from ``offset`` on, as (items, offset into them): for deep offsets, the
    items after the nearest anchor before it and the few left to skip.

    The anchors, every ANCHOR_EVERY-th item's (date, id), cost one walk of the listing
    (about 130 ms at 100,000 articles), are found on the second deep page asked and kept,
    like the total, per listing generation and set of filters; PostgreSQL then starts each
    deep page in the (date, id) index.
    """
    if offset < ANCHOR_EVERY or not settings.API_SUMMARY_CACHE:
        return queryset, offset
    key = f"api:anchors:{listing_generation(request)}:{_filters_digest(request)}"
    anchors = cache.get(key)
    if anchors is None:
        # The first deep page of a listing (just after a publish, or one asked once) walks
        # fewer rows by a plain offset than by finding the anchors; the second finds them.
        # With the cache down nothing is found or kept: every deep page is a plain offset.
        if not cache.get(f"{key}:asked"):
            cache.set(f"{key}:asked", True, settings.API_CACHE_SECONDS)
            return queryset, offset
        anchors = _anchors(queryset)
        cache.set(key, anchors, settings.API_CACHE_SECONDS)
    passed = min(offset // ANCHOR_EVERY, len(anchors))
    if not passed:
        return queryset, offset
    date, page_id = anchors[passed - 1]
    return after(queryset, ListingCursor(date, page_id)), offset - passed * ANCHOR_EVERY


def _anchors(queryset: QuerySet) -> list[tuple[datetime.datetime, int]]:
    """(date, id) of the listing's ANCHOR_EVERY-th, 2 × ANCHOR_EVERY-th, … item."""
    order = [F("publication_date").desc(), F("id").desc()]
    numbered = queryset.annotate(row=Window(RowNumber(), order_by=order))
    return list(
        numbered.annotate(place=F("row") % ANCHOR_EVERY)
        .filter(place=0)
        .order_by("row")
        .values_list("publication_date", "id")
    )


def cursor_parameter(request: HttpRequest, queryset: QuerySet) -> ListingCursor | None:
    """``?cursor=`` decoded, or None; a 400 where the listing cannot take one."""
    token = request.GET.get("cursor")
    if token is None:
        return None
    if "offset" in request.GET:
        raise BadQueryParameter("cursor", _("give either offset or cursor, not both"))
    if not newest_first(queryset):
        raise BadQueryParameter(
            "cursor",
            _("only for articles, videos and galleries newest first (without order or search)"),
        )
    return ListingCursor.decode(token)


def total_count(
    request: HttpRequest,
    queryset,
    count: Callable[[QuerySet], int] = lambda queryset: queryset.count(),
) -> int:
    """The listing's exact total, counted once per listing generation and set of filters.

    Every change that could alter it (a new article's publish, an unpublish, expiry, a move)
    starts a new listing generation (cms/api/cache.py), so the number kept is exact.
    API_SUMMARY_CACHE=0 counts every time. ``count`` counts the listing's pages in a
    cheaper way, if there is one (the pages API's ``count_pages``).
    """
    if not isinstance(queryset, QuerySet):
        return queryset.count()  # search results count their matches with the window
    if not settings.API_SUMMARY_CACHE:
        return count(queryset)
    key = f"api:count:{listing_generation(request)}:{_filters_digest(request)}"
    total = cache.get(key)
    if total is None:
        total = count(queryset)
        cache.set(key, total, settings.API_CACHE_SECONDS)
    return total


def _filters_digest(request: HttpRequest) -> str:
    """The listing's site, endpoint and filters, whatever page of it is asked for."""
    filters = sorted((k, v) for k, v in request.GET.lists() if k not in NOT_FILTERS)
    return hashlib.md5(
        repr((request.get_host(), request.path, filters)).encode(), usedforsecurity=False
    ).hexdigest()

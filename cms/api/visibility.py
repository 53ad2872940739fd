"""What the reader API may show: live, unexpired, unrestricted pages of the requested site.

Every endpoint, count, related list and rich-text link goes through ``public_pages`` so that a
draft, a retracted (unpublished) page, an expired page or a page under a view restriction never
appears. The page row holds the live content in Wagtail (drafts live in revisions), so
serializing the row serializes the live revision.
"""

import datetime
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.db.models import Q
from django.http import Http404, HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.models import Locale, Page, PageViewRestriction, Site

from cms.api.cache import scope_token


def is_default_language(language_code: str) -> bool:
    return language_code in ("", settings.LANGUAGE_CODE)


@dataclass(frozen=True)
class SiteRoot:
    path: str  # tree path of the root page (or of one of its translations)
    url_path: str
    language_code: str


@dataclass(frozen=True)
class SiteScope:
    """The requested site, its root in every language, and the restricted branches."""

    site_id: int
    public_base_url: str  # where readers see pages: FRONTEND_URL or the site's root URL
    roots: tuple[SiteRoot, ...]
    restricted_paths: tuple[str, ...]
    locales: dict[int, str]  # Locale id -> language code

    def frontend_path(self, url_path: str) -> str:
        """'/trang-chu/tin-tuc/bai-viet/' -> '/tin-tuc/bai-viet/' (the path the frontend routes).

        Pages of other languages get theirs in front: '/en/news/article/'.
        """
        for root in self.roots:
            if url_path.startswith(root.url_path):
                prefix = "" if is_default_language(root.language_code) else f"/{root.language_code}"
                return f"{prefix}/{url_path[len(root.url_path) :]}"
        return url_path

    @property
    def key(self) -> tuple:
        """What ``public_q`` depends on besides the time (for compiled queries)."""
        return (
            self.site_id,
            self.roots,
            self.restricted_paths,
            tuple(sorted(self.locales.items())),
        )

    def public_q(self, now: datetime.datetime | None = None) -> Q:
        now = now or timezone.now()
        return self.untimed_q() & (Q(expire_at__isnull=True) | Q(expire_at__gt=now))

    def untimed_q(self) -> Q:
        """``public_q`` but for the clock: with the pages whose ``expire_at`` has passed
        while no job has marked them expired yet (cms/api/totals.py takes those away)."""
        in_site = Q()
        for root in self.roots:
            in_site |= Q(path__startswith=root.path)
        q = Q(live=True, expired=False) & in_site
        for path in self.restricted_paths:
            q &= ~Q(path__startswith=path)
        # wagtail-localize puts aliases of the Vietnamese pages above a translated page;
        # outside Vietnamese they are untranslated content (home/i18n.py).
        return q & (Q(alias_of__isnull=True) | Q(locale_id__in=self.default_locales))

    @property
    def default_locales(self) -> list[int]:
        """Ids of the locales of the default language (Vietnamese)."""
        return [i for i, code in self.locales.items() if is_default_language(code)]


def _compute_scope(request: HttpRequest) -> SiteScope | None:
    site = Site.find_for_request(request)
    if site is None:
        return None
    root = site.root_page
    roots = tuple(
        SiteRoot(path, url_path, language_code)
        for path, url_path, language_code in Page.objects.filter(
            translation_key=root.translation_key, depth=root.depth
        )
        .order_by("path")
        .values_list("path", "url_path", "locale__language_code")
    ) or (SiteRoot(root.path, root.url_path, ""),)
    restricted = tuple(
        PageViewRestriction.objects.order_by("page__path").values_list("page__path", flat=True)
    )
    public_base = getattr(settings, "FRONTEND_URL", "") or site.root_url
    locales = dict(Locale.objects.values_list("id", "language_code"))
    return SiteScope(site.id, public_base.rstrip("/"), roots, restricted, locales)


def get_scope(request: HttpRequest) -> SiteScope:
    """The scope of this request, cached until a site, locale, view restriction or site root
    changes, or a page is moved (``cms.api.cache.scope_token``)."""
    if hasattr(request, "_api_scope"):
        return request._api_scope
    key = f"api:scope:{scope_token()}:{request.get_host()}"
    scope = cache.get(key)
    if scope is None:
        scope = _compute_scope(request)
        if scope is None:
            raise Http404(_("No site is configured for this address."))
        cache.set(key, scope, timeout=settings.API_CACHE_SECONDS)
    request._api_scope = scope
    return scope


def public_pages(request: HttpRequest, model: type[Page] = Page):
    """All pages of ``model`` a reader of this site may see."""
    return model.objects.filter(get_scope(request).public_q())

"""One-object endpoints of the site: ``/api/v2/menu/``, ``/api/v2/site-settings/``,
``/api/v2/linked-websites/``."""

from django.urls import path
from rest_framework.response import Response

from cms.api.base import ReaderAPIViewSet
from cms.api.context import APIContext
from cms.api.serializers import KINDS
from cms.api.site_content import linked_websites, requested_locale, site_owner_details
from cms.api.visibility import get_scope, is_default_language, public_pages
from home.models import (
    LinkedWebsite,
    SectionPage,
    SiteSettings,
)
from media_library.renditions import THUMBNAIL_SPEC, prefetch_renditions, single_rendition


class SingleResourceAPIViewSet(ReaderAPIViewSet):
    """An endpoint that returns one JSON object, no listing conventions."""

    known_query_parameters = frozenset(["_"])

    def listing_view(self, request):
        self.check_query_parameters()
        return Response(self.build(request))

    def build(self, request) -> dict:
        raise NotImplementedError

    @classmethod
    def get_urlpatterns(cls):
        return [path("", cls.as_view({"get": "listing_view"}), name="listing")]


class MenuAPIViewSet(SingleResourceAPIViewSet):
    """``/api/v2/menu/``: the main menu, sections and pages in tree order, two levels deep."""

    name = "menu"
    model = SectionPage
    known_query_parameters = frozenset(["locale", "_"])

    def build(self, request) -> dict:
        scope = get_scope(request)
        code = requested_locale(request).language_code
        root = next(
            (
                r
                for r in scope.roots
                if r.language_code == code
                or (is_default_language(r.language_code) and is_default_language(code))
            ),
            None,
        )
        if root is None:  # nothing of the site is in that language yet
            return {"items": []}
        pages = (
            public_pages(request)
            .filter(
                path__startswith=root.path,
                depth__in=(len(root.path) // 4 + 1, len(root.path) // 4 + 2),
            )
            .filter(show_in_menus=True)
            .order_by("path")
            .values_list("id", "title", "url_path", "path", "depth", "content_type__model")
        )
        top, by_path = [], {}
        for page_id, title, url_path, tree_path, depth, model in pages:
            item = {
                "id": page_id,
                "title": title,
                "path": scope.frontend_path(url_path),
                "kind": {m._meta.model_name: k for m, k in KINDS.items()}.get(model, "page"),
                "children": [],
            }
            parent = by_path.get(tree_path[:-4])
            if depth == len(root.path) // 4 + 1:
                top.append(item)
                by_path[tree_path] = item
            elif parent is not None:
                parent["children"].append(item)
        return {"items": top}


class SiteSettingsAPIViewSet(SingleResourceAPIViewSet):
    """``/api/v2/site-settings/?locale=en``: the owner and footer lines of the requested
    site, in the requested language (default Vietnamese; empty where not translated)."""

    name = "site-settings"
    model = SiteSettings
    known_query_parameters = frozenset(["locale", "_"])

    def build(self, request) -> dict:
        return site_owner_details(
            get_scope(request).site_id, requested_locale(request), APIContext(request).absolute
        )


class LinkedWebsitesAPIViewSet(SingleResourceAPIViewSet):
    """``/api/v2/linked-websites/?locale=en``: the curated "Website liên kết" list of the
    requested language (default Vietnamese), in editors' order."""

    name = "linked-websites"
    model = LinkedWebsite
    known_query_parameters = frozenset(["locale", "_"])

    def build(self, request) -> dict:
        ctx = APIContext(request)
        websites = list(linked_websites(requested_locale(request)).select_related("logo"))
        prefetch_renditions(([w.logo for w in websites if w.logo_id], [THUMBNAIL_SPEC]))
        return {
            "items": [
                {
                    "id": w.id,
                    "name": w.name,
                    "url": w.url,
                    "logo": single_rendition(w.logo, THUMBNAIL_SPEC, ctx.absolute)
                    if w.logo_id
                    else None,
                }
                for w in websites
            ]
        }

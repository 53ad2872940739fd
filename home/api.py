"""Reader API endpoints (Wagtail API v2 conventions), wired up in cms/api.py.

Pages are serialized by home/serializers.py, filtered by home/filters.py and limited to what
a reader may see by home/api_visibility.py; responses are cached by home/api_cache.py.
"""

from collections.abc import Iterable

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db.models import BigIntegerField, CharField, Subquery
from django.db.models.functions import Cast
from django.http import Http404
from django.shortcuts import redirect
from django.urls import path
from django.utils.translation import gettext as _
from rest_framework import status
from rest_framework.permissions import AllowAny
from rest_framework.renderers import JSONRenderer
from rest_framework.response import Response
from wagtail.api.v2.utils import BadRequestError, page_models_from_string, parse_fields_parameter
from wagtail.api.v2.views import BaseAPIViewSet, PagesAPIViewSet
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page, ReferenceIndex

from home import filters, page_queries
from home.api_visibility import get_scope, is_default_language, public_pages
from home.filters import BadQueryParameter, parse_id
from home.models import (
    ArticlePage,
    GalleryPage,
    LinkedWebsite,
    SectionPage,
    SiteSettings,
    VideoPage,
)
from home.search.highlight import add_highlights
from home.search.results import RankedResults
from home.serializers import (
    KINDS,
    SUMMARY_FIELDS,
    APIContext,
    cached_summaries,
    filter_fields,
    serialize_page_detail,
)
from home.site_content import linked_websites, requested_locale, site_owner_details
from media_library.renditions import THUMBNAIL_SPEC, prefetch_renditions, single_rendition

TYPE_ALIASES = {kind: model for model, kind in KINDS.items()}
DETAIL_FIELDS = SUMMARY_FIELDS + (
    "breadcrumbs",
    "seo",
    "body",
    "intro",
    "source",
    "tags",
    "authors",
    "related",
    "previous",
    "next",
    "video",
    "photos",
    "subsections",
    "translations",
)
# Stock Wagtail field names that live in "meta" here; asking for them is not an error.
META_FIELD_NAMES = (
    "id",
    "type",
    "detail_url",
    "html_url",
    "slug",
    "first_published_at",
    "locale",
    "seo_title",
    "search_description",
    "show_in_menus",
)
# Filters that only make sense for articles: without ?type= they list articles.
ARTICLE_FILTERS = ("section", "tag", "author", "featured", "published_from", "published_to")
# Parameters that need the page type's own table (its fields or relations).
TYPE_TABLE_PARAMETERS = ("tag", "author", "featured", "order")
MAX_OFFSET = 10_000_000


class ReaderAPIViewSet(BaseAPIViewSet):
    """Shared behaviour: JSON only, anonymous, errors as {"message", "parameter"}."""

    renderer_classes = [JSONRenderer]
    authentication_classes = []
    permission_classes = [AllowAny]
    known_query_parameters = frozenset(["fields", "_"])
    listing_fields: tuple[str, ...] = ()
    detail_fields: tuple[str, ...] = ()

    def get_renderer_context(self):
        # Wagtail indents its JSON by 4 spaces; consumers are programs.
        context = super().get_renderer_context()
        context.pop("indent", None)
        return context

    def handle_exception(self, exc):
        if isinstance(exc, BadQueryParameter):
            data = {"message": str(exc), "parameter": exc.parameter}
            return Response(data, status=status.HTTP_400_BAD_REQUEST)
        if isinstance(exc, BadRequestError):
            return Response({"message": str(exc)}, status=status.HTTP_400_BAD_REQUEST)
        if isinstance(exc, Http404):
            return Response({"message": str(exc)}, status=status.HTTP_404_NOT_FOUND)
        return super().handle_exception(exc)

    def check_query_parameters(self, known=None) -> None:
        known = self.known_query_parameters if known is None else known
        for name, value in self.request.GET.items():
            if name not in known:
                raise BadQueryParameter(name, _("unknown query parameter"))
            if "\x00" in value:
                raise BadQueryParameter(name, _("null characters are not allowed"))

    def chosen_fields(self, default: tuple[str, ...], available: tuple[str, ...]) -> set[str]:
        """Wagtail's ?fields= syntax: 'lead,-bylines', '*', '_,title'."""
        if "fields" not in self.request.GET:
            return set(default)
        try:
            config = parse_fields_parameter(self.request.GET["fields"])
        except ValueError as e:
            raise BadQueryParameter("fields", str(e)) from e
        fields = set(default)
        if config and config[0][0] in ("*", "_"):
            fields = set(available) if config[0][0] == "*" else set()
            config = config[1:]
        for name, negated, sub_fields in config:
            if name not in available and name not in META_FIELD_NAMES:
                raise BadQueryParameter("fields", _("unknown field '%(name)s'") % {"name": name})
            if sub_fields:
                raise BadQueryParameter(
                    "fields", _("'%(name)s' has no nested fields") % {"name": name}
                )
            (fields.discard if negated else fields.add)(name)
        return fields

    def page_bounds(self, default_limit: int = 20) -> tuple[int, int]:
        limit_max = settings.API_LIMIT_MAX
        limit, offset = default_limit, 0
        if "limit" in self.request.GET:
            raw = self.request.GET["limit"]
            if not raw.isascii() or not raw.isdigit() or not 0 < int(raw) <= limit_max:
                raise BadQueryParameter(
                    "limit", _("must be a whole number from 1 to %(max)d") % {"max": limit_max}
                )
            limit = int(raw)
        if "offset" in self.request.GET:
            raw = self.request.GET["offset"]
            if not raw.isascii() or not raw.isdigit() or int(raw) > MAX_OFFSET:
                raise BadQueryParameter(
                    "offset", _("must be a whole number from 0 to %(max)d") % {"max": MAX_OFFSET}
                )
            offset = int(raw)
        return limit, offset


class ReaderPagesAPIViewSet(ReaderAPIViewSet, PagesAPIViewSet):
    """``/api/v2/pages/``: listing, detail and ``find/?html_path=``, public pages only."""

    filter_backends = [
        # Tree and locale filters first: they narrow the set the most.
        filters.ChildOfFilter,
        filters.DescendantOfFilter,
        filters.SectionFilter,
        filters.LocaleFilter,
        filters.TagFilter,
        filters.AuthorFilter,
        filters.FeaturedFilter,
        filters.PublishedFromFilter,
        filters.PublishedToFilter,
        filters.UpdatedSinceFilter,
        # Ordering before search: the search keeps the order when ?order= is given.
        filters.OrderFilter,
        # Last: search results cannot be filtered further.
        filters.SearchFilter,
    ]
    known_query_parameters = frozenset(
        [
            "limit",
            "offset",
            "fields",
            "order",
            "search",
            "search_operator",
            "type",
            "child_of",
            "descendant_of",
            "locale",
            "section",
            "tag",
            "author",
            "featured",
            "published_from",
            "published_to",
            "updated_since",
            "_",
        ]
    )
    fixed_type: type[Page] | None = None
    default_limit = 20

    def page_model(self) -> type[Page]:
        """The model ``?type=`` names: 'article', 'home.ArticlePage', or several."""
        if self.fixed_type is not None:
            return self.fixed_type
        value = self.request.GET.get("type")
        if not value:
            if any(name in self.request.GET for name in ARTICLE_FILTERS):
                return ArticlePage
            return Page
        found = []
        for name in value.split(","):
            if name in TYPE_ALIASES:
                found.append(TYPE_ALIASES[name])
                continue
            try:
                found.extend(page_models_from_string(name))
            except (LookupError, ValueError, AttributeError) as e:
                raise BadQueryParameter(
                    "type", _("unknown page type '%(name)s'") % {"name": name}
                ) from e
        if not all(isinstance(model, type) and issubclass(model, Page) for model in found):
            raise BadQueryParameter("type", _("not a page type"))
        if len(found) == 1:
            return found[0]
        self._several_types = found
        return Page

    def get_queryset(self):
        model = self.page_model()
        if (
            model is not Page
            and "search" in self.request.GET
            and not any(name in self.request.GET for name in TYPE_TABLE_PARAMETERS)
        ):
            # Searching one page type: the matches are read with the page tree's table and a
            # content-type test; joining the type's own (wide) table took a third of a search
            # for a common word on PostgreSQL. Items are loaded by type (summary_pages).
            queryset = public_pages(self.request).type(model)
        else:
            queryset = public_pages(self.request, model)
        if getattr(self, "_several_types", None):
            queryset = queryset.type(*self._several_types)
        return queryset.defer_streamfields()

    def find_public_page(self, parameter: str, value: str) -> Page:
        if value == "root":
            root = get_scope(self.request).roots[0]
            page = public_pages(self.request).filter(path=root.path).first()
        else:
            page = public_pages(self.request).filter(id=parse_id(parameter, value)).first()
        if page is None:
            raise BadQueryParameter(parameter, _("no such page"))
        return page

    def listing_view(self, request):
        self.check_query_parameters()
        fields = self.chosen_fields(SUMMARY_FIELDS, SUMMARY_FIELDS)
        limit, offset = self.page_bounds(self.default_limit)
        queryset = filters.known_search(request, self)
        if queryset is None:
            queryset = self.filter_queryset(self.get_queryset())
        total = queryset.count()
        if isinstance(queryset, RankedResults):
            ids = queryset.page_ids()
        else:
            ids = list(queryset.values_list("id", flat=True)[offset : offset + limit])
        items = cached_summaries(ids, APIContext(request), self.summary_pages)
        data = [filter_fields(item, fields) for item in items]
        if getattr(request, "search_query", None) is not None:
            texts = queryset.texts if isinstance(queryset, RankedResults) else None
            add_highlights(data, request.search_query, texts)
        return Response({"meta": {"total_count": total}, "items": data})

    def summary_pages(self, ids: list[int]) -> Iterable[Page]:
        """The public pages ``ids`` of the listing's type, as their specific types."""
        model = self.page_model()
        if model is not Page:
            return page_queries.public_summaries(get_scope(self.request), model, ids).values()
        return self.get_queryset().filter(id__in=ids).specific()

    def detail_view(self, request, pk):
        self.check_query_parameters()
        fields = self.chosen_fields(DETAIL_FIELDS, DETAIL_FIELDS)
        page = page_queries.public_page(get_scope(request), int(pk))
        if page is None:
            raise Http404(_("No page with this id."))
        data = serialize_page_detail(page, request, cache_body=True)
        return Response(filter_fields(data, fields))

    def find_view(self, request):
        self.check_query_parameters(self.known_query_parameters | {"html_path", "id"})
        if "html_path" in request.GET:
            components = [c for c in request.GET["html_path"].split("/") if c]
            # '/en/news/x/' is in the English tree, '/tin-tuc/x/' in the Vietnamese one.
            roots = get_scope(request).roots
            by_language = {
                r.language_code: r for r in roots if not is_default_language(r.language_code)
            }
            if components and components[0] in by_language:
                roots = (by_language[components.pop(0)],)
            else:
                roots = tuple(r for r in roots if is_default_language(r.language_code)) or roots
            url_paths = [root.url_path + "".join(f"{c}/" for c in components) for root in roots]
            page = public_pages(request).filter(url_path__in=url_paths).order_by("path").first()
        elif "id" in request.GET:
            page = public_pages(request).filter(id=parse_id("id", request.GET["id"])).first()
        else:
            raise BadRequestError(_("give html_path or id"))
        if page is None:
            raise Http404(_("No page at this address."))
        query = request.GET.copy()
        query.pop("html_path", None)
        query.pop("id", None)
        url = f"{request.path.removesuffix('find/')}{page.id}/"
        return redirect(f"{url}?{query.urlencode()}" if query else url)


class LatestVideosAPIViewSet(ReaderPagesAPIViewSet):
    """``/api/v2/videos/latest/``: the "Video hoạt động" block, newest first."""

    fixed_type = VideoPage
    known_query_parameters = frozenset(["limit", "fields", "_"])
    default_limit = 6

    @classmethod
    def get_urlpatterns(cls):
        return [path("", cls.as_view({"get": "listing_view"}), name="listing")]


class LatestGalleriesAPIViewSet(LatestVideosAPIViewSet):
    """``/api/v2/galleries/latest/``: the "Hình ảnh hoạt động" block, newest first."""

    fixed_type = GalleryPage


def _referenced_by_public_pages(request, model):
    """Only images and documents a public page uses: never those of drafts or private pages."""
    page_ids = public_pages(request).annotate(key=Cast("id", CharField())).values("key")
    targets = (
        ReferenceIndex.objects.filter(
            base_content_type=ContentType.objects.get_for_model(Page),
            to_content_type=ContentType.objects.get_for_model(model),
            object_id__in=Subquery(page_ids),
        )
        .annotate(target=Cast("to_object_id", BigIntegerField()))
        .values("target")
    )
    return model.objects.filter(id__in=Subquery(targets)).order_by("id")


class MediaAPIViewSet(ReaderAPIViewSet):
    known_query_parameters = frozenset(["limit", "offset", "fields", "_"])

    def get_queryset(self):
        return _referenced_by_public_pages(self.request, self.model)

    def serialize(self, obj, ctx: APIContext, detail: bool) -> dict:
        raise NotImplementedError

    def listing_view(self, request):
        self.check_query_parameters()
        limit, offset = self.page_bounds()
        queryset = self.get_queryset()
        total = queryset.count()
        ctx = APIContext(request)
        items = [self.serialize(obj, ctx, False) for obj in queryset[offset : offset + limit]]
        return Response({"meta": {"total_count": total}, "items": items})

    def detail_view(self, request, pk):
        self.check_query_parameters()
        obj = self.get_queryset().filter(id=pk).first()
        if obj is None:
            raise Http404(_("Not found."))
        return Response(self.serialize(obj, APIContext(request), True))

    @classmethod
    def get_urlpatterns(cls):
        return [
            path("", cls.as_view({"get": "listing_view"}), name="listing"),
            path("<int:pk>/", cls.as_view({"get": "detail_view"}), name="detail"),
        ]


class ImagesAPIViewSet(MediaAPIViewSet):
    """``/api/v2/images/``: images used by public pages; the detail gives the srcset."""

    name = "images"
    model = get_image_model()

    def serialize(self, image, ctx: APIContext, detail: bool) -> dict:
        data = {
            "id": image.id,
            "meta": {
                "type": image._meta.label,
                "detail_url": f"{ctx.base_url}/api/v2/images/{image.id}/",
            },
            "title": image.title,
            "width": image.width,
            "height": image.height,
            "alt": image.default_alt_text,
            "caption": image.caption,
            "credit": image.credit,
        }
        if detail:
            data.update(ctx.image(image))
        return data


class DocumentsAPIViewSet(MediaAPIViewSet):
    """``/api/v2/documents/``: documents attached to public pages."""

    name = "documents"
    model = get_document_model()

    def serialize(self, document, ctx: APIContext, detail: bool) -> dict:
        return {
            "meta": {
                "type": document._meta.label,
                "detail_url": f"{ctx.base_url}/api/v2/documents/{document.id}/",
            },
            **ctx.document(document),
        }


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
        return site_owner_details(get_scope(request).site_id, requested_locale(request))


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

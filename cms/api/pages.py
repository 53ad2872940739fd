"""``/api/v2/pages/`` and the latest videos and galleries (Wagtail API v2 conventions).

Pages are serialized by cms/api/serializers.py, filtered by cms/api/filters.py and limited to
what a reader may see by cms/api/visibility.py; responses are cached by cms/api/cache.py.
"""

from collections.abc import Iterable

from django.db.models import QuerySet
from django.http import Http404
from django.shortcuts import redirect
from django.urls import path
from django.utils.translation import gettext as _
from rest_framework.response import Response
from wagtail.api.v2.utils import BadRequestError, page_models_from_string
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Page

from cms.api import filters, keyset, queries, totals
from cms.api.base import ReaderAPIViewSet
from cms.api.context import APIContext
from cms.api.filters import MAX_ID, BadQueryParameter, parse_id
from cms.api.serializers import (
    KINDS,
    SUMMARY_FIELDS,
    cached_summaries,
    filter_fields,
    serialize_page_detail,
)
from cms.api.visibility import get_scope, is_default_language, public_pages
from cms.search.highlight import add_highlights
from cms.search.results import RankedResults
from home.models import (
    ArticlePage,
    GalleryPage,
    VideoPage,
)

TYPE_ALIASES = {kind: model for model, kind in KINDS.items()}
DETAIL_FIELDS = SUMMARY_FIELDS + (
    "updated_at",
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
    "document",
    "week",
)
# Filters that only make sense for articles: without ?type= they list articles.
ARTICLE_FILTERS = ("section", "tag", "author", "featured", "published_from", "published_to")
# Parameters that need the page type's own table (its fields or relations).
TYPE_TABLE_PARAMETERS = ("tag", "author", "featured", "order")
# Filters that mean the same on the page tree's table as on a page type's own: a listing
# filtered by these alone is counted without the type's table (``count_pages``).
PAGE_TABLE_FILTERS = frozenset(
    ["type", "section", "child_of", "descendant_of", "locale", "updated_since"]
)


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
            "cursor",
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
        cursor = keyset.cursor_parameter(request, queryset)
        meta = {"total_count": keyset.total_count(request, queryset, self.count_pages)}
        if isinstance(queryset, RankedResults):
            ids = queryset.page_ids()
        elif keyset.newest_first(queryset) and "cursor" in self.known_query_parameters:
            if cursor:
                window, start = keyset.after(queryset, cursor), 0
            else:
                window, start = keyset.offset_window(request, queryset, offset)
            # One row more than the page tells whether a next page exists.
            rows = list(window.values_list("id", "publication_date")[start : start + limit + 1])
            ids = [page_id for page_id, _date in rows[:limit]]
            last = rows[limit - 1] if len(rows) > limit else None
            meta["next_cursor"] = keyset.ListingCursor(last[1], last[0]).encode() if last else None
        else:
            ids = list(queryset.values_list("id", flat=True)[offset : offset + limit])
        items = cached_summaries(ids, APIContext(request), self.summary_pages)
        data = [filter_fields(item, fields) for item in items]
        if getattr(request, "search_query", None) is not None:
            texts = queryset.texts if isinstance(queryset, RankedResults) else None
            add_highlights(data, request.search_query, texts)
        return Response({"meta": meta, "items": data})

    def count_pages(self, queryset: QuerySet) -> int:
        """The listing's total.

        Counted through the page type's own table, 100,000 articles cost PostgreSQL a join
        with every row of that wide table (80 ms, three processes). A listing filtered only
        by type, one branch, locale and ``featured`` is summed from the page counts PostgreSQL
        keeps (cms/api/totals.py, under 1 ms); other listings filtered only by the page tree are
        counted on the tree's table with a content-type test (20–25 ms), as searches of one
        type are read (get_queryset).
        """
        model = self.page_model()
        filtered_by = set(self.request.GET) - keyset.NOT_FILTERS
        several_types = getattr(self, "_several_types", None)
        if model is Page or several_types or filtered_by - PAGE_TABLE_FILTERS - {"featured"}:
            return queryset.count()
        branches = [filters.BRANCHES[name] for name in filtered_by & filters.BRANCHES.keys()]
        if "updated_since" not in filtered_by and len(branches) <= 1:
            branch = branches[0](self.request, self) if branches else None
            locale = filters.requested_locale(self.request)
            featured = self.request.GET.get("featured")
            total = totals.public_total(
                get_scope(self.request),
                model,
                branch,
                locale.id if locale else None,
                # The filter has checked the value and that the type has the field.
                featured=None if featured is None else filters.parse_bool("featured", featured),
            )
            if total is not None:
                return total
        if "featured" in filtered_by:
            return queryset.count()  # a column of the article's table, not the tree's
        return self.filter_queryset(public_pages(self.request).type(model)).count()

    def summary_pages(self, ids: list[int]) -> Iterable[Page]:
        """The public pages ``ids`` of the listing's type, as their specific types."""
        model = self.page_model()
        if model is not Page:
            return queries.public_summaries(get_scope(self.request), model, ids).values()
        return self.get_queryset().filter(id__in=ids).specific()

    def detail_view(self, request, pk):
        self.check_query_parameters()
        fields = self.chosen_fields(DETAIL_FIELDS, DETAIL_FIELDS)
        # An id past the bigint range would reach the database as an overflow (a 500).
        page = queries.public_page(get_scope(request), int(pk)) if int(pk) < MAX_ID else None
        if page is None:
            raise Http404(_("No page with this id."))
        data = serialize_page_detail(page, request, cache_body=True)
        return Response(filter_fields(data, fields))

    def find_view(self, request):
        self.check_query_parameters(self.known_query_parameters | {"html_path", "id"})
        # Checked even when html_path, which comes first, makes it unused.
        page_id = parse_id("id", request.GET["id"]) if "id" in request.GET else None
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
            if page is None:
                page = redirected_page(request, request.GET["html_path"])
        elif page_id is not None:
            page = public_pages(request).filter(id=page_id).first()
        else:
            raise BadRequestError(_("give html_path or id"))
        if page is None:
            raise Http404(_("No page at this address."))
        query = request.GET.copy()
        query.pop("html_path", None)
        query.pop("id", None)
        url = f"{request.path.removesuffix('find/')}{page.id}/"
        return redirect(f"{url}?{query.urlencode()}" if query else url)


def redirected_page(request, html_path: str) -> Page | None:
    """The public page a permanent redirect sends an old address to (wagtail.contrib.redirects:
    pages moved in the admin, addresses of an imported Plone site), so that the frontend can
    answer the old address with a 301 to the page's own."""
    old_path = Redirect.normalise_path(html_path)
    page_ids = Redirect.objects.filter(
        old_path=old_path, is_permanent=True, redirect_page__isnull=False
    ).values_list("redirect_page_id", flat=True)[:1]
    return public_pages(request).filter(id__in=list(page_ids)).first()


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

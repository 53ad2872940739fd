"""``/api/v2/search/autocomplete/?q=cai ca``: titles for the search box, as readers type.

    GET /api/v2/search/autocomplete/?q=cai%20ca&limit=5
    200 {"items": [{"id": 12, "title": "Cải cách hành chính trong Đảng ủy Khối",
                    "kind": "article", "path": "/tin-tuc-su-kien/xay-dung-dang/cai-cach/",
                    "highlight": "<mark>Cải</mark> <mark>cách</mark> hành chính …"}]}

Accent-insensitive like the search itself; the last word matches as a prefix. Only public
pages (cms.api.visibility), titles only, best match then newest first.
"""

from django.contrib.contenttypes.models import ContentType
from django.urls import path
from django.utils.translation import gettext as _
from rest_framework.response import Response
from wagtail.models import Page

from cms.api import filters
from cms.api.base import ReaderAPIViewSet
from cms.api.filters import BadQueryParameter
from cms.api.serializers import KINDS
from cms.api.visibility import get_scope, public_pages
from cms.search import query as search_query
from cms.search.highlight import highlight

AUTOCOMPLETE_LIMIT_DEFAULT = 8
AUTOCOMPLETE_LIMIT_MAX = 20


class AutocompleteAPIViewSet(ReaderAPIViewSet):
    name = "search-autocomplete"
    model = Page
    known_query_parameters = frozenset(["q", "limit", "locale", "_"])

    def listing_view(self, request):
        self.check_query_parameters()
        text = request.GET.get("q", "")
        raw_limit = request.GET.get("limit", str(AUTOCOMPLETE_LIMIT_DEFAULT))
        if not raw_limit.isascii() or not raw_limit.isdigit():
            raw_limit = "0"
        limit = int(raw_limit)
        if not 0 < limit <= AUTOCOMPLETE_LIMIT_MAX:
            raise BadQueryParameter(
                "limit",
                _("must be a whole number from 1 to %(max)d") % {"max": AUTOCOMPLETE_LIMIT_MAX},
            )
        parsed = search_query.parse(text, prefix_last=True)
        # Before the early answer: a bad locale is a 400 even before anything is typed.
        queryset = filters.LocaleFilter().filter_queryset(request, public_pages(request), self)
        if not parsed.terms:
            return Response({"items": []})
        results = search_query.search_pages(queryset, parsed, title_only=True)
        rows = results.values_list("id", "title", "url_path", "content_type_id")[:limit]
        scope = get_scope(request)
        kinds = {m._meta.model_name: kind for m, kind in KINDS.items()}
        items = []
        for page_id, title, url_path, content_type_id in rows:
            model = ContentType.objects.get_for_id(content_type_id).model
            items.append(
                {
                    "id": page_id,
                    "title": title,
                    "kind": kinds.get(model, "page"),
                    "path": scope.frontend_path(url_path),
                    "highlight": highlight(title, parsed.terms, prefix_last=True),
                }
            )
        return Response({"items": items})

    @classmethod
    def get_urlpatterns(cls):
        return [path("", cls.as_view({"get": "listing_view"}), name="listing")]

"""What every reader API endpoint shares: JSON only, anonymous, strict query parameters,
errors as ``{"message": …, "parameter": …}`` (400) and ``{"message": …}`` (404).

    GET /api/v2/pages/?limit=abc  -> 400 {"message": "must be a whole number from 1 to 100",
                                          "parameter": "limit"}
"""

from django.conf import settings
from django.http import Http404
from django.utils.translation import gettext as _
from rest_framework import status
from rest_framework.permissions import AllowAny
from rest_framework.renderers import JSONRenderer
from rest_framework.response import Response
from wagtail.api.v2.utils import BadRequestError, parse_fields_parameter
from wagtail.api.v2.views import BaseAPIViewSet

from cms.api.filters import BadQueryParameter

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

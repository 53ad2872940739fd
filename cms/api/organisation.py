"""The organisation chart: ``/api/v2/organisation/units/`` and ``/api/v2/organisation/leaders/``.

Only published rows are served, in the requested language (``?locale=``, default
Vietnamese). The structure is the Vietnamese one: which unit a unit belongs to, which unit a
leader is in and the editors' order come from the default language's published rows, the
texts from the requested language's. So a unit or leader shows in English only when both its
Vietnamese and its English rows are published; a unit that does not show hides the units
under it, and a leader in such a unit shows without one. Each endpoint makes the same few
queries whatever the number of units and leaders.

    GET /api/v2/organisation/units/?locale=en
    {"locale": "en", "items": [{"id": 7, "name": "Standing Board", "kind": "leadership",
      "description": "…", "address": "", "phone": "", "email": "", "children": […]}]}

    GET /api/v2/organisation/leaders/?locale=vi&unit=3
    {"locale": "vi", "items": [{"id": 12, "name": "Hoàng Văn Thịnh", "position": "Bí thư …",
      "term": "Nhiệm kỳ 2025–2030", "phone": "…", "email": "…",
      "unit": {"id": 3, "name": "Ban Thường vụ"}, "photo": {"url": …, "fallback_url": …,
      "width": 240, "height": 300, "alt": "…"}}]}
"""

from collections import defaultdict

from django.conf import settings
from django.db.models import QuerySet
from django.urls import path
from rest_framework.response import Response
from wagtail.models import Locale

from cms.api.base import ReaderAPIViewSet
from cms.api.context import APIContext
from cms.api.filters import parse_id
from cms.api.site_content import requested_locale
from home.models import Leader, OrganisationUnit
from media_library.renditions import prefetch_renditions, single_rendition

PORTRAIT_SPEC = "fill-240x300-c100|format-webp|webpquality-80"
PORTRAIT_FALLBACK_SPEC = "fill-240x300-c100|format-jpeg|jpegquality-80"
UNIT_TEXT_FIELDS = ("name", "kind", "description", "address", "phone", "email")
LEADER_TEXT_FIELDS = ("name", "position", "term", "phone", "email", "photo_id")


def _default_locale(locale: Locale) -> Locale:
    """The language the structure is read from (``locale`` itself when it is that one)."""
    if locale.language_code == settings.LANGUAGE_CODE:
        return locale
    return Locale.objects.get(language_code=settings.LANGUAGE_CODE)


def _in_locale(model, source_rows: list, locale: Locale, fields: tuple[str, ...]) -> dict:
    """The published rows of ``locale`` for the default-language ``source_rows``, by
    translation key (the source rows themselves when ``locale`` is the default)."""
    if not source_rows:
        return {}
    if source_rows[0].locale_id == locale.id:
        return {row.translation_key: row for row in source_rows}
    rows = model.objects.filter(
        locale=locale,
        live=True,
        translation_key__in=[row.translation_key for row in source_rows],
    ).only("id", "translation_key", "locale_id", *fields)
    return {row.translation_key: row for row in rows}


class OrganisationChart:
    """The units public in ``locale``, as a tree in the editors' order."""

    def __init__(self, locale: Locale, default: Locale) -> None:
        source: QuerySet = OrganisationUnit.objects.filter(locale=default, live=True).order_by(
            "sort_order", "id"
        )
        fields = ("parent_id", "sort_order", *UNIT_TEXT_FIELDS)
        sources = list(source.only("id", "translation_key", "locale_id", *fields))
        shown = _in_locale(OrganisationUnit, sources, locale, UNIT_TEXT_FIELDS)
        children = defaultdict(list)
        source_ids = {row.id for row in sources}
        for row in sources:
            # A unit under one that is not published shows nowhere.
            parent = row.parent_id if row.parent_id in source_ids else None
            if row.parent_id is None or parent is not None:
                children[parent].append(row)
        self.by_source_id: dict[int, OrganisationUnit] = {}
        self.order: dict[int, int] = {}  # source id -> position in the tree, depth first
        self.roots = self._walk(children, shown, None, set())

    def _walk(self, children, shown, parent_id, seen) -> list[dict]:
        items = []
        for source in children.get(parent_id, ()):
            unit = shown.get(source.translation_key)
            if unit is None or source.id in seen:
                continue
            seen.add(source.id)
            self.by_source_id[source.id] = unit
            self.order[source.id] = len(self.order)
            items.append(
                {
                    "id": unit.id,
                    **{name: getattr(unit, name) for name in UNIT_TEXT_FIELDS},
                    "children": self._walk(children, shown, source.id, seen),
                }
            )
        return items


class OrganisationEndpoint(ReaderAPIViewSet):
    """One JSON object per request: ``{"locale": …, "items": […]}``."""

    known_query_parameters = frozenset(["locale", "_"])

    def listing_view(self, request):
        self.check_query_parameters()
        return Response(self.build(request, requested_locale(request)))

    def build(self, request, locale: Locale) -> dict:
        raise NotImplementedError

    @classmethod
    def get_urlpatterns(cls):
        return [path("", cls.as_view({"get": "listing_view"}), name="listing")]


class OrganisationUnitsAPIViewSet(OrganisationEndpoint):
    """``/api/v2/organisation/units/?locale=en``: the published units as a tree."""

    name = "organisation-units"
    model = OrganisationUnit

    def build(self, request, locale: Locale) -> dict:
        chart = OrganisationChart(locale, _default_locale(locale))
        return {"locale": locale.language_code, "items": chart.roots}


class LeadersAPIViewSet(OrganisationEndpoint):
    """``/api/v2/organisation/leaders/?locale=en&unit=7``: the published leaders, in the
    editors' order, each with the unit they are in (``unit``: that unit's id in the same
    language, its leaders only; none for an id that is no public unit)."""

    name = "organisation-leaders"
    model = Leader
    known_query_parameters = frozenset(["locale", "unit", "_"])

    def build(self, request, locale: Locale) -> dict:
        unit_filter = None
        if "unit" in request.GET:
            unit_filter = parse_id("unit", request.GET["unit"])
        default = _default_locale(locale)
        chart = OrganisationChart(locale, default)
        sources = list(
            Leader.objects.filter(locale=default, live=True)
            .select_related("photo")
            .order_by("sort_order", "id")
        )
        if locale.id == default.id:
            shown = {row.translation_key: row for row in sources}
        else:
            shown = {
                row.translation_key: row
                for row in Leader.objects.filter(
                    locale=locale,
                    live=True,
                    translation_key__in=[s.translation_key for s in sources],
                ).select_related("photo")
            }
        leaders = []
        for source in sources:
            leader = shown.get(source.translation_key)
            if leader is None:
                continue
            unit = chart.by_source_id.get(source.unit_id)
            if unit_filter is not None and (unit is None or unit.id != unit_filter):
                continue
            leaders.append((leader, unit))
        photos = [leader.photo for leader, _unit in leaders if leader.photo_id]
        prefetch_renditions((photos, [PORTRAIT_SPEC, PORTRAIT_FALLBACK_SPEC]))
        ctx = APIContext(request)
        return {
            "locale": locale.language_code,
            "items": [
                {
                    "id": leader.id,
                    "name": leader.name,
                    "position": leader.position,
                    "term": leader.term,
                    "phone": leader.phone,
                    "email": leader.email,
                    "unit": {"id": unit.id, "name": unit.name} if unit else None,
                    "photo": _portrait(leader.photo, ctx) if leader.photo_id else None,
                }
                for leader, unit in leaders
            ],
        }


def _portrait(image, ctx: APIContext) -> dict:
    main = single_rendition(image, PORTRAIT_SPEC, ctx.absolute)
    fallback = single_rendition(image, PORTRAIT_FALLBACK_SPEC, ctx.absolute)
    return {**main, "fallback_url": fallback["url"], "alt": image.default_alt_text}

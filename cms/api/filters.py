"""Query parameters of the reader API's page listing, one filter class each.

They run in the order of ``READER_PAGE_FILTERS`` (cms/api/pages.py); every bad value raises
``BadQueryParameter``, which the API turns into a 400 naming the parameter:

    GET /api/v2/pages/?published_from=15-06-2022
    400 {"message": "published_from: not a date or date-time ...",
         "parameter": "published_from"}
"""

import datetime
from dataclasses import dataclass

from django.db.models import Q, Subquery
from django.utils import timezone
from django.utils.dateparse import parse_date, parse_datetime
from django.utils.translation import gettext as _
from rest_framework.filters import BaseFilterBackend
from wagtail.api.v2.utils import BadRequestError
from wagtail.models import Locale, Page

from cms.api.cache import listing_generation
from cms.api.visibility import get_scope, public_pages
from cms.search import query as search_query
from cms.search.results import RankedResults, known_pages, remember_pages, search_listing
from home.models import ArticleAuthor, ArticlePage, SectionPage

# Ids have at most 18 digits (below PostgreSQL's bigint maximum), a bound the OpenAPI
# document can state as a pattern (cms/api/schema/components.py).
MAX_ID = 10**18


class BadQueryParameter(BadRequestError):
    """A query parameter with a value the API cannot use. The message names the parameter."""

    def __init__(self, parameter: str, message: str):
        self.parameter = parameter
        super().__init__(f"{parameter}: {message}")


def parse_id(parameter: str, value: str) -> int:
    if not value.isascii() or not value.isdigit() or not 0 < int(value) < MAX_ID:
        raise BadQueryParameter(parameter, _("must be a positive whole number"))
    return int(value)


def parse_bool(parameter: str, value: str) -> bool:
    if value.lower() in ("true", "1", "yes"):
        return True
    if value.lower() in ("false", "0", "no"):
        return False
    raise BadQueryParameter(parameter, _("must be true or false"))


def parse_moment(parameter: str, value: str, end_of_day: bool = False) -> datetime.datetime:
    """'2022-06-15' (the day in the site's time zone) or '2022-06-15T08:00:00+07:00'."""
    try:
        # Date first: parse_datetime() also accepts a bare date (as midnight), which would
        # make published_to=2022-06-30 leave out the 30th itself.
        day = parse_date(value)
        moment = None if day else parse_datetime(value)
    except ValueError:
        moment = day = None
    if day is not None:
        moment = datetime.datetime.combine(
            day, datetime.time.max if end_of_day else datetime.time.min
        )
    if moment is None or not 1900 <= moment.year <= 9000:
        raise BadQueryParameter(
            parameter, _("not a date or date-time (YYYY-MM-DD or YYYY-MM-DDTHH:MM:SS+07:00)")
        )
    if timezone.is_naive(moment):
        moment = timezone.make_aware(moment)
    return moment


def _require_field(queryset, parameter: str, field: str) -> None:
    if not any(f.name == field for f in queryset.model._meta.get_fields()):
        raise BadQueryParameter(
            parameter, _("only applies to page types that have it, e.g. type=article")
        )


def _date_field(request, queryset, parameter: str) -> str:
    """publication_date; for searches over several types (type=article,video), the one
    stored with each search document."""
    if "search" in request.GET and queryset.model is Page:
        return "search_document__publication_date"
    _require_field(queryset, parameter, "publication_date")
    return "publication_date"


@dataclass(frozen=True)
class Branch:
    """The pages under the page at ``path`` (at ``depth``): its children, or all below it."""

    path: str
    depth: int
    children_only: bool = False

    def q(self) -> Q:
        depth = Q(depth=self.depth + 1) if self.children_only else Q(depth__gt=self.depth)
        return Q(path__startswith=self.path) & depth


def section_branch(request, view) -> Branch | None:
    """?section=<id or slug>: the pages in a section and its subsections."""
    value = request.GET.get("section")
    if value is None:
        return None
    sections = public_pages(request, SectionPage)
    if value.isascii() and value.isdigit():
        section = sections.filter(id=parse_id("section", value)).first()
    else:
        section = sections.filter(slug=value).order_by("path").first()
    if section is None:
        raise BadQueryParameter("section", _("no such section"))
    return Branch(section.path, section.depth)


def child_of_branch(request, view) -> Branch | None:
    """?child_of=<id>|root: the direct children of a public page."""
    value = request.GET.get("child_of")
    if value is None:
        return None
    parent = view.find_public_page("child_of", value)
    return Branch(parent.path, parent.depth, children_only=True)


def descendant_of_branch(request, view) -> Branch | None:
    """?descendant_of=<id>|root: the whole branch under a public page."""
    value = request.GET.get("descendant_of")
    if value is None:
        return None
    ancestor = view.find_public_page("descendant_of", value)
    return Branch(ancestor.path, ancestor.depth)


BRANCHES = {
    "section": section_branch,
    "child_of": child_of_branch,
    "descendant_of": descendant_of_branch,
}


class SectionFilter(BaseFilterBackend):
    """?section=<id or slug>: pages in a section and its subsections."""

    def filter_queryset(self, request, queryset, view):
        branch = section_branch(request, view)
        return queryset if branch is None else queryset.filter(branch.q())


class TagFilter(BaseFilterBackend):
    """?tag=<slug>: articles with this tag; several, comma-separated, must all be present."""

    def filter_queryset(self, request, queryset, view):
        value = request.GET.get("tag")
        if value is None:
            return queryset
        if queryset.model is not ArticlePage:
            raise BadQueryParameter("tag", _("only applies to articles (type=article)"))
        for slug in filter(None, (part.strip() for part in value.split(","))):
            queryset = queryset.filter(tagged_items__tag__slug=slug)
        return queryset


class AuthorFilter(BaseFilterBackend):
    """?author=<id>: articles with this author in the byline."""

    def filter_queryset(self, request, queryset, view):
        value = request.GET.get("author")
        if value is None:
            return queryset
        if queryset.model is not ArticlePage:
            raise BadQueryParameter("author", _("only applies to articles (type=article)"))
        author_id = parse_id("author", value)
        pages = ArticleAuthor.objects.filter(author_id=author_id).values("page_id")
        return queryset.filter(id__in=Subquery(pages))


class FeaturedFilter(BaseFilterBackend):
    """?featured=true|false."""

    def filter_queryset(self, request, queryset, view):
        value = request.GET.get("featured")
        if value is None:
            return queryset
        _require_field(queryset, "featured", "featured")
        return queryset.filter(featured=parse_bool("featured", value))


class PublishedFromFilter(BaseFilterBackend):
    """?published_from=2022-06-01: publication date on or after (site time zone for dates)."""

    def filter_queryset(self, request, queryset, view):
        value = request.GET.get("published_from")
        if value is None:
            return queryset
        field = _date_field(request, queryset, "published_from")
        return queryset.filter(**{f"{field}__gte": parse_moment("published_from", value)})


class PublishedToFilter(BaseFilterBackend):
    """?published_to=2022-06-30: publication date on or before (the whole day for dates)."""

    def filter_queryset(self, request, queryset, view):
        value = request.GET.get("published_to")
        if value is None:
            return queryset
        field = _date_field(request, queryset, "published_to")
        moment = parse_moment("published_to", value, end_of_day=True)
        return queryset.filter(**{f"{field}__lte": moment})


class UpdatedSinceFilter(BaseFilterBackend):
    """?updated_since=<date-time>: pages (re)published since then, for incremental sync."""

    def filter_queryset(self, request, queryset, view):
        value = request.GET.get("updated_since")
        if value is None:
            return queryset
        return queryset.filter(last_published_at__gte=parse_moment("updated_since", value))


class ChildOfFilter(BaseFilterBackend):
    """?child_of=<id>|root: direct children of a public page."""

    def filter_queryset(self, request, queryset, view):
        branch = child_of_branch(request, view)
        return queryset if branch is None else queryset.filter(branch.q())


class DescendantOfFilter(BaseFilterBackend):
    """?descendant_of=<id>|root: the whole branch under a public page."""

    def filter_queryset(self, request, queryset, view):
        branch = descendant_of_branch(request, view)
        return queryset if branch is None else queryset.filter(branch.q())


def requested_locale(request) -> Locale | None:
    """?locale=vi|en: the locale it names, None without it, a 400 for an unknown one."""
    value = request.GET.get("locale")
    if value is None:
        return None
    locale = Locale.objects.filter(language_code=value).first()
    if locale is None:
        raise BadQueryParameter("locale", _("no such locale"))
    return locale


class LocaleFilter(BaseFilterBackend):
    """?locale=vi|en."""

    def filter_queryset(self, request, queryset, view):
        locale = requested_locale(request)
        return queryset if locale is None else queryset.filter(locale=locale)


class OrderFilter(BaseFilterBackend):
    """?order=-publication_date,title: the listed fields, '-' for descending.

    Without it, dated pages come newest first and other pages in tree order.
    """

    fields = {"id", "title", "first_published_at", "last_published_at", "publication_date"}

    def filter_queryset(self, request, queryset, view):
        value = request.GET.get("order")
        model_fields = {f.name for f in queryset.model._meta.get_fields()}
        if value is None:
            if "publication_date" in model_fields:
                return queryset.order_by("-publication_date", "-id")
            return queryset.order_by("path")
        order = []
        for item in value.split(","):
            name = item.removeprefix("-")
            if name not in self.fields or name not in model_fields:
                raise BadQueryParameter("order", _("cannot order by '%(field)s'") % {"field": item})
            order.append(item)
        return queryset.order_by(*order, "id")


def _search_query(request) -> search_query.ParsedQuery | None:
    """The words of ?search= (None without it); the listing highlights them."""
    # Checked even without ?search=: the document allows only these two values.
    operator = request.GET.get("search_operator")
    if operator not in (None, "and", "or"):
        raise BadQueryParameter("search_operator", _("must be 'and' or 'or'"))
    query = request.GET.get("search")
    if query is None:
        return None
    request.search_query = search_query.parse(query, any_term=operator == "or")
    return request.search_query


# Parameters that do not change which pages a search looks in.
_NOT_FILTERS = frozenset(["search", "search_operator", "limit", "offset", "fields", "_"])


def _searched_pages_key(request) -> tuple:
    """What the pages a search looks in depend on: the site, what is public now (the API's
    listing generation changes with anything public, including at the next expiry), the
    endpoint and the listing's filters."""
    filters = sorted((k, v) for k, v in request.GET.items() if k not in _NOT_FILTERS)
    return (listing_generation(request), get_scope(request).key, request.path, tuple(filters))


class SearchFilter(BaseFilterBackend):
    """?search=cai cach&search_operator=and|or: accent- and case-insensitive (cms.search).

    Runs on the already-filtered public set, so counts and pages hold only public pages.
    Best matches first, unless ?order= is given. Articles, videos, galleries and standard
    pages are searched; a document linked from a body is found by its title.
    """

    def filter_queryset(self, request, queryset, view):
        parsed = _search_query(request)
        if parsed is None:
            return queryset
        # The page the listing will ask for: its ids and the count come from one query.
        limit, offset = view.page_bounds(getattr(view, "default_limit", 20))
        results = search_listing(
            queryset, parsed, offset, limit, order_by_relevance="order" not in request.GET
        )
        if isinstance(results, RankedResults):
            remember_pages(_searched_pages_key(request), results.pages)
        return results


def known_search(request, view) -> RankedResults | None:
    """The results of ?search= when an earlier search had the same filters and nothing has
    changed since: its pages' SQL is reused, the filters are not built again."""
    if "search" not in request.GET or "order" in request.GET:
        return None
    pages = known_pages(_searched_pages_key(request))
    parsed = _search_query(request) if pages is not None else None
    if parsed is None or not parsed.terms:
        return None
    limit, offset = view.page_bounds(getattr(view, "default_limit", 20))
    return RankedResults(pages, parsed, offset, limit)

"""The reader API's read queries, each compiled to SQL once (``cms.query_templates``).

A page detail needs about ten small queries (the page, its related articles, its neighbours
in the section, covers and renditions, bylines, sections, translations, tags); compiling them
with the ORM on every request cost more CPU than everything else in the request. Each
function here has one fixed query shape; only ids, dates and tree paths vary. All of them
apply the site's public-page filter (``SiteScope.public_q``) where they return pages.
"""

from collections import defaultdict
from collections.abc import Sequence
from functools import cache

from django.contrib.contenttypes.models import ContentType
from django.db.models import Model, OuterRef, Q, Subquery
from django.db.models.functions import Length, Substr
from django.utils import timezone
from wagtail.fields import StreamField
from wagtail.images import get_image_model
from wagtail.models import Page

from cms import query_templates
from cms.api.visibility import SiteScope
from cms.query_templates import Prefix, columns, instances
from home.models import ArticleAuthor, Author, GalleryImage, GalleryPage, RelatedArticle, Tag
from media_library.models import Video


@cache
def _page_fields(model: type[Page], streamfields: bool) -> tuple[str, ...]:
    """The columns of a page type, optionally without its StreamFields (listing items)."""
    if streamfields:
        return columns(model)
    return tuple(
        field.attname for field in model._meta.concrete_fields if not isinstance(field, StreamField)
    )


def _pages(
    scope: SiteScope, model: type[Page], ids: Sequence[int], streamfields: bool
) -> list[Page]:
    if not ids:
        return []
    fields = _page_fields(model, streamfields)

    def build(ids, now):
        return model.objects.filter(scope.public_q(now), id__in=ids).values_list(*fields)

    key = ("pages", model._meta.label, streamfields, scope.key)
    rows = query_templates.run(key, build, ids=tuple(ids), now=timezone.now())
    return instances(model, fields, rows)


# Page id -> content type id, to load a page by id in one query instead of two. A page never
# changes type; an id reused after a rolled-back transaction (SQLite) is caught by comparing
# the type of the row found.
_page_types: dict[int, int] = {}
_PAGE_TYPES_MAX = 100_000


def _content_type_id(scope: SiteScope, pk: int) -> int | None:
    def build(pk, now):
        return Page.objects.filter(scope.public_q(now), id=pk).values_list("content_type_id")

    rows = query_templates.run(("page type", scope.key), build, pk=pk, now=timezone.now())
    return rows[0][0] if rows else None


def public_page(scope: SiteScope, pk: int) -> Page | None:
    """The public page ``pk``, as its specific type and with all its fields, or None."""
    remembered = _page_types.get(pk)
    content_type_id = remembered or _content_type_id(scope, pk)
    if content_type_id is None:
        return None
    try:
        model = ContentType.objects.get_for_id(content_type_id).model_class()
    except ContentType.DoesNotExist:
        model = None
    pages = _pages(scope, model, (pk,), streamfields=True) if model else []
    if pages and pages[0].content_type_id == content_type_id:
        if len(_page_types) >= _PAGE_TYPES_MAX:
            _page_types.clear()
        _page_types[pk] = content_type_id
        return pages[0]
    _page_types.pop(pk, None)
    # What was remembered may be stale: look the type up once more.
    return public_page(scope, pk) if remembered else None


def public_summaries(scope: SiteScope, model: type[Page], ids: Sequence[int]) -> dict[int, Page]:
    """The public pages among ``ids``, by id, without their StreamFields (listing items)."""
    return {page.id: page for page in _pages(scope, model, ids, streamfields=False)}


def neighbour_ids(scope: SiteScope, page: Page) -> tuple[int | None, int | None]:
    """The public pages of the same type published just before and just after ``page`` in its
    section (ties broken by id), found in one query."""
    model = type(page)

    def build(pk, section, depth, date, now):
        siblings = model.objects.filter(
            scope.public_q(now), path__startswith=section, depth=depth
        ).values("id")
        # The redundant bound on the date alone lets PostgreSQL walk the publication_date
        # index from this page and stop at the first public sibling, instead of reading the
        # whole section; the OR only breaks ties.
        earlier = siblings.filter(
            Q(publication_date__lt=date) | Q(publication_date=date, id__lt=pk),
            publication_date__lte=date,
        ).order_by("-publication_date", "-id")
        later = siblings.filter(
            Q(publication_date__gt=date) | Q(publication_date=date, id__gt=pk),
            publication_date__gte=date,
        ).order_by("publication_date", "id")
        return (
            Page.objects.filter(id=pk)
            .annotate(previous_id=Subquery(earlier[:1]), next_id=Subquery(later[:1]))
            .values_list("previous_id", "next_id")
        )

    rows = query_templates.run(
        ("neighbours", model._meta.label, scope.key),
        build,
        pk=page.id,
        section=Prefix(page.path[: -Page.steplen]),
        depth=page.depth,
        date=page.publication_date,
        now=timezone.now(),
    )
    return rows[0] if rows else (None, None)


def _padded(ids: Sequence[int]) -> tuple[int, ...]:
    """``ids`` sorted, repeated at the end up to a power of two: one compiled query serves
    every batch size up to it (``query_templates`` compiles one per number of ids)."""
    ids = sorted(set(ids))
    size = 1 << (len(ids) - 1).bit_length()
    return tuple(ids + ids[-1:] * (size - len(ids)))


def neighbour_ids_many(
    scope: SiteScope, model: type[Page], ids: Sequence[int]
) -> dict[int, tuple[int | None, int | None]]:
    """``neighbour_ids`` of the pages ``ids`` of type ``model``, as stored, in one query.

    Each page's neighbours are two correlated subqueries, each an index probe from the page's
    date that stops at the first public sibling, so a batch costs the database a few rows
    per page. (LAG/LEAD over the section's ordering would read every page of the sections
    involved: 50,000 rows for one page of a large section.)
    """
    if not ids:
        return {}

    def build(ids, now):
        parent = Substr(OuterRef("path"), 1, Length(OuterRef("path")) - Page.steplen)
        siblings = model.objects.filter(
            scope.public_q(now), path__startswith=parent, depth=OuterRef("depth")
        ).values("id")
        date, pk = OuterRef("publication_date"), OuterRef("id")
        earlier = siblings.filter(
            Q(publication_date__lt=date) | Q(publication_date=date, id__lt=pk),
            publication_date__lte=date,
        ).order_by("-publication_date", "-id")
        later = siblings.filter(
            Q(publication_date__gt=date) | Q(publication_date=date, id__gt=pk),
            publication_date__gte=date,
        ).order_by("publication_date", "id")
        # No ORDER BY (pages come in tree order by default): the ids are found by primary key.
        return (
            model.objects.filter(id__in=ids)
            .order_by()
            .annotate(previous_id=Subquery(earlier[:1]), next_id=Subquery(later[:1]))
            .values_list("id", "previous_id", "next_id")
        )

    rows = query_templates.run(
        ("neighbours of many", model._meta.label, scope.key),
        build,
        ids=_padded(ids),
        now=timezone.now(),
    )
    return {page_id: (previous_id, next_id) for page_id, previous_id, next_id in rows}


def related_ids(page_ids: Sequence[int]) -> dict[int, list[int]]:
    """By article, the articles an editor chose as related, in order (public or not)."""
    if not page_ids:
        return {}

    def build(page_ids):
        return (
            RelatedArticle.objects.filter(page_id__in=page_ids)
            .order_by("page_id", "sort_order", "id")
            .values_list("page_id", "related_page_id")
        )

    found = defaultdict(list)
    for page_id, related_id in query_templates.run("related ids", build, page_ids=tuple(page_ids)):
        found[page_id].append(related_id)
    return found


def public_pages_at(scope: SiteScope, paths: Sequence[str]) -> list[Page]:
    """The public pages at these tree paths, with id, title, url_path and path only."""
    if not paths:
        return []
    fields = ("id", "title", "url_path", "path")

    def build(paths, now):
        return Page.objects.filter(scope.public_q(now), path__in=paths).values_list(*fields)

    rows = query_templates.run(
        ("pages at", scope.key), build, paths=tuple(paths), now=timezone.now()
    )
    return instances(Page, fields, rows)


def public_translations(scope: SiteScope, pages: Sequence[Page]) -> dict:
    """By translation key, (id, title, url_path, locale_id) of the public pages that are
    translations of ``pages`` (the pages themselves included, if public)."""
    keys = tuple(sorted({page.translation_key for page in pages}, key=str))
    if not keys:
        return {}

    def build(keys, now):
        return Page.objects.filter(scope.public_q(now), translation_key__in=keys).values_list(
            "id", "title", "url_path", "locale_id", "translation_key"
        )

    rows = query_templates.run(("translations", scope.key), build, keys=keys, now=timezone.now())
    found = defaultdict(list)
    for *row, translation_key in rows:
        found[translation_key].append(tuple(row))
    return found


def tags(page_ids: Sequence[int]) -> dict[int, list[tuple[str, str]]]:
    """By article, (name, slug) of its tags in the order they were added."""
    if not page_ids:
        return {}

    def build(page_ids):
        return (
            Tag.objects.filter(tagged_items__content_object_id__in=page_ids)
            .order_by("tagged_items__id")
            .values_list("tagged_items__content_object_id", "name", "slug")
        )

    found = defaultdict(list)
    for page_id, name, slug in query_templates.run("tags", build, page_ids=tuple(page_ids)):
        found[page_id].append((name, slug))
    return found


def author_links(page_ids: Sequence[int]) -> dict[int, list[ArticleAuthor]]:
    """The byline links of these articles, in order, each with its author's id and name."""
    if not page_ids:
        return {}
    fields = ("id", "page_id", "author_id", "position", "sort_order", "author__name")

    def build(page_ids):
        return (
            ArticleAuthor.objects.filter(page_id__in=page_ids)
            .order_by("page_id", "sort_order", "id")
            .values_list(*fields)
        )

    rows = query_templates.run("author links", build, page_ids=tuple(page_ids))
    links = defaultdict(list)
    authors = instances(Author, ("id", "name"), [(row[2], row[5]) for row in rows])
    links_ = instances(ArticleAuthor, fields[:5], [row[:5] for row in rows])
    for link, author in zip(links_, authors, strict=True):
        link.author = author
        links[link.page_id].append(link)
    return links


def images(ids: Sequence[int]) -> dict[int, Model]:
    """Images by id."""
    if not ids:
        return {}
    model = get_image_model()
    fields = columns(model)

    def build(ids):
        return model.objects.filter(id__in=ids).values_list(*fields)

    rows = query_templates.run(("images", model._meta.label), build, ids=tuple(ids))
    return {image.id: image for image in instances(model, fields, rows)}


def first_photo_ids(gallery_ids: Sequence[int]) -> dict[int, int]:
    """Gallery page id -> image id of its first photo, for galleries without a cover."""
    if not gallery_ids:
        return {}

    def build(ids):
        first = (
            GalleryImage.objects.filter(page_id=OuterRef("pk"))
            .order_by("sort_order", "id")
            .values("image_id")[:1]
        )
        return (
            GalleryPage.objects.filter(id__in=ids)
            .annotate(first_photo=Subquery(first))
            .values_list("id", "first_photo")
        )

    rows = query_templates.run(("first photos",), build, ids=tuple(gallery_ids))
    return {page_id: image_id for page_id, image_id in rows if image_id is not None}


def video_poster_ids(video_ids: Sequence[int]) -> dict[int, int]:
    """Video file id -> image id of its poster (an editor's or a frame taken by ffmpeg)."""
    if not video_ids:
        return {}

    def build(ids):
        return Video.objects.filter(id__in=ids, poster__isnull=False).values_list("id", "poster_id")

    return dict(query_templates.run(("video posters",), build, ids=tuple(video_ids)))

"""JSON shapes of pages in the reader API, built in a constant number of queries.

A listing item (``serialize_summaries``)::

    {"id": 42, "meta": {"type": "home.ArticlePage", "detail_url": "http://cms/api/v2/pages/42/",
     "html_url": "https://tin.example.vn/tin-tuc/bai-viet/", "slug": "bai-viet",
     "first_published_at": "2022-06-15T08:00:00+07:00", "locale": "vi"},
     "title": "…", "kind": "article", "path": "/tin-tuc/bai-viet/", "lead": "…",
     "publication_date": "2022-06-15T08:00:00+07:00", "date_line": "Thứ Tư, ngày 15/06/2022",
     "section": {"id": 3, "title": "Tin tức - Sự kiện", "path": "/tin-tuc/"},
     "thumbnail": {"url": "http://cms/media/…webp", "fallback_url": "…jpg", "width": 480,
                   "height": 270, "alt": "…"},
     "bylines": ["Nguyễn Văn An – Chánh Văn phòng"], "featured": false}

A page (``serialize_page_detail``) adds body, breadcrumbs, SEO fields and, by type, tags,
authors, related articles, previous/next in the section, video and gallery photos.
"""

import hashlib
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from itertools import chain

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest
from wagtail.models import Page

from cms.api import queries
from cms.api.cache import page_generations
from cms.api.context import APIContext
from home.models import (
    ArticlePage,
    GalleryImage,
    GalleryIndexPage,
    GalleryPage,
    HomePage,
    LegalDocumentIndexPage,
    LegalDocumentPage,
    OrganisationPage,
    SectionPage,
    StandardPage,
    VideoIndexPage,
    VideoPage,
    WorkScheduleIndexPage,
    WorkWeekPage,
)
from media_library.embeds import provider_thumbnail
from media_library.renditions import (
    OPEN_GRAPH_SPEC,
    THUMBNAIL_FALLBACK_SPEC,
    THUMBNAIL_SPEC,
    prefetch_renditions,
    single_rendition,
    srcset_specs,
)

KINDS = {
    ArticlePage: "article",
    VideoPage: "video",
    GalleryPage: "gallery",
    SectionPage: "section",
    StandardPage: "page",
    OrganisationPage: "organisation",
    HomePage: "home",
    VideoIndexPage: "video_index",
    GalleryIndexPage: "gallery_index",
    LegalDocumentPage: "document",
    LegalDocumentIndexPage: "document_index",
    WorkScheduleIndexPage: "work_schedule",
    WorkWeekPage: "work_week",
}
SUMMARY_FIELDS = (
    "title",
    "kind",
    "path",
    "lead",
    "publication_date",
    "date_line",
    "section",
    "thumbnail",
    "bylines",
    "featured",
)
SUMMARY_SPECS = (THUMBNAIL_SPEC, THUMBNAIL_FALLBACK_SPEC)


def _meta(page: Page, ctx: APIContext, path: str) -> dict:
    return {
        "type": page.specific_class._meta.label if page.specific_class else "wagtailcore.Page",
        "detail_url": f"{ctx.base_url}/api/v2/pages/{page.id}/",
        "html_url": ctx.scope.public_base_url + path,
        "slug": page.slug,
        "first_published_at": page.first_published_at,
        "locale": ctx.scope.locales.get(page.locale_id),
    }


def prepare_summaries(
    pages: list[Page],
    ctx: APIContext,
    extra_images=(),
    extra_specs=(),
    extra_paths=(),
    cover_specs=SUMMARY_SPECS,
) -> None:
    """Load what summaries show for all ``pages`` at once: covers, renditions, bylines, sections.

    Covers get their renditions for ``cover_specs`` and ``extra_images`` theirs for
    ``extra_specs`` (a detail's body images), in the same query; the public pages at
    ``extra_paths`` (a detail's breadcrumbs) are loaded with the sections into
    ``ctx.public_by_path``.
    """
    cover_ids = _cover_ids(pages)
    images = queries.images(sorted(set(cover_ids.values())))
    for page in pages:
        page._api_cover = images.get(cover_ids.get(id(page)))
    prefetch_renditions((images.values(), cover_specs), (extra_images, extra_specs))
    author_links = queries.author_links(
        sorted({p.id for p in pages if isinstance(p, ArticlePage) and p.id is not None})
    )
    for page in pages:
        # Kept for a detail's "authors", which would otherwise query them again.
        page._api_author_links = author_links.get(page.id, [])
        page._api_bylines = [link.byline for link in page._api_author_links]
    parent_paths = {p.path[: -Page.steplen] for p in pages if isinstance(p, ArticlePage)}
    paths = (parent_paths | set(extra_paths)) - set(ctx.public_by_path)
    ctx.public_by_path.update(
        (p.path, p) for p in queries.public_pages_at(ctx.scope, sorted(paths))
    )
    for page in pages:
        parent = (
            ctx.public_by_path.get(page.path[: -Page.steplen])
            if isinstance(page, ArticlePage)
            else None
        )
        page._api_section = ctx.page_link(parent) if parent else None


def _cover_ids(pages: list[Page]) -> dict[int, int]:
    """id(page) -> the image a listing shows for it: its cover; for a gallery without one,
    its first photo; for a video without one, its file's poster (an editor's, or a frame
    taken by ffmpeg). At most one query each for galleries and videos lacking covers."""
    found = {id(p): p.cover_image_id for p in pages if getattr(p, "cover_image_id", None)}
    uncovered = [p for p in pages if id(p) not in found]
    galleries = [p for p in uncovered if isinstance(p, GalleryPage)]
    # A preview holds its own (unsaved) photos; saved galleries' first photos are queried.
    stored = {id(p) for p in galleries if p.pk and not _holds_own_photos(p)}
    first_photos = queries.first_photo_ids(sorted({p.pk for p in galleries if id(p) in stored}))
    for page in galleries:
        if id(page) in stored:
            image_id = first_photos.get(page.pk)
        else:
            photos = page.gallery_images.all()
            first = min(photos, key=lambda photo: photo.sort_order or 0, default=None)
            image_id = first.image_id if first else None
        if image_id:
            found[id(page)] = image_id
    videos = [p for p in uncovered if isinstance(p, VideoPage) and p.video_id]
    posters = queries.video_poster_ids(sorted({p.video_id for p in videos}))
    for page in videos:
        if page.video_id in posters:
            found[id(page)] = posters[page.video_id]
    return found


def _holds_own_photos(page: GalleryPage) -> bool:
    return "gallery_images" in getattr(page, "_cluster_related_objects", {})


def _cover(page: Page) -> object | None:
    """The image ``prepare_summaries`` found for the page (see ``_cover_ids``)."""
    return getattr(page, "_api_cover", None)


def _thumbnail(page: Page, ctx: APIContext) -> dict | None:
    image = _cover(page)
    if image is None:
        # An embedded video without a poster of ours: its provider's still (YouTube).
        still = provider_thumbnail(page.embed_url) if isinstance(page, VideoPage) else None
        return {**still, "fallback_url": still["url"], "alt": ""} if still else None
    main = single_rendition(image, THUMBNAIL_SPEC, ctx.absolute)
    fallback = single_rendition(image, THUMBNAIL_FALLBACK_SPEC, ctx.absolute)
    return {**main, "fallback_url": fallback["url"], "alt": image.default_alt_text}


def serialize_summary(page: Page, ctx: APIContext) -> dict:
    """One listing item; call ``prepare_summaries`` on the batch first."""
    path = ctx.scope.frontend_path(page.url_path)
    publication_date = getattr(page, "publication_date", None)
    return {
        "id": page.id,
        "meta": _meta(page, ctx, path),
        "title": page.title,
        "kind": KINDS.get(type(page), "page"),
        "path": path,
        "lead": getattr(page, "lead", "") or getattr(page, "intro", ""),
        "publication_date": publication_date,
        "date_line": page.date_line if publication_date else None,
        "section": getattr(page, "_api_section", None),
        "thumbnail": _thumbnail(page, ctx),
        "bylines": getattr(page, "_api_bylines", []),
        "featured": getattr(page, "featured", False),
    }


def serialize_summaries(pages: list[Page], ctx: APIContext) -> list[dict]:
    prepare_summaries(pages, ctx)
    return [serialize_summary(page, ctx) for page in pages]


def _summary_key_prefix(ctx: APIContext) -> str:
    """Everything besides the page that a listing item depends on: the site scope and the
    host the absolute URLs are made with. The page's token (cms.api.cache.page_generations:
    any change to the page, or anything bumping every response, makes a new one) follows."""
    scope = ctx.scope
    site = hashlib.md5(
        repr((scope.key, scope.public_base_url, ctx.base_url)).encode(), usedforsecurity=False
    ).hexdigest()[:16]
    return f"api:summary:{site}:"


def cached_summaries(
    ids: Sequence[int], ctx: APIContext, load: Callable[[list[int]], Iterable[Page]]
) -> list[dict]:
    """The listing items of pages ``ids``, in that order, from the cache where they are.

    ``load`` gets the ids not cached and returns those pages (public ones only: the others
    are left out). Items are kept under the API generation, so an item is never older than
    a cached response holding it would be (API_SUMMARY_CACHE=0 turns this off).
    """
    if not ids:
        return []
    use_cache = settings.API_SUMMARY_CACHE
    prefix = _summary_key_prefix(ctx) if use_cache else ""
    keys = (
        {i: f"{prefix}{token}:{i}" for i, token in page_generations(ctx.request, ids).items()}
        if use_cache
        else {}
    )
    by_key = {key: i for i, key in keys.items()}
    found = (
        {by_key[key]: item for key, item in cache.get_many(list(keys.values())).items()}
        if use_cache
        else {}
    )
    missing = [i for i in ids if i not in found]
    if missing:
        loaded = {item["id"]: item for item in serialize_summaries(list(load(missing)), ctx)}
        if use_cache:
            cache.set_many(
                {keys[i]: item for i, item in loaded.items() if i in keys},
                settings.API_CACHE_SECONDS,
            )
        found.update(loaded)
    return [found[i] for i in ids if i in found]


def _breadcrumb_paths(page: Page, ctx: APIContext) -> list[str]:
    """Tree paths from the site root down to the page's parent."""
    root = next((r for r in ctx.scope.roots if page.path.startswith(r.path)), None)
    if root is None:
        return []
    return [page.path[:end] for end in range(len(root.path), len(page.path), Page.steplen)]


def _breadcrumbs(page: Page, ctx: APIContext) -> list[dict]:
    """The public ancestors; ``prepare_summaries`` loaded them (``extra_paths``)."""
    paths = _breadcrumb_paths(page, ctx)
    return [ctx.page_link(ctx.public_by_path[p]) for p in paths if p in ctx.public_by_path]


def _tags(page: ArticlePage, found: dict) -> list[dict]:
    """The article's tags; a preview's own (unsaved) tags if it holds them."""
    if page.pk is None or "tagged_items" in getattr(page, "_cluster_related_objects", {}):
        return [{"name": t.name, "slug": t.slug} for t in page.tags.all()]
    return [{"name": name, "slug": slug} for name, slug in found.get(page.id, ())]


def _author_links(page: ArticlePage):
    """The links ``prepare_summaries`` loaded, unless the page holds its own (a preview)."""
    if "article_authors" in getattr(page, "_cluster_related_objects", {}):
        return page.article_authors.select_related("author").order_by("sort_order", "id")
    return page._api_author_links


def _body_images(body) -> list:
    images = []
    for child in body:
        if child.block_type == "image" and child.value.get("image") is not None:
            images.append(child.value["image"])
    return images


def _body_cache_key(page: Page, ctx: APIContext) -> str:
    """Where the rendered body of the page's live revision is kept.

    The body also shows other objects (images, their renditions, linked pages and
    documents), which change without a new revision of this page; any such change moves
    the API cache generation or the page's own token, and with it this key.
    """
    site = hashlib.blake2b(ctx.base_url.encode(), digest_size=8).hexdigest()
    generation = page_generations(ctx.request, [page.id])[page.id]
    return f"api:body:{generation}:{site}:{page.id}:{page.live_revision_id}"


def serialize_page_detail(
    page: Page, request: HttpRequest, ctx: APIContext | None = None, cache_body: bool = False
) -> dict:
    """The full JSON of one page, as ``GET /api/v2/pages/<id>/`` returns it.

    Usable on any page object, e.g. a draft for preview: the page itself is not checked
    for being public, but everything it links to (related articles, neighbours,
    breadcrumbs, rich-text links) is. ``cache_body`` (live pages only, never a draft):
    reuse the body rendered for the same live revision, site and cache generation
    (API_BODY_CACHE=0 turns this off).
    """
    return serialize_page_details([page], request, ctx, cache_body)[0]


def serialize_page_details(
    pages: list[Page],
    request: HttpRequest,
    ctx: APIContext | None = None,
    cache_body: bool = False,
) -> list[dict]:
    """``serialize_page_detail`` for many pages, with the queries of the batch made together
    (the change feed serializes pages by the hundred)."""
    pages = [page.specific for page in pages]
    ctx = ctx or APIContext(request)
    bodies = [_Body(page, ctx, cache_body) for page in pages]
    _Body.load_all(bodies)
    # A page previewed before its first save has no place in the tree yet.
    saved = [page for page in pages if page.pk is not None]
    neighbours = _neighbours(
        ctx, [page for page in saved if isinstance(page, ArticlePage | VideoPage | GalleryPage)]
    )
    related_ids = queries.related_ids([p.id for p in saved if isinstance(p, ArticlePage)])
    wanted = {}  # id -> type of the pages whose summaries the pages show
    for page in saved:
        wanted.update((i, type(page)) for i in neighbours.get(page.id, ()) if i is not None)
        wanted.update((i, ArticlePage) for i in related_ids.get(page.id, ()))

    def load(ids: list[int]) -> Iterable[Page]:
        by_model = defaultdict(list)
        for i in ids:
            by_model[wanted[i]].append(i)
        return chain.from_iterable(
            queries.public_summaries(ctx.scope, model, sorted(model_ids)).values()
            for model, model_ids in by_model.items()
        )

    galleries = _gallery_photos([page for page in pages if isinstance(page, GalleryPage)])
    # The pages' own covers are loaded with the other summaries' covers, Open Graph card
    # included.
    prepare_summaries(
        pages,
        ctx,
        extra_images=[image for body in bodies for image in body.images]
        + [photo.image for photo in chain.from_iterable(galleries.values())],
        extra_specs=srcset_specs(),
        extra_paths={path for page in pages for path in _breadcrumb_paths(page, ctx)},
        cover_specs=(*SUMMARY_SPECS, OPEN_GRAPH_SPEC),
    )
    # A neighbour in the batch (the change feed's pages, which are live rows: see
    # _neighbours) is the page itself, loaded and prepared above: its listing item is made
    # from it, not cached, queried and serialized once more.
    batch = {page.id: page for page in saved} if len(saved) > 1 else {}
    own = {i: serialize_summary(page, ctx) for i, page in batch.items()}
    in_batch = {i for i in wanted if i in batch and type(batch[i]) is wanted[i]}
    summaries = {i: own[i] for i in in_batch}
    summaries.update(
        (item["id"], item) for item in cached_summaries(sorted(wanted.keys() - in_batch), ctx, load)
    )
    translations = queries.public_translations(ctx.scope, saved)
    tags = queries.tags([p.id for p in saved if isinstance(p, ArticlePage)])
    ctx.preload_rich_text(chain.from_iterable(body.rich_text() for body in bodies))

    items = []
    for page, body in zip(pages, bodies, strict=True):
        previous_id, next_id = neighbours.get(page.id, (None, None))
        data = dict(own[page.id]) if page.id in own else serialize_summary(page, ctx)
        data["updated_at"] = page.last_published_at
        data["breadcrumbs"] = _breadcrumbs(page, ctx)
        data["translations"] = _translations(page, ctx, translations)
        data["seo"] = _seo(page, ctx, data)
        if body.value is not None:
            data["body"] = body.render(ctx)
        for field in ("intro", "source"):
            if hasattr(page, field):
                data[field] = getattr(page, field)
        if isinstance(page, ArticlePage):
            data["tags"] = _tags(page, tags)
            data["authors"] = [
                {"id": link.author_id, "name": link.author.name, "position": link.position}
                for link in _author_links(page)
            ]
            data["related"] = [summaries[i] for i in related_ids.get(page.id, ()) if i in summaries]
        previous, following = summaries.get(previous_id), summaries.get(next_id)
        if previous is not None or following is not None or isinstance(page, ArticlePage):
            data["previous"] = previous
            data["next"] = following
        if isinstance(page, VideoPage):
            data["video"] = _video(page, ctx)
        if isinstance(page, GalleryPage):
            data["photos"] = [
                {**ctx.image(photo.image), "caption": photo.caption or photo.image.caption}
                for photo in galleries[page.id]
            ]
        if isinstance(page, SectionPage):
            data["subsections"] = _subsections(page, ctx)
        if isinstance(page, LegalDocumentPage) and page.pk is not None:
            # The document library's fields (cms.api.documents), as its own detail has them.
            from cms.api.documents import serialize_document_links, serialize_document_summary

            data["document"] = {
                **serialize_document_summary(page, ctx),
                **serialize_document_links(page, request, ctx),
            }
        if isinstance(page, WorkWeekPage):
            data["week"] = page.week  # its rows: /api/v2/work-schedule/?week=
        items.append(data)
    return items


def _neighbours(ctx: APIContext, pages: list[Page]) -> dict[int, tuple[int | None, int | None]]:
    """Previous and next in the section of each page, by page id.

    One page (a detail, a preview) is looked up with its own date, which for a preview is the
    draft's; a batch (the change feed: live pages, whose rows are what they show) in one
    query per page type, whatever its size.
    """
    if len(pages) == 1:
        return {pages[0].id: queries.neighbour_ids(ctx.scope, pages[0])}
    by_model = defaultdict(list)
    for page in pages:
        by_model[type(page)].append(page.id)
    found = {}
    for model, ids in by_model.items():
        found.update(queries.neighbour_ids_many(ctx.scope, model, ids))
    return found


def _gallery_photos(galleries: list[GalleryPage]) -> dict[int, list[GalleryImage]]:
    """The photos of each gallery in order, with their images; one query for all the stored
    galleries (a preview holds its own, unsaved, photos)."""
    found, stored = {}, []
    for page in galleries:
        if "gallery_images" in getattr(page, "_cluster_related_objects", {}):
            photos = page.gallery_images.select_related("image").order_by("sort_order", "id")
            found[page.id] = list(photos)
        else:
            found[page.id] = []
            stored.append(page.id)
    if stored:
        photos = (
            GalleryImage.objects.filter(page_id__in=stored)
            .select_related("image")
            .order_by("page_id", "sort_order", "id")
        )
        for photo in photos:
            found[photo.page_id].append(photo)
    return found


class _Body:
    """A page's StreamField body in the API's shape, reused from the cache where allowed."""

    def __init__(self, page: Page, ctx: APIContext, cache_body: bool):
        self.value = getattr(page, "body", None)
        use_cache = cache_body and settings.API_BODY_CACHE and self.value is not None
        self.key = _body_cache_key(page, ctx) if use_cache else None
        self.data = cache.get(self.key) if self.key else None
        self.images = []

    @staticmethod
    def load_all(bodies: list["_Body"]) -> None:
        """Turn the stored bodies still to render into blocks, all pages together: one query
        per kind of chosen object (images, documents) for the batch instead of one per page."""
        to_render = [b for b in bodies if b.value is not None and b.data is None]
        by_block = defaultdict(list)  # blocks are not hashable: by id
        for body in to_render:
            # Only a body as loaded from the database (nothing read or changed yet).
            if getattr(body.value, "is_lazy", False) and not any(body.value._bound_blocks):
                by_block[id(body.value.stream_block)].append(body)
        for group in by_block.values():
            stream_block = group[0].value.stream_block
            values = stream_block.bulk_to_python([list(b.value.raw_data) for b in group])
            for body, value in zip(group, values, strict=True):
                body.value = value
        for body in to_render:
            body.images = _body_images(body.value)

    def rich_text(self) -> list[str]:
        if self.value is None or self.data is not None:
            return []
        return [child.value.source for child in self.value if child.block_type == "paragraph"]

    def render(self, ctx: APIContext):
        if self.data is None:
            self.data = self.value.stream_block.get_api_representation(
                self.value, context={"api": ctx}
            )
            if self.key:
                cache.set(self.key, self.data, settings.API_CACHE_SECONDS)
        return self.data


def _subsections(page: SectionPage, ctx: APIContext) -> list[dict]:
    children = Page.objects.filter(
        ctx.scope.public_q(),
        path__startswith=page.path,
        depth=page.depth + 1,
        content_type__model="sectionpage",
        content_type__app_label="home",
    ).order_by("path")
    return [ctx.page_link(p) for p in children.only("id", "title", "url_path")]


def _translations(page: Page, ctx: APIContext, found: dict) -> list[dict]:
    """The same page in the other languages readers may see, for the language switch:
    [{"locale": "en", "id": 57, "title": "Administrative reform…", "path": "/en/news/…",
      "html_url": "https://tin.example.vn/en/news/…"}]"""
    items = []
    for page_id, title, url_path, locale_id in found.get(page.translation_key, ()):
        if page_id == page.id:
            continue
        path = ctx.scope.frontend_path(url_path)
        items.append(
            {
                "locale": ctx.scope.locales.get(locale_id),
                "id": page_id,
                "title": title,
                "path": path,
                "html_url": ctx.scope.public_base_url + path,
            }
        )
    return sorted(items, key=lambda item: item["locale"] or "")


def _video(page: VideoPage, ctx: APIContext) -> dict:
    video = page.video if page.video_id else None
    return {
        "file_url": ctx.absolute(video.file.url) if video else None,
        "captions_url": ctx.absolute(video.captions.url) if video and video.captions else None,
        "embed_url": page.embed_url or None,
        "duration_seconds": int(page.duration.total_seconds()) if page.duration else None,
        "description": ctx.expand_rich_text(page.description),
    }


def _seo(page: Page, ctx: APIContext, data: dict) -> dict:
    image = _cover(page)
    if image is not None:
        og_image = single_rendition(image, OPEN_GRAPH_SPEC, ctx.absolute)
    else:
        thumbnail = data["thumbnail"]  # an embed's still, or None
        og_image = (
            {key: thumbnail[key] for key in ("url", "width", "height")} if thumbnail else None
        )
    return {
        "title": page.seo_title or page.title,
        "description": page.search_description or data["lead"][:300],
        "canonical_url": data["meta"]["html_url"],
        "og_image": og_image,
    }


def filter_fields(item: dict, fields: set[str] | None) -> dict:
    """Keep ``id``, ``meta`` and the chosen fields (``None``: all)."""
    if fields is None:
        return item
    return {key: value for key, value in item.items() if key in fields or key in ("id", "meta")}

"""RSS 2.0 and Atom 1.0 feeds of published articles, site-wide and per section.

    /feeds/rss/  /feeds/atom/                                    every article of the site
    /feeds/tin-tuc-su-kien/rss/  /feeds/tin-tuc-su-kien/atom/    a section, subsections too

Newest first; each item has the title, the frontend link, the lead, the full body
(content:encoded / Atom content) with absolute image URLs, the date with the +07:00
offset, the authors, the section and tags as categories, and the cover image as an
enclosure and media:content. Only what the API shows appears (cms/api/visibility.py).
Responses carry an ETag and Last-Modified and answer 304 to conditional requests.

Titles, leads, bylines and categories are plain text typed by editors. RSS <description>
and Atom <summary type="html"> are read as HTML, so the lead (and the channel description)
is HTML-escaped before the XML writer escapes it again: "<script>" reaches a reader as text,
never as an element. The other fields are text elements and are escaped once, as XML.
"""

import hashlib
from dataclasses import dataclass

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.core.cache import cache
from django.db.models import Max
from django.http import Http404, HttpRequest, HttpResponse
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed, Enclosure, Rss201rev2Feed
from django.utils.html import escape
from django.utils.translation import gettext as _
from django.views.decorators.http import condition
from wagtail.models import Page, Site

from cms.api.cache import listing_generation
from cms.api.context import APIContext
from cms.api.serializers import SUMMARY_SPECS, prepare_summaries
from cms.api.visibility import public_pages
from cms.syndication.feed_html import body_html
from cms.syndication.models import ChangeEvent
from home.models import ArticlePage, SectionPage
from media_library.renditions import (
    OPEN_GRAPH_SPEC,
    find_renditions,
    single_rendition,
    srcset_specs,
)

MEDIA_NS = "http://search.yahoo.com/mrss/"
CONTENT_NS = "http://purl.org/rss/1.0/modules/content/"


class _MediaElements:
    """content:encoded and media:content, shared by the RSS and Atom generators."""

    def add_media_elements(self, handler, item: dict) -> None:
        media = item.get("media")
        if media:
            handler.addQuickElement(
                "media:content",
                attrs={
                    "url": media["url"],
                    "medium": "image",
                    "type": "image/jpeg",
                    "width": str(media["width"]),
                    "height": str(media["height"]),
                },
            )


class RSSFeed(_MediaElements, Rss201rev2Feed):
    def rss_attributes(self) -> dict:
        return {**super().rss_attributes(), "xmlns:content": CONTENT_NS, "xmlns:media": MEDIA_NS}

    def add_item_elements(self, handler, item: dict) -> None:
        super().add_item_elements(handler, item)
        if item.get("content_html"):
            handler.addQuickElement("content:encoded", item["content_html"])
        self.add_media_elements(handler, item)


class AtomFeed(_MediaElements, Atom1Feed):
    def root_attributes(self) -> dict:
        return {**super().root_attributes(), "xmlns:media": MEDIA_NS}

    def add_item_elements(self, handler, item: dict) -> None:
        super().add_item_elements(handler, item)
        if item.get("content_html"):
            handler.addQuickElement("content", item["content_html"], {"type": "html"})
        self.add_media_elements(handler, item)


@dataclass
class FeedScope:
    request: HttpRequest
    ctx: APIContext
    section: Page | None
    site_name: str


def _section(request: HttpRequest, section_path: str) -> Page | None:
    if not section_path:
        return None
    ctx = APIContext(request)
    wanted = "/" + section_path.strip("/") + "/"
    for root in ctx.scope.roots:
        section = (
            public_pages(request, SectionPage)
            .filter(url_path=root.url_path + wanted.lstrip("/"))
            .first()
        )
        if section is not None:
            return section
    raise Http404(_("No such section."))


class ArticleFeed(Feed):
    feed_type = RSSFeed

    def get_object(self, request: HttpRequest, section_path: str = "") -> FeedScope:
        site = Site.find_for_request(request)
        return FeedScope(
            request,
            APIContext(request),
            _section(request, section_path),
            (site.site_name if site and site.site_name else "") or str(settings.WAGTAIL_SITE_NAME),
        )

    def title(self, obj: FeedScope) -> str:
        return f"{obj.section.title} – {obj.site_name}" if obj.section else obj.site_name

    def link(self, obj: FeedScope) -> str:
        path = obj.ctx.scope.frontend_path(obj.section.url_path) if obj.section else "/"
        return obj.ctx.scope.public_base_url + path

    def subtitle(self, obj: FeedScope) -> str:
        """The feed's description as plain text (Atom's <subtitle> is a text element)."""
        if obj.section:
            return _("Latest news of the section %(section)s") % {"section": obj.section.title}
        return _("Latest news")

    def description(self, obj: FeedScope) -> str:
        # RSS readers render the channel's <description> as HTML.
        return escape(self.subtitle(obj))

    def feed_url(self, obj: FeedScope) -> str:
        return obj.request.build_absolute_uri(obj.request.path)

    def items(self, obj: FeedScope) -> list[ArticlePage]:
        articles = public_pages(obj.request, ArticlePage)
        if obj.section is not None:
            articles = articles.filter(path__startswith=obj.section.path)
        articles = list(
            articles.order_by("-publication_date", "-id").prefetch_related("tagged_items__tag")[
                : settings.SYNDICATION_FEED_ITEMS
            ]
        )
        body_images = [
            block.value["image"]
            for article in articles
            for block in article.body
            if block.block_type == "image" and block.value.get("image") is not None
        ]
        ctx = obj.ctx
        prepare_summaries(
            articles,
            ctx,
            extra_images=body_images,
            extra_specs=srcset_specs(),
            cover_specs=(*SUMMARY_SPECS, OPEN_GRAPH_SPEC),
        )
        ctx.preload_rich_text(
            block.value.source
            for article in articles
            for block in article.body
            if block.block_type == "paragraph"
        )
        for article in articles:
            blocks = article.body.stream_block.get_api_representation(
                article.body, context={"api": ctx}
            )
            image = article.cover_image if article.cover_image_id else None
            article._feed = {
                "link": ctx.scope.public_base_url + ctx.scope.frontend_path(article.url_path),
                "content_html": body_html(blocks),
                "image": image,
                "media": single_rendition(image, OPEN_GRAPH_SPEC, ctx.absolute) if image else None,
                "absolute": ctx.absolute,
            }
        return articles

    def item_title(self, item: ArticlePage) -> str:
        return item.title

    def item_description(self, item: ArticlePage) -> str:
        # RSS <description> and Atom <summary type="html"> are HTML; the lead is plain text.
        return escape(item.lead)

    def item_link(self, item: ArticlePage) -> str:
        return item._feed["link"]

    def item_guid(self, item: ArticlePage) -> str:
        return item._feed["link"]

    def item_pubdate(self, item: ArticlePage):
        return timezone.localtime(item.publication_date)

    def item_updateddate(self, item: ArticlePage):
        return timezone.localtime(item.last_published_at or item.publication_date)

    def item_author_name(self, item: ArticlePage) -> str | None:
        return ", ".join(item._api_bylines) or None

    def item_categories(self, item: ArticlePage) -> list[str]:
        section = [item._api_section["title"]] if item._api_section else []
        # In the order the tags were given (the prefetch has no order: the rows' physical
        # order, which a restore from a backup changes).
        tagged_items = sorted(item.tagged_items.all(), key=lambda tagged: tagged.pk)
        return section + [tagged.tag.name for tagged in tagged_items]

    def item_enclosures(self, item: ArticlePage) -> list[Enclosure]:
        image = item._feed["image"]
        if image is None:
            return []
        # The Open Graph rendition (a JPEG, prefetched): originals are never public
        # (media_library.storage). Its size is read once per rendering of the feed, which is
        # kept until anything public changes.
        rendition = find_renditions(image, [OPEN_GRAPH_SPEC])[OPEN_GRAPH_SPEC]
        url = item._feed["absolute"](rendition.url)
        return [Enclosure(url, str(rendition.file.size), "image/jpeg")]

    def item_extra_kwargs(self, item: ArticlePage) -> dict:
        return {"content_html": item._feed["content_html"], "media": item._feed["media"]}


class AtomArticleFeed(ArticleFeed):
    feed_type = AtomFeed


def _etag(request: HttpRequest, *args, **kwargs) -> str:
    key = f"{request.get_host()}\n{request.path}".encode()
    return f'"{listing_generation()}-{hashlib.blake2b(key, digest_size=8).hexdigest()}"'


def _last_modified(request: HttpRequest, *args, **kwargs):
    # Any change event (a retraction too, which no remaining item's date shows) or
    # publication moves it.
    latest_event = ChangeEvent.objects.aggregate(at=Max("created_at"))["at"]
    latest_publish = Page.objects.filter(live=True).aggregate(at=Max("last_published_at"))["at"]
    dates = [d for d in (latest_event, latest_publish) if d]
    return max(dates) if dates else None


def _cached(feed: Feed):
    """The feed view, its rendered bytes kept until anything public changes."""

    @condition(etag_func=_etag, last_modified_func=_last_modified)
    def view(request: HttpRequest, section_path: str = "") -> HttpResponse:
        key = f"feed:{listing_generation()}:{request.get_host()}:{request.path}"
        cached = cache.get(key)
        if cached is not None:
            content_type, content = cached
            response = HttpResponse(content, content_type=content_type)
        else:
            response = feed(request, section_path=section_path)
            # Django's Feed sets Last-Modified to the newest item's date, which a retraction
            # does not move; the condition decorator sets ours (see _last_modified) instead.
            del response["Last-Modified"]
            cache.set(key, (response["Content-Type"], response.content), settings.API_CACHE_SECONDS)
        response["Cache-Control"] = f"public, max-age={settings.API_CACHE_MAX_AGE}"
        return response

    return view


rss_view = _cached(ArticleFeed())
atom_view = _cached(AtomArticleFeed())

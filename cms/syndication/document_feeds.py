"""RSS 2.0 feeds of the document library ("Văn bản"), all documents or one type.

    /feeds/documents/rss/             every public document, newest issued first
    /feeds/documents/ke-hoach/rss/    one document type (its name as an ASCII slug)

Each item: "81-KH/ĐUK – <title>", the frontend link, the summary, the date issued (+07:00),
the type and issuing body as categories, and the first file as an enclosure. Only public
documents appear (cms/api/visibility.py); ETag and Last-Modified as the article feeds.
"""

import datetime

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.http import Http404, HttpRequest, HttpResponse
from django.utils import timezone
from django.utils.feedgenerator import Enclosure, Rss201rev2Feed
from django.utils.html import escape
from django.utils.translation import gettext as _
from django.views.decorators.http import condition
from wagtail.models import Site

from cms.api.context import APIContext
from cms.api.visibility import public_pages
from cms.syndication.feeds import _etag, _last_modified
from cms.vietnamese import slugify_vi
from home.models.documents import DocumentType, LegalDocumentPage


def document_type_for_slug(slug: str) -> DocumentType | None:
    return next((t for t in DocumentType.objects.all() if slugify_vi(t.name) == slug), None)


class DocumentFeed(Feed):
    feed_type = Rss201rev2Feed

    def get_object(self, request: HttpRequest, type_slug: str = "") -> dict:
        document_type = None
        if type_slug:
            document_type = document_type_for_slug(type_slug)
            if document_type is None:
                raise Http404(_("No such document type."))
        site = Site.find_for_request(request)
        return {
            "request": request,
            "ctx": APIContext(request),
            "type": document_type,
            "site_name": (site.site_name if site else "") or str(settings.WAGTAIL_SITE_NAME),
        }

    def title(self, obj: dict) -> str:
        name = obj["type"].name if obj["type"] else _("Legal documents")
        return f"{name} – {obj['site_name']}"

    def link(self, obj: dict) -> str:
        return obj["ctx"].scope.public_base_url + "/"

    def description(self, obj: dict) -> str:
        return escape(_("Latest legal documents"))

    def items(self, obj: dict) -> list[LegalDocumentPage]:
        documents = public_pages(obj["request"], LegalDocumentPage)
        if obj["type"] is not None:
            documents = documents.filter(document_type=obj["type"])
        documents = list(
            documents.select_related("document_type", "issuing_body").order_by(
                "-date_issued", "-id"
            )[: settings.SYNDICATION_FEED_ITEMS]
        )
        first_files = {}
        for page in documents:
            page._feed_ctx = obj["ctx"]
        from home.models.documents import LegalDocumentFile

        for link in (
            LegalDocumentFile.objects.filter(page__in=documents)
            .select_related("document")
            .order_by("page_id", "sort_order")
        ):
            first_files.setdefault(link.page_id, link.document)
        for page in documents:
            page._feed_file = first_files.get(page.id)
        return documents

    def item_title(self, item: LegalDocumentPage) -> str:
        return f"{item.display_number} – {item.title}"

    def item_description(self, item: LegalDocumentPage) -> str:
        return escape(item.summary)

    def item_link(self, item: LegalDocumentPage) -> str:
        scope = item._feed_ctx.scope
        return scope.public_base_url + scope.frontend_path(item.url_path)

    def item_guid(self, item: LegalDocumentPage) -> str:
        return self.item_link(item)

    def item_pubdate(self, item: LegalDocumentPage):
        day = item.date_issued or timezone.localdate(item.first_published_at)
        midnight = datetime.datetime.combine(day, datetime.time.min)
        return timezone.make_aware(midnight, timezone.get_default_timezone())

    def item_categories(self, item: LegalDocumentPage) -> list[str]:
        return [str(x) for x in (item.document_type, item.issuing_body) if x is not None]

    def item_enclosures(self, item: LegalDocumentPage) -> list[Enclosure]:
        document = item._feed_file
        if document is None:
            return []
        return [
            Enclosure(
                item._feed_ctx.absolute(document.url),
                str(document.file_size or 0),
                document.content_type,
            )
        ]


_feed = DocumentFeed()


@condition(etag_func=_etag, last_modified_func=_last_modified)
def document_rss_view(request: HttpRequest, type_slug: str = "") -> HttpResponse:
    response = _feed(request, type_slug=type_slug)
    del response["Last-Modified"]
    response["Cache-Control"] = f"public, max-age={settings.API_CACHE_MAX_AGE}"
    return response

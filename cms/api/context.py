"""What serializers know about the request they answer: the site's scope, absolute URLs,
images and documents as JSON, and rich text with its internal links made public paths.

    ctx = APIContext(request)
    ctx.absolute("/media/a.jpg")          -> "http://cms.example.vn/media/a.jpg"
    ctx.expand_rich_text('<a linktype="page" id="7">…</a>')
                                          -> '<a href="https://tin.example.vn/tin-tuc/…/">…</a>'
"""

import re
from collections.abc import Iterable

from django.http import HttpRequest
from django.utils.html import escape
from wagtail.documents import get_document_model
from wagtail.models import Page
from wagtail.rich_text.rewriters import extract_attrs

from cms.api.visibility import SiteScope, get_scope
from home.rich_text import sanitise
from media_library.renditions import (
    srcset_renditions,
)

_LINK_TAG = re.compile(r"<a(\b[^>]*\blinktype=\"(?:page|document)\"[^>]*)>")


class APIContext:
    """What serializers need to know about the request: site scope and absolute URLs."""

    def __init__(self, request: HttpRequest, scope: SiteScope | None = None):
        self.request = request
        self.scope = scope or get_scope(request)
        self.base_url = f"{request.scheme}://{request.get_host()}"
        self._link_targets: dict[tuple[str, str], str | None] = {}
        # Public pages by tree path, loaded by ``prepare_summaries`` (sections, breadcrumbs).
        self.public_by_path: dict[str, Page] = {}

    def absolute(self, url: str) -> str:
        return url if "://" in url else self.base_url + url

    def page_link(self, page: Page) -> dict:
        path = self.scope.frontend_path(page.url_path)
        return {"id": page.id, "title": page.title, "path": path}

    def image(self, image) -> dict | None:
        """An image with its srcset renditions and texts (as in image blocks)."""
        if image is None:
            return None
        return {
            "id": image.id,
            **srcset_renditions(image, self.absolute),
            "alt": image.default_alt_text,
            "caption": image.caption,
            "credit": image.credit,
        }

    def document(self, document) -> dict | None:
        if document is None:
            return None
        return {
            "id": document.id,
            "title": document.title,
            "url": self.absolute(document.url),
            "file_size": document.file_size,
            "file_extension": document.file_extension,
            "content_type": document.content_type,
        }

    # Rich text: internal links become frontend paths, links to anything that is not
    # public lose their href (the text stays), documents get absolute URLs.

    def preload_rich_text(self, sources: Iterable[str]) -> None:
        page_ids, document_ids = set(), set()
        for source in sources:
            for match in _LINK_TAG.finditer(source):
                attrs = extract_attrs(match.group(1))
                target_id = attrs.get("id", "")
                if not target_id.isdigit():
                    continue
                (page_ids if attrs["linktype"] == "page" else document_ids).add(int(target_id))
        page_ids -= {int(pid) for kind, pid in self._link_targets if kind == "page"}
        if page_ids:
            pages = Page.objects.filter(self.scope.public_q(), id__in=page_ids)
            found = {pid: url_path for pid, url_path in pages.values_list("id", "url_path")}
            for pid in page_ids:
                url_path = found.get(pid)
                self._link_targets["page", str(pid)] = (
                    self.scope.public_base_url + self.scope.frontend_path(url_path)
                    if url_path
                    else None
                )
        if document_ids:
            documents = get_document_model().objects.filter(id__in=document_ids)
            for document in documents:
                self._link_targets["document", str(document.id)] = self.absolute(document.url)

    def expand_rich_text(self, source: str) -> str:
        """Internal links made public paths, then only the editor's markup kept (sanitise)."""
        self.preload_rich_text([source])

        def replace(match: re.Match) -> str:
            attrs = extract_attrs(match.group(1))
            href = self._link_targets.get((attrs.get("linktype"), attrs.get("id")))
            return f'<a href="{escape(href)}">' if href else "<a>"

        return sanitise(_LINK_TAG.sub(replace, source))

"""Writing one Plone item as our page, image or document (inside the item's transaction)."""

import io
import json
from typing import TYPE_CHECKING

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.utils import translation
from django.utils.html import strip_tags
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.models import Page

from cms.plone_import import mapping
from cms.plone_import.publishing import create_log_entry, create_page
from cms.plone_import.rich_text import html_to_blocks
from cms.plone_import.text import needs_repair, repair_text
from cms.vietnamese import slugify_vi
from home.models import (
    ArticleAuthor,
    ArticlePage,
    ArticleTag,
    GalleryImage,
    GalleryIndexPage,
    GalleryPage,
    HomePage,
    RelatedArticle,
    SectionPage,
    StandardPage,
    VideoIndexPage,
    VideoPage,
)
from home.models.base import unique_child_slug
from media_library.models import CustomDocument, CustomImage
from media_library.validation import clean_image, validate_document_file

if TYPE_CHECKING:
    from cms.plone_import.importer import Importer
    from cms.plone_import.models import ImportedItem

PAGE_CLASSES = {
    "section": SectionPage,
    "gallery": GalleryPage,
    "article": ArticlePage,
    "standard page": StandardPage,
    "video": VideoPage,
}


class PageWriter:
    def __init__(self, importer: "Importer") -> None:
        self.importer = importer
        self.root = importer.options.root.specific
        self.home = (
            self.root
            if isinstance(self.root, HomePage)
            else (HomePage.objects.ancestor_of(self.root).first())
        )
        if self.home is None:
            raise ValueError("--under must be the home page or a page below it")
        # Folders' pages by Plone UID, for the run (Importer.forget empties it when an
        # item is rolled back: a page of that item may be in it).
        self.parents: dict[str, Page] = {}

    # --- entry point ----------------------------------------------------------------------

    def write(self, item: dict, kind: str, state: str, record: "ImportedItem") -> None:
        from cms.plone_import.importer import SkipItem

        for name in ("title", "description"):
            encoding = needs_repair(str(item.get(name) or ""))
            if encoding:
                self.importer.report.lossy(item, f"{name} repaired from {encoding}")
        if kind in ("image", "gallery photo"):
            record.image = self.image(item, record.image)
            if kind == "gallery photo":
                self.add_to_gallery(item, record.image)
            return
        if kind == "document":
            record.document = self.document(item, record.document)
            return
        if kind == "redirect":
            url = str(item.get("remoteUrl") or "")
            if not url.startswith(("http://", "https://", "/", "mailto:")):
                raise SkipItem("a Link without a usable address")
            record.target_url = url
            return
        if kind == "section introduction":
            self.section_introduction(item, record)
            return
        page = record.page.specific if record.page_id else None
        record.page = self.page(item, kind, state, page)

    # --- pages ----------------------------------------------------------------------------

    def parent_for(self, item: dict, kind: str) -> Page:
        from cms.plone_import.importer import SkipItem

        parent_info = item.get("parent") or {}
        parent_uid = parent_info.get("UID")
        parent = self.root
        if parent_uid and parent_info.get("@type") not in mapping.SITE_TYPES:
            if parent_uid not in self.importer.index.entries:
                raise SkipItem("its parent is not in the export")
            parent = self.parents.get(parent_uid)
            if parent is None:
                record = type(self).record(parent_uid)
                if record is None or not record.page_id:
                    raise SkipItem("its parent was not imported")
                parent = self.parents[parent_uid] = record.page.specific
        if kind == "section" and not isinstance(parent, HomePage | SectionPage):
            raise SkipItem("a folder inside an item that is not a section")
        if kind == "article" and not isinstance(parent, SectionPage):
            parent = self.fallback_section()
        if kind == "standard page" and not isinstance(parent, HomePage | StandardPage):
            parent = self.home
        if kind == "gallery":
            parent = self.index_page(GalleryIndexPage, gettext_lazy("Photo galleries"))
        if kind == "video":
            parent = self.index_page(VideoIndexPage, gettext_lazy("Videos"))
        return parent

    @staticmethod
    def record(uid: str) -> "ImportedItem | None":
        from cms.plone_import.models import ImportedItem

        return ImportedItem.objects.filter(uid=uid).select_related("page").first()

    def fallback_section(self) -> SectionPage:
        """Articles directly in the Plone site root need a section: "Imported news"."""
        return self.container(SectionPage, gettext_lazy("Imported news"), parent=self.home)

    def index_page(self, model: type[Page], title: str) -> Page:
        existing = model.objects.child_of(self.home).first()
        return existing or self.container(model, title, parent=self.home)

    def container(self, model: type[Page], title: str, parent: Page) -> Page:
        with translation.override(settings.LANGUAGE_CODE):  # content: the site's language
            title = str(title)
        slug = slugify_vi(title)
        existing = model.objects.child_of(parent).filter(slug=slug).first()
        if existing:
            return existing
        page = model(title=title, slug=unique_child_slug(parent, slug))
        parent.add_child(instance=page)
        page.save_revision().publish()
        return page

    def page(self, item: dict, kind: str, state: str, page: Page | None) -> Page:
        model = PAGE_CLASSES[kind]
        title = repair_text(str(item.get("title") or item.get("id") or "")).strip() or item["UID"]
        if page is not None and not isinstance(page, model):
            page.delete()
            page = None
        creating = page is None
        # New pages that end published or a draft skip Wagtail's page-by-page publishing
        # (cms/plone_import/publishing.py); the rarer states and updates go through it.
        quick = creating and state in ("published", "draft") and self.importer.batch is not None
        if creating:
            parent = self.parent_for(item, kind)
            plone_id = str(item.get("id") or "")
            base = plone_id if mapping.keeps_plone_id(plone_id) else slugify_vi(title)
            page = model(title=title, slug=unique_child_slug(parent, base or "plone"), live=False)
        page.title = title[:255]
        children = self.fill(page, item, kind, in_memory=not quick)
        dates = self.dates(item)
        if quick:
            page.expire_at, page.go_live_at = dates["expires"], None
            page = create_page(
                parent, page, children, state == "published", dates, self.importer.batch
            )
            self.importer.log_history(page, item, replace=False, first=create_log_entry(page))
            return page
        if creating:
            parent.add_child(instance=page)
        page = self.set_state(page, item, state, dates)
        self.importer.log_history(page, item, replace=not creating)
        return page

    def fill(self, page: Page, item: dict, kind: str, in_memory: bool = True) -> dict[str, list]:
        """Set the page's fields from the item. Its child rows (tags, authors) are set on
        the page, or, when ``in_memory`` is False, returned by relation name for
        publishing.create_page to insert in bulk."""
        description = repair_text(str(item.get("description") or "")).strip()
        children: dict[str, list] = {}
        if kind in ("section",):
            page.intro = page.intro or description
            return children
        if hasattr(page, "lead"):
            page.lead = description
        if hasattr(page, "publication_date"):
            page.publication_date = (
                mapping.parse_date(item.get("effective"))
                or mapping.parse_date(item.get("created"))
                or page.publication_date
            )
        if kind == "video":
            page.embed_url = str(item.get("remoteUrl"))
            return children
        if kind == "gallery":
            return children
        blocks = self.body(item, page)
        page.body = json.dumps(blocks)
        if kind == "article":
            children = self.article_extras(page, item, in_memory)
        if item.get("image") and hasattr(page, "cover_image"):
            caption = repair_text(str(item.get("image_caption") or ""))
            page.cover_image = self.image(
                {**item, "description": caption or page.title, "title": page.title},
                page.cover_image,
                field_name="image",
            )
        return children

    def body(self, item: dict, page: Page) -> list[dict]:
        text = item.get("text")
        markup = text.get("data") if isinstance(text, dict) else (text or "")
        blocks, losses, pending = html_to_blocks(str(markup or ""), self.importer.resolve)
        for loss in losses:
            self.importer.report.lossy(item, loss)
        if pending:
            self.importer.pending.add(item["UID"])
        if item.get("@type") == "Event":
            blocks.insert(0, {"type": "paragraph", "value": self.event_dates(item)})
        return blocks

    def event_dates(self, item: dict) -> str:
        with translation.override(settings.LANGUAGE_CODE):
            return self._event_dates(item)

    def _event_dates(self, item: dict) -> str:
        start, end = mapping.parse_date(item.get("start")), mapping.parse_date(item.get("end"))
        parts = [f"{_('Start')}: {start:%d/%m/%Y %H:%M}" if start else ""]
        parts.append(f"{_('End')}: {end:%d/%m/%Y %H:%M}" if end else "")
        if item.get("location"):
            parts.append(f"{_('Location')}: {repair_text(str(item['location']))}")
        from django.utils.html import escape

        return "".join(f"<p>{escape(p)}</p>" for p in parts if p)

    def article_extras(self, page: ArticlePage, item: dict, in_memory: bool) -> dict[str, list]:
        names = [repair_text(str(s)).strip() for s in item.get("subjects") or [] if str(s).strip()]
        tags = self.importer.tags_for(names)
        authors = [self.importer.author_for(str(c)) for c in item.get("creators") or []]
        bylines = [
            ArticleAuthor(author=author, sort_order=n)
            for n, author in enumerate(a for a in authors if a)
        ]
        if not in_memory:
            return {
                "tagged_items": [ArticleTag(tag=tag) for tag in tags],
                "article_authors": bylines,
            }
        page.tags.clear()
        page.tags.add(*tags)
        page.article_authors = bylines
        return {}

    def dates(self, item: dict) -> dict:
        return {
            "created": mapping.parse_date(item.get("created")),
            "modified": mapping.parse_date(item.get("modified")),
            "effective": mapping.parse_date(item.get("effective")),
            "expires": mapping.parse_date(item.get("expires")),
        }

    def set_state(self, page: Page, item: dict, state: str, dates: dict) -> Page:
        page.expire_at = dates["expires"]
        if state in ("published", "scheduled", "expired"):
            page.go_live_at = dates["effective"] if state == "scheduled" else None
            if state == "expired":
                page.expire_at = None  # publishing an already expired page is refused
            revision = page.save_revision(log_action=False)
            revision.publish(log_action=False)
            if state == "expired":
                page.live, page.expired, page.expire_at = False, True, dates["expires"]
                page.save(update_fields=["live", "expired", "expire_at"])
            if state != "scheduled":
                first = dates["effective"] or dates["created"]
                Page.objects.filter(pk=page.pk).update(
                    first_published_at=first,
                    last_published_at=dates["modified"] or first,
                    latest_revision_created_at=dates["modified"] or first,
                )
        else:
            if page.live:
                page.unpublish(log_action=False)
            page.save_revision(log_action=False)
            if state == "submitted":
                self.submit(page, item)
        return page

    def submit(self, page: Page, item: dict) -> None:
        workflow = page.get_workflow()
        if workflow is None or page.workflow_in_progress:
            return
        actor = ""
        for history in (item.get("workflow_history") or {}).values():
            for event in history or []:
                if event.get("review_state") == "pending":
                    actor = event.get("actor") or actor
        workflow.start(page, self.importer.user_for(actor))

    def relink(self, page: Page, item: dict) -> None:
        """Second pass: links to items imported after this one."""
        page.body = json.dumps(self.body(item, page))
        revision = page.save_revision(log_action=False)
        if page.live:
            revision.publish(log_action=False)

    def section_introduction(self, item: dict, record: "ImportedItem") -> None:
        """A folder's default page: its text becomes the section's introduction."""
        from cms.plone_import.importer import SkipItem

        folder_uid = self.importer.section_of_default_page.get(item["UID"])
        if folder_uid == mapping.SITE_ROOT_UID:
            section = self.home
        else:
            folder = type(self).record(folder_uid or "")
            if folder is None or not folder.page_id:
                raise SkipItem("the folder of this default page was not imported")
            section = folder.page.specific
        text = item.get("text")
        markup = text.get("data") if isinstance(text, dict) else (text or "")
        intro = "\n\n".join(
            part
            for part in (
                repair_text(str(item.get("description") or "")).strip(),
                " ".join(strip_tags(repair_text(str(markup or ""))).split()),
            )
            if part
        )
        section.intro = intro
        revision = section.save_revision(log_action=False)
        if section.live:
            revision.publish(log_action=False)
        record.page = section
        self.importer.report.lossy(
            item, "default page: its text became the section's introduction (formatting dropped)"
        )

    # --- media ----------------------------------------------------------------------------

    def image(
        self, item: dict, existing: CustomImage | None, field_name: str = "image"
    ) -> CustomImage:
        from cms.plone_import.importer import SkipItem

        if item.get("@type") == "Image" and not mapping.media_is_public(item):
            raise SkipItem("not public in Plone (our media library has no private files)")
        value = item.get(field_name) or {}
        data = self.importer.export.blob(value)
        name = str(value.get("filename") or f"{item.get('id', 'image')}.jpg")
        cleaned = clean_image(ImageFile(io.BytesIO(data), name=name))
        title = repair_text(str(item.get("title") or name)).strip()[:255]
        description = repair_text(str(item.get("description") or "")).strip()
        image = existing or CustomImage()
        image.title = title
        image.alt_text = (description or title)[:255]
        image.caption = description[:500]
        image.file = ImageFile(cleaned, name=name)
        image.save()
        return image

    def document(self, item: dict, existing: CustomDocument | None) -> CustomDocument:
        from cms.plone_import.importer import SkipItem

        if not mapping.media_is_public(item):
            raise SkipItem("not public in Plone (our media library has no private files)")
        value = item.get("file") or {}
        data = self.importer.export.blob(value)
        name = str(value.get("filename") or item.get("id") or "file")
        extension = name.rsplit(".", 1)[-1].lower() if "." in name else ""
        if extension not in settings.WAGTAILDOCS_EXTENSIONS:
            raise SkipItem(f"a file type our documents do not take: .{extension}")
        upload = ContentFile(data, name=name)
        validate_document_file(upload)
        document = existing or CustomDocument()
        document.title = repair_text(str(item.get("title") or name)).strip()[:255]
        document.description = repair_text(str(item.get("description") or "")).strip()
        document.file = upload
        document.save()
        return document

    def add_to_gallery(self, item: dict, image: CustomImage) -> None:
        record = type(self).record((item.get("parent") or {}).get("UID") or "")
        if record is None or not record.page_id:
            from cms.plone_import.importer import SkipItem

            raise SkipItem("its gallery was not imported")
        gallery = record.page.specific
        latest = gallery.get_latest_revision_as_object()
        if any(link.image_id == image.pk for link in latest.gallery_images.all()):
            return
        links = list(latest.gallery_images.all())
        links.append(GalleryImage(image=image, caption=image.caption))
        latest.gallery_images = links
        if latest.cover_image_id is None:
            latest.cover_image = image
        revision = latest.save_revision(log_action=False)
        if gallery.live:
            revision.publish(log_action=False)

    # --- after the items ------------------------------------------------------------------

    def set_related(self, page_id: int, related: list[int]) -> None:
        page = Page.objects.get(pk=page_id).specific
        if not isinstance(page, ArticlePage):
            return
        latest = page.get_latest_revision_as_object()
        wanted = [pk for pk in dict.fromkeys(related) if pk != page_id]
        wanted = list(ArticlePage.objects.filter(pk__in=wanted).values_list("pk", flat=True))
        if [link.related_page_id for link in latest.related_links.all()] == wanted:
            return
        latest.related_links = [RelatedArticle(related_page_id=pk) for pk in wanted]
        revision = latest.save_revision(log_action=False)
        if page.live:
            revision.publish(log_action=False)

    def apply_ordering(self, order: dict[str, int]) -> None:
        """export_ordering.json: the order of sections and pages inside their parent, and of
        photos in galleries (articles are listed by date, so their position is left)."""
        from cms.plone_import.models import ImportedItem

        records = ImportedItem.objects.filter(uid__in=list(order)).exclude(page=None)
        by_page = {
            r.page_id: order[r.uid] for r in records if r.portal_type in ("Folder", "Document")
        }
        parents: dict[int, list[Page]] = {}
        for page in Page.objects.filter(pk__in=list(by_page)):
            parents.setdefault(page.get_parent().pk, []).append(page)
        for siblings in parents.values():
            wanted = sorted(siblings, key=lambda p: by_page[p.pk])
            current = sorted(siblings, key=lambda p: p.path)
            if [p.pk for p in wanted] == [p.pk for p in current]:
                continue
            for previous, page in zip(wanted, wanted[1:], strict=False):
                page.refresh_from_db()
                previous.refresh_from_db()
                page.move(previous, pos="right")
        image_order = {
            r.image_id: order[r.uid]
            for r in ImportedItem.objects.filter(uid__in=list(order)).exclude(image=None)
        }
        for gallery in GalleryPage.objects.filter(
            gallery_images__image_id__in=list(image_order)
        ).distinct():
            latest = gallery.get_latest_revision_as_object()
            links = list(latest.gallery_images.all())
            wanted = sorted(links, key=lambda link: image_order.get(link.image_id, 10**9))
            if [link.image_id for link in wanted] == [link.image_id for link in links]:
                continue
            for position, link in enumerate(wanted):
                link.sort_order = position
            latest.gallery_images = wanted
            revision = latest.save_revision(log_action=False)
            if gallery.live:
                revision.publish(log_action=False)

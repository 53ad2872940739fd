"""StreamField blocks for article and page bodies."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.contrib.table_block.blocks import TableBlock
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageChooserBlock
from wagtail.rich_text import expand_db_html

from media_library.alt_text import alt_text_error, has_alt_text


def _api(context: dict | None):
    """The reader API's per-request helper (cms.api.serializers.APIContext), when serializing."""
    return (context or {}).get("api")


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Heading"), max_length=255)
    level = blocks.ChoiceBlock(
        label=_("Level"),
        choices=[("h2", _("Heading 2")), ("h3", _("Heading 3")), ("h4", _("Heading 4"))],
        default="h2",
    )

    class Meta:
        icon = "title"
        label = _("Heading")
        template = "components/streamfield/blocks/heading_block.html"


class CaptionedImageBlock(blocks.StructBlock):
    """An image with its caption and credit, e.g. a screenshot of the office software in use."""

    image = ImageChooserBlock(label=_("Image"))
    caption = blocks.CharBlock(label=_("Caption"), required=False, max_length=500)
    credit = blocks.CharBlock(label=_("Credit"), required=False, max_length=255)

    class Meta:
        icon = "image"
        label = _("Image with caption")
        template = "components/streamfield/blocks/captioned_image_block.html"

    def clean(self, value):
        value = super().clean(value)
        image = value.get("image")
        # Alt text is needed to publish (accessibility rules), not to save a draft.
        if image is not None and not self.is_deferred_validation and not has_alt_text(image):
            raise blocks.StructBlockValidationError(block_errors={"image": alt_text_error(image)})
        return value

    def get_api_representation(self, value, context=None):
        """{"id": 7, "src": ".../x.width-960.jpg", "width": 960, "height": 640,
        "srcset": [{"url": ".../x.width-480.webp", "width": 480, "height": 320}, ...],
        "alt": "...", "caption": "...", "credit": "..."}"""
        image = value.get("image")
        api = _api(context)
        if image is None:
            return None
        data = api.image(image) if api else {"id": image.id, "alt": image.default_alt_text}
        data["caption"] = value.get("caption") or image.caption
        data["credit"] = value.get("credit") or image.credit
        return data


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("Quote"))
    attribution = blocks.CharBlock(label=_("Attribution"), required=False, max_length=255)

    class Meta:
        icon = "openquote"
        label = _("Quote")
        template = "components/streamfield/blocks/quote_block.html"


class DocumentLinkBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("Document"))
    title = blocks.CharBlock(
        label=_("Link text"),
        required=False,
        max_length=255,
        help_text=_("Leave empty to use the document's title."),
    )

    class Meta:
        icon = "doc-full"
        label = _("Document link")
        template = "components/streamfield/blocks/document_link_block.html"

    def get_api_representation(self, value, context=None):
        """{"title": "Kế hoạch 81-KH/ĐUK", "url": "http://.../documents/3/kh.pdf",
        "file_size": 183204, "file_extension": "pdf", "content_type": "application/pdf"}"""
        document = value.get("document")
        api = _api(context)
        if document is None:
            return None
        data = api.document(document) if api else {"id": document.id, "url": document.url}
        data["title"] = value.get("title") or document.title
        return data


class LegalDocumentBlock(blocks.StructBlock):
    """A citation of a document of the library ("Văn bản"): its number, type and summary."""

    page = blocks.PageChooserBlock(label=_("Legal document"), page_type="home.LegalDocumentPage")

    class Meta:
        icon = "doc-full-inverse"
        label = _("Cited document")
        template = "components/streamfield/blocks/legal_document_block.html"

    def get_api_representation(self, value, context=None):
        """{"id": 31, "number": "81-KH/ĐUK", "title": "…", "summary": "…", "path": "/van-ban/…/",
        "document_type": "Kế hoạch"}; None when the document is not public."""
        page = value.get("page")
        api = _api(context)
        if page is None or api is None:
            return None
        from home.models.documents import LegalDocumentPage

        public = LegalDocumentPage.objects.filter(api.scope.public_q(), id=page.id)
        page = public.select_related("document_type").first()
        if page is None:
            return None
        return {
            **api.page_link(page),
            "number": page.display_number,
            "summary": page.summary,
            "document_type": str(page.document_type or ""),
        }


class VideoEmbedBlock(blocks.StructBlock):
    embed = EmbedBlock(label=_("Video address (YouTube, Facebook)"))
    caption = blocks.CharBlock(label=_("Caption"), required=False, max_length=500)

    class Meta:
        icon = "media"
        label = _("Embedded video")
        template = "components/streamfield/blocks/video_embed_block.html"


class ParagraphBlock(blocks.RichTextBlock):
    class Meta:
        icon = "pilcrow"
        label = _("Paragraph")
        template = "components/streamfield/blocks/paragraph_block.html"

    def get_api_representation(self, value, context=None):
        # Internal links become frontend paths; links to pages that are not public lose
        # their href.
        api = _api(context)
        return api.expand_rich_text(value.source) if api else expand_db_html(value.source)


class BodyTableBlock(TableBlock):
    class Meta:
        icon = "table"
        label = _("Table")
        template = "table_block/blocks/table.html"  # the stock table markup


class ArticleBodyBlock(blocks.StreamBlock):
    """The body of articles and standard pages."""

    paragraph = ParagraphBlock()
    heading = HeadingBlock()
    image = CaptionedImageBlock()
    quote = QuoteBlock()
    table = BodyTableBlock()
    video = VideoEmbedBlock()
    document = DocumentLinkBlock()
    legal_document = LegalDocumentBlock()

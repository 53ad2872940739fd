"""Activity videos ("Video hoạt động") and photo galleries ("Hình ảnh hoạt động").

They are pages so that they get revisions, workflow, scheduling, URLs and the API.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable
from wagtail.search import index

from home.models.base import BasePage, DatedMixin, ListingFieldsMixin
from media_library.embeds import validate_video_url


class VideoIndexPage(BasePage):
    intro = models.TextField(_("introduction"), blank=True)

    content_panels = BasePage.content_panels + [FieldPanel("intro")]

    show_in_menus_default = True

    parent_page_types = ["home.HomePage"]
    subpage_types = ["home.VideoPage"]
    max_count_per_parent = 1
    template = "pages/video_index_page.html"

    class Meta:
        verbose_name = _("video index")


class VideoPage(DatedMixin, ListingFieldsMixin, BasePage):
    """An activity video: an uploaded file or an embedded YouTube/Facebook video."""

    video = models.ForeignKey(
        "media_library.Video",
        verbose_name=_("uploaded video"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    embed_url = models.URLField(
        _("embed address"),
        blank=True,
        help_text=_("A YouTube or Facebook video address, when no file is uploaded."),
    )
    duration = models.DurationField(
        _("duration"), null=True, blank=True, help_text=_("E.g. 00:03:25.")
    )
    description = RichTextField(_("description"), blank=True, features=["bold", "italic", "link"])

    content_panels = BasePage.content_panels + [
        MultiFieldPanel(
            [FieldPanel("video"), FieldPanel("embed_url")],
            heading=_("Video (a file or an embed address)"),
        ),
        FieldPanel("cover_image", heading=_("Poster image")),
        FieldPanel("lead"),
        FieldPanel("description"),
        FieldPanel("duration"),
        FieldPanel("publication_date"),
    ]

    search_fields = BasePage.search_fields + [
        index.SearchField("lead"),
        index.SearchField("description"),
        index.FilterField("publication_date"),
    ]

    parent_page_types = ["home.VideoIndexPage"]
    subpage_types = []
    template = "pages/video_page.html"

    class Meta:
        verbose_name = _("video")
        verbose_name_plural = _("videos")
        indexes = [DatedMixin.newest_first_index("video_newest_first")]

    def clean(self) -> None:
        super().clean()
        if bool(self.video_id) == bool(self.embed_url):
            message = _("Choose an uploaded video or give an embed address, not both.")
            raise ValidationError({"video": message, "embed_url": message})
        try:
            validate_video_url(self.embed_url)
        except ValidationError as error:
            raise ValidationError({"embed_url": error}) from error


class GalleryIndexPage(BasePage):
    intro = models.TextField(_("introduction"), blank=True)

    content_panels = BasePage.content_panels + [FieldPanel("intro")]

    show_in_menus_default = True

    parent_page_types = ["home.HomePage"]
    subpage_types = ["home.GalleryPage"]
    max_count_per_parent = 1
    template = "pages/gallery_index_page.html"

    class Meta:
        verbose_name = _("gallery index")


class GalleryImage(Orderable):
    page = ParentalKey("home.GalleryPage", related_name="gallery_images", on_delete=models.CASCADE)
    image = models.ForeignKey(
        "media_library.CustomImage",
        verbose_name=_("image"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    caption = models.CharField(_("caption"), max_length=500, blank=True)

    panels = [FieldPanel("image"), FieldPanel("caption")]

    class Meta(Orderable.Meta):
        verbose_name = _("photo")
        verbose_name_plural = _("photos")


class GalleryPage(DatedMixin, ListingFieldsMixin, BasePage):
    """An activity photo gallery: ordered photos, each with its own caption."""

    content_panels = BasePage.content_panels + [
        FieldPanel("lead", heading=_("Description")),
        FieldPanel("cover_image"),
        FieldPanel("publication_date"),
        InlinePanel("gallery_images", label=_("Photos"), min_num=1),
    ]

    search_fields = BasePage.search_fields + [
        index.SearchField("lead"),
        index.FilterField("publication_date"),
    ]

    parent_page_types = ["home.GalleryIndexPage"]
    subpage_types = []
    template = "pages/gallery_page.html"

    class Meta:
        verbose_name = _("gallery")
        verbose_name_plural = _("galleries")
        indexes = [DatedMixin.newest_first_index("gallery_newest_first")]

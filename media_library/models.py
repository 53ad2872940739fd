"""The media library: images, documents and uploaded videos.

The image and document models are swapped in from the first migration
(WAGTAILIMAGES_IMAGE_MODEL / WAGTAILDOCS_DOCUMENT_MODEL); changing them later is painful.
Storage keys are ASCII made from the file name ("Đại hội.jpg" -> "dai-hoi.jpg") while the
title keeps the original; see media_library.storage for where files live (image originals and
documents in private storage, renditions and videos in public storage).
"""

from django.core.validators import FileExtensionValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.documents.models import AbstractDocument, Document
from wagtail.images.models import (
    AbstractImage,
    AbstractRendition,
    Image,
    WagtailImageField,
    get_upload_to,
)
from wagtail.models import CollectionMember
from wagtail.search import index

from media_library.storage import (
    get_document_storage,
    get_original_image_storage,
    original_image_path,
    upload_path,
)


def document_upload_to(instance: "CustomDocument", filename: str) -> str:
    return upload_path("documents", filename)


def video_upload_to(instance: "Video", filename: str) -> str:
    return upload_path("videos", filename)


def captions_upload_to(instance: "Video", filename: str) -> str:
    return upload_path("videos/captions", filename)


class CustomImage(AbstractImage):
    """An image with the texts a news page needs around it.

    The uploaded file is kept out of public reach (readers get renditions only); renditions
    are made from it by the app, which reads it through its storage.
    """

    # Wagtail's field, in the private originals storage, with room for the random folder.
    file = WagtailImageField(
        verbose_name=_("file"),
        upload_to=get_upload_to,
        width_field="width",
        height_field="height",
        storage=get_original_image_storage,
        max_length=255,
    )
    alt_text = models.CharField(
        _("alternative text"),
        max_length=500,
        blank=True,
        help_text=_("Describes the image for readers who cannot see it."),
    )
    caption = models.CharField(_("caption"), max_length=500, blank=True)
    credit = models.CharField(_("credit"), max_length=255, blank=True)

    # Our alt_text takes the place of Wagtail's generic "description" in the form.
    admin_form_fields = tuple(f for f in Image.admin_form_fields if f != "description") + (
        "alt_text",
        "caption",
        "credit",
    )

    class Meta(AbstractImage.Meta):
        verbose_name = _("image")
        verbose_name_plural = _("images")
        permissions = [("choose_image", "Can choose image")]

    @property
    def default_alt_text(self) -> str:
        return self.alt_text or super().default_alt_text

    def get_upload_to(self, filename: str) -> str:
        return original_image_path(filename)


class CustomRendition(AbstractRendition):
    image = models.ForeignKey(CustomImage, on_delete=models.CASCADE, related_name="renditions")

    class Meta:
        unique_together = (("image", "filter_spec", "focal_point_key"),)


class CustomDocument(AbstractDocument):
    """An attached document: a decision, a plan, a report."""

    # Wagtail's field, kept out of the public media storage (see media_library.storage).
    file = models.FileField(
        _("file"), upload_to=document_upload_to, storage=get_document_storage, max_length=255
    )
    description = models.TextField(_("description"), blank=True)

    admin_form_fields = Document.admin_form_fields + ("description",)

    class Meta(AbstractDocument.Meta):
        verbose_name = _("document")
        verbose_name_plural = _("documents")
        permissions = [("choose_document", "Can choose document")]


class Video(CollectionMember, index.Indexed, models.Model):
    """An uploaded activity video file (MP4 or WebM) with optional WebVTT captions.

    Content and size are checked on upload (media_library.forms.VideoForm); the file goes to
    the default (public) storage in a stream, never read into memory whole.
    """

    title = models.CharField(_("title"), max_length=255)
    file = models.FileField(
        _("file"),
        upload_to=video_upload_to,
        max_length=255,
        validators=[FileExtensionValidator(["mp4", "webm"])],
        help_text=_("MP4 or WebM."),
    )
    captions = models.FileField(
        _("captions (WebVTT)"),
        upload_to=captions_upload_to,
        max_length=255,
        blank=True,
        validators=[FileExtensionValidator(["vtt"])],
    )
    poster = models.ForeignKey(
        "media_library.CustomImage",
        verbose_name=_("poster image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "Shown before the video plays and in listings, unless the video page has its own. "
            "Left empty, a frame of the video is taken when the server has ffmpeg."
        ),
    )
    file_size = models.PositiveBigIntegerField(_("file size"), null=True, editable=False)
    created_at = models.DateTimeField(_("uploaded at"), auto_now_add=True)

    search_fields = CollectionMember.search_fields + [
        index.SearchField("title"),
        index.AutocompleteField("title"),
    ]

    class Meta:
        verbose_name = _("video file")
        verbose_name_plural = _("video files")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return self.title

    def save(self, *args, **kwargs) -> None:
        if self.file and self.file_size is None:
            self.file_size = self.file.size
        super().save(*args, **kwargs)

    @property
    def content_type(self) -> str:
        return "video/webm" if self.file.name.lower().endswith(".webm") else "video/mp4"


class DocumentText(models.Model):
    """The text of a document's file, extracted at upload (media_library.text), for search."""

    document = models.OneToOneField(
        CustomDocument, on_delete=models.CASCADE, related_name="extracted_text", primary_key=True
    )
    text = models.TextField(_("text"), blank=True)
    extracted_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("document text")
        verbose_name_plural = _("document texts")

    def __str__(self) -> str:
        return str(self.document_id)

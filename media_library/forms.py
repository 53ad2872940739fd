"""Admin forms of the media library: uploads are checked, cleaned and stored while validating.

Wagtail picks the image and document forms up through ``WAGTAILIMAGES_IMAGE_FORM_BASE`` and
``WAGTAILDOCS_DOCUMENT_FORM_BASE``, so the single upload, the multiple uploader, the choosers'
upload tabs and the edit views all go through the same checks.
"""

import logging
import warnings

from boto3.exceptions import Boto3Error
from botocore.exceptions import BotoCoreError, ClientError
from django import forms
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext_lazy as _
from PIL import Image
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.documents.forms import BaseDocumentForm
from wagtail.images.fields import WagtailImageField
from wagtail.images.forms import BaseImageForm
from wagtail.models import Collection
from wagtail.utils.file import hash_filelike

from media_library.validation import (
    IMAGE_BROKEN,
    SVG_REFUSED,
    clean_image,
    image_bomb_error,
    looks_like_svg,
    read_head,
    validate_captions_file,
    validate_document_file,
    validate_video_file,
)

logger = logging.getLogger(__name__)

STORAGE_FAILED = _(
    "The file could not be saved to storage, so nothing was saved. Try again in a few "
    "minutes; if it keeps failing, tell the site administrator."
)
# What a storage backend raises when it is down or refuses a file.
STORAGE_ERRORS = (OSError, BotoCoreError, ClientError, Boto3Error)


class StoreFilesOnCleanMixin:
    """Writes the uploaded files to storage as the last step of validation.

    A storage that is down or refuses the file becomes a form error next to the file field,
    and as the database row is only saved after a valid form, no row ever points at a file
    that was not stored. The model's save then finds the files committed and skips them.
    """

    stored_file_fields: tuple[str, ...] = ("file",)

    def _post_clean(self) -> None:
        super()._post_clean()
        if self.errors:
            return
        stored = []
        for name in self.stored_file_fields:
            if name not in self.fields or name not in self.changed_data:
                continue
            field_file = getattr(self.instance, name)
            if not field_file or field_file._committed:
                continue
            content = field_file.file
            try:
                field_file.name = field_file.storage.save(
                    field_file.field.generate_filename(self.instance, field_file.name),
                    content,
                    max_length=field_file.field.max_length,
                )
            except STORAGE_ERRORS:
                logger.exception("Could not store the uploaded file %r", field_file.name)
                self.add_error(name, STORAGE_FAILED)
                self._delete_stored(stored)
                return
            field_file._committed = True
            if getattr(content, "closed", False):
                field_file.file = None  # read back from storage when needed
            stored.append(field_file)

    @staticmethod
    def _delete_stored(field_files: list) -> None:
        for field_file in field_files:
            try:
                field_file.storage.delete(field_file.name)
            except STORAGE_ERRORS:
                logger.exception("Could not delete %r after a failed upload", field_file.name)


class SafeImageField(WagtailImageField):
    """Wagtail's image field (type sniffed, size and pixel limits) plus: SVG refused,
    decompression bombs refused, the whole image decoded and its metadata stripped."""

    def to_python(self, data):
        if data in self.empty_values:
            return super().to_python(data)
        if hasattr(data, "read") and looks_like_svg(getattr(data, "name", ""), read_head(data)):
            raise ValidationError(SVG_REFUSED, code="svg_refused")
        try:
            image_file = super().to_python(data)
        except (Image.DecompressionBombError, Image.DecompressionBombWarning) as error:
            raise image_bomb_error() from error
        except (OSError, ValueError, SyntaxError, EOFError) as error:
            raise ValidationError(IMAGE_BROKEN, code="image_broken") from error
        return clean_image(image_file) if image_file is not None else None

    def check_image_pixel_size(self, f) -> None:
        """Refuse by the size the header declares. Wagtail's own check decodes the whole
        image to learn its size, which for a huge image is the very danger; clean_image
        decodes it once, after this check."""
        if self.max_image_pixels is None:
            return
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore", Image.DecompressionBombWarning)
                with Image.open(f) as image:
                    width, height = image.size
                    frames = getattr(image, "n_frames", 1)
        except Image.DecompressionBombError as error:
            raise image_bomb_error() from error
        except (OSError, ValueError, SyntaxError, EOFError):
            return  # not something Pillow reads: clean_image refuses it
        finally:
            f.seek(0)
        if width * height * frames > self.max_image_pixels:
            raise ValidationError(
                self.error_messages["file_too_many_pixels"]
                % {
                    "num_pixels": width * height * frames,
                    "max_pixels_count": self.max_image_pixels,
                },
                code="file_too_many_pixels",
            )


class SafeImageForm(StoreFilesOnCleanMixin, BaseImageForm):
    """With ``reuse_duplicate=True``, an image whose content is already in the library (same
    hash, choosable by the user) is not stored again: ``form.duplicate`` is that image and the
    form must not be saved. Wagtail's own uploaders store first and then offer the choice."""

    def __init__(self, *args, reuse_duplicate: bool = False, **kwargs) -> None:
        self.reuse_duplicate = reuse_duplicate
        self.duplicate = None
        self.user = kwargs.get("user")
        super().__init__(*args, **kwargs)
        if "file" in self.fields:
            wagtail_field = self.fields["file"]
            self.fields["file"] = SafeImageField(
                label=wagtail_field.label,
                required=wagtail_field.required,
                widget=wagtail_field.widget,
            )

    def _post_clean(self) -> None:
        file = self.cleaned_data.get("file")
        if self.reuse_duplicate and file is not None and not self.errors:
            file_hash = hash_filelike(file)
            file.seek(0)
            self.duplicate = (
                self.permission_policy.instances_user_has_permission_for(self.user, "choose")
                .filter(file_hash=file_hash)
                .first()
            )
            if self.duplicate is not None:
                return
        super()._post_clean()


class SafeDocumentForm(StoreFilesOnCleanMixin, BaseDocumentForm):
    def clean_file(self):
        file = self.cleaned_data.get("file")
        if isinstance(file, UploadedFile):
            validate_document_file(file)
        return file


class VideoForm(StoreFilesOnCleanMixin, WagtailAdminModelForm):
    """The video snippet's form. Uploads arrive on disk (Django spools anything above
    FILE_UPLOAD_MAX_MEMORY_SIZE to a temporary file) and only their first bytes are read."""

    stored_file_fields = ("file", "captions")

    def clean_file(self):
        file = self.cleaned_data.get("file")
        # Other extensions are refused by the model field's extension validator.
        if isinstance(file, UploadedFile) and file.name.lower().endswith((".mp4", ".webm")):
            validate_video_file(file)
        return file

    def save(self, commit: bool = True):
        if isinstance(self.cleaned_data.get("file"), UploadedFile):
            self.instance.file_size = self.cleaned_data["file"].size
        return super().save(commit=commit)

    def clean_captions(self):
        captions = self.cleaned_data.get("captions")
        if isinstance(captions, UploadedFile) and captions.name.lower().endswith(".vtt"):
            validate_captions_file(captions)
        return captions


class MultipleImageInput(forms.FileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files; each is checked later, one by one, by the image form."""

    widget = MultipleImageInput

    def clean(self, data, initial=None) -> list:
        files = [f for f in (data if isinstance(data, list | tuple) else [data]) if f]
        if not files and self.required:
            raise ValidationError(self.error_messages["required"], code="required")
        return files


class GalleryUploadForm(forms.Form):
    """Many photos at once into one gallery (home.gallery_upload.gallery_upload)."""

    images = MultipleFileField(
        label=_("Photos"),
        widget=MultipleImageInput(attrs={"accept": "image/*"}),
        help_text=_("Choose several photos at once; they are added in this order."),
    )
    collection = forms.ModelChoiceField(
        label=_("Collection"), queryset=Collection.objects.none(), empty_label=None
    )

    def __init__(self, *args, collections=(), **kwargs) -> None:
        super().__init__(*args, **kwargs)
        ids = [c.id for c in collections]
        self.fields["collection"].queryset = Collection.objects.filter(id__in=ids)
        # With a single collection the field is a hidden input holding it.
        self.fields["collection"].initial = ids[0] if ids else None

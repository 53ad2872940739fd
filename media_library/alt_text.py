"""Alt text is required for images readers see in articles and galleries (Circular 26/2020).

Checked when a page is published or submitted for review, not on a draft save: Wagtail
defers "required" validation for drafts (``is_deferred_validation``), and so do we, so an
editor can keep working and is told before publishing, not after.
"""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

ALT_TEXT_MISSING = _(
    "The image “%(title)s” has no alternative text. Open it in the image library, fill in "
    "“alternative text” (what the picture shows, for readers who cannot see it), then publish."
)


def has_alt_text(image) -> bool:
    return bool(image.alt_text and image.alt_text.strip())


def alt_text_error(image) -> ValidationError:
    return ValidationError(ALT_TEXT_MISSING, code="alt_text_missing", params={"title": image.title})


class AltTextFormMixin:
    """For page forms: refuses to publish a cover image or gallery photo without alt text.

    Body images are checked by their block (home.blocks.CaptionedImageBlock).
    """

    image_formsets = ("gallery_images",)

    def clean(self) -> dict:
        cleaned_data = super().clean()
        if self.is_deferred_validation:
            return cleaned_data
        cover = cleaned_data.get("cover_image")
        if cover is not None and not has_alt_text(cover):
            self.add_error("cover_image", alt_text_error(cover))
        for name in self.image_formsets:
            formset = self.formsets.get(name)
            if formset is None:
                continue
            for form in formset.forms:
                if not form.is_valid() or form.cleaned_data.get("DELETE"):
                    continue
                image = form.cleaned_data.get("image")
                if image is not None and not has_alt_text(image):
                    form.add_error("image", alt_text_error(image))
        return cleaned_data

from django.apps import AppConfig
from django.conf import settings
from django.utils.translation import gettext_lazy as _


class MediaLibraryConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "media_library"
    verbose_name = _("Media library")

    def ready(self) -> None:
        from PIL import Image

        from media_library import signals
        from media_library.renditions import configure_avif_encoder

        # Pillow refuses to open images above twice this many pixels (decompression bombs)
        # wherever it is called, renditions included; uploads are refused above it.
        Image.MAX_IMAGE_PIXELS = settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS
        configure_avif_encoder()
        signals.connect()

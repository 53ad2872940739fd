from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReaderAPIConfig(AppConfig):
    name = "cms.api"
    label = "reader_api"
    verbose_name = _("Reader API")

    def ready(self) -> None:
        # Any change to public content moves the API's cache generations (cache.py,
        # invalidation.py).
        from cms.api import cache, invalidation  # noqa: F401

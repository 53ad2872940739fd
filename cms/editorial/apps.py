from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EditorialConfig(AppConfig):
    name = "cms.editorial"
    label = "editorial"
    verbose_name = _("Editorial office")

    def ready(self) -> None:
        # Publishing a retracted page again closes its retraction.
        from cms.editorial import signals  # noqa: F401

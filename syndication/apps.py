from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SyndicationConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "syndication"
    verbose_name = _("Syndication")

    def ready(self) -> None:
        from syndication import signals

        signals.connect()

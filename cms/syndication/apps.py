from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SyndicationConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "cms.syndication"
    # The label of the app before it moved into cms/: tables, migrations, permissions.
    label = "syndication"
    verbose_name = _("Syndication")

    def ready(self) -> None:
        from cms.syndication import signals

        signals.connect()

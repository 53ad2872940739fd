from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HomeConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "home"
    verbose_name = _("Site content")

    def ready(self) -> None:
        # Signal receivers (text stored in NFC); i18n registers the serve hook.
        from home import i18n, signals  # noqa: F401

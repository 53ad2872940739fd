from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HomeConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "home"
    verbose_name = _("Site content")

    def ready(self) -> None:
        # Signal receivers; i18n registers the serve hook.
        from home import api_cache, i18n, signals  # noqa: F401
        from home.search import signals as search_signals  # noqa: F401

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HomeConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "home"
    verbose_name = _("Site content")

    def ready(self) -> None:
        from home import api_cache, signals  # noqa: F401  (signal receivers)
        from home.search import signals as search_signals  # noqa: F401

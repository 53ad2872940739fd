from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    name = "cms.search"
    label = "reader_search"
    verbose_name = _("Search")

    def ready(self) -> None:
        # Pages are indexed when they are published, moved or unpublished.
        from cms.search import signals  # noqa: F401

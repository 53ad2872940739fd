from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ContactConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "cms.contact"
    label = "contact"
    verbose_name = _("Contact and readers' questions")

    def ready(self) -> None:
        from cms.contact import signals  # noqa: F401 (connects the receivers)

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _
from wagtail.users import apps as wagtail_users


class EditorialConfig(AppConfig):
    name = "cms.editorial"
    label = "editorial"
    verbose_name = _("Editorial office")
    default = True  # beside UsersConfig below

    def ready(self) -> None:
        # Publishing a retracted page again closes its retraction.
        from cms.editorial import signals  # noqa: F401


class UsersConfig(wagtail_users.WagtailUsersAppConfig):
    """Wagtail's users app (label wagtailusers) with the accounts admin that raises no one
    (cms/editorial/accounts.py). Named in INSTALLED_APPS in place of "wagtail.users"."""

    default = False
    user_viewset = "cms.editorial.accounts.UserViewSet"

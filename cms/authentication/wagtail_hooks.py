from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from cms.authentication import two_factor, views


@hooks.register("register_admin_urls")
def authentication_urls() -> list:
    return [
        path("two-factor/verify/", views.verify, name="two_factor_verify"),
        path("two-factor/enrol/", views.enrol, name="two_factor_enrol"),
        path("two-factor/recovery-codes/", views.recovery_codes, name="two_factor_codes"),
        path("two-factor/", views.ManageView.as_view(), name="two_factor_manage"),
        path("two-factor/users/", views.TwoFactorUsersView.as_view(), name="two_factor_users"),
        path("two-factor/users/<int:user_id>/reset/", views.reset, name="two_factor_reset"),
        path("login-lockouts/", views.LockoutsView.as_view(), name="login_lockouts"),
        path("login-lockouts/unlock/", views.unlock, name="login_unlock"),
    ]


class LockoutsMenuItem(MenuItem):
    def is_shown(self, request) -> bool:
        return views.can_unlock(request.user)


class TwoFactorUsersMenuItem(MenuItem):
    def is_shown(self, request) -> bool:
        return request.user.is_superuser


@hooks.register("register_settings_menu_item")
def lockouts_menu_item() -> MenuItem:
    return LockoutsMenuItem(
        _("Sign-in lockouts"), reverse("login_lockouts"), icon_name="lock", order=920
    )


@hooks.register("register_settings_menu_item")
def two_factor_users_menu_item() -> MenuItem:
    return TwoFactorUsersMenuItem(
        _("Two-factor sign-in"), reverse("two_factor_users"), icon_name="key", order=930
    )


@hooks.register("register_account_menu_item")
def two_factor_account_item(request) -> dict:
    enrolled = two_factor.is_enrolled(request.user)
    return {
        "url": reverse("two_factor_manage"),
        "label": _("Two-factor sign-in"),
        "help_text": _("On: a code from your authenticator app is asked after the password.")
        if enrolled
        else _("Off: turn it on to protect your account with a code from your phone."),
    }

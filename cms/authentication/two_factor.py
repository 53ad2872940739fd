"""Two-factor sign-in with django-otp: an authenticator app (TOTP) and recovery codes.

Who must use it is ``TWO_FACTOR_REQUIRED`` (``cms/settings/base.py``): ``"roles"`` means
superusers, the board (Ban biên tập) and site administrators (Quản trị); ``"all"`` everyone;
``"off"`` nobody. Anyone else may enrol from their account.

After the password, ``TwoFactorMiddleware`` holds a signed-in user who has not given a code
yet (and needs to: enrolled, or obliged): every admin page redirects to the code form, or to
enrolment for an obliged user without a device, and outside the admin (the API, documents)
the request counts as anonymous.
"""

from base64 import b32encode
from collections.abc import Callable
from urllib.parse import quote, urlencode

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import urlencode as query_string
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail.models import Site

from cms.editorial import roles

# Roles that must use two-factor sign-in when TWO_FACTOR_REQUIRED is "roles".
OBLIGED_GROUPS = (roles.EDITORIAL_BOARD, roles.SITE_ADMINISTRATORS)
DEVICE_NAME = "totp"
RECOVERY_NAME = "recovery"


def is_required(user) -> bool:
    """Whether ``user`` may not use the admin without a second factor."""
    mode = settings.TWO_FACTOR_REQUIRED
    if mode == "all":
        return True
    if mode == "roles":
        return user.is_superuser or user.groups.filter(name__in=OBLIGED_GROUPS).exists()
    return False


def authenticator(user) -> TOTPDevice | None:
    """The user's confirmed authenticator app, if enrolled."""
    return TOTPDevice.objects.filter(user=user, confirmed=True).first()


def is_enrolled(user) -> bool:
    return TOTPDevice.objects.filter(user=user, confirmed=True).exists()


def pending_device(user) -> TOTPDevice:
    """The unconfirmed device shown during enrolment (the same secret on every reload)."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    return device or TOTPDevice.objects.create(user=user, name=DEVICE_NAME, confirmed=False)


def otpauth_uri(device: TOTPDevice, issuer: str) -> str:
    """``otpauth://totp/Issuer:user?secret=…&issuer=Issuer``, what the QR code holds."""
    issuer = issuer.replace(":", "")
    label = quote(f"{issuer}:{device.user.get_username()}")
    params = urlencode(
        {
            "secret": secret_of(device),
            "algorithm": "SHA1",
            "digits": device.digits,
            "period": device.step,
        }
    )
    return f"otpauth://totp/{label}?{params}&issuer={quote(issuer)}"


def secret_of(device: TOTPDevice) -> str:
    """The base32 secret an authenticator app takes when typed in by hand."""
    return b32encode(device.bin_key).decode("ascii").rstrip("=")


def site_name(request: HttpRequest) -> str:
    """The site's name (Cài đặt → Trang web), else ``WAGTAIL_SITE_NAME``."""
    site = Site.find_for_request(request) or Site.objects.filter(is_default_site=True).first()
    return (site.site_name if site else "") or str(settings.WAGTAIL_SITE_NAME)


def new_recovery_codes(user) -> list[str]:
    """Replace the user's recovery codes with ``TWO_FACTOR_RECOVERY_CODES`` new ones."""
    with transaction.atomic():
        StaticDevice.objects.filter(user=user).delete()
        device = StaticDevice.objects.create(user=user, name=RECOVERY_NAME, confirmed=True)
        codes = [StaticToken.random_token() for _ in range(settings.TWO_FACTOR_RECOVERY_CODES)]
        StaticToken.objects.bulk_create(StaticToken(device=device, token=c) for c in codes)
    return codes


def recovery_codes_left(user) -> int:
    return StaticToken.objects.filter(device__user=user).count()


def confirm(device: TOTPDevice) -> list[str]:
    """Make ``device`` the user's authenticator; its recovery codes, to show once."""
    with transaction.atomic():
        TOTPDevice.objects.filter(user=device.user).exclude(pk=device.pk).delete()
        device.confirmed = True
        device.save(update_fields=["confirmed"])
        return new_recovery_codes(device.user)


def remove(user) -> None:
    """Forget the user's authenticator and recovery codes (lost phone, or turned off)."""
    with transaction.atomic():
        TOTPDevice.objects.filter(user=user).delete()
        StaticDevice.objects.filter(user=user).delete()


def needs_code(user) -> bool:
    """Signed in with the password, but the admin also wants a code (or enrolment)."""
    return (
        user.is_authenticated
        and not user.is_verified()
        and (is_enrolled(user) or is_required(user))
    )


# Admin views an unverified user may reach: signing in and out, password reset, the second
# step itself, and the JavaScript catalogue and icon sprite its pages load.
OPEN_URL_NAMES = {
    "wagtailadmin_login",
    "wagtailadmin_logout",
    "wagtailadmin_javascript_catalog",
    "wagtailadmin_sprite",
    "two_factor_verify",
    "two_factor_enrol",
}


class TwoFactorMiddleware:
    """The second step of the sign-in (after ``django_otp.middleware.OTPMiddleware``)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_view(self, request: HttpRequest, view_func, view_args, view_kwargs):
        if not needs_code(request.user):
            return None
        if not request.path_info.startswith(reverse("wagtailadmin_home")):
            # The API's documents, previews and anything else outside the admin: a password
            # alone is no sign-in.
            request.user = AnonymousUser()
            return None
        name = request.resolver_match.url_name or ""
        if name in OPEN_URL_NAMES or name.startswith("wagtailadmin_password_reset"):
            return None
        step = "two_factor_verify" if is_enrolled(request.user) else "two_factor_enrol"
        target = reverse(step)
        if request.method == "GET":
            target += "?" + query_string({"next": request.get_full_path()})
        return redirect(target)

"""The second step of the sign-in, the user's own two-factor settings, and the
administrators' pages: locked-out sign-ins (unlock) and two-factor reset."""

import django_otp
import segno
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from django.views.generic import TemplateView
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail.admin.auth import permission_denied
from wagtail.admin.views.generic import WagtailAdminTemplateMixin

from cms.authentication import throttling, two_factor
from cms.authentication.forms import CodeForm
from cms.editorial import roles

NEW_CODES_SESSION_KEY = "two_factor_new_codes"


def next_url(request: HttpRequest) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(target, {request.get_host()}, request.is_secure()):
        return target
    return reverse("wagtailadmin_home")


def check_code(request: HttpRequest, device, code: str) -> str | None:
    """None if ``code`` is right for ``device`` (used up if a recovery code), else the error.

    Each wrong code doubles the wait before the next (django-otp's throttling).
    """
    allowed, details = device.verify_is_allowed()
    if not allowed:
        wait = (details["locked_until"] - timezone.now()).total_seconds()
        return _(
            "Too many wrong codes. Wait %(seconds)d seconds before trying again, or ask an "
            "administrator to reset your two-factor sign-in."
        ) % {"seconds": max(1, round(wait))}
    if django_otp.verify_token(request.user, device.persistent_id, code) is None:
        return _("The code is wrong or has expired. Enter the code your app shows now.")
    return None


def login_page(request: HttpRequest, template: str, context: dict) -> TemplateResponse:
    context = {"site_name": two_factor.site_name(request), "next": next_url(request), **context}
    return TemplateResponse(request, template, context)


def verify(request: HttpRequest) -> HttpResponse:
    """GET/POST /admin/two-factor/verify/: the code after the password."""
    user = request.user
    device = two_factor.authenticator(user)
    if device is None:
        return redirect(reverse("two_factor_enrol") + "?" + request.GET.urlencode())
    if user.is_verified():
        return redirect(next_url(request))
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        code = form.cleaned_data["code"]
        # Six digits: the app's code; anything else: a recovery code.
        chosen = device if code.isdigit() else StaticDevice.objects.filter(user=user).first()
        error = check_code(request, chosen, code) if chosen else _("This recovery code is wrong.")
        if error is None:
            django_otp.login(request, chosen)
            if chosen is not device:
                left = two_factor.recovery_codes_left(user)
                messages.warning(
                    request,
                    _("You signed in with a recovery code. %(left)d codes are left.")
                    % {"left": left},
                )
            return redirect(next_url(request))
        form.add_error("code", error)
    return login_page(request, "authentication/verify.html", {"form": form})


def qr_code_svg(uri: str) -> str:
    """The otpauth URI as an SVG data URI for an <img> (the admin's CSP allows data: images)."""
    return segno.make(uri, error="m").svg_data_uri(scale=5, border=2)


def enrol(request: HttpRequest) -> HttpResponse:
    """GET/POST /admin/two-factor/enrol/: scan the QR code, confirm with a code."""
    user = request.user
    if two_factor.is_enrolled(user):
        if user.is_verified():
            return redirect("two_factor_manage")
        return redirect(reverse("two_factor_verify") + "?" + request.GET.urlencode())
    device = two_factor.pending_device(user)
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        error = check_code(request, device, form.cleaned_data["code"])
        if error is None:
            device.refresh_from_db()
            codes = two_factor.confirm(device)
            django_otp.login(request, device)
            request.session[NEW_CODES_SESSION_KEY] = codes
            return redirect(reverse("two_factor_codes") + "?" + request.GET.urlencode())
        form.add_error("code", error)
    uri = two_factor.otpauth_uri(device, two_factor.site_name(request))
    context = {
        "form": form,
        "secret": two_factor.secret_of(device),
        "otpauth_uri": uri,
        "qr_code": qr_code_svg(uri),
        "required": two_factor.is_required(user),
    }
    return login_page(request, "authentication/enrol.html", context)


def recovery_codes(request: HttpRequest) -> HttpResponse:
    """GET /admin/two-factor/recovery-codes/: the new recovery codes, shown once."""
    codes = request.session.pop(NEW_CODES_SESSION_KEY, None)
    if not codes:
        return redirect("two_factor_manage")
    return login_page(request, "authentication/recovery_codes.html", {"codes": codes})


class ManageView(WagtailAdminTemplateMixin, TemplateView):
    """GET/POST /admin/two-factor/: the user's own two-factor sign-in (account menu)."""

    template_name = "authentication/manage.html"
    page_title = gettext_lazy("Two-factor sign-in")
    header_icon = "key"

    def get_context_data(self, **kwargs) -> dict:
        user = self.request.user
        return super().get_context_data(
            enrolled=two_factor.is_enrolled(user),
            required=two_factor.is_required(user),
            codes_left=two_factor.recovery_codes_left(user),
            **kwargs,
        )

    def post(self, request: HttpRequest) -> HttpResponse:
        user = request.user
        if not two_factor.is_enrolled(user):
            return redirect("two_factor_manage")
        action = request.POST.get("action")
        if action == "new_codes":
            request.session[NEW_CODES_SESSION_KEY] = two_factor.new_recovery_codes(user)
            return redirect(reverse("two_factor_codes") + "?next=" + reverse("two_factor_manage"))
        if action == "disable" and not two_factor.is_required(user):
            two_factor.remove(user)
            messages.success(request, _("Two-factor sign-in is turned off."))
            return redirect("two_factor_manage")
        return permission_denied(request)


# --- Administrators ------------------------------------------------------------------


def can_unlock(user) -> bool:
    """Superusers and site administrators unlock locked-out sign-ins."""
    return user.is_active and (
        user.is_superuser or user.groups.filter(name=roles.SITE_ADMINISTRATORS).exists()
    )


class LockoutsView(WagtailAdminTemplateMixin, TemplateView):
    """GET /admin/login-lockouts/: usernames and addresses locked out now."""

    template_name = "authentication/lockouts.html"
    page_title = gettext_lazy("Sign-in lockouts")
    header_icon = "lock"

    def dispatch(self, request, *args, **kwargs):
        if not can_unlock(request.user):
            return permission_denied(request)
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs) -> dict:
        return super().get_context_data(
            lockouts=throttling.current_lockouts(),
            username_limit=settings.LOGIN_FAILURE_LIMIT,
            address_limit=settings.LOGIN_FAILURE_LIMIT_PER_IP,
            minutes=int(settings.AXES_COOLOFF_TIME.total_seconds() // 60),
            **kwargs,
        )


@require_POST
def unlock(request: HttpRequest) -> HttpResponse:
    """POST /admin/login-lockouts/unlock/ kind=username|ip_address value=…"""
    if not can_unlock(request.user):
        return permission_denied(request)
    kind, value = request.POST.get("kind", ""), request.POST.get("value", "")
    if kind not in ("username", "ip_address") or not value:
        messages.error(request, _("Nothing to unlock."))
    else:
        throttling.unlock(kind, value)
        messages.success(request, _("“%(value)s” may sign in again.") % {"value": value})
    return redirect("login_lockouts")


class TwoFactorUsersView(WagtailAdminTemplateMixin, TemplateView):
    """GET /admin/two-factor/users/: who uses two-factor sign-in (superusers only)."""

    template_name = "authentication/users.html"
    page_title = gettext_lazy("Two-factor sign-in of users")
    header_icon = "key"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_superuser:
            return permission_denied(request)
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs) -> dict:
        enrolled = set(TOTPDevice.objects.filter(confirmed=True).values_list("user_id", flat=True))
        users = get_user_model().objects.filter(is_active=True).order_by("username")
        rows = [
            {"user": u, "enrolled": u.pk in enrolled, "required": two_factor.is_required(u)}
            for u in users.prefetch_related("groups")
        ]
        return super().get_context_data(rows=rows, **kwargs)


@require_POST
def reset(request: HttpRequest, user_id: int) -> HttpResponse:
    """POST /admin/two-factor/users/<id>/reset/: forget a user's authenticator (lost phone)."""
    if not request.user.is_superuser:
        return permission_denied(request)
    user = get_object_or_404(get_user_model(), pk=user_id)
    two_factor.remove(user)
    messages.success(
        request,
        _("Two-factor sign-in of “%(user)s” is reset: a new enrolment at the next sign-in.")
        % {"user": user.get_username()},
    )
    return redirect("two_factor_users")

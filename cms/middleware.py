from collections.abc import Callable

from csp.constants import SELF, UNSAFE_INLINE
from csp.middleware import CSPMiddleware, PolicyParts
from django.conf import settings
from django.contrib import messages
from django.http import HttpRequest, HttpResponse, HttpResponseBase
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.html import escape
from django.utils.translation import gettext


class ForbiddenAdminPostMiddleware:
    """Answer a refused admin POST with 403 instead of Wagtail's redirect.

    Wagtail turns PermissionDenied in its admin views into a redirect to the dashboard with
    an error message, which suits a click on a link the user should not have had. A POST that
    is refused is a forged or stale action: it gets a plain 403 so that the refusal is
    unambiguous to browsers, scripts and tests alike. Nothing was changed either way.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if (
            request.method == "POST"
            and response.status_code == 302
            and response.get("Location") == reverse("wagtailadmin_home")
            and self._permission_denied_queued(request)
        ):
            forbidden = TemplateResponse(request, "403.html", status=403)
            return forbidden.render()
        return response

    @staticmethod
    def _permission_denied_queued(request: HttpRequest) -> bool:
        if not hasattr(request, "_messages"):
            return False
        # Wagtail renders the message through a template, so look for the text inside it.
        denied = escape(gettext("Sorry, you do not have permission to access this area."))
        storage = messages.get_messages(request)
        if any(denied in str(message) for message in storage):
            return True  # consumed: the 403 page says it instead
        storage.used = False  # keep other messages for the next page
        return False


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """django-csp's middleware, choosing the policy by address, user and framing.

    The pages the CMS renders get ``CONTENT_SECURITY_POLICY``, with
    ``EDITOR_CONTENT_SECURITY_POLICY`` added for signed-in users (Wagtail's admin needs inline
    scripts and styles; its login page does not). The API and the feeds
    (``API_CONTENT_SECURITY_POLICY_PATHS``) get ``API_CONTENT_SECURITY_POLICY``:

        Content-Security-Policy: default-src 'none'; frame-ancestors 'none'

    except that an HTML page there (the API's documentation) may use its inline stylesheet.
    A response that may be framed by this origin (X-Frame-Options: SAMEORIGIN, as Wagtail's
    previews answer) gets ``frame-ancestors 'self'`` instead of ``'none'``.
    """

    def get_policy_parts(
        self, request: HttpRequest, response: HttpResponseBase, report_only: bool = False
    ) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only)
        if report_only or parts.config is not None:
            return parts  # a view's own @csp policy wins
        if request.path_info.startswith(settings.API_CONTENT_SECURITY_POLICY_PATHS):
            parts.config = dict(settings.API_CONTENT_SECURITY_POLICY)
            if response.get("Content-Type", "").startswith("text/html"):
                # Nothing may load there, so styles have nothing to send anywhere.
                parts.config["style-src"] = [UNSAFE_INLINE]
            return parts
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            parts.update = merge_directives(parts.update, settings.EDITOR_CONTENT_SECURITY_POLICY)
        # Wagtail renders a preview through the whole middleware stack again, for a dummy
        # request, before its view marks the answer SAMEORIGIN: that inner pass sets the header.
        if getattr(request, "is_dummy", False) or response.get("X-Frame-Options") == "SAMEORIGIN":
            parts.replace = {**(parts.replace or {}), "frame-ancestors": [SELF]}
        return parts


def merge_directives(*policies: dict[str, list[str]] | None) -> dict[str, list[str]]:
    """{"script-src": ["a"]} and {"script-src": ["b"]} -> {"script-src": ["a", "b"]}."""
    merged: dict[str, list[str]] = {}
    for policy in policies:
        for directive, sources in (policy or {}).items():
            merged[directive] = [*merged.get(directive, []), *sources]
    return merged


class PermissionsPolicyMiddleware:
    """``Permissions-Policy: camera=(), microphone=(), ...`` (``PERMISSIONS_POLICY``) on every
    response: no page of the CMS may use these browser features, nor let a frame use them."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if settings.PERMISSIONS_POLICY:
            response.headers.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        return response

from collections.abc import Callable

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
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

"""Error pages for what Django answers itself: the reader API's 500 is JSON, like its 4xx.

    HTTP/1.1 500 Internal Server Error
    Content-Type: application/json

    {"message": "Internal server error."}

Django still logs the exception (``django.request``) before calling the handler; the answer
names nothing of it. With DEBUG on, Django shows its technical page instead.
"""

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.utils.translation import gettext as _
from django.views import defaults

# The API's addresses (cms/urls.py): the reader API, its preview endpoint and change feed.
API_PREFIX = "/api/"


def server_error(request: HttpRequest, template_name: str = "500.html") -> HttpResponse:
    """``handler500``: JSON under /api/, the site's Vietnamese error page elsewhere."""
    if request.path_info.startswith(API_PREFIX):
        return JsonResponse({"message": _("Internal server error.")}, status=500)
    return defaults.server_error(request, template_name)

"""Error pages for what Django answers itself: the reader API's 500 is JSON, like its 4xx,
and an unreachable database is a 503 with ``Retry-After``, not a 500.

    HTTP/1.1 500 Internal Server Error
    Content-Type: application/json

    {"message": "Internal server error."}

    HTTP/1.1 503 Service Unavailable          (the database restarting or unreachable)
    Retry-After: 5
    Content-Type: application/json

    {"message": "The service is temporarily unavailable. Please try again shortly."}

Outside /api/ the 503 is a plain Vietnamese page rendered without the database. Django
still logs the exception (``django.request``) before calling the handler; the answer names
nothing of it. With DEBUG on, Django shows its technical page instead. The next request
after the database returns reconnects (``CONN_HEALTH_CHECKS``, cms/settings/base.py).
"""

import sys

from django.db import InterfaceError, OperationalError
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.template import loader
from django.utils.translation import gettext as _
from django.views import defaults

# The API's addresses (cms/urls.py): the reader API, its preview endpoint and change feed.
API_PREFIX = "/api/"
# Seconds a client is asked to wait before retrying while the database is unreachable.
RETRY_AFTER_SECONDS = 5
DATABASE_UNAVAILABLE = (OperationalError, InterfaceError)


def database_unavailable(request: HttpRequest) -> HttpResponse:
    """503 with ``Retry-After``: JSON under /api/, a static Vietnamese page elsewhere."""
    if request.path_info.startswith(API_PREFIX):
        response: HttpResponse = JsonResponse(
            {"message": _("The service is temporarily unavailable. Please try again shortly.")},
            status=503,
            json_dumps_params={"ensure_ascii": False},
        )
    else:
        # No request in the context: context processors (site settings) would query the
        # database that is down.
        response = HttpResponse(loader.get_template("503.html").render(), status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    response["Cache-Control"] = "no-store"
    return response


def server_error(request: HttpRequest, template_name: str = "500.html") -> HttpResponse:
    """``handler500``: a 503 when the database is unreachable; otherwise JSON under /api/
    and the site's Vietnamese error page elsewhere."""
    if isinstance(sys.exc_info()[1], DATABASE_UNAVAILABLE):
        return database_unavailable(request)
    if request.path_info.startswith(API_PREFIX):
        return JsonResponse({"message": _("Internal server error.")}, status=500)
    return defaults.server_error(request, template_name)

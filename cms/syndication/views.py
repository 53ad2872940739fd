"""GET /api/v2/changes/: the change feed for syndication consumers (API key required).

    GET /api/v2/changes/?cursor=ZTo4MTI&limit=100
    Authorization: Bearer synd_…
    200 {"phase": "changes", "items": [...], "next_cursor": "ZTo5MTI", "has_more": true}

Errors: 400 bad parameter, 401 no or bad key, 410 cursor older than the kept history,
429 over the key's rate limit (with Retry-After).
"""

from django.conf import settings
from django.http import HttpRequest, JsonResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from cms.syndication import api_keys, changes

KNOWN_PARAMETERS = {"cursor", "limit"}


def _error(status: int, message: str, parameter: str | None = None, **headers) -> JsonResponse:
    body = {"message": message}
    if parameter:
        body["parameter"] = parameter
    response = JsonResponse(body, status=status, json_dumps_params={"ensure_ascii": False})
    for name, value in headers.items():
        response[name.replace("_", "-")] = value
    response["Cache-Control"] = "no-store"
    return response


def _limit(request: HttpRequest) -> int:
    maximum = settings.SYNDICATION_CHANGES_LIMIT_MAX
    if "limit" not in request.GET:
        return min(100, maximum)
    raw = request.GET["limit"]
    if not raw.isascii() or not raw.isdigit() or not 1 <= int(raw) <= maximum:
        raise ValueError(_("limit: must be a whole number from 1 to %(max)d") % {"max": maximum})
    return int(raw)


@require_safe
def changes_view(request: HttpRequest) -> JsonResponse:
    api_key = api_keys.authenticate(request)
    if api_key is None:
        return _error(
            401,
            _("A valid API key is required: send it as 'Authorization: Bearer <key>'."),
            WWW_Authenticate='Bearer realm="changes"',
        )
    wait = api_keys.retry_after(api_key)
    if wait is not None:
        return _error(429, _("Too many requests for this API key."), Retry_After=str(wait))
    for name in request.GET:
        if name not in KNOWN_PARAMETERS:
            return _error(400, _("%(name)s: unknown query parameter") % {"name": name}, name)
    try:
        limit = _limit(request)
    except ValueError as error:
        return _error(400, str(error), "limit")
    cursor = None
    if request.GET.get("cursor"):
        try:
            cursor = changes.Cursor.decode(request.GET["cursor"])
        except changes.BadCursor:
            return _error(400, _("cursor: not a cursor this feed gave out"), "cursor")
    try:
        data = changes.read(request, cursor, limit)
    except changes.CursorExpired:
        return _error(
            410,
            _(
                "cursor: older than the %(days)d days of history kept. Start again without "
                "a cursor: you receive a full snapshot, then the changes after it."
            )
            % {"days": settings.SYNDICATION_TOMBSTONE_DAYS},
            "cursor",
        )
    response = JsonResponse(
        data, encoder=changes.APIJSONEncoder, json_dumps_params={"ensure_ascii": False}
    )
    response["Cache-Control"] = "no-store"
    return response

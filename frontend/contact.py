""" "Liên hệ" (the contact page and its form) and "Hỏi đáp" (published answers).

The form works without JavaScript: a plain POST to /lien-he/, protected against cross-site
requests by a double-submit token (a random value in a SameSite=Strict cookie and in a
hidden field, compared in constant time) and by the Origin header when the browser sends
one. The frontend has no secret to sign with, and needs none for this: another site can
neither read the cookie nor set it.

The frontend then POSTs the fields as JSON to the CMS (``questions/``), naming the reader's
address in X-Forwarded-For (uvicorn's --proxy-headers resolves it from the proxy in front);
the CMS trusts that header only from FORWARDED_ALLOW_IPS. Its 400 messages come back beside
each field, with everything the reader typed kept; a 202 redirects (303) to the thank-you
state, so reloading the page does not send the question twice.

``/en/contact/`` is the English contact page Decree 42/2022/NĐ-CP asks for: the office's
address, phone, e-mail and map link from the English site settings, and a link to the
English organisation page (the leaders' contacts). It has no form of its own: the CMS
checks questions, and the office answers them, in Vietnamese, so the page says so in
English and gives the office's e-mail address for writing in English.
"""

import asyncio
import hmac
import re
import secrets
from typing import Any
from urllib.parse import parse_qs, urlsplit

from starlette.requests import Request
from starlette.responses import RedirectResponse, Response

from frontend import content
from frontend.api_client import CMSUnavailable, NotFound
from frontend.page_cache import cached
from frontend.views import base_url, frontend_of, html, page_number

CSRF_COOKIE = "lienhe_csrf"
CSRF_FIELD = "csrf_token"
TOKEN = re.compile(r"^[A-Za-z0-9_-]{32,64}$")
FIELDS = ("name", "email", "phone", "subject", "message", "website")
MAX_BODY = 64 * 1024
QUESTIONS_PAGE_SIZE = 10
SENT = "da-gui"
ENGLISH_PATH = "/en/contact/"
# Each contact page's other language, for the language switch and hreflang alternates.
VIETNAMESE_VERSION = [{"locale": "vi", "path": "/lien-he/"}]
ENGLISH_VERSION = [{"locale": "en", "path": ENGLISH_PATH}]


def _token(request: Request) -> str:
    existing = request.cookies.get(CSRF_COOKIE, "")
    return existing if TOKEN.match(existing) else secrets.token_urlsafe(32)


def _with_token(request: Request, response: Response, token: str) -> Response:
    secure = base_url(request).startswith("https:") or request.url.scheme == "https"
    response.set_cookie(
        CSRF_COOKIE, token, path="/lien-he/", httponly=True, samesite="strict", secure=secure
    )
    response.headers["Cache-Control"] = "no-store"
    return response


async def _render(
    request: Request,
    token: str,
    values: dict[str, Any] | None = None,
    errors: dict[str, list[str]] | None = None,
    message: str = "",
    status_code: int = 200,
) -> Response:
    api = frontend_of(request).api
    common = await content.chrome(api)
    context = {
        **common,
        "values": values or {},
        "errors": errors or {},
        "form_message": message,
        "sent": request.query_params.get(SENT) == "1" and request.method == "GET",
        "csrf_token": token,
        "noindex": bool(errors or message),
        "translations": ENGLISH_VERSION,
    }
    response = html(request, "pages/contact.html", context, status_code=status_code)
    return _with_token(request, response, token)


def _same_origin(request: Request) -> bool:
    """The browser's Origin, when it sends one, names this site (or the public address)."""
    origin = request.headers.get("origin")
    if origin is None:
        return True
    allowed = {str(request.base_url).rstrip("/"), base_url(request)}
    parts = urlsplit(origin)
    return f"{parts.scheme}://{parts.netloc}" in allowed


async def _form(request: Request) -> dict[str, str] | None:
    """The urlencoded form, first value of each field; None when too large or not a form."""
    if request.headers.get("content-type", "").split(";")[0].strip() != (
        "application/x-www-form-urlencoded"
    ):
        return None
    body = b""
    async for chunk in request.stream():
        body += chunk
        if len(body) > MAX_BODY:
            return None
    try:
        parsed = parse_qs(body.decode("utf-8"), keep_blank_values=True)
    except UnicodeDecodeError:
        return None
    return {name: values[0] for name, values in parsed.items()}


async def contact_page(request: Request) -> Response:
    """GET: the office's contacts and the form; POST: send the question to the CMS."""
    if request.method == "GET":
        return await _render(request, _token(request))
    _ = frontend_of(request).translations.gettext
    token = _token(request)
    form = await _form(request)
    cookie = request.cookies.get(CSRF_COOKIE, "")
    if (
        form is None
        or not _same_origin(request)
        or not TOKEN.match(cookie)
        or not hmac.compare_digest(cookie, form.get(CSRF_FIELD, ""))
    ):
        values = {k: (form or {}).get(k, "") for k in FIELDS}
        return await _render(
            request,
            token,
            values,
            message=_(
                "Your form has expired or was not sent from this page. "
                "Please check it and send it again."
            ),
            status_code=403,
        )
    values = {name: form.get(name, "") for name in FIELDS}
    values["consent"] = form.get("consent") == "1"
    headers = {}
    if request.client is not None and request.client.host:
        headers["X-Forwarded-For"] = request.client.host
    try:
        status, body = await frontend_of(request).api.post_json("questions/", values, headers)
    except CMSUnavailable:
        return await _render(
            request,
            token,
            values,
            message=_("Your question could not be sent just now. Please try again in a moment."),
            status_code=503,
        )
    if status == 202:
        return _with_token(
            request, RedirectResponse(f"/lien-he/?{SENT}=1#gui-cau-hoi", status_code=303), token
        )
    errors = body.get("errors") if isinstance(body.get("errors"), dict) else {}
    # A field the form does not show (e.g. a forged one) is reported at the top.
    shown = {k: [str(m) for m in v] for k, v in errors.items() if k in FIELDS or k == "consent"}
    message = body.get("message") or _("Please check the fields marked.")
    return await _render(
        request, token, values, shown, str(message), status_code=status if status >= 400 else 400
    )


@cached
async def questions_page(request: Request) -> Response:
    """ "Hỏi đáp": answered questions the board published, newest first, 10 a page."""
    api = frontend_of(request).api
    number = page_number(request)
    params = {"limit": QUESTIONS_PAGE_SIZE, "offset": (number - 1) * QUESTIONS_PAGE_SIZE}
    common, data = await asyncio.gather(content.chrome(api), api.get("questions/", params))
    total = data["meta"]["total_count"]
    pages = max((total + QUESTIONS_PAGE_SIZE - 1) // QUESTIONS_PAGE_SIZE, 1)
    if number > pages:
        raise NotFound()
    listing = {"items": data["items"], "total": total, "page": number, "pages": pages}
    return html(request, "pages/questions.html", {**common, "listing": listing})


@cached
async def english_contact_page(request: Request) -> Response:
    """/en/contact/: the office's contacts in English; where the English site settings lack
    a text (not translated yet), the Vietnamese one, marked as Vietnamese."""
    api = frontend_of(request).api
    organisation = {"type": "home.OrganisationPage", "locale": "en", "limit": 1}
    common, vietnamese, pages = await asyncio.gather(
        content.chrome(api, "en"),
        api.get("site-settings/", {"locale": "vi"}),
        api.get("pages/", organisation),
    )
    context = {
        **common,
        "site_vi": vietnamese,
        "organisation_page": next(iter(pages["items"]), None),
        "translations": VIETNAMESE_VERSION,
    }
    return html(request, "pages/contact_en.html", context)

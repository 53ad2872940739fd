"""``/api/v2/schema/`` (the OpenAPI document, JSON) and ``/api/v2/docs/`` (the same as a page)."""

import copy

from django.conf import settings
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.template import engines
from django.utils.translation import gettext_lazy as _

from cms.api.schema.paths import PATHS


def openapi_document(request: HttpRequest | None = None) -> dict:
    document = {
        "openapi": "3.0.3",
        "info": {
            "title": str(_("Reader API")),
            "version": "2",
            "description": str(
                _(
                    "Published content of the site, for the reader frontend and the "
                    "provincial portal. Responses carry ETag and Cache-Control; send "
                    "If-None-Match to get 304 Not Modified."
                )
            ),
        },
        "paths": copy.deepcopy(PATHS),
    }
    limit_max = settings.API_LIMIT_MAX
    for path, operation in document["paths"].items():
        for parameter in operation["get"].get("parameters", []):
            # The listings' limit; autocomplete has its own, fixed maximum.
            if parameter["name"] == "limit" and parameter["schema"].get("maximum") == 100:
                parameter["schema"]["maximum"] = (
                    settings.SYNDICATION_CHANGES_LIMIT_MAX
                    if path == "/api/v2/changes/"
                    else limit_max
                )
    if request is not None:
        document["servers"] = [{"url": f"{request.scheme}://{request.get_host()}"}]
    return document


def schema_view(request: HttpRequest) -> JsonResponse:
    return JsonResponse(openapi_document(request), json_dumps_params={"ensure_ascii": False})


_DOCS_TEMPLATE = """<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><title>{{ info.title }}</title>
<style>body{font-family:sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem}
code{background:#f3f3f3;padding:0 .2em}td,th{text-align:left;vertical-align:top;padding:.2em .6em}
h2{border-top:1px solid #ccc;padding-top:1rem}</style></head><body>
<h1>{{ info.title }}</h1><p>{{ info.description }}</p>
<p><a href="{{ schema_url }}">OpenAPI 3 (JSON)</a></p>
{% for path, item in paths %}<h2><code>GET {{ path }}</code></h2>
<p>{{ item.get.summary }}</p>
{% if item.get.description %}<p>{{ item.get.description }}</p>{% endif %}
{% if item.get.parameters %}<table><tr><th>{{ parameter_label }}</th><th></th></tr>
{% for p in item.get.parameters %}<tr><td><code>{{ p.name }}</code></td>
<td>{{ p.description }}</td></tr>
{% endfor %}</table>{% endif %}
<p>{% for code, response in item.get.responses.items %}
<code>{{ code }}</code> {{ response.description }}<br>{% endfor %}</p>
{% if item.post %}<h2><code>POST {{ path }}</code></h2><p>{{ item.post.summary }}</p>
<p>{{ item.post.description }}</p><p>{% for code, response in item.post.responses.items %}
<code>{{ code }}</code> {{ response.description }}<br>{% endfor %}</p>{% endif %}
{% endfor %}</body></html>"""


def docs_view(request: HttpRequest) -> HttpResponse:
    """The document as a page: every endpoint with its parameters and responses."""
    document = openapi_document(request)
    template = engines["django"].from_string(_DOCS_TEMPLATE)
    html = template.render(
        {
            "info": document["info"],
            "paths": sorted(document["paths"].items()),
            "schema_url": request.path.replace("docs/", "schema/"),
            "parameter_label": _("Parameter"),
        }
    )
    return HttpResponse(html)

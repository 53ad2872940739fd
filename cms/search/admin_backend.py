"""Wagtail's database search backend, for the admin, autocompleting without diacritics too.

On PostgreSQL Wagtail's backend searches with ``SEARCH_CONFIG`` (``vietnamese_unaccent``)
but autocompletes with the plain ``simple`` configuration, and the admin's page search and
choosers autocomplete: an editor typing "cai cach" found nothing written "cải cách". Here
autocomplete uses ``SEARCH_CONFIG`` too (it has no stemmer either, which is why Wagtail
chose ``simple``). Other databases get Wagtail's backend as it is (SQLite's FTS5 already
ignores the diacritics).
"""

from django.db import connection
from wagtail.search.backends.database import SearchBackend as database_backend


def SearchBackend(params: dict):  # noqa: N802 (the name Wagtail looks for in the module)
    backend = database_backend(params)
    if connection.vendor == "postgresql" and params.get("SEARCH_CONFIG"):
        backend.autocomplete_config = params["SEARCH_CONFIG"]
    return backend

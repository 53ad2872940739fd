"""bench/search.py's settings: the API benchmark's, with Wagtail's search backend as it ships
(no SEARCH_CONFIG), the baseline the reader search is compared with."""

from bench.settings import *  # noqa: F403

WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}

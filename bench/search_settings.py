"""Settings of bench/search.py and bench/api.py: the API benchmark's, with Wagtail's search
backend as it ships (no SEARCH_CONFIG, no accent-folding autocomplete), the baseline the
reader search is compared with. Our reader search does not use it (cms.search keeps its own
documents); the admin's search does, so bench/admin.py keeps the project's settings."""

from bench.settings import *  # noqa: F403

WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}

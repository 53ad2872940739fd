"""Settings of the API benchmark: the production settings plus the comparison routes.

``BENCH_AFTER_PUBLISH=1`` (bench/api.py's "after publish" server): every API request
finds nothing cached (bench/after_publish.py).
"""

import os

from cms.settings.base import *  # noqa: F403

ROOT_URLCONF = "bench.urls"

if os.environ.get("BENCH_AFTER_PUBLISH") == "1":
    MIDDLEWARE = ["bench.after_publish.AfterPublishMiddleware", *MIDDLEWARE]  # noqa: F405

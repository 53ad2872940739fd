"""Settings of the API benchmark: the production settings plus the comparison routes."""

from cms.settings.base import *  # noqa: F403

ROOT_URLCONF = "bench.urls"

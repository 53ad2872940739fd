"""Django's file cache, but without listing its whole directory on every write.

Django's ``FileBasedCache`` counts its files (a ``glob`` of the directory) in every ``set`` and
``add`` to decide whether to cull. The reader API's ``api_state`` cache on a server without
Redis holds one small token per page read (``cms.api.cache.page_generations``): the change
feed writes about a thousand per request, and that listing was 40% of the feed's CPU time.
Here the count is taken once every tenth of ``MAX_ENTRIES`` writes of this process, so the
directory may hold up to a tenth more files per process before a cull; a cull drops a random
``1/CULL_FREQUENCY`` of the files as Django's does, which for these tokens only means a new
token (a cache miss), never a stale answer.
"""

from django.core.cache.backends.filebased import FileBasedCache


class SampledCullFileBasedCache(FileBasedCache):
    def __init__(self, dir: str, params: dict) -> None:
        super().__init__(dir, params)
        self._cull_every = max(1, self._max_entries // 10)
        self._writes = 0

    def _cull(self) -> None:
        self._writes += 1
        if self._writes % self._cull_every == 0:
            super()._cull()

"""The api_state file cache (cms/file_cache.py): counts its files only now and then, still
stays near MAX_ENTRIES, and answers like Django's file cache."""

from pathlib import Path

from cms.file_cache import SampledCullFileBasedCache


def _cache(tmp_path: Path, max_entries: int = 50) -> SampledCullFileBasedCache:
    return SampledCullFileBasedCache(
        str(tmp_path), {"OPTIONS": {"MAX_ENTRIES": max_entries, "CULL_FREQUENCY": 2}}
    )


def test_lists_the_directory_once_every_tenth_of_max_entries_writes(tmp_path, monkeypatch):
    cache = _cache(tmp_path)
    listings = []
    original = SampledCullFileBasedCache._list_cache_files
    monkeypatch.setattr(
        SampledCullFileBasedCache,
        "_list_cache_files",
        lambda self: listings.append(1) or original(self),
    )
    for i in range(20):
        cache.set(f"k{i}", i)
    assert len(listings) == 4  # writes 5, 10, 15, 20
    assert cache.get("k3") == 3


def test_culls_to_near_max_entries(tmp_path):
    cache = _cache(tmp_path)
    for i in range(500):
        assert cache.add(f"page:{i}", f"t{i}")
    files = list(tmp_path.glob("*.djcache"))
    # At most a tenth of MAX_ENTRIES over it between counts.
    assert 0 < len(files) <= 55
    assert cache.get("page:499") == "t499"
    assert not cache.add("page:499", "other")

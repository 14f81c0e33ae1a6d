"""config.memory_cache: each process's page cache is bounded in bytes as well as entries."""

import importlib
import os

import pytest
from django.core.exceptions import ImproperlyConfigured

from config.memory_cache import BoundedMemoryCache

KB = 1024


def memory_cache(name: str, *, max_bytes: int, max_entries: int = 1000) -> BoundedMemoryCache:
    cache = BoundedMemoryCache(
        name, {"OPTIONS": {"MAX_BYTES": max_bytes, "MAX_ENTRIES": max_entries}}
    )
    cache.clear()
    return cache


def test_pages_within_the_bound_are_all_kept():
    cache = memory_cache("within", max_bytes=100 * KB)
    for number in range(5):
        cache.set(f"page:{number}", b"x" * 10 * KB)
    assert all(cache.get(f"page:{number}") for number in range(5))
    assert cache.size_in_bytes() <= 100 * KB


def test_the_least_recently_read_pages_make_room():
    cache = memory_cache("room", max_bytes=50 * KB)
    for number in range(4):
        cache.set(f"page:{number}", b"x" * 10 * KB)
    cache.get("page:0")  # read again: now the most recent
    cache.set("page:big", b"y" * 25 * KB)
    assert cache.size_in_bytes() <= 50 * KB
    assert cache.get("page:0") is not None
    assert cache.get("page:big") is not None
    assert cache.get("page:1") is None, "the least recently read goes first"


def test_a_page_larger_than_the_bound_is_not_kept():
    cache = memory_cache("huge", max_bytes=20 * KB)
    cache.set("page:small", b"x" * KB)
    cache.set("page:huge", b"x" * 40 * KB)
    assert cache.get("page:huge") is None
    assert cache.size_in_bytes() <= 20 * KB


def test_ten_thousand_pages_stay_within_both_bounds():
    cache = memory_cache("many", max_bytes=1024 * KB, max_entries=1000)
    for number in range(10_000):
        cache.set(f"page:{number}", b"x" * (number % 7 + 1) * KB)
    assert cache.size_in_bytes() <= 1024 * KB
    assert len(cache._cache) <= 1000


def test_the_site_uses_it_with_fifty_megabytes_by_default():
    if os.environ.get("REDIS_URL"):
        pytest.skip("Redis is the cache here")
    from config import settings as site_settings

    assert site_settings.CACHES["default"]["BACKEND"] == "config.memory_cache.BoundedMemoryCache"
    assert site_settings.CACHES["default"]["OPTIONS"]["MAX_BYTES"] == 50 * 1024 * 1024


@pytest.mark.parametrize("value", ["0", "-5", "lots"])
def test_a_bound_below_a_megabyte_is_refused(monkeypatch, value):
    from config import settings as site_settings

    monkeypatch.setenv("DJANGO_PAGE_CACHE_MB", value)
    try:
        with pytest.raises(ImproperlyConfigured, match="DJANGO_PAGE_CACHE_MB"):
            importlib.reload(site_settings)
    finally:
        monkeypatch.delenv("DJANGO_PAGE_CACHE_MB")
        importlib.reload(site_settings)

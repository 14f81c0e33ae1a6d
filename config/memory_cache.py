"""The page cache in each process's memory (no REDIS_URL): Django's LocMemCache, bounded by bytes
as well as by entries.

An entry bound alone lets memory grow with page size: a thousand recipients tables (434 KB each)
would hold over 400 MB in every worker. When a new page would take the total over `MAX_BYTES`, the
least recently read pages are dropped until it fits.
"""

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.locmem import LocMemCache

DEFAULT_MAX_BYTES = 50 * 1024 * 1024


class BoundedMemoryCache(LocMemCache):
    def __init__(self, name: str, params: dict) -> None:
        super().__init__(name, params)
        options = params.get("OPTIONS", {})
        self._max_bytes = int(options.get("MAX_BYTES", DEFAULT_MAX_BYTES))

    def _set(self, key: str, value: bytes, timeout=DEFAULT_TIMEOUT) -> None:
        # Called with the lock held. Summing the sizes costs a pass over at most MAX_ENTRIES
        # lengths, and only on a miss, which also renders a whole page.
        super()._set(key, value, timeout)
        total = sum(len(stored) for stored in self._cache.values())
        # The newest page is first (LocMemCache keeps the most recently used at the front), so
        # popping from the end drops the least recently read; a page larger than the whole
        # bound is dropped too.
        while total > self._max_bytes and self._cache:
            dropped_key, dropped = self._cache.popitem()
            self._expire_info.pop(dropped_key, None)
            total -= len(dropped)

    def size_in_bytes(self) -> int:
        with self._lock:
            return sum(len(stored) for stored in self._cache.values())

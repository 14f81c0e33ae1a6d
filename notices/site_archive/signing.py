"""Signing archives, so that an edited one is refused, and clearing this site's cache keys.

An export is signed with HMAC-SHA256 under a key from the environment (SITE_ARCHIVE_KEY). The
signature sits in the header line, `"signature": "hmac-sha256:<64 hex digits>"`, and covers every
byte of the file with those 64 digits read as zeros, so that it can be written last, in place.
Without a key the export says `"signature": null`, and importing it needs `--trust-unsigned`.
"""

import hashlib
import hmac
import re
from typing import IO

from django.conf import settings
from django.core.cache import cache

from notices.site_archive.records import ArchiveError

SIGNATURE_SCHEME = "hmac-sha256"
PLACEHOLDER = "0" * 64
# Shorter keys are guessable enough to forge an archive with.
MIN_KEY_LENGTH = 32
_READ_CHUNK = 1024 * 1024
_SIGNATURE = re.compile(rb'"signature": "hmac-sha256:([0-9a-f]{64})"')


def signing_key() -> bytes | None:
    """The key from SITE_ARCHIVE_KEY, or None when none is set; a short one is refused."""
    key = getattr(settings, "SITE_ARCHIVE_KEY", "") or ""
    if not key:
        return None
    if len(key) < MIN_KEY_LENGTH:
        raise ArchiveError(
            f"SITE_ARCHIVE_KEY is {len(key)} characters long; use at least {MIN_KEY_LENGTH} "
            "random ones (e.g. python -c 'import secrets; print(secrets.token_hex(32))')."
        )
    return key.encode("utf-8")


def header_signature() -> str | None:
    """What the export writes in its header before signing: a placeholder, or None unsigned."""
    return f"{SIGNATURE_SCHEME}:{PLACEHOLDER}" if signing_key() else None


def sign_file(stream: IO[bytes]) -> None:
    """Fills in the placeholder signature of the export written to `stream` (opened r+b)."""
    key = signing_key()
    if key is None:
        return
    stream.seek(0)
    first = stream.readline()
    found = _SIGNATURE.search(first)
    if found is None or found.group(1) != PLACEHOLDER.encode():
        raise ArchiveError("The export's header has no place for its signature.")
    digest = _digest(key, first, stream)
    stream.seek(found.start(1))
    stream.write(digest.encode("ascii"))


def check_signature(stream: IO[bytes], max_line: int) -> None:
    """Refuses an archive that is unsigned or whose signature does not match under this site's
    key; reads the whole file once, then goes back to its start."""
    key = signing_key()
    # A byte order mark, as some editors add on saving, is not part of what was signed.
    first = stream.readline(max_line + 1).removeprefix(b"\xef\xbb\xbf")
    found = _SIGNATURE.search(first)
    if found is None:
        raise ArchiveError(
            "The file is not signed. Exports are signed when SITE_ARCHIVE_KEY is set; import an "
            "unsigned one only if you know where it has been, with --trust-unsigned."
        )
    if key is None:
        raise ArchiveError(
            "The file is signed, but SITE_ARCHIVE_KEY is not set here: set it to the key the "
            "export was made with (or use --trust-unsigned)."
        )
    blanked = first[: found.start(1)] + PLACEHOLDER.encode() + first[found.end(1) :]
    digest = _digest(key, blanked, stream)
    if not hmac.compare_digest(digest.encode("ascii"), found.group(1)):
        raise ArchiveError(
            "The file's signature does not match its content: it was changed after the export, "
            "or signed with another SITE_ARCHIVE_KEY. Use the export as written."
        )
    stream.seek(0)


def _digest(key: bytes, first: bytes, stream: IO[bytes]) -> str:
    mac = hmac.new(key, first, hashlib.sha256)
    while chunk := stream.read(_READ_CHUNK):
        mac.update(chunk)
    return mac.hexdigest()


def clear_site_cache() -> int | None:
    """Removes this site's keys from the cache, and only those. In a shared Redis that is every
    key under the site's KEY_PREFIX (DJANGO_CACHE_KEY_PREFIX), never FLUSHDB; a per-process memory
    cache holds only this site's pages, so it is emptied whole. Returns how many keys went, when
    known."""
    client_holder = getattr(cache, "_cache", None)
    if client_holder is None or not hasattr(client_holder, "get_client"):
        cache.clear()
        return None
    # make_key gives "<prefix>:<version>:<key>"; any version of any key under the prefix.
    prefix = cache.key_prefix
    pattern = f"{_escape_glob(prefix)}:*" if prefix else ":*"
    client = client_holder.get_client(write=True)
    removed = 0
    batch: list[bytes] = []
    for key in client.scan_iter(match=pattern, count=1000):
        batch.append(key)
        if len(batch) >= 1000:
            removed += client.delete(*batch)
            batch = []
    if batch:
        removed += client.delete(*batch)
    return removed


def _escape_glob(text: str) -> str:
    return re.sub(r"([*?\[\]\\])", r"\\\1", text)

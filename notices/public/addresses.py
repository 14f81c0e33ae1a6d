"""Canonical addresses: one spelling of each page's URL, and absolute links built from the site's
configured address (DJANGO_SITE_URL), never from the Host header a request happens to carry.

Every Host in ALLOWED_HOSTS, with any port, reaches the site; if pages were keyed or linked by
it, each spelling would be another cached copy (and a canonical link naming that port). Numbers
in paths likewise have one spelling: `versions/7/`, never `versions/07/` or `versions/0007/`.
"""

import re

from django.conf import settings

# Version numbers: positive, no leading zero, at most nine digits (a notice will not reach a
# billion versions). Anything else in that place is a 404 before any view runs.
NUMBER_PATTERN = "[1-9][0-9]{0,8}"
# Database ids in the admin's URLs: positive, no leading zero, and within a 64-bit column.
_ID = re.compile(r"[1-9][0-9]{0,17}")


class NumberConverter:
    """`<number:name>`: like Django's `<int:name>`, but with one spelling per number and a bound,
    so `07`, `0007` and twenty nines are a 404, not another page to render and cache."""

    regex = NUMBER_PATTERN

    def to_python(self, value: str) -> int:
        return int(value)

    def to_url(self, value: int) -> str:
        return str(int(value))


def is_canonical_id(value: object) -> bool:
    """Whether an id taken from an admin URL is written the one way it is ever linked."""
    return isinstance(value, str) and _ID.fullmatch(value) is not None


def site_address() -> str:
    """The site's own address, e.g. `https://notices.example.org`, without a trailing slash."""
    return settings.SITE_URL.rstrip("/")


def absolute_url(path: str) -> str:
    """An absolute link to `path` (which starts with `/`) on the site's configured address."""
    return f"{site_address()}{path}"

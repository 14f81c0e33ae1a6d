"""gunicorn's access log, without the secret in set-password links.

A set-password link (`manage.py add_staff`) carries a token that lets whoever holds it choose the
account's password. Django's view swaps it into the session and redirects to an address without
it, but the first request's line is still logged; this logger writes `[redacted]` in its place,
in the request line, the path, the referrer and every header, however the path is escaped.
"""

import re
from urllib.parse import unquote

from gunicorn.glogging import Logger

REDACTED = "[redacted]"
# /staff/set-password/<uidb64>/<token>/, except Django's token-free address after the swap
# (`.../<uidb64>/set-password/`) and the done page.
_TOKEN_PATH = re.compile(
    r"(/staff/set-password/(?!done/)[^/\s?#]+/)(?!set-password(?:/|$|[\s?#]))[^/\s?#]+"
)


def redact(value: str) -> str:
    """`value` with any set-password token replaced; percent-escapes are read first, so an
    escaped path is caught too (and then logged unescaped)."""
    if _TOKEN_PATH.search(value):
        return _TOKEN_PATH.sub(rf"\1{REDACTED}", value)
    readable = unquote(value)
    if readable != value and _TOKEN_PATH.search(readable):
        return _TOKEN_PATH.sub(rf"\1{REDACTED}", readable)
    return value


class RedactingLogger(Logger):
    def atoms(self, resp, req, environ, request_time) -> dict:
        atoms = super().atoms(resp, req, environ, request_time)
        return {
            name: redact(value) if isinstance(value, str) else value
            for name, value in atoms.items()
        }

"""Security middleware of our own: the Permissions-Policy header, and refusing oversized requests
before their body is read. The other security headers come from Django's SecurityMiddleware and
XFrameOptionsMiddleware, and the Content-Security-Policy from django-csp (config/settings.py)."""

import re
from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse, HttpResponseBase

from notices.importing.reading import MAX_IMPORT_BYTES

# Powerful browser features, each switched off for this site and anything it could ever embed.
# The site reads and edits text; it needs none of them. A browser logs an error for a name it does
# not know, so only names Chromium knows are listed; Chromium on Linux lacks two of them,
# `bluetooth` and `web-share` (tests/e2e/test_content_security_policy.py allows for that).
DENIED_BROWSER_FEATURES = (
    "accelerometer",
    "autoplay",
    "bluetooth",
    "browsing-topics",
    "camera",
    "display-capture",
    "encrypted-media",
    "fullscreen",
    "gamepad",
    "geolocation",
    "gyroscope",
    "hid",
    "idle-detection",
    "local-fonts",
    "magnetometer",
    "microphone",
    "midi",
    "payment",
    "picture-in-picture",
    "publickey-credentials-get",
    "screen-wake-lock",
    "serial",
    "usb",
    "web-share",
    "xr-spatial-tracking",
)

PERMISSIONS_POLICY = ", ".join(f"{feature}=()" for feature in DENIED_BROWSER_FEATURES)

_DIGITS = re.compile(r"[0-9]+")

Handler = Callable[[HttpRequest], HttpResponseBase]


class PermissionsPolicyMiddleware:
    """Adds Permissions-Policy to every response that does not set its own."""

    def __init__(self, get_response: Handler) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        return response


class RequestSizeLimitMiddleware:
    """Refuses a request whose declared body is larger than MAX_REQUEST_BYTES (413), or whose
    Content-Length is not a number (400), before anything reads the body.

    Django's own DATA_UPLOAD_MAX_MEMORY_SIZE only counts form fields, not uploaded files, which
    it streams to disk; without this an upload of any size would be written out before a view
    could refuse it. A body sent without Content-Length (chunked) is never read by Django at all.
    """

    def __init__(self, get_response: Handler) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        declared = request.META.get("CONTENT_LENGTH", "").strip()
        if declared:
            if not _DIGITS.fullmatch(declared):
                return _plain_response(
                    400, "Bad request: the Content-Length header is not a number of bytes."
                )
            limit = settings.MAX_REQUEST_BYTES
            if int(declared) > limit:
                return _plain_response(
                    413,
                    f"This request is too large: the limit is {_megabytes(limit)}. A notice "
                    f"file to import must be {_megabytes(MAX_IMPORT_BYTES)} or smaller.",
                )
        return self.get_response(request)


def _megabytes(size: int) -> str:
    return f"{size / 1_048_576:.1f} MB".replace(".0 MB", " MB")


def _plain_response(status: int, message: str) -> HttpResponse:
    # The unread body is the WSGI server's to skip or drop with the connection (gunicorn does);
    # WSGI forbids an application to set the Connection header itself.
    return HttpResponse(message + "\n", status=status, content_type="text/plain; charset=utf-8")

"""How every API answer goes out: JSON with a strong ETag worked out from its bytes, a 304 when
the client has it already, cache headers, CORS for GET, and RFC 9457 problem bodies for errors."""

import hashlib
import json
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.utils.cache import get_conditional_response

# Answers change the moment a version is published, so clients may keep a copy but must ask
# again each time; the ETag makes that a cheap 304.
CACHE_CONTROL = "public, no-cache"
PROBLEM_TYPE = "application/problem+json"
# Any origin may read the API from a browser: everything in it is public.
CORS_HEADERS = {
    "Access-Control-Allow-Origin": "*",
    "Access-Control-Allow-Methods": "GET, HEAD, OPTIONS",
    "Access-Control-Allow-Headers": "If-None-Match",
    "Access-Control-Expose-Headers": "ETag",
    "Access-Control-Max-Age": "86400",
}
# Longest query parameter value looked at; longer is a 400, before any parsing.
MAX_PARAMETER_LENGTH = 200


class Problem(Exception):
    """An error answered as an RFC 9457 problem: `status`, a short `title` and a `detail` that
    says what to do about it."""

    def __init__(
        self, status: int, title: str, detail: str, invalid_params: list[dict] | None = None
    ) -> None:
        super().__init__(detail)
        self.status = status
        self.title = title
        self.detail = detail
        self.invalid_params = invalid_params or []


def bad_parameter(name: str, reason: str) -> Problem:
    return Problem(
        400,
        "Bad request",
        f"The parameter {name!r} cannot be used: {reason}",
        [{"name": name, "reason": reason}],
    )


def not_found(detail: str) -> Problem:
    return Problem(404, "Not found", detail)


def problem_response(request: HttpRequest, problem: Problem) -> HttpResponse:
    body: dict[str, Any] = {
        "type": "about:blank",
        "title": problem.title,
        "status": problem.status,
        "detail": problem.detail,
        "instance": request.path,
    }
    if problem.invalid_params:
        body["invalid_params"] = problem.invalid_params
    response = HttpResponse(
        json.dumps(body, ensure_ascii=False),
        status=problem.status,
        content_type=PROBLEM_TYPE,
    )
    return with_cors(response)


def with_cors(response: HttpResponse) -> HttpResponse:
    for header, value in CORS_HEADERS.items():
        response[header] = value
    return response


def json_response(request: HttpRequest, body: str) -> HttpResponse:
    """`body` (JSON text) with its ETag, or 304 Not Modified if the client's copy matches."""
    encoded = body.encode()
    etag = f'"{hashlib.sha256(encoded).hexdigest()[:32]}"'
    response = get_conditional_response(request, etag=etag)
    if response is None:
        response = HttpResponse(encoded, content_type="application/json")
    response["ETag"] = etag
    response["Cache-Control"] = CACHE_CONTROL
    return with_cors(response)


def check_parameters(request: HttpRequest, known: tuple[str, ...] = ()) -> None:
    """Refuses a query string with a parameter the endpoint does not have, a repeated one, or a
    value too long, with control characters or not valid text."""
    for name in request.GET:
        if name not in known:
            allowed = ", ".join(known) if known else "none"
            raise bad_parameter(name, f"this endpoint has no such parameter (it takes: {allowed}).")
        values = request.GET.getlist(name)
        if len(values) > 1:
            raise bad_parameter(name, "give it once.")
        value = values[0]
        if len(value) > MAX_PARAMETER_LENGTH:
            raise bad_parameter(name, f"it is longer than {MAX_PARAMETER_LENGTH} characters.")
        if any(
            ord(c) < 32
            or 0x7F <= ord(c) < 0xA0
            or c in "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\ufffd"
            for c in value
        ):
            raise bad_parameter(name, "it contains control characters or undecodable bytes.")

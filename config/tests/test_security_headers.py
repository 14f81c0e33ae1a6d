"""Every response carries the security headers where they apply: a public page, an admin page, a
404, a refused request, a static file and the health check."""

import pytest
from django.test import Client
from django.urls import reverse

from config.middleware import DENIED_BROWSER_FEATURES
from config.tests.test_content_security_policy import EXPECTED_POLICY, parse_policy
from config.tests.test_settings import load_settings

pytestmark = pytest.mark.django_db

# Headers every response carries, static files included.
EVERYWHERE = {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "Cross-Origin-Opener-Policy": "same-origin",
}

PAGES = {
    "public page": ("/", 200),
    "admin page": ("/admin/login/", 200),
    "404": ("/no-such-page/", 404),
    "health check": ("/healthz", 200),
    "static file": ("/static/js/site.js", 200),
}


def permissions_policy(header: str) -> dict[str, str]:
    return dict(part.strip().split("=", 1) for part in header.split(","))


@pytest.mark.parametrize("page", PAGES)
def test_each_kind_of_response_carries_the_security_headers(client, page):
    path, status = PAGES[page]

    response = client.get(path)

    assert response.status_code == status
    for header, value in EVERYWHERE.items():
        assert response[header] == value, header
    assert parse_policy(response["Content-Security-Policy"]) == EXPECTED_POLICY
    policy = permissions_policy(response["Permissions-Policy"])
    assert set(policy) == set(DENIED_BROWSER_FEATURES)
    assert set(policy.values()) == {"()"}
    # No plain HTTP in tests, so no HSTS (see the HTTPS test below).
    assert "Strict-Transport-Security" not in response


@pytest.mark.parametrize("page", ["public page", "admin page", "404", "health check"])
def test_pages_refuse_to_be_framed(client, page):
    response = client.get(PAGES[page][0])
    assert response["X-Frame-Options"] == "DENY"
    assert parse_policy(response["Content-Security-Policy"])["frame-ancestors"] == ["'none'"]


def test_a_public_page_answered_again_still_carries_every_header(client, make_notice, publish):
    """The second answer may come from the public page cache (notices.public.page_cache)."""
    notice = make_notice()
    publish(notice)
    first, second = (client.get(notice.get_absolute_url()) for _ in range(2))
    for response in (first, second):
        assert response.status_code == 200
        for header, value in EVERYWHERE.items():
            assert response[header] == value, header
        assert response["X-Frame-Options"] == "DENY"
        assert parse_policy(response["Content-Security-Policy"]) == EXPECTED_POLICY
        assert "camera=()" in response["Permissions-Policy"]


def test_the_powerful_features_the_issue_names_are_all_denied():
    assert {"camera", "microphone", "geolocation", "payment", "usb"} <= set(DENIED_BROWSER_FEATURES)


def test_a_refused_oversized_request_still_carries_the_headers(client, settings):
    settings.MAX_REQUEST_BYTES = 10
    response = client.post("/admin/login/", data="x" * 11, content_type="text/plain")
    assert response.status_code == 413
    for header, value in EVERYWHERE.items():
        assert response[header] == value, header
    assert "Permissions-Policy" in response
    assert "Content-Security-Policy" in response


def test_over_https_every_response_carries_hsts(settings):
    settings.SECURE_HSTS_SECONDS = 31_536_000
    settings.SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    settings.SECURE_HSTS_PRELOAD = True
    client = Client()  # A new client loads the middleware with these settings.
    for path, status in PAGES.values():
        response = client.get(path, secure=True)
        assert response.status_code == status, path
        assert (
            response["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains; preload"
        ), path


def test_plain_http_redirects_to_https_except_for_the_health_check(settings):
    settings.SECURE_SSL_REDIRECT = True
    client = Client()

    page = client.get("/")
    health = client.get(reverse("healthz"))

    assert page.status_code == 301
    assert page["Location"] == "https://testserver/"
    assert health.status_code == 200
    assert health.json() == {"status": "ok"}


def test_the_production_policy_upgrades_insecure_requests_and_local_http_does_not():
    expression = "s.CONTENT_SECURITY_POLICY['DIRECTIVES']['upgrade-insecure-requests']"
    production = load_settings({"DJANGO_SECRET_KEY": "x" * 50}, expression)
    local = load_settings({"DJANGO_SECRET_KEY": "x" * 50, "DJANGO_HTTPS": "false"}, expression)
    assert production.stdout.strip() == "True", production.stderr
    assert local.stdout.strip() == "False", local.stderr


def test_the_policy_allows_no_inline_code_and_no_eval(settings):
    directives = settings.CONTENT_SECURITY_POLICY["DIRECTIVES"]
    for directive in ("default-src", "script-src", "style-src"):
        assert "'unsafe-inline'" not in directives[directive]
        assert "'unsafe-eval'" not in directives[directive]

"""The admin's address comes from DJANGO_ADMIN_PATH, checked when the settings load."""

import importlib
from collections.abc import Iterator

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.test import override_settings
from django.urls import URLPattern, URLResolver, clear_url_caches, get_resolver

import config.urls
from config import settings as site_settings
from config.tests.test_settings import load_settings

CUSTOM_PATH = "council-staff/admin/"


@pytest.fixture
def admin_at_custom_path() -> Iterator[None]:
    """The URLconf rebuilt with the admin at CUSTOM_PATH, and rebuilt as it was afterwards."""
    with override_settings(ADMIN_PATH=CUSTOM_PATH):
        clear_url_caches()
        importlib.reload(config.urls)
        try:
            yield
        finally:
            clear_url_caches()
    importlib.reload(config.urls)
    clear_url_caches()


@pytest.mark.django_db
def test_the_admin_answers_at_a_custom_path_and_not_at_admin(client, admin_at_custom_path):
    login = client.get(f"/{CUSTOM_PATH}login/")
    old = client.get("/admin/login/")
    robots = client.get("/robots.txt").content.decode()

    assert login.status_code == 200
    assert 'name="username"' in login.content.decode()
    assert old.status_code == 404
    assert f"Disallow: /{CUSTOM_PATH}\n" in robots
    assert "Disallow: /admin/" not in robots


@pytest.mark.django_db
def test_the_admin_is_back_at_admin_after_the_custom_path_test(client):
    assert client.get("/admin/login/").status_code == 200


@pytest.mark.parametrize("value", ["admin/", "staff-admin/", "council-staff/admin/", "Admin2/"])
def test_good_admin_paths_are_accepted(value):
    assert site_settings.validated_admin_path(value) == value


@pytest.mark.parametrize(
    ("value", "problem"),
    [
        ("admin", "ending with '/'"),
        ("/admin/", "not starting with one"),
        ("admin//", "ending with '/'"),
        ("", "letters, digits and hyphens"),
        ("/", "letters, digits and hyphens"),
        ("ad min/", "letters, digits and hyphens"),
        ("admin_area/", "letters, digits and hyphens"),
        ("../admin/", "letters, digits and hyphens"),
        ("admin/<path:x>/", "letters, digits and hyphens"),
        ("adm.in/", "letters, digits and hyphens"),
        ("councils/", "clash with the public pages at /councils/"),
        ("Compare/", "clash with the public pages at /compare/"),
        ("search/admin/", "clash with the public pages at /search/"),
        ("static/", "clash with the public pages at /static/"),
        ("healthz/", "clash with the public pages at /healthz/"),
        ("markdownx/", "clash"),
        ("staff/", "clash"),
        ("data/", "clash"),
        ("feeds/", "clash"),
        ("accessibility/", "clash"),
    ],
)
def test_bad_admin_paths_are_refused_naming_the_problem(value, problem):
    with pytest.raises(ImproperlyConfigured, match="DJANGO_ADMIN_PATH") as refusal:
        site_settings.validated_admin_path(value)
    assert problem in str(refusal.value)


def test_the_site_refuses_to_start_with_a_bad_admin_path():
    result = load_settings({"DJANGO_SECRET_KEY": "x" * 50, "DJANGO_ADMIN_PATH": "councils/"})
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert "DJANGO_ADMIN_PATH 'councils/' would clash" in result.stderr


def test_the_admin_path_comes_from_the_environment_with_admin_as_default():
    custom = load_settings(
        {"DJANGO_SECRET_KEY": "x" * 50, "DJANGO_ADMIN_PATH": "staff-admin/"}, "s.ADMIN_PATH"
    )
    default = load_settings({"DJANGO_SECRET_KEY": "x" * 50}, "s.ADMIN_PATH")
    assert custom.stdout.strip() == "staff-admin/", custom.stderr
    assert default.stdout.strip() == "admin/", default.stderr


def _first_parts(patterns, prefix: str = "") -> Iterator[str]:
    for pattern in patterns:
        route = prefix + str(pattern.pattern)
        if isinstance(pattern, URLResolver) and not route:
            yield from _first_parts(pattern.url_patterns, route)
        elif isinstance(pattern, URLPattern | URLResolver) and route:
            yield route.split("/", 1)[0].split("<", 1)[0]


def test_the_list_of_public_paths_covers_every_public_url():
    """So a new top-level page cannot be shadowed by an admin moved onto its path."""
    admin_part = site_settings.ADMIN_PATH.split("/", 1)[0]
    parts = set(_first_parts(get_resolver().url_patterns)) - {admin_part, ""}
    assert parts
    assert parts <= site_settings.PUBLIC_PATH_STARTS

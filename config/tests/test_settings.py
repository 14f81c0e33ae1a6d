"""Settings are read from the environment; production is the safe default."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def load_settings(env: dict[str, str], expression: str = "'loaded'") -> subprocess.CompletedProcess:
    """Import config.settings in a fresh interpreter with exactly these variables set."""
    clean_env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith("DJANGO_") and key != "DATABASE_URL"
    }
    return subprocess.run(
        [sys.executable, "-c", f"import config.settings as s; print({expression})"],
        cwd=ROOT,
        env=clean_env | env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def test_production_refuses_to_start_without_a_secret_key():
    result = load_settings({})
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY is not set" in result.stderr


def test_blank_secret_key_counts_as_missing():
    result = load_settings({"DJANGO_SECRET_KEY": "   "})
    assert "DJANGO_SECRET_KEY is not set" in result.stderr


def test_debug_mode_starts_without_a_secret_key():
    result = load_settings({"DJANGO_DEBUG": "true"}, "s.DEBUG")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "True"


def test_production_defaults_are_safe():
    result = load_settings(
        {"DJANGO_SECRET_KEY": "x" * 50},
        "(s.DEBUG, s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE, s.SECURE_SSL_REDIRECT, "
        "s.SECURE_HSTS_SECONDS, s.X_FRAME_OPTIONS, s.ALLOWED_HOSTS)",
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == (
        "(False, True, True, True, 31536000, 'DENY', ['localhost', '127.0.0.1'])"
    )


def test_plain_http_for_local_use_relaxes_only_the_https_settings():
    result = load_settings(
        {"DJANGO_SECRET_KEY": "x" * 50, "DJANGO_HTTPS": "false"},
        "(s.DEBUG, s.SESSION_COOKIE_SECURE, s.SECURE_SSL_REDIRECT, s.SECURE_HSTS_SECONDS, "
        "s.SESSION_COOKIE_HTTPONLY)",
    )
    assert result.stdout.strip() == "(False, False, False, 0, True)"


@pytest.mark.parametrize(
    ("url", "engine"),
    [
        ("", "django.db.backends.sqlite3"),
        ("postgres://notices@db.example:5432/notices", "django.db.backends.postgresql"),
    ],
)
def test_database_comes_from_database_url(url, engine):
    env = {"DJANGO_SECRET_KEY": "x" * 50} | ({"DATABASE_URL": url} if url else {})
    result = load_settings(env, "s.DATABASES['default']['ENGINE']")
    assert result.stdout.strip() == engine, result.stderr


def test_allowed_hosts_come_from_the_environment():
    result = load_settings(
        {
            "DJANGO_SECRET_KEY": "x" * 50,
            "DJANGO_ALLOWED_HOSTS": "notices.example.org, www.example.org",
        },
        "s.ALLOWED_HOSTS",
    )
    assert result.stdout.strip() == "['notices.example.org', 'www.example.org']"


@pytest.mark.parametrize("variable", ["DJANGO_DEBUG", "DJANGO_HTTPS"])
def test_an_unreadable_yes_no_value_is_an_error_not_a_guess(variable):
    result = load_settings({"DJANGO_SECRET_KEY": "x" * 50, variable: "maybe"})
    assert result.returncode != 0
    assert f"{variable} must be true or false" in result.stderr


def test_check_deploy_is_clean_under_production_settings():
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith("DJANGO_") and key != "DATABASE_URL"
    }
    env |= {
        "DJANGO_SECRET_KEY": "a-long-random-production-key-" + "k9Xq2" * 10,
        "DJANGO_ALLOWED_HOSTS": "notices.example.org",
        "DJANGO_SETTINGS_MODULE": "config.settings",
    }
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout

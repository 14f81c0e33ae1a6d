"""Set-password links: kept out of the access log, short-lived, and dead once the account is
deactivated or loses the role it was given for."""

import importlib
from datetime import timedelta
from types import SimpleNamespace
from urllib.parse import quote, urlsplit

import pytest
from django.contrib.auth.models import Group, User
from django.core.exceptions import ImproperlyConfigured
from django.test import Client
from gunicorn.config import Config

from config.gunicorn_logging import REDACTED, RedactingLogger, redact
from councils.models import CouncilMembership
from councils.roles import NATIONAL_ADMIN_GROUP
from councils.staff import (
    make_national_admin,
    password_set_link,
    remove_council_role,
    set_council_role,
)
from councils.tokens import staff_link_tokens

PASSWORD = "a new and long enough password"


@pytest.fixture
def editor(make_council, db) -> User:
    user = User.objects.create_user("ed@example.org", email="ed@example.org")
    set_council_role(user=user, council=make_council(), role="editor", by=None)
    return user


def link_path(user: User) -> str:
    return urlsplit(password_set_link(user=user, base_url="https://notices.example.org")).path


def link_works(path: str) -> bool:
    return Client().get(path, follow=True).context["validlink"]


def test_a_fresh_link_works_and_moves_its_token_out_of_the_address(editor):
    path = link_path(editor)
    token = path.rstrip("/").rsplit("/", 1)[1]
    response = Client().get(path)
    assert response.status_code == 302
    assert token not in response["Location"]
    page = Client().get(path, follow=True)
    assert page.context["validlink"]
    assert token not in page.content.decode()


def test_deactivating_the_account_kills_the_link(editor):
    path = link_path(editor)
    editor.is_active = False
    editor.save()
    assert not link_works(path)
    editor.is_active = True
    editor.save()
    assert link_works(path), "the same account, as it was: nothing else changed"


def test_losing_the_council_role_kills_the_link(editor):
    path = link_path(editor)
    remove_council_role(membership=CouncilMembership.objects.get(user=editor), by=None)
    assert not link_works(path)


def test_a_role_at_another_council_kills_the_link(editor, make_council):
    path = link_path(editor)
    set_council_role(user=editor, council=make_council(), role="publisher", by=None)
    assert not link_works(path)


def test_losing_the_national_admin_role_kills_the_link(db):
    admin = User.objects.create_user("nat@example.org", email="nat@example.org")
    make_national_admin(user=admin, by=None)
    path = link_path(admin)
    assert link_works(path)
    admin.groups.remove(Group.objects.get(name=NATIONAL_ADMIN_GROUP))
    assert not link_works(path)


def test_a_dead_link_sets_no_password(editor):
    path = link_path(editor)
    editor.is_active = False
    editor.save()
    client = Client()
    opened = client.get(path, follow=True)
    form_url = opened.redirect_chain[-1][0] if opened.redirect_chain else path
    client.post(form_url, {"new_password1": PASSWORD, "new_password2": PASSWORD})
    editor.refresh_from_db()
    assert not editor.has_usable_password()


def test_a_link_lasts_a_day(editor, settings, monkeypatch):
    assert settings.PASSWORD_RESET_TIMEOUT == 24 * 60 * 60
    path = link_path(editor)
    later = staff_link_tokens._now() + timedelta(hours=24, seconds=1)
    monkeypatch.setattr(staff_link_tokens, "_now", lambda: later)
    assert not link_works(path)


@pytest.mark.parametrize(("hours", "accepted"), [("1", True), ("72", True), ("0", False)])
def test_the_lifetime_is_a_setting_within_bounds(monkeypatch, hours, accepted):
    from config import settings as site_settings

    monkeypatch.setenv("DJANGO_PASSWORD_LINK_HOURS", hours)
    try:
        if accepted:
            assert importlib.reload(site_settings).PASSWORD_RESET_TIMEOUT == int(hours) * 3600
        else:
            with pytest.raises(ImproperlyConfigured, match="DJANGO_PASSWORD_LINK_HOURS"):
                importlib.reload(site_settings)
    finally:
        monkeypatch.delenv("DJANGO_PASSWORD_LINK_HOURS")
        importlib.reload(site_settings)


# The access log

TOKEN_PATH = "/staff/set-password/MTIz/cz1abc-0123456789abcdef0123456789abcdef/"


@pytest.mark.parametrize(
    "logged",
    [
        TOKEN_PATH,
        f"GET {TOKEN_PATH} HTTP/1.1",
        f"GET {TOKEN_PATH}?next=/ HTTP/1.1",
        f"https://notices.example.org{TOKEN_PATH}",
        quote(TOKEN_PATH),
        TOKEN_PATH.replace("set-password", "set%2Dpassword"),
        TOKEN_PATH.rstrip("/"),
    ],
)
def test_the_token_is_redacted_however_it_is_written(logged):
    written = redact(logged)
    assert "cz1abc" not in written
    assert REDACTED in written


@pytest.mark.parametrize(
    "logged",
    [
        "/staff/set-password/MTIz/set-password/",
        "/staff/set-password/done/",
        "/councils/northshire/childrens-social-care/",
        "GET /admin/ HTTP/1.1",
    ],
)
def test_other_addresses_are_logged_as_they_are(logged):
    assert redact(logged) == logged


def test_gunicorn_writes_no_token_in_any_field():
    logger = RedactingLogger(Config())
    environ = {
        "REQUEST_METHOD": "GET",
        "RAW_URI": TOKEN_PATH,
        "PATH_INFO": TOKEN_PATH,
        "QUERY_STRING": "",
        "SERVER_PROTOCOL": "HTTP/1.1",
        "REMOTE_ADDR": "192.0.2.1",
        "HTTP_REFERER": f"https://notices.example.org{TOKEN_PATH}",
        "HTTP_USER_AGENT": "test",
    }
    request = SimpleNamespace(headers=[("REFERER", environ["HTTP_REFERER"])])
    response = SimpleNamespace(
        status="302 Found", sent=0, headers=[("Location", TOKEN_PATH)], response_length=0
    )
    atoms = logger.atoms(response, request, environ, timedelta(milliseconds=3))
    line = logger.cfg.access_log_format % atoms
    assert "cz1abc" not in repr(atoms)
    assert REDACTED in line


def test_the_gunicorn_config_uses_the_redacting_logger():
    import runpy
    from pathlib import Path

    config = runpy.run_path(str(Path(__file__).resolve().parents[2] / "config/gunicorn.conf.py"))
    assert config["logger_class"] == "config.gunicorn_logging.RedactingLogger"

import json
import os
import subprocess
import sys
from datetime import timedelta
from io import StringIO
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from axes.models import AccessAttempt
from django.conf import settings
from django.contrib.auth import SESSION_KEY
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.test import Client

from councils.roles import NATIONAL_ADMIN_GROUP
from councils.staff import password_set_link

pytestmark = pytest.mark.django_db

PASSWORD = "correct horse battery staple"
NEW_PASSWORD = "a whole new passphrase 2025"
LOGIN = "/admin/login/"
ADMIN = "/admin/"
BASE_DIR = Path(__file__).resolve().parents[2]


@pytest.fixture
def editor(make_council, make_staff):
    user = make_staff(make_council(), "editor")
    user.set_password(PASSWORD)
    user.save()
    return user


def sign_in(client: Client, username: str, password: str, address: str = "192.0.2.10"):
    """A POST to the real admin sign-in form: axes watches the request, not just the result."""
    return client.post(LOGIN, {"username": username, "password": password}, REMOTE_ADDR=address)


def signed_in(client: Client) -> bool:
    return SESSION_KEY in client.session


def fail(client: Client, username: str, times: int, address: str = "192.0.2.10") -> list[int]:
    return [sign_in(client, username, "wrong password", address).status_code for _ in range(times)]


# Lockout


def test_five_failed_sign_ins_lock_the_account_even_against_the_right_password(client, editor):
    statuses = fail(client, editor.username, 5)

    assert statuses == [200, 200, 200, 200, 429]
    response = sign_in(client, editor.username, PASSWORD)
    assert response.status_code == 429
    assert not signed_in(client)


def test_the_lockout_page_says_how_long_and_what_to_do_in_the_admin_look(client, editor):
    from django.contrib import admin

    fail(client, editor.username, 5)

    response = sign_in(client, editor.username, PASSWORD)

    page = response.content.decode()
    assert response.status_code == 429
    assert "Too many failed sign-in attempts" in page
    assert "after 5 failed attempts" in page
    assert "1\xa0hour" in page
    assert "ask a national admin" in page
    assert admin.site.site_header in page
    assert 'href="/admin/login/"' in page


def test_another_username_from_the_same_address_is_not_locked(client, editor, make_staff):
    colleague = make_staff()
    colleague.set_password(PASSWORD)
    colleague.save()
    fail(client, editor.username, 5)

    response = sign_in(client, colleague.username, PASSWORD)

    assert response.status_code == 302
    assert signed_in(client)


def test_the_same_username_from_another_address_is_not_locked(client, editor):
    fail(client, editor.username, 5, address="192.0.2.10")

    response = sign_in(client, editor.username, PASSWORD, address="198.51.100.20")

    assert response.status_code == 302


def test_a_successful_sign_in_before_the_limit_resets_the_count(client, editor):
    fail(client, editor.username, 4)
    assert sign_in(client, editor.username, PASSWORD).status_code == 302
    client.logout()

    statuses = fail(client, editor.username, 4)

    assert statuses == [200, 200, 200, 200]
    assert sign_in(client, editor.username, PASSWORD).status_code == 302


def test_axes_reset_clears_the_lockout(client, editor):
    fail(client, editor.username, 5)
    assert AccessAttempt.objects.filter(username=editor.username).exists()

    call_command("axes_reset", stdout=StringIO())

    assert not AccessAttempt.objects.exists()
    assert sign_in(client, editor.username, PASSWORD).status_code == 302
    assert signed_in(client)


def test_a_lockout_ends_after_the_cool_off(client, editor):
    fail(client, editor.username, 5)
    # As if the hour had passed since the last failure.
    AccessAttempt.objects.update(
        attempt_time=AccessAttempt.objects.get().attempt_time - timedelta(minutes=61)
    )

    assert sign_in(client, editor.username, PASSWORD).status_code == 302


def test_an_attempt_during_the_lockout_starts_the_wait_again(client, editor):
    fail(client, editor.username, 5)
    half_an_hour_ago = AccessAttempt.objects.get().attempt_time - timedelta(minutes=30)
    AccessAttempt.objects.update(attempt_time=half_an_hour_ago)

    assert sign_in(client, editor.username, PASSWORD).status_code == 429

    assert AccessAttempt.objects.get().attempt_time > half_an_hour_ago + timedelta(minutes=29)


def test_national_admins_may_see_and_clear_lockouts_in_the_admin():
    group = Group.objects.get(name=NATIONAL_ADMIN_GROUP)

    names = {
        f"{app}.{codename}"
        for app, codename in group.permissions.values_list("content_type__app_label", "codename")
    }

    assert {
        "axes.view_accessattempt",
        "axes.delete_accessattempt",
        "axes.view_accesslog",
        "axes.view_accessfailurelog",
    } <= names


# The settings that make it so


def test_sign_in_protection_settings_are_pinned():
    assert settings.AUTHENTICATION_BACKENDS == [
        "axes.backends.AxesStandaloneBackend",
        "councils.sign_in.EmailOrUsernameBackend",
    ]
    assert settings.AXES_USERNAME_CALLABLE == "councils.sign_in.lockout_username"
    assert settings.MIDDLEWARE[-1] == "axes.middleware.AxesMiddleware"
    assert "axes" in settings.INSTALLED_APPS
    assert settings.AXES_FAILURE_LIMIT == 5
    assert settings.AXES_COOLOFF_TIME == timedelta(hours=1)
    assert settings.AXES_LOCKOUT_PARAMETERS == [["username", "ip_address"]]
    assert settings.AXES_RESET_ON_SUCCESS is True
    assert settings.AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT is True
    assert settings.AXES_HTTP_RESPONSE_CODE == 429


def test_staff_sessions_last_eight_hours_in_http_only_same_site_cookies():
    assert settings.SESSION_COOKIE_AGE == 8 * 60 * 60
    assert settings.SESSION_COOKIE_HTTPONLY is True
    assert settings.SESSION_COOKIE_SAMESITE == "Lax"


def client_address_behind_proxy(meta: dict[str, str], **env: str) -> str | None:
    """The address axes would count failures against, under the real settings module with
    DJANGO_BEHIND_PROXY=true (settings are read once, so this runs in a fresh interpreter)."""
    script = (
        "import json, sys, django; django.setup()\n"
        "from django.test import RequestFactory\n"
        "from axes.helpers import get_client_ip_address\n"
        "request = RequestFactory().post('/admin/login/', **json.loads(sys.argv[1]))\n"
        "print(json.dumps(get_client_ip_address(request)))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script, json.dumps(meta)],
        capture_output=True,
        text=True,
        cwd=BASE_DIR,
        env={
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "config.test_settings",
            "DJANGO_BEHIND_PROXY": "true",
            **env,
        },
        check=True,
    )
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_behind_a_proxy_failures_count_against_the_forwarded_client_address():
    assert (
        client_address_behind_proxy(
            {"REMOTE_ADDR": "10.0.0.2", "HTTP_X_FORWARDED_FOR": "203.0.113.7"}
        )
        == "203.0.113.7"
    )


def test_behind_a_proxy_a_forged_forwarded_address_is_not_believed():
    address = client_address_behind_proxy(
        {"REMOTE_ADDR": "10.0.0.2", "HTTP_X_FORWARDED_FOR": "198.51.100.99, 203.0.113.7"}
    )

    # The header is longer than one proxy makes it, so it is ignored and the failures count
    # against the proxy's own address: never against an address the client chose.
    assert address == "10.0.0.2"


def test_behind_two_proxies_the_client_is_taken_before_the_first_proxy():
    address = client_address_behind_proxy(
        {"REMOTE_ADDR": "10.0.0.3", "HTTP_X_FORWARDED_FOR": "203.0.113.7, 10.0.0.2"},
        DJANGO_PROXY_COUNT="2",
    )

    assert address == "203.0.113.7"


def test_not_behind_a_proxy_the_forwarded_header_is_ignored(rf):
    from axes.helpers import get_client_ip_address

    request = rf.post(LOGIN, REMOTE_ADDR="192.0.2.10", HTTP_X_FORWARDED_FOR="203.0.113.7")

    assert get_client_ip_address(request) == "192.0.2.10"


# Passwords and sessions


def test_changing_the_password_in_the_admin_signs_out_the_other_sessions_only(editor):
    here, elsewhere = Client(), Client()
    here.force_login(editor)
    elsewhere.force_login(editor)
    assert elsewhere.get(ADMIN).status_code == 200

    response = here.post(
        "/admin/password_change/",
        {"old_password": PASSWORD, "new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD},
    )

    assert response.status_code == 302
    assert here.get(ADMIN).status_code == 200
    signed_out = elsewhere.get(ADMIN)
    assert signed_out.status_code == 302
    assert signed_out.url.startswith(LOGIN)


def test_the_admin_password_change_page_uses_the_password_validators(editor):
    client = Client()
    client.force_login(editor)

    response = client.post(
        "/admin/password_change/",
        {"old_password": PASSWORD, "new_password1": "short", "new_password2": "short"},
    )

    assert response.status_code == 200
    assert "at least 12 characters" in response.content.decode()
    editor.refresh_from_db()
    assert editor.check_password(PASSWORD)


def test_setting_a_password_through_a_link_ends_every_session(editor):
    first, second = Client(), Client()
    first.force_login(editor)
    second.force_login(editor)
    path = urlsplit(password_set_link(user=editor, base_url="http://testserver")).path

    # Used in one of the signed-in browsers, as a forgetful person would.
    form = first.get(path, follow=True)
    first.post(
        form.redirect_chain[-1][0], {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD}
    )

    for client in (first, second):
        response = client.get(ADMIN)
        assert response.status_code == 302
        assert response.url.startswith(LOGIN)
    editor.refresh_from_db()
    assert editor.check_password(NEW_PASSWORD)

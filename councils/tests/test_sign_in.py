"""Staff sign in with their email address, in any case; the page says so, and a wrong address or
password gets one plain message that tells nobody which was wrong."""

import pytest
from django.contrib.auth.models import User
from django.urls import reverse

pytestmark = pytest.mark.django_db

LOGIN = reverse("admin:login")
PASSWORD = "a-long-memorable-passphrase-42"


@pytest.fixture
def editor(make_staff, make_council) -> User:
    user = make_staff(make_council(), "editor")
    user.username = user.email = "priya.shah@harrowmere.example"
    user.set_password(PASSWORD)
    user.save()
    return user


def sign_in(client, address: str, password: str = PASSWORD):
    return client.post(LOGIN, {"username": address, "password": password}, REMOTE_ADDR="192.0.2.7")


def test_the_sign_in_page_asks_for_an_email_address(client):
    html = client.get(LOGIN).content.decode()
    assert 'for="id_username" class="required">Email address:</label>' in html
    assert "Username" not in html
    assert 'value="Sign in"' in html


@pytest.mark.parametrize(
    "typed",
    [
        "priya.shah@harrowmere.example",
        "Priya.Shah@Harrowmere.EXAMPLE",
        "  priya.shah@harrowmere.example ",
    ],
)
def test_staff_sign_in_with_their_address_in_any_case(client, editor, typed):
    response = sign_in(client, typed)
    assert response.status_code == 302
    assert int(client.session["_auth_user_id"]) == editor.pk


def test_an_account_whose_username_is_not_its_address_signs_in_with_either(client, editor):
    editor.username = "pshah"
    editor.save()
    assert sign_in(client, "pshah").status_code == 302
    client.logout()
    assert sign_in(client, "PRIYA.SHAH@harrowmere.example").status_code == 302


def test_an_address_two_accounts_share_signs_in_neither(client, editor):
    other = User.objects.create_user("other", email="PRIYA.SHAH@harrowmere.example", is_staff=True)
    other.set_password(PASSWORD)
    other.save()
    editor.username = "pshah"
    editor.save()
    response = sign_in(client, "priya.shah@harrowmere.example")
    assert response.status_code == 200
    assert "_auth_user_id" not in client.session


@pytest.mark.parametrize(
    "typed",
    ["", "nobody@harrowmere.example", "x" * 10_000, "priya\x00@harrowmere.example", "\u202e@x"],
    ids=["empty", "unknown", "huge", "null-byte", "bidi"],
)
def test_a_bad_address_is_a_form_error_not_a_sign_in(client, editor, typed):
    response = sign_in(client, typed)
    assert response.status_code == 200
    assert "_auth_user_id" not in client.session
    assert 'class="error-summary"' in response.content.decode()


def test_a_wrong_password_says_what_to_do_without_saying_which_was_wrong(client, editor):
    html = sign_in(client, editor.email, "not the password").content.decode()
    assert "Enter the email address and password of your staff account." in html
    assert "<title>Error:" in html


def test_failures_in_different_cases_count_together(client, editor):
    for typed in ["PRIYA.SHAH@harrowmere.example", "priya.shah@HARROWMERE.example"] * 3:
        sign_in(client, typed, "wrong")
    # Locked out now, even with the right password.
    assert sign_in(client, editor.email).status_code == 429

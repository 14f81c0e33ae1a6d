"""Signing in to the staff admin with an email address, which is what every staff account is.

`manage.py add_staff` makes each account with the lower-cased email as its username, but people
type their address as they know it ("Priya.Shah@Harrowmere.example"), so the address is also
matched without regard to case. Older accounts made by hand still sign in with their username.
"""

from django import forms
from django.contrib.admin.forms import AdminAuthenticationForm
from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend
from django.core.validators import MaxLengthValidator
from django.db.models import Q
from django.http import HttpRequest

SIGN_IN_LABEL = "Email address"
SIGN_IN_REFUSED = (
    "Enter the email address and password of your staff account. Both must be exactly right; "
    "after several wrong tries, signing in is paused for a while. If you have forgotten your "
    "password, ask a national admin of this site for a link to set a new one."
)


# The longest email address there can be (RFC 5321's path limit, less its angle brackets).
MAX_ADDRESS_LENGTH = 254


class EmailSignInForm(AdminAuthenticationForm):
    """The admin's sign-in form, asking for the email address rather than a "Username"."""

    error_messages = {
        **AdminAuthenticationForm.error_messages,
        "invalid_login": SIGN_IN_REFUSED,
    }

    def __init__(self, request: HttpRequest | None = None, *args, **kwargs) -> None:
        super().__init__(request, *args, **kwargs)
        field = self.fields["username"]
        field.label = SIGN_IN_LABEL
        # Django sets max_length after the field is made, so nothing checks it: an over-long
        # address would reach the sign-in records (varchar 255) and fail there on PostgreSQL.
        field.max_length = MAX_ADDRESS_LENGTH
        field.validators.append(MaxLengthValidator(MAX_ADDRESS_LENGTH))
        # Text, not type=email: an account made by hand may still sign in with a username.
        field.widget = forms.TextInput(
            attrs={
                "autofocus": True,
                "autocomplete": "username",
                "inputmode": "email",
                "autocapitalize": "none",
                "spellcheck": "false",
                "maxlength": field.max_length,
            }
        )


class EmailOrUsernameBackend(ModelBackend):
    """Finds the account by its username, or else by its email address in any case. An address
    two accounts share signs in neither: it could not say which person is signing in."""

    def authenticate(
        self,
        request: HttpRequest | None,
        username: str | None = None,
        password: str | None = None,
        **kwargs,
    ):
        User = get_user_model()
        if username is None:
            username = kwargs.get(User.USERNAME_FIELD)
        if not username or password is None:
            return None
        username = username.strip()
        matches = list(
            User._default_manager.filter(
                Q(**{User.USERNAME_FIELD: username}) | Q(email__iexact=username)
            )[:3]
        )
        exact = [user for user in matches if user.get_username() == username]
        candidates = exact or matches
        if len(candidates) != 1:
            # As long as checking a password, so the time taken does not tell whether (or how
            # many) accounts have the address.
            User().set_password(password)
            return None
        user = candidates[0]
        if user.check_password(password) and self.user_can_authenticate(user):
            return user
        return None


def lockout_username(request: HttpRequest, credentials: dict | None = None) -> str:
    """What django-axes counts failures against: the address as typed, stripped and lower-cased,
    so "Priya@X" and "priya@x" share one count instead of giving an attacker one each."""
    raw = (credentials or {}).get("username")
    if raw is None:
        raw = request.POST.get("username", "")
    return str(raw).strip().lower()

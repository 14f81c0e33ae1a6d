import re
from datetime import timedelta
from io import StringIO
from urllib.parse import urlsplit

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from django.test import Client

from councils import permissions
from councils.models import CouncilMembership, Role
from councils.roles import EDITOR_GROUP, NATIONAL_ADMIN_GROUP, PUBLISHER_GROUP
from councils.tokens import staff_link_tokens
from notices.models import AuditEvent

pytestmark = pytest.mark.django_db

User = get_user_model()
GOOD_PASSWORD = "correct horse battery staple"
LINK = re.compile(r"https?://\S+/staff/set-password/[^/\s]+/[^/\s]+/")


def add_staff(*args: str) -> str:
    out = StringIO()
    call_command("add_staff", *args, stdout=out)
    return out.getvalue()


def link_in(output: str) -> str:
    match = LINK.search(output)
    assert match, output
    return match.group(0)


def database_state() -> dict:
    """Everything add_staff could write, to prove a refusal wrote none of it."""
    return {
        "users": list(
            User.objects.order_by("pk").values_list(
                "pk", "username", "email", "is_active", "is_staff", "is_superuser", "password"
            )
        ),
        "memberships": list(
            CouncilMembership.objects.order_by("pk").values_list("user_id", "council_id", "role")
        ),
        "groups": list(
            User.groups.through.objects.order_by("pk").values_list("user_id", "group_id")
        ),
        "audit": list(AuditEvent.objects.values_list("pk", flat=True)),
    }


def group_names(user) -> set[str]:
    return set(user.groups.values_list("name", flat=True))


def set_password_through(link: str, password: str, client: Client | None = None):
    """Opens the link and submits the form, as the person would; returns the last response."""
    client = client or Client()
    opened = client.get(urlsplit(link).path, follow=True)
    if not opened.context["validlink"]:
        return opened
    form_url = opened.redirect_chain[-1][0]
    return client.post(
        form_url, {"new_password1": password, "new_password2": password}, follow=True
    )


# Giving roles


def test_a_new_editor_gets_an_account_with_no_usable_password_and_the_editor_role(make_council):
    council = make_council(slug="northshire")

    output = add_staff("Ann.Editor@Example.org", "--council", "northshire", "--role", "editor")

    user = User.objects.get()
    assert user.username == "ann.editor@example.org"
    assert user.email == "ann.editor@example.org"
    assert user.is_staff and user.is_active and not user.is_superuser
    assert not user.has_usable_password()
    assert CouncilMembership.objects.get(user=user).role == Role.EDITOR
    assert group_names(user) == {EDITOR_GROUP}
    assert permissions.council_roles(user) == {council.pk: Role.EDITOR}
    assert "Made a staff account for ann.editor@example.org" in output
    assert f"ann.editor@example.org is now an editor at {council}" in output


def test_a_new_publisher_gets_the_publisher_role(make_council):
    council = make_council(slug="northshire")

    output = add_staff("pat@example.org", "--council", "northshire", "--role", "publisher")

    user = User.objects.get(username="pat@example.org")
    assert CouncilMembership.objects.get(user=user).role == Role.PUBLISHER
    assert group_names(user) == {PUBLISHER_GROUP}
    assert permissions.can_publish_notice(user, type("N", (), {"council_id": council.pk}))
    assert "is now a publisher at" in output


def test_a_new_national_admin_joins_the_national_admins_group(db):
    output = add_staff("nat@example.org", "--national")

    user = User.objects.get(username="nat@example.org")
    assert user.is_staff
    assert group_names(user) == {NATIONAL_ADMIN_GROUP}
    assert permissions.is_national_admin(user)
    assert not CouncilMembership.objects.exists()
    assert "nat@example.org is now a national admin" in output


def test_the_grant_is_in_the_audit_log_as_done_by_nobody(make_council):
    council = make_council(slug="northshire")

    add_staff("ann@example.org", "--council", "northshire", "--role", "editor")

    event = AuditEvent.objects.get()
    assert event.action == AuditEvent.Action.STAFF_CHANGED
    assert event.actor is None
    assert event.council == council
    assert "ann@example.org" in event.summary


def test_an_existing_person_gets_a_role_at_a_second_council_on_the_same_account(make_council):
    first, second = make_council(slug="northshire"), make_council(slug="southshire")
    add_staff("ann@example.org", "--council", "northshire", "--role", "editor")

    output = add_staff("ANN@example.org", "--council", "southshire", "--role", "publisher")

    user = User.objects.get()
    assert permissions.council_roles(user) == {first.pk: Role.EDITOR, second.pk: Role.PUBLISHER}
    assert group_names(user) == {EDITOR_GROUP, PUBLISHER_GROUP}
    assert "Found the existing account ann@example.org" in output


def test_an_existing_account_is_found_by_its_email_in_any_case(make_council):
    make_council(slug="northshire")
    existing = User.objects.create_user("ann", email="Ann@Example.org", password=GOOD_PASSWORD)

    output = add_staff("ann@example.ORG", "--council", "northshire", "--role", "editor")

    assert User.objects.get() == existing
    existing.refresh_from_db()
    assert existing.username == "ann"
    assert existing.is_staff
    # Their password is theirs: add_staff never touches it.
    assert existing.check_password(GOOD_PASSWORD)
    assert "already have a password" in output


def test_an_existing_account_is_found_by_its_username_and_given_the_email(make_council):
    make_council(slug="northshire")
    existing = User.objects.create_user("ann@example.org", email="")

    add_staff("ann@example.org", "--council", "northshire", "--role", "editor")

    existing.refresh_from_db()
    assert User.objects.count() == 1
    assert existing.email == "ann@example.org"


def test_granting_the_role_someone_already_holds_changes_nothing_but_gives_a_fresh_link(
    make_council,
):
    make_council(slug="northshire")
    first_output = add_staff("ann@example.org", "--council", "northshire", "--role", "editor")
    before = database_state()

    output = add_staff("ann@example.org", "--council", "northshire", "--role", "editor")

    assert database_state() == before
    assert "already an editor at" in output
    assert "unchanged" in output
    assert link_in(output)
    assert link_in(first_output)


def test_making_a_national_admin_again_changes_nothing(db):
    add_staff("nat@example.org", "--national")
    before = database_state()

    output = add_staff("nat@example.org", "--national")

    assert database_state() == before
    assert "already a national admin" in output


def test_change_role_replaces_the_role_held_at_that_council(make_council):
    council = make_council(slug="northshire")
    add_staff("ann@example.org", "--council", "northshire", "--role", "editor")

    output = add_staff(
        "ann@example.org", "--council", "northshire", "--role", "publisher", "--change-role"
    )

    user = User.objects.get()
    assert permissions.council_roles(user) == {council.pk: Role.PUBLISHER}
    assert group_names(user) == {PUBLISHER_GROUP}
    assert "was an editor at" in output and "is now a publisher" in output


def test_an_inactive_account_is_reactivated_and_the_output_says_so(make_council):
    make_council(slug="northshire")
    existing = User.objects.create_user("ann@example.org", email="ann@example.org")
    existing.is_active = False
    existing.save()

    output = add_staff("ann@example.org", "--council", "northshire", "--role", "editor")

    existing.refresh_from_db()
    assert existing.is_active
    assert "reactivated" in output


# Refusals: a clear message, and nothing written


def refused(*args: str) -> str:
    """Runs add_staff expecting a refusal; checks nothing changed; returns the message."""
    before = database_state()
    with pytest.raises(CommandError) as error:
        add_staff(*args)
    assert database_state() == before
    return str(error.value)


def test_an_unknown_council_is_refused_with_the_close_slugs_suggested(make_council):
    make_council(slug="northshire")
    make_council(slug="north-yorkshire")
    make_council(slug="kent")

    message = refused("ann@example.org", "--council", "northshir", "--role", "editor")

    assert "No council has the slug 'northshir'" in message
    assert "northshire" in message
    assert "kent" not in message
    assert not User.objects.exists()


def test_an_unknown_council_with_nothing_close_is_refused_without_suggestions(make_council):
    make_council(slug="northshire")

    message = refused("ann@example.org", "--council", "zzz", "--role", "editor")

    assert "No council has the slug 'zzz'." in message
    assert "Did you mean" not in message


@pytest.mark.parametrize("email", ["not-an-email", "ann@", "@example.org", "ann example@x.org"])
def test_an_invalid_email_is_refused(make_council, email):
    make_council(slug="northshire")

    message = refused(email, "--council", "northshire", "--role", "editor")

    assert "not a valid email address" in message


@pytest.mark.parametrize(
    "extra",
    [
        ["--council", "northshire"],
        ["--role", "editor"],
        ["--council", "northshire", "--role", "editor"],
    ],
)
def test_national_together_with_a_council_or_role_is_refused(make_council, extra):
    make_council(slug="northshire")

    message = refused("ann@example.org", "--national", *extra)

    assert "either --national, or --council with --role" in message


def test_a_council_without_a_role_is_refused(make_council):
    make_council(slug="northshire")

    assert "--council needs --role" in refused("ann@example.org", "--council", "northshire")


def test_a_role_without_a_council_is_refused(db):
    assert "--role needs --council" in refused("ann@example.org", "--role", "editor")


def test_no_role_at_all_is_refused(db):
    assert "--national" in refused("ann@example.org")


def test_an_invalid_role_is_refused(make_council):
    make_council(slug="northshire")

    message = refused("ann@example.org", "--council", "northshire", "--role", "owner")

    assert "'owner' is not a role" in message
    assert "editor, publisher" in message


def test_a_different_role_at_the_same_council_is_refused_without_change_role(make_council):
    council = make_council(slug="northshire")
    add_staff("ann@example.org", "--council", "northshire", "--role", "editor")

    message = refused("ann@example.org", "--council", "northshire", "--role", "publisher")

    assert f"already an editor at {council}" in message
    assert "--change-role" in message


def test_a_refused_change_of_role_does_not_reactivate_an_inactive_account(make_council):
    council = make_council(slug="northshire")
    user = User.objects.create_user("ann@example.org", email="ann@example.org")
    CouncilMembership.objects.create(user=user, council=council, role=Role.EDITOR)
    user.is_active = False
    user.save()

    refused("ann@example.org", "--council", "northshire", "--role", "publisher")

    user.refresh_from_db()
    assert not user.is_active


def test_a_council_role_for_a_national_admin_is_refused(make_council):
    make_council(slug="northshire")
    add_staff("nat@example.org", "--national")

    message = refused("nat@example.org", "--council", "northshire", "--role", "editor")

    assert "is a national admin" in message
    assert "every permission at every council" in message


def test_a_council_role_for_a_superuser_is_refused(make_council):
    make_council(slug="northshire")
    User.objects.create_superuser("root", email="root@example.org")

    assert "is a national admin" in refused(
        "root@example.org", "--council", "northshire", "--role", "editor"
    )


# The set-password link


def test_the_link_uses_the_site_url_setting_or_base_url(make_council, settings):
    make_council(slug="northshire")
    settings.SITE_URL = "https://notices.example.org"

    from_setting = add_staff("ann@example.org", "--council", "northshire", "--role", "editor")
    from_option = add_staff(
        "ann@example.org",
        "--council",
        "northshire",
        "--role",
        "editor",
        "--base-url",
        "https://staging.example.org/",
    )

    assert link_in(from_setting).startswith("https://notices.example.org/staff/set-password/")
    assert link_in(from_option).startswith("https://staging.example.org/staff/set-password/")


def test_the_output_says_the_link_works_once_and_when_it_expires(make_council):
    make_council(slug="northshire")

    output = add_staff("ann@example.org", "--council", "northshire", "--role", "editor")

    assert "works once" in output
    assert "1\xa0day" in output or "1 day" in output


def test_set_password_links_last_a_day_unless_configured():
    from config import settings as base_settings

    assert base_settings.PASSWORD_RESET_TIMEOUT == 24 * 60 * 60


def test_the_output_holds_no_password(make_council):
    make_council(slug="northshire")
    existing = User.objects.create_user("ann@example.org", email="ann@example.org")
    existing.set_password(GOOD_PASSWORD)
    existing.save()

    output = add_staff("ann@example.org", "--council", "northshire", "--role", "editor")

    existing.refresh_from_db()
    assert GOOD_PASSWORD not in output
    assert existing.password not in output
    assert existing.password.split("$")[-1] not in output


def test_the_link_sets_a_password_that_then_signs_in(make_council):
    make_council(slug="northshire")
    link = link_in(add_staff("ann@example.org", "--council", "northshire", "--role", "editor"))

    response = set_password_through(link, GOOD_PASSWORD)

    assert response.status_code == 200
    assert "Your password has been set" in response.content.decode()
    user = User.objects.get()
    assert user.check_password(GOOD_PASSWORD)
    signed_in = Client().post(
        "/admin/login/", {"username": "ann@example.org", "password": GOOD_PASSWORD}
    )
    assert signed_in.status_code == 302


def test_the_link_works_only_once(make_council):
    make_council(slug="northshire")
    link = link_in(add_staff("ann@example.org", "--council", "northshire", "--role", "editor"))
    set_password_through(link, GOOD_PASSWORD)

    # Again in the same browser, and in another one.
    for client in (None, Client()):
        again = set_password_through(link, "another good passphrase 42", client)
        assert again.context["validlink"] is False
        assert "This link no longer works" in again.content.decode()
    assert User.objects.get().check_password(GOOD_PASSWORD)


@pytest.mark.parametrize(
    ("password", "complaint"),
    [
        ("short1!", "at least 12 characters"),
        ("123456789012345", "entirely numeric"),
        ("password1234", "too common"),
        ("ann@example.org", "too similar"),
    ],
)
def test_the_set_password_page_refuses_weak_passwords(make_council, password, complaint):
    make_council(slug="northshire")
    link = link_in(add_staff("ann@example.org", "--council", "northshire", "--role", "editor"))

    response = set_password_through(link, password)

    assert response.status_code == 200
    assert complaint in response.content.decode()
    assert not User.objects.get().has_usable_password()
    # A refused password does not use the link up.
    assert set_password_through(link, GOOD_PASSWORD).status_code == 200
    assert User.objects.get().check_password(GOOD_PASSWORD)


def test_the_link_stops_working_when_it_expires(make_council, settings, monkeypatch):
    make_council(slug="northshire")
    link = link_in(add_staff("ann@example.org", "--council", "northshire", "--role", "editor"))
    now = staff_link_tokens._now()
    later = now + timedelta(seconds=settings.PASSWORD_RESET_TIMEOUT + 1)
    monkeypatch.setattr(staff_link_tokens, "_now", lambda: later)

    response = set_password_through(link, GOOD_PASSWORD)

    assert response.context["validlink"] is False
    assert not User.objects.get().has_usable_password()


def test_the_set_password_page_wears_the_admin_header(make_council):
    from django.contrib import admin

    make_council(slug="northshire")
    link = link_in(add_staff("ann@example.org", "--council", "northshire", "--role", "editor"))

    page = Client().get(urlsplit(link).path, follow=True)

    assert admin.site.site_header in page.content.decode()
    assert "Set your password" in page.content.decode()


def test_national_admins_manage_roles_in_the_admin_and_groups_follow(
    client, make_council, make_staff
):
    from django.contrib.auth.models import User
    from django.urls import reverse

    from councils.models import CouncilMembership
    from councils.roles import EDITOR_GROUP, PUBLISHER_GROUP

    council = make_council()
    person = User.objects.create_user("officer@example.org", is_staff=True)
    client.force_login(make_staff(national=True))
    add = reverse("admin:councils_councilmembership_add")
    response = client.post(add, {"user": person.pk, "council": council.pk, "role": "editor"})
    assert response.status_code == 302
    assert set(person.groups.values_list("name", flat=True)) == {EDITOR_GROUP}

    membership = CouncilMembership.objects.get(user=person)
    change = reverse("admin:councils_councilmembership_change", args=[membership.pk])
    assert client.post(change, {"role": "publisher"}).status_code == 302
    assert set(person.groups.values_list("name", flat=True)) == {PUBLISHER_GROUP}

    delete = reverse("admin:councils_councilmembership_delete", args=[membership.pk])
    assert client.post(delete, {"post": "yes"}).status_code == 302
    assert not person.groups.exists()
    assert not CouncilMembership.objects.exists()
    assert "no longer publisher" in council.audit_events.first().summary


def test_a_role_given_on_a_users_admin_page_goes_through_the_staff_service(
    client, make_council, make_staff
):
    from django.contrib.auth.models import User
    from django.urls import reverse

    from councils.roles import EDITOR_GROUP
    from notices.testing.forms import form_data

    council = make_council()
    person = User.objects.create_user("officer@example.org")
    client.force_login(make_staff(national=True))
    url = reverse("admin:auth_user_change", args=[person.pk])
    data = form_data(client.get(url).content.decode(), "user_form")
    data |= {
        "council_memberships-TOTAL_FORMS": "1",
        "council_memberships-0-council": str(council.pk),
        "council_memberships-0-role": "editor",
    }

    data.pop("groups")  # an empty multiple choice is sent as no value at all

    assert client.post(url, data).status_code == 302
    person.refresh_from_db()
    assert person.is_staff
    assert set(person.groups.values_list("name", flat=True)) == {EDITOR_GROUP}
    assert "is now editor" in council.audit_events.get().summary


def test_moving_a_role_to_another_council_on_a_users_page_ends_the_old_one(
    client, make_council, make_staff
):
    from django.urls import reverse

    from councils.models import CouncilMembership
    from notices.testing.forms import form_data

    first, second = make_council(), make_council()
    person = make_staff(first, "editor")
    client.force_login(make_staff(national=True))
    url = reverse("admin:auth_user_change", args=[person.pk])
    data = form_data(client.get(url).content.decode(), "user_form")
    data.pop("groups", None)
    data["council_memberships-0-council"] = str(second.pk)

    assert client.post(url, data).status_code == 302
    assert list(CouncilMembership.objects.values_list("council", "role")) == [(second.pk, "editor")]
    assert "no longer editor" in first.audit_events.first().summary

"""The council details form refuses a stale save, as drafts do: nobody's correction to a contact
is silently put back."""

import pytest
from django.contrib.auth.models import User
from django.urls import reverse

from councils.models import Council
from notices.testing.forms import form_data


def change_url(council: Council) -> str:
    return reverse("admin:councils_council_change", args=[council.pk])


def opened_form(client, council: Council) -> dict[str, str]:
    return form_data(client.get(change_url(council)).content.decode(), "council_form")


@pytest.fixture
def first(db, client) -> User:
    person = User.objects.create_superuser("fran", "fran@example.org", first_name="Fran")
    person.last_name = "First"
    person.save()
    return person


def test_a_stale_details_form_is_refused_naming_who_saved(
    admin_client, client, first, make_council
):
    council = make_council(dpo_phone="01234 000000")
    client.force_login(first)
    first_form = opened_form(client, council)
    second_form = opened_form(admin_client, council)

    first_form["dpo_phone"] = "01234 567890"
    assert client.post(change_url(council), first_form).status_code == 302
    second_form["controller_phone"] = "01234 111111"
    response = admin_client.post(change_url(council), second_form)

    assert response.status_code == 200
    html = response.content.decode()
    assert "Fran First saved this council&#x27;s details at" in html
    assert "01234 111111" in html, "the second person's input stays on the form"
    council.refresh_from_db()
    assert council.dpo_phone == "01234 567890", "the correction is not put back"
    assert council.controller_phone == ""
    assert council.details_saved_by == first

    # Saving again, knowingly, replaces it.
    again = form_data(html, "council_form")
    assert admin_client.post(change_url(council), again).status_code == 302
    council.refresh_from_db()
    assert council.controller_phone == "01234 111111"
    assert council.details_revision == 2


@pytest.mark.parametrize("opened", [None, "", "abc", "-1", "007x", "1" * 400, "\x00", "\u202e1"])
def test_a_form_without_a_sound_opened_revision_is_refused(admin_client, make_council, opened):
    council = make_council()
    data = opened_form(admin_client, council)
    if opened is None:
        del data["opened_revision"]
    else:
        data["opened_revision"] = opened
    data["dpo_phone"] = "09999 999999"
    response = admin_client.post(change_url(council), data)
    assert response.status_code == 200
    assert "did not come back as it was sent" in response.content.decode()
    council.refresh_from_db()
    assert council.dpo_phone != "09999 999999"
    assert council.details_revision == 0


def test_deleting_a_council_with_a_history_is_refused_clearly(admin_client, make_council):
    council = make_council()
    opened = opened_form(admin_client, council)
    opened["dpo_phone"] = "01234 222222"
    assert admin_client.post(change_url(council), opened).status_code == 302  # audited
    url = reverse("admin:councils_council_delete", args=[council.pk])

    page = admin_client.get(url)
    assert page.status_code == 200
    assert "Cannot delete council" in page.content.decode()
    assert "audit event" in page.content.decode()
    admin_client.post(url, {"post": "yes"})
    assert Council.objects.filter(pk=council.pk).exists()

"""The council's own data protection complaint route on the details form: an https:// form, an
email and a postal address, each held to the input policy. Bad input is a form error and changes
nothing stored."""

import pytest
from django.urls import reverse

from councils.models import Council
from notices.testing.forms import form_data


def change_url(council: Council) -> str:
    return reverse("admin:councils_council_change", args=[council.pk])


def post_details(client, council: Council, **changes: str):
    data = form_data(client.get(change_url(council)).content.decode(), "council_form")
    return client.post(change_url(council), data | changes)


def test_a_publisher_records_the_complaint_route_on_the_details_form(
    client, make_council, make_staff
):
    council = make_council(complaint_form_url="")
    client.force_login(make_staff(council, "publisher"))
    page = client.get(change_url(council)).content.decode()
    assert "Data protection complaints" in page and "19 June 2026" in page

    response = post_details(
        client,
        council,
        complaint_form_url="www.council.example/complain",
        complaint_email="complaints@council.example",
        complaint_address="Complaints Team\r\nTown Hall",
    )

    assert response.status_code == 302
    council.refresh_from_db()
    # A pasted address without a scheme is taken as https, as for the council's other links.
    assert council.complaint_form_url == "https://www.council.example/complain"
    assert council.complaint_email == "complaints@council.example"
    assert council.complaint_address == "Complaints Team\nTown Hall"


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("complaint_form_url", "http://council.example/complain", "starting https://"),
        ("complaint_form_url", "ftp://council.example/complain", "starting https://"),
        ("complaint_form_url", "javascript:alert(1)", "Enter a valid URL"),
        ("complaint_form_url", "https://council.example/\u202ecomplain", "U+202E"),
        ("complaint_form_url", "https://council.example/" + "a" * 600, "at most 500"),
        ("complaint_email", "complaints\u202e@council.example", "valid email"),
        ("complaint_email", "not an email", "valid email"),
        ("complaint_address", "Town Hall\x00", "Null characters are not allowed"),
        ("complaint_address", "Town Hall\x07", "U+0007"),
        ("complaint_address", "Town Hall\n" * 200, "at most 1000"),
    ],
)
def test_bad_complaint_route_input_is_a_form_error_and_nothing_is_stored(
    admin_client, make_council, field, value, message
):
    council = make_council()
    before = {name: getattr(council, name) for name in ("complaint_form_url", "complaint_email")}

    response = post_details(admin_client, council, **{field: value})

    assert response.status_code == 200
    html = response.content.decode()
    assert "errornote" in html and message in html
    council.refresh_from_db()
    assert {name: getattr(council, name) for name in before} == before
    assert council.details_revision == 0

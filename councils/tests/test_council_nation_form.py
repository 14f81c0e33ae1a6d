"""A council's nation on its admin page: national admins set it, council staff only read it."""

from django.urls import reverse

from councils.models import Nation


def test_a_national_admin_moves_a_council_to_wales(admin_client, make_council):
    council = make_council()
    url = reverse("admin:councils_council_change", args=[council.pk])
    form = admin_client.get(url).context["adminform"].form
    data = {name: form.initial.get(name) or "" for name in form.fields}
    data |= {"nation": Nation.WALES, "opened_revision": council.details_revision}

    response = admin_client.post(url, data)

    assert response.status_code == 302, response.content.decode()[:2000]
    council.refresh_from_db()
    assert council.nation == Nation.WALES


def test_council_staff_see_the_nation_but_cannot_change_it(client, make_staff, make_council):
    council = make_council(nation=Nation.SCOTLAND)
    client.force_login(make_staff(council, "publisher"))
    page = client.get(reverse("admin:councils_council_change", args=[council.pk]))

    assert "nation" not in page.context["adminform"].form.fields
    assert "Scotland" in page.content.decode()

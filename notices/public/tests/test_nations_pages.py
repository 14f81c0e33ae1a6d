"""The public site across nations: the council index's nation filter, the Northern Ireland page,
and comparison tables that compare councils within one nation unless asked otherwise."""

import pytest
from django.urls import reverse

from councils.models import Nation


@pytest.fixture
def councils(make_council):
    return {
        Nation.ENGLAND: make_council(name="Ashby English Council"),
        Nation.WALES: make_council(name="Bryn Welsh Council", nation=Nation.WALES),
        Nation.SCOTLAND: make_council(name="Carn Scottish Council", nation=Nation.SCOTLAND),
    }


def test_the_index_lists_every_nation_and_filters_by_one(client, councils):
    every = client.get(reverse("councils:index")).content.decode()
    welsh = client.get(reverse("councils:index"), {"nation": "wales"}).content.decode()

    assert all(council.name in every for council in councils.values())
    assert "Bryn Welsh Council" in welsh
    assert "Ashby English Council" not in welsh and "Carn Scottish Council" not in welsh
    assert "1 of 3 councils matches" in " ".join(welsh.split())


def test_an_unknown_nation_is_a_form_error_not_a_500(client, councils):
    response = client.get(reverse("councils:index"), {"nation": "atlantis"})

    assert response.status_code == 400
    page = response.content.decode()
    assert "Choose England, Wales or Scotland from the list." in page
    assert 'href="#council-nation"' in page


def test_the_index_links_to_the_northern_ireland_page(client, councils):
    page = client.get(reverse("councils:index")).content.decode()
    assert reverse("councils:northern-ireland") in page


def test_choosing_northern_ireland_leads_to_the_page_that_explains_the_trusts(client, councils):
    response = client.get(reverse("councils:index"), {"nation": "northern-ireland"}, follow=True)

    assert response.redirect_chain == [(reverse("councils:northern-ireland"), 302)]
    assert "Health and Social Care Trusts" in response.content.decode()


def test_a_comparison_compares_english_councils_unless_asked_otherwise(client, demo):
    url = reverse("notices:compare-recipients")
    english = client.get(url).content.decode()
    welsh = client.get(url, {"nation": "wales"}).content.decode()
    every = client.get(url, {"nation": "all"}).content.decode()

    assert "Glanyrafon" not in english and "Harrowmere" in english
    assert "Glanyrafon" in welsh and "Harrowmere" not in welsh
    assert "Glanyrafon" in every and "Strathmorven" in every and "Harrowmere" in every


def test_a_comparison_of_an_unknown_nation_is_a_404(client, demo):
    response = client.get(reverse("notices:compare-retention"), {"nation": "mars"})
    assert response.status_code == 404

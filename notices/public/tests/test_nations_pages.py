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


def test_the_json_ld_names_the_nation_and_the_blocks_own_controller(client, demo):
    from notices.models import Notice

    notice = Notice.objects.get(council__slug="glanyrafon")
    latest = notice.versions.latest()
    url = reverse(
        "notices:version-jsonld",
        kwargs={"council_slug": "glanyrafon", "kind": notice.kind, "number": latest.number},
    )
    document = client.get(url).json()

    assert document["dct:spatial"] == {"dct:identifier": "GB-WLS", "rdfs:label": "Wales"}
    block = document["dct:hasPart"]
    assert block["dpv:hasDataController"]["dpv:hasName"] == "Welsh Government"


def test_the_bulk_export_carries_each_councils_nation_and_block_controller(client, demo):
    document = client.get(reverse("notices:bulk-json")).json()
    by_slug = {entry["council"]["slug"]: entry for entry in document["notices"]}

    assert by_slug["strathmorven"]["council"]["nation"] == {"code": "GB-SCT", "name": "Scotland"}
    assert by_slug["strathmorven"]["national_block"]["controller"] == "Scottish Government"
    assert by_slug["glanyrafon"]["national_block"] == {
        "controller": "Welsh Government",
        "nation": "wales",
        "version": 2,
    }
    assert by_slug["harrowmere"]["national_block"]["controller"] == "Department for Education"

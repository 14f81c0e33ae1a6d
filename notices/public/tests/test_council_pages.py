import pytest
from django.urls import reverse

from notices.testing.html import assert_well_formed_page, outline

pytestmark = pytest.mark.django_db


def test_index_lists_every_council_with_a_link_to_its_published_notice(
    client, make_notice, make_council, publish
):
    with_notice = publish(make_notice()).notice.council
    without_notice = make_council(name="Quiet Council", slug="quiet")
    unpublished = make_notice().council
    response = client.get(reverse("councils:index"))
    assert response.status_code == 200
    html = response.content.decode()
    assert_well_formed_page(html)
    hrefs = {a.attrs["href"] for a in outline(html).find_all("a")}
    assert f"/councils/{with_notice.slug}/" in hrefs
    assert f"/councils/{with_notice.slug}/childrens-social-care/" in hrefs
    assert "/councils/quiet/" in hrefs
    assert "No notice published yet." in html
    assert without_notice.name in html
    assert f"/councils/{unpublished.slug}/childrens-social-care/" not in hrefs


def test_index_with_no_councils_says_so(client, db):
    response = client.get(reverse("councils:index"))
    assert response.status_code == 200
    assert "No councils have joined yet." in response.content.decode()


def test_index_query_count_does_not_grow_with_councils(
    client, make_notice, publish, django_assert_max_num_queries
):
    publish(make_notice())
    with django_assert_max_num_queries(3) as few:
        client.get(reverse("councils:index"))
    for _ in range(10):
        publish(make_notice())
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get(reverse("councils:index"))


def test_council_page_shows_contacts_and_notices(client, make_notice, publish):
    council = publish(make_notice()).notice.council
    council.controller_address = "1 High Street\nTesttown\nTT1 1TT"
    council.general_privacy_notice_url = "https://council.example/privacy"
    council.save()
    response = client.get(council.get_absolute_url())
    assert response.status_code == 200
    html = response.content.decode()
    assert_well_formed_page(html)
    assert "1 High Street<br>Testtown<br>TT1 1TT" in html
    assert "dpo@council1.example" in html
    assert "Z1234567" in html
    assert "https://council.example/privacy" in html
    assert f"/councils/{council.slug}/childrens-social-care/" in html
    assert f"/councils/{council.slug}/childrens-social-care/history/" in html
    assert f"/councils/{council.slug}/feed/" in html


def test_council_without_dpo_contact_tells_people_how_to_reach_the_dpo(client, make_council):
    council = make_council(dpo_name="", dpo_email="")
    html = client.get(council.get_absolute_url()).content.decode()
    assert "ask for the Data Protection Officer" in html


def test_unknown_council_is_a_404(client, db):
    response = client.get("/councils/no-such-council/")
    assert response.status_code == 404
    assert "Page not found" in response.content.decode()


def test_every_demo_council_page_renders(client, demo):
    from councils.models import Council

    for council in Council.objects.all():
        response = client.get(council.get_absolute_url())
        assert response.status_code == 200, council.slug
        assert_well_formed_page(response.content.decode())


@pytest.fixture
def three_councils(make_council):
    return [
        make_council(name="Harrowmere Council", slug="harrowmere", kind="unitary"),
        make_council(name="North Ashby County Council", slug="north-ashby", kind="county"),
        make_council(name="Ashby Borough Council", slug="ashby", kind="london-borough"),
    ]


def listed_councils(response) -> list[str]:
    # Each council in the list is an h3; nothing else on the index is.
    return [text for level, text in outline(response.content.decode()).headings if level == 3]


def test_index_finds_councils_by_any_part_of_their_name(client, three_councils):
    response = client.get(reverse("councils:index"), {"q": "  ashby  "})
    assert response.status_code == 200
    assert listed_councils(response) == ["Ashby Borough Council", "North Ashby County Council"]
    assert "2 of 3 councils match" in response.content.decode()
    # Every word must match, in any order and any case.
    response = client.get(reverse("councils:index"), {"q": "COUNTY ashby"})
    assert listed_councils(response) == ["North Ashby County Council"]


def test_index_filters_by_kind_and_keeps_the_choice_in_the_form(client, three_councils):
    response = client.get(reverse("councils:index"), {"kind": "county", "q": ""})
    assert listed_councils(response) == ["North Ashby County Council"]
    options = outline(response.content.decode()).find_all("option")
    assert [option.attrs["value"] for option in options if "selected" in option.attrs] == ["county"]


def test_index_says_when_nothing_matches(client, three_councils):
    response = client.get(reverse("councils:index"), {"q": "Nowhere", "kind": "unitary"})
    assert response.status_code == 200
    assert listed_councils(response) == []
    assert "No council matches" in response.content.decode()


def test_index_refuses_an_unknown_kind_with_a_form_error(client, three_councils):
    response = client.get(reverse("councils:index"), {"kind": "parish"})
    assert response.status_code == 400
    html = response.content.decode()
    assert_well_formed_page(html)
    assert "Choose a kind of council from the list." in html
    assert html.count("govuk-error-message") == 1
    # Every council is still listed, so the page is still useful.
    assert len(listed_councils(response)) == 3


@pytest.mark.parametrize(
    "query",
    [
        "'; DROP TABLE councils_council; --",
        "<script>alert(1)</script>",
        "100%_\\",
        "x" * 1000,
        "nul\x00byte",
    ],
)
def test_index_treats_hostile_names_as_text(client, three_councils, query):
    response = client.get(reverse("councils:index"), {"q": query})
    assert response.status_code == 200
    html = response.content.decode()
    assert "<script>alert(1)</script>" not in html
    assert listed_councils(response) == []
    # A long query is cut to the input's own limit rather than refused.
    (name_input,) = [i for i in outline(html).find_all("input") if i.attrs.get("name") == "q"]
    value = name_input.attrs["value"]
    assert len(value) <= 100


def test_index_search_matches_percent_and_underscore_literally(client, make_council):
    make_council(name="Test_Council 100%", slug="odd")
    make_council(name="Testing Council 1000", slug="even")
    assert listed_councils(client.get(reverse("councils:index"), {"q": "_"})) == [
        "Test_Council 100%"
    ]
    assert listed_councils(client.get(reverse("councils:index"), {"q": "100%"})) == [
        "Test_Council 100%"
    ]


def test_the_index_lists_the_demo_councils_under_their_place_names(client, demo):
    response = client.get(reverse("councils:index"))

    assert listed_councils(response) == [
        "London Borough of Ashcombe Vale",
        "Brackendale Metropolitan Borough Council",
        "Glanyrafon County Borough Council",
        "Harrowmere County Council",
        "Kestrelford Council",
        "City of Merrowgate Corporation",
        "Strathmorven Council",
    ]


def test_a_filtered_index_keeps_place_name_order(client, three_councils):
    response = client.get(reverse("councils:index"), {"q": "ashby"})

    assert listed_councils(response) == ["Ashby Borough Council", "North Ashby County Council"]

import pytest
from django.urls import reverse

from notices.tests.html import assert_well_formed_page, outline

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

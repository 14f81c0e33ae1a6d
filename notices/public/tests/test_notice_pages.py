import pytest
from bs4 import BeautifulSoup
from django.test import RequestFactory
from django.urls import reverse
from django.views.defaults import server_error

from notices.models import Section
from notices.testing.html import assert_well_formed_page, outline

pytestmark = pytest.mark.django_db


def notice_url(council_slug: str, kind: str = "childrens-social-care") -> str:
    return reverse("notices:detail", kwargs={"council_slug": council_slug, "kind": kind})


def test_notice_page_shows_every_part_of_the_notice(client, make_notice, published_block, publish):
    notice = make_notice()
    publish(notice)
    response = client.get(notice_url(notice.council.slug))
    assert response.status_code == 200
    html = response.content.decode()
    assert_well_formed_page(html)
    headings = [text for _, text in outline(html).headings]
    assert headings[:5] == [
        "Children's social care privacy notice",
        "If you are a child or young person",
        "This notice at a glance",
        "Contents",
        "About this notice",
    ]
    assert headings.index("Why we use your information") < headings.index("Your rights")
    for text in [
        "Health checks",
        "Special category data (UK GDPR Article 9)",
        "To protect children from harm",
        "Only when necessary",
        "Article 6(1)(c): legal obligation",
        "Children Act 2004",
        "75 years",
        "The child&#x27;s date of birth",
        "The National Pupil Database",
        "dpo@council1.example",
        "0303 123 1113",
        "Wycliffe House",
        "Last updated",
    ]:
        assert text in html, text


def test_notice_page_renders_markdown_with_headings_under_the_section(client, make_notice, publish):
    notice = make_notice()
    publish(notice)
    html = client.get(notice_url(notice.council.slug)).content.decode()
    assert '<h2 class="govuk-heading-m" id="why-we-use-it">Why we use your information</h2>' in html
    assert "<h3>Planning care</h3>" in html
    assert "<strong>children's social care</strong>" in html


def test_contents_links_to_every_section_anchor(client, make_notice, publish):
    notice = make_notice()
    publish(notice)
    page = outline(client.get(notice_url(notice.council.slug)).content.decode())
    hrefs = {a.attrs["href"] for a in page.find_all("a")}
    html = client.get(notice_url(notice.council.slug)).content.decode()
    nav = BeautifulSoup(html, "html.parser").find("nav", class_="app-contents")
    contents = [a["href"] for a in nav.find_all("a")]
    ids = set(page.ids())
    # One entry per topic: a section is listed when it opens its topic, and keeps its id either way.
    for section in notice.sections.all():
        assert section.anchor in ids
    assert len(contents) == len(set(contents))
    assert all(href[1:] in ids for href in contents)
    assert "#why-we-use-it" in contents
    # The young people's summary comes before the contents list, so the list starts after it.
    assert "summary" in ids and "#summary" not in hrefs
    # The rows keep their ids inside their topics; "at a glance" links to the ones it sums up.
    for fixed in ["introduction", "data-categories", "recipients", "lawful-bases", "retention"]:
        assert fixed in ids
    for glanced in ["data-categories", "recipients", "retention", "contact"]:
        assert f"#{glanced}" in hrefs and glanced in ids


def test_hostile_markdown_in_a_section_is_sanitised_on_the_public_page(
    client, make_notice, publish
):
    notice = make_notice()
    Section.objects.create(
        notice=notice,
        position=9,
        heading="Injected",
        anchor="injected",
        ico_item="other",
        # Markdown on its own line: in CommonMark a line that opens with <script> is raw HTML
        # to its end, so a link written on it would stay inert text.
        body="<script>alert(1)</script><img src=x onerror=alert(2)>\n\n[x](javascript:alert(3))"
        '\n\n<iframe src="https://evil.example"></iframe>',
    )
    publish(notice)
    html = client.get(notice_url(notice.council.slug)).content.decode()
    assert "alert(" not in html
    assert "<iframe" not in html
    assert "onerror" not in html


def test_staff_text_in_plain_fields_is_escaped(client, make_notice, publish):
    notice = make_notice()
    Section.objects.create(
        notice=notice, position=9, heading="<b>bold</b>", anchor="b", ico_item="other", body="x"
    )
    publish(notice)
    html = client.get(notice_url(notice.council.slug)).content.decode()
    assert "&lt;b&gt;bold&lt;/b&gt;" in html


def test_notice_page_without_a_shared_block_still_renders(client, make_notice, publish):
    notice = make_notice()
    publish(notice)
    response = client.get(notice_url(notice.council.slug))
    assert response.status_code == 200
    assert 'id="shared-block"' not in response.content.decode()


def test_notice_page_query_count_does_not_grow_with_sections_or_versions(
    client, make_notice, published_block, publish, django_assert_num_queries
):
    notice = make_notice()
    publish(notice)
    url = notice_url(notice.council.slug)
    # The council's cache stamp, the notice, its current version.
    with django_assert_num_queries(3):
        client.get(url)
    for position in range(10, 40):
        Section.objects.create(
            notice=notice,
            position=position,
            heading=f"Extra {position}",
            anchor=f"extra-{position}",
            ico_item="other",
            body="More",
        )
        publish(notice, f"Added section {position}")
    with django_assert_num_queries(3):
        response = client.get(url)
    assert "Extra 39" in response.content.decode()


def test_unknown_council_is_a_styled_404(client):
    response = client.get(notice_url("no-such-council"))
    assert response.status_code == 404
    assert "Page not found" in response.content.decode()


def test_unknown_notice_kind_is_a_404(client, make_notice, publish):
    notice = make_notice()
    publish(notice)
    path = f"/councils/{notice.council.slug}/adult-social-care/"
    assert client.get(path).status_code == 404


def test_council_without_a_notice_has_no_notice_page(client, make_council):
    council = make_council()
    assert client.get(notice_url(council.slug)).status_code == 404


def test_a_notice_never_published_has_no_public_page(client, make_notice):
    notice = make_notice()
    assert client.get(notice_url(notice.council.slug)).status_code == 404
    council_page = client.get(notice.council.get_absolute_url()).content.decode()
    assert "has not published a notice here yet" in council_page


@pytest.mark.parametrize(
    "path",
    [
        "/councils/%00/childrens-social-care/",
        "/councils/../../etc/passwd/childrens-social-care/",
        "/councils/" + "a" * 3000 + "/childrens-social-care/",
        "/councils/caf%C3%A9/childrens-social-care/",
        "/councils/x'%20OR%201=1--/childrens-social-care/",
        "/councils/slug/childrens-social-care/extra/",
    ],
)
def test_malformed_notice_addresses_are_404_not_500(client, path):
    assert client.get(path).status_code == 404


def test_server_error_page_renders_without_a_database_or_url_lookups():
    response = server_error(RequestFactory().get("/"))
    assert response.status_code == 500
    assert "Sorry, there is a problem with the service" in response.content.decode()


def test_every_demo_council_has_a_complete_public_notice(client, demo):
    from councils.models import Council

    councils = list(Council.objects.all())
    assert len(councils) >= 5
    for council in councils:
        notice = council.notices.get()
        response = client.get(notice_url(council.slug))
        assert response.status_code == 200, council.slug
        html = response.content.decode()
        assert_well_formed_page(html)
        assert 'id="shared-block"' in html
        for section in notice.sections.all():
            assert f'id="{section.anchor}"' in html
        rows = html.count('<tr class="govuk-table__row" role="row">')
        rows += html.count('class="govuk-details app-details-list__item"')
        assert rows >= (
            notice.data_categories.count()
            + notice.recipients.count()
            + notice.lawful_bases.count()
            + notice.retention_periods.count()
        )


def test_notice_page_links_its_linked_data_and_marks_itself_as_the_privacy_policy(
    client, make_notice, publish
):
    notice = make_notice()
    publish(notice)
    slug = notice.council.slug
    links = outline(client.get(notice_url(slug)).content.decode()).find_all("link")
    rels = {(link.attrs["rel"], link.attrs.get("type", "")): link.attrs["href"] for link in links}
    assert rels[("alternate", "application/ld+json")] == (
        f"/councils/{slug}/childrens-social-care.jsonld"
    )
    assert rels[("privacy-policy", "")] == f"/councils/{slug}/childrens-social-care/"

    version_page = client.get(f"/councils/{slug}/childrens-social-care/versions/1/")
    links = outline(version_page.content.decode()).find_all("link")
    (jsonld,) = [link for link in links if link.attrs.get("type") == "application/ld+json"]
    assert jsonld.attrs["href"] == f"/councils/{slug}/childrens-social-care/versions/1.jsonld"
    assert client.get(jsonld.attrs["href"]).status_code == 200


def test_every_page_about_a_notice_names_the_notice_as_the_privacy_policy(
    client, make_notice, publish
):
    notice = make_notice()
    publish(notice)
    notice.title = "Retitled"
    notice.save()
    publish(notice, "Second")
    base = notice.get_absolute_url()
    for path in [base, f"{base}versions/1/", f"{base}history/", f"{base}compare/1...2/"]:
        links = outline(client.get(path).content.decode()).find_all("link")
        assert [link.attrs["href"] for link in links if link.attrs["rel"] == "privacy-policy"] == [
            base
        ], path

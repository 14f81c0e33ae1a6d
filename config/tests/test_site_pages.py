"""The pages about the site itself: the accessibility statement, robots.txt and the sitemap."""

import xml.etree.ElementTree as ET

import pytest
from django.conf import settings
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from notices.testing.html import assert_well_formed_page, outline

pytestmark = pytest.mark.django_db

SITEMAP_NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}


def test_accessibility_statement_follows_the_sample_statement_structure(client, settings):
    settings.SITE_CONTACT_EMAIL = "access@notices.example"
    response = client.get(reverse("accessibility-statement"))
    assert response.status_code == 200
    html = response.content.decode()
    assert_well_formed_page(html)
    headings = [text for level, text in outline(html).headings if level <= 2]
    assert headings[: headings.index("About this site")] == [
        "Accessibility statement for Council privacy notices",
        "How accessible this website is",
        "Feedback and contact information",
        "Reporting accessibility problems with this website",
        "Enforcement procedure",
        "Technical information about this website's accessibility",
        "Non-accessible content",
        "What we're doing to improve accessibility",
        "Preparation of this accessibility statement",
    ]
    assert "Compliance status" in html
    assert 'href="mailto:access@notices.example"' in html


def test_every_public_page_links_to_the_accessibility_statement(client, make_council):
    make_council()
    statement = reverse("accessibility-statement")
    for path in ["/", "/councils/test-council-1/", "/councils/no-such-council/"]:
        page = outline(client.get(path).content.decode())
        links = {a.attrs.get("href") for a in page.find_all("a")}
        assert statement in links, path


def test_robots_txt_allows_the_public_pages_and_names_the_sitemap(client):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    body = response.content.decode()
    assert "Disallow: /admin/" in body
    assert "Allow: /" in body
    assert f"Sitemap: {settings.SITE_URL}/sitemap.xml" in body


def test_sitemap_lists_councils_published_notices_and_every_version(
    client, make_council, make_notice, publish
):
    notice = make_notice()
    publish(notice)
    notice.title = "A new title"
    notice.save()
    publish(notice, "Second")
    unpublished = make_notice()
    quiet = make_council(slug="quiet")

    response = client.get("/sitemap.xml")

    assert response.status_code == 200
    root = ET.fromstring(response.content)  # noqa: S314 (our own page)
    locations = {loc.text for loc in root.findall("s:url/s:loc", SITEMAP_NS)}
    base = f"{settings.SITE_URL}/councils/{notice.council.slug}/"
    assert {
        base,
        f"{base}childrens-social-care/",
        f"{base}childrens-social-care/versions/1/",
        f"{base}childrens-social-care/versions/2/",
        f"{settings.SITE_URL}/councils/{quiet.slug}/",
        f"{settings.SITE_URL}/councils/{unpublished.council.slug}/",
    } == locations
    lastmods = [el.text for el in root.findall("s:url/s:lastmod", SITEMAP_NS)]
    assert len(lastmods) == 4  # the notice, its two versions and its council


def test_sitemap_query_count_does_not_grow_with_councils_or_versions(client, make_notice, publish):
    def queries_for_sitemap() -> int:
        with CaptureQueriesContext(connection) as queries:
            assert client.get("/sitemap.xml").status_code == 200
        return len(queries)

    publish(make_notice())
    few = queries_for_sitemap()
    for _ in range(4):
        notice = make_notice()
        publish(notice)
        notice.title = "Retitled"
        notice.save()
        publish(notice, "Second")
    # The cache stamp, then a count and a page of each of the three lists.
    assert queries_for_sitemap() == few == 7

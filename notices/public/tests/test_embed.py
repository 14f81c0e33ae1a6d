"""Embedding a council's notice: the embed pages, the oEmbed endpoint and its discovery link, and
which websites may frame the notice."""

import pytest
from django.core.exceptions import ValidationError

from councils.models import Council

pytestmark = pytest.mark.django_db

KIND = "childrens-social-care"


@pytest.fixture(autouse=True)
def site_at_testserver(settings):
    """Absolute links are on the configured site address; here it is the test client's host."""
    settings.SITE_URL = "http://testserver"


@pytest.fixture
def notice(make_notice, published_block, publish):
    notice = make_notice()
    publish(notice, "First published")
    notice.sections.filter(anchor="your-rights").update(body="You can ask us to correct records.")
    publish(notice, "Rights reworded", major=False)
    return notice


def frame_ancestors(response) -> str:
    policy = response["Content-Security-Policy"]
    return next(d for d in policy.split(";") if "frame-ancestors" in d).strip()


def test_embed_page_is_the_notice_alone_with_its_version_and_history_link(client, notice):
    slug = notice.council.slug
    response = client.get(f"/councils/{slug}/{KIND}/embed/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Version 2, published" in html
    assert f"/councils/{slug}/{KIND}/history/" in html
    assert "You can ask us to correct records." in html
    assert "govuk-footer" not in html and "govuk-service-navigation" not in html
    assert "js/embed-frame.js" in html
    old = client.get(f"/councils/{slug}/{KIND}/versions/1/embed/").content.decode()
    assert "Version 1, published" in old and "since been replaced" in old
    assert f"/councils/{slug}/{KIND}/versions/1/" in old


def test_only_the_councils_listed_sites_may_frame_it(client, notice):
    path = f"/councils/{notice.council.slug}/{KIND}/embed/"
    refused = client.get(path)
    assert frame_ancestors(refused) == "frame-ancestors 'none'"
    assert refused["X-Frame-Options"] == "DENY"
    notice.council.embed_origins = "https://www.example.gov.uk\nhttps://*.example.gov.uk"
    notice.council.save()
    allowed = client.get(path)
    assert frame_ancestors(allowed) == (
        "frame-ancestors https://www.example.gov.uk https://*.example.gov.uk"
    )
    assert "X-Frame-Options" not in allowed
    # The ordinary notice page is still never framed.
    page = client.get(f"/councils/{notice.council.slug}/{KIND}/")
    assert frame_ancestors(page) == "frame-ancestors 'none'"


@pytest.mark.parametrize(
    "text",
    [
        "www.example.gov.uk",
        "https://www.example.gov.uk/privacy",
        "https://example.gov.uk; script-src *",
        "'self'",
        "javascript:alert(1)",
        "https://exa mple.gov.uk",
        "https://example.gov.uk\u202e",
        "\n".join(f"https://site{n}.example.gov.uk" for n in range(21)),
    ],
)
def test_embed_origins_that_are_not_bare_web_addresses_are_refused(make_council, text):
    council = make_council()
    council.embed_origins = text
    with pytest.raises(ValidationError):
        council.full_clean()
    assert Council.objects.get(pk=council.pk).embed_origins == ""


def test_embed_origins_are_tidied(make_council):
    council = make_council()
    council.embed_origins = "  HTTPS://Www.Example.gov.uk/ \n\n http://127.0.0.2:8123\n"
    council.full_clean()
    assert council.embed_origin_list == ["https://www.example.gov.uk", "http://127.0.0.2:8123"]


def test_notice_page_has_the_oembed_discovery_link(client, notice):
    html = client.get(f"/councils/{notice.council.slug}/{KIND}/").content.decode()
    assert 'type="application/json+oembed"' in html
    assert "/oembed?url=http%3A%2F%2Ftestserver%2Fcouncils%2F" in html


def test_oembed_gives_a_rich_frame_of_the_embed_page(client, notice):
    slug = notice.council.slug
    response = client.get("/oembed", {"url": f"http://testserver/councils/{slug}/{KIND}/"})
    assert response.status_code == 200
    data = response.json()
    assert data["version"] == "1.0" and data["type"] == "rich"
    assert f'src="http://testserver/councils/{slug}/{KIND}/embed/"' in data["html"]
    assert "js/embed-host.js" in data["html"]
    assert data["author_name"] == notice.council.name
    version = client.get(
        "/oembed",
        {"url": f"http://testserver/councils/{slug}/{KIND}/versions/1/", "maxheight": "300"},
    ).json()
    assert f"/councils/{slug}/{KIND}/versions/1/embed/" in version["html"]
    assert version["height"] == 300


@pytest.mark.parametrize(
    "params, status",
    [
        ({}, 400),
        ({"url": ""}, 400),
        ({"url": "http://testserver/councils/nowhere/" + KIND + "/"}, 404),
        ({"url": "http://elsewhere.example/councils/{slug}/" + KIND + "/"}, 404),
        ({"url": "http://testserver/search/"}, 404),
        ({"url": "http://testserver/councils/{slug}/" + KIND + "/versions/9/"}, 404),
        ({"url": "http://testserver/councils/{slug}/" + KIND + "/", "format": "xml"}, 501),
        ({"url": "http://testserver/councils/{slug}/" + KIND + "/", "maxwidth": "0600"}, 400),
        ({"url": "http://testserver/councils/{slug}/" + KIND + "/", "maxwidth": "wide"}, 400),
        ({"url": "http://testserver/councils/{slug}/" + KIND + "/", "colour": "red"}, 400),
        ({"url": "http://testserver/\x00"}, 400),
        ({"url": "x" * 3000}, 400),
        ({"url": "\ufffd"}, 400),
        ({"url": "ftp://testserver/"}, 404),
    ],
)
def test_oembed_refuses_what_it_cannot_embed(client, notice, params, status):
    params = {k: v.format(slug=notice.council.slug) for k, v in params.items()}
    assert client.get("/oembed", params).status_code == status


@pytest.mark.parametrize(
    "path",
    [
        "/councils/nowhere/" + KIND + "/embed/",
        "/councils/{slug}/" + KIND + "/versions/9/embed/",
        "/councils/{slug}/" + KIND + "/versions/99999999999/embed/",
        "/councils/{slug}/other-kind/embed/",
    ],
)
def test_embed_pages_that_do_not_exist_are_404(client, notice, path):
    assert client.get(path.format(slug=notice.council.slug)).status_code == 404

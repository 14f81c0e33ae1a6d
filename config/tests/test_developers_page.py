"""The developer page: the snippets it gives work against the site as it is."""

import re
from html import unescape

import pytest

from notices.testing.html import assert_well_formed_page

pytestmark = pytest.mark.django_db


def test_developer_page_gives_working_snippets(client, settings):
    response = client.get("/developers/")
    assert response.status_code == 200
    html = response.content.decode()
    assert_well_formed_page(html)
    snippet = unescape(re.search(r'id="embed-snippet"[^>]*>(.*?)</textarea>', html, re.S).group(1))
    assert (
        f'src="{settings.SITE_URL}/councils/your-council/childrens-social-care/embed/"' in snippet
    )
    assert "/static/js/embed-host.js" in snippet
    assert "/api/v1/openapi.json" in html
    assert client.get("/api/v1/openapi.json").status_code == 200


def test_every_page_links_to_the_developer_page(client):
    assert 'href="/developers/"' in client.get("/").content.decode()

"""What every page carries: the favicon (also at /favicon.ico, where browsers look for it
unasked) and the footer's links in plain words."""

import re

import pytest
from django.contrib.staticfiles import finders
from django.urls import reverse

from notices.testing.html import outline

pytestmark = pytest.mark.django_db


def test_the_favicon_is_served_at_the_sites_root(client):
    response = client.get("/favicon.ico")

    assert response.status_code == 200
    body = b"".join(response.streaming_content)
    assert body[:4] == b"\x00\x00\x01\x00"  # an ICO file's header
    assert int.from_bytes(body[4:6], "little") >= 2  # small and large sizes


def test_every_page_links_its_icons_and_each_exists(client):
    html = client.get(reverse("councils:index")).content.decode()

    icons = [
        link.attrs
        for link in outline(html).find_all("link")
        if link.attrs.get("rel") in {"icon", "apple-touch-icon"}
    ]
    hrefs = [icon["href"] for icon in icons]
    assert "/favicon.ico" in hrefs
    assert any(href.endswith("favicon.svg") for href in hrefs)
    for href in hrefs:
        if href.startswith("/static/"):
            assert finders.find(href.removeprefix("/static/")), href
            assert client.get(href).status_code == 200
    svg = finders.find("images/favicon.svg")
    with open(svg, encoding="utf-8") as file:
        assert file.read().lstrip().startswith("<svg")


def test_the_footer_names_updates_and_data_in_plain_words(client):
    html = client.get(reverse("councils:index")).content.decode()
    footer = html[html.index('<footer class="govuk-footer">') :]

    links = {
        re.sub(r"<[^>]+>", "", text).strip(): href
        for href, text in re.findall(
            r'<a class="govuk-footer__link" href="([^"]+)"[^>]*>(.*?)</a>', footer
        )
    }
    # One way in to updates: email alerts, whose page also points feed readers to theirs.
    assert links["Get updates"] == reverse("alerts:subscribe-all")
    assert links["Data for developers"] == reverse("developers")
    for text in links:
        assert "JSON" not in text and "Atom" not in text, text


def test_the_developers_page_explains_updates_and_the_download(client):
    html = client.get(reverse("developers")).content.decode()

    assert 'id="updates"' in html and 'id="download"' in html
    assert f'href="{reverse("notices:all-feed")}"' in html
    assert f'href="{reverse("notices:bulk-json")}" download' in html
    link_texts = re.findall(r"<a [^>]*>(.*?)</a>", html)
    assert not [text for text in link_texts if "(JSON)" in text or "(Atom feed)" in text]

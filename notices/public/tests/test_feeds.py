"""The Atom feeds: valid Atom (RFC 4287), one entry per major version, change notes as text."""

import datetime
import xml.etree.ElementTree as ET

import pytest
from django.urls import reverse

from notices.models import Section, SharedBlockPart
from notices.publishing.shared_block import publish_shared_block

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"


def parse_rfc3339(text: str) -> datetime.datetime:
    moment = datetime.datetime.fromisoformat(text)
    assert moment.tzinfo is not None, f"{text} has no time zone"
    return moment


def assert_valid_atom(xml: bytes) -> ET.Element:
    """The elements and attributes RFC 4287 requires of a feed and of each entry."""
    feed = ET.fromstring(xml)  # noqa: S314 (the site's own output, in a test)
    assert feed.tag == f"{ATOM}feed"
    for required in ("id", "title", "updated"):
        assert len(feed.findall(f"{ATOM}{required}")) == 1, f"feed needs one {required}"
    parse_rfc3339(feed.findtext(f"{ATOM}updated"))
    assert feed.find(f"{ATOM}link[@rel='self']") is not None
    entries = feed.findall(f"{ATOM}entry")
    feed_has_author = feed.find(f"{ATOM}author/{ATOM}name") is not None
    ids = set()
    for entry in entries:
        for required in ("id", "title", "updated"):
            assert len(entry.findall(f"{ATOM}{required}")) == 1, f"entry needs one {required}"
        parse_rfc3339(entry.findtext(f"{ATOM}updated"))
        assert entry.find(f"{ATOM}link[@rel='alternate']") is not None
        assert feed_has_author or entry.find(f"{ATOM}author/{ATOM}name") is not None
        ids.add(entry.findtext(f"{ATOM}id"))
    assert len(ids) == len(entries), "entry ids must be unique"
    return feed


@pytest.fixture
def history(make_notice, published_block, publish):
    """Two councils: one with a major, a minor and a major version; one with a single version."""
    busy, quiet = make_notice(), make_notice()
    publish(busy, "First version")
    Section.objects.filter(notice=busy).update(body="Fixed a typo")
    publish(busy, "Fixed a typo", major=False)
    # Reworded rather than deleted: a notice without a rights section cannot be published.
    Section.objects.filter(notice=busy, anchor="your-rights").update(
        heading="Your rights and choices", body="You can see your records and correct them."
    )
    publish(busy, "Removed the <rights> section & merged it")
    publish(quiet, "First version")
    return busy, quiet


def test_the_all_councils_feed_has_an_entry_per_major_version(client, history):
    busy, quiet = history
    response = client.get(reverse("notices:all-feed"))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    feed = assert_valid_atom(response.content)
    entries = feed.findall(f"{ATOM}entry")
    assert len(entries) == 3, "two majors from one council, one from the other; no minor"
    titles = [entry.findtext(f"{ATOM}title") for entry in entries]
    assert any(busy.council.name in title and "version 3" in title for title in titles)
    assert not any("version 2" in title and busy.council.name in title for title in titles)
    links = [entry.find(f"{ATOM}link").attrib["href"] for entry in entries]
    assert any(
        link.endswith(f"/councils/{busy.council.slug}/childrens-social-care/versions/3/")
        for link in links
    )


def test_a_change_note_reaches_the_feed_as_text_not_markup(client, history):
    feed = assert_valid_atom(client.get(reverse("notices:all-feed")).content)
    summaries = [entry.findtext(f"{ATOM}summary") for entry in feed.findall(f"{ATOM}entry")]
    # The summary is HTML; the note's own angle brackets must arrive escaped inside it.
    assert "Removed the &lt;rights&gt; section &amp; merged it" in summaries


def test_a_council_feed_has_only_that_councils_major_versions(client, history):
    busy, quiet = history
    response = client.get(reverse("notices:council-feed", args=[quiet.council.slug]))
    feed = assert_valid_atom(response.content)
    entries = feed.findall(f"{ATOM}entry")
    assert len(entries) == 1
    assert quiet.council.name in entries[0].findtext(f"{ATOM}title")


def test_a_block_update_appears_in_every_councils_feed(client, history, published_block):
    busy, quiet = history
    SharedBlockPart.objects.filter(block=published_block).update(body="New")
    publish_shared_block(published_block, by=None, change_note="DfE changed", is_major=True)
    for notice in history:
        feed = assert_valid_atom(
            client.get(reverse("notices:council-feed", args=[notice.council.slug])).content
        )
        summaries = [entry.findtext(f"{ATOM}summary") for entry in feed.findall(f"{ATOM}entry")]
        assert any("DfE changed" in summary for summary in summaries)


def test_feeds_with_no_versions_are_still_valid(client, make_council):
    council = make_council()
    assert_valid_atom(client.get(reverse("notices:all-feed")).content)
    assert_valid_atom(client.get(reverse("notices:council-feed", args=[council.slug])).content)


def test_unknown_council_feed_is_404(client):
    assert client.get("/councils/no-such-council/feed/").status_code == 404


def test_control_characters_stored_before_the_input_policy_cannot_break_the_feeds(
    client, make_notice, publish
):
    notice = make_notice()
    # Stored as it was before the policy: no validator runs on a queryset update or a publish.
    type(notice).objects.filter(pk=notice.pk).update(title="Privacy\x01 notice\x0b")
    notice.refresh_from_db()
    publish(notice, "Corrected\x01 the\x1f contacts")
    type(notice.council).objects.filter(pk=notice.council.pk).update(name="Harrow\x02mere")
    for url in (
        reverse("notices:all-feed"),
        reverse("notices:council-feed", kwargs={"council_slug": notice.council.slug}),
    ):
        response = client.get(url)
        assert response.status_code == 200
        feed = assert_valid_atom(response.content)
        entry = feed.find(f"{ATOM}entry")
        assert "Privacy notice" in entry.findtext(f"{ATOM}title")
        assert "Harrowmere" in entry.findtext(f"{ATOM}title")
        assert "Corrected the contacts" in entry.findtext(f"{ATOM}summary")

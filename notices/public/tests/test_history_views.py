"""The public history: the current version, every past version, comparisons and dates."""

import datetime
import re
import zoneinfo

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import timezone

from notices.models import NoticeRecipient, Recipient, Section, SharedBlockPart
from notices.publishing.shared_block import publish_shared_block
from notices.testing.html import assert_well_formed_page, outline

pytestmark = pytest.mark.django_db

LONDON = zoneinfo.ZoneInfo("Europe/London")


def at(day: str, hour: int = 12) -> datetime.datetime:
    return datetime.datetime.combine(
        datetime.date.fromisoformat(day), datetime.time(hour), tzinfo=LONDON
    )


def url(name: str, notice, **kwargs) -> str:
    return reverse(
        f"notices:{name}",
        kwargs={"council_slug": notice.council.slug, "kind": notice.kind, **kwargs},
    )


@pytest.fixture
def three_versions(make_notice, published_block, publish):
    """Version 1 (major), 2 (minor wording fix), 3 (major: a section added, a recipient removed),
    published on 10 Jan, 10 Mar and 10 Jun 2025."""
    notice = make_notice()
    # A second recipient, so that version 3 still lists one once the police are gone.
    schools, _ = Recipient.objects.get_or_create(
        slug="schools", defaults={"name": "Schools", "kind": Recipient.Kind.EDUCATION}
    )
    NoticeRecipient.objects.create(
        notice=notice,
        recipient=schools,
        purpose="To support children's education",
        frequency=NoticeRecipient.Frequency.ROUTINELY,
    )
    publish(notice, "First version", published_at=at("2025-01-10"))
    Section.objects.filter(notice=notice, anchor="your-rights").update(
        body="You can ask for a copy of your whole record."
    )
    publish(notice, "Clearer wording about your rights", major=False, published_at=at("2025-03-10"))
    Section.objects.create(
        notice=notice,
        position=3,
        heading="Automated decisions",
        anchor="automated-decisions",
        ico_item="automated-decisions",
        body="No computer makes decisions about you on its own.",
    )
    NoticeRecipient.objects.filter(notice=notice, recipient__slug="police").delete()
    publish(
        notice,
        "Added automated decisions; stopped sharing with the police",
        published_at=at("2025-06-10"),
    )
    return notice


def test_the_notice_page_shows_the_latest_version_and_the_last_major_change(client, three_versions):
    Section.objects.filter(notice=three_versions).update(body="Unpublished draft text")
    html = client.get(url("detail", three_versions)).content.decode()
    assert "No computer makes decisions about you on its own." in html
    assert "Unpublished draft text" not in html
    assert 'Last updated <time datetime="2025-06-10">10 June 2025</time>' in html
    assert url("history", three_versions) in html
    assert "This is not the current version" not in html


def test_last_updated_is_the_last_major_change_not_a_later_minor_one(
    client, three_versions, publish
):
    Section.objects.filter(notice=three_versions, anchor="automated-decisions").update(
        body="No computer makes decisions about you by itself."
    )
    publish(three_versions, "Wording", major=False, published_at=at("2025-08-01"))
    html = client.get(url("detail", three_versions)).content.decode()
    assert 'Last updated <time datetime="2025-06-10">' in html
    assert "Version 4, published" in html


def test_history_lists_every_version_newest_first_with_notes_and_links(client, three_versions):
    response = client.get(url("history", three_versions))
    assert response.status_code == 200
    html = response.content.decode()
    assert_well_formed_page(html)
    rows = [text for _, text in outline(html).headings]
    assert "All versions of this notice" in rows
    positions = [html.index(f"Version {n}") for n in (3, 2, 1)]
    assert positions == sorted(positions)
    assert "Clearer wording about your rights" in html and "Minor change" in html
    assert "Major change" in html
    assert url("version", three_versions, number=1) in html
    assert url("compare", three_versions, old=2, new=3) in html


def test_a_past_version_is_shown_as_published_with_a_banner(client, three_versions):
    response = client.get(url("version", three_versions, number=1))
    html = response.content.decode()
    assert response.status_code == 200
    assert_well_formed_page(html)
    assert "This is not the current version" in html
    assert "You can ask for a copy of your records." in html
    assert "Automated decisions" not in html
    assert "To protect children from harm" in html, "the police were a recipient in version 1"
    assert url("compare", three_versions, old=1, new=3) in html
    canonical = f"{settings.SITE_URL}{url('version', three_versions, number=1)}"
    assert f'<link rel="canonical" href="{canonical}">' in html


def test_the_current_version_at_its_own_address_has_no_banner(client, three_versions):
    html = client.get(url("version", three_versions, number=3)).content.decode()
    assert "This is not the current version" not in html


def test_a_past_version_embeds_the_block_it_was_published_with(
    client, three_versions, published_block
):
    SharedBlockPart.objects.filter(block=published_block).update(body="The new block wording.")
    publish_shared_block(published_block, by=None, change_note="New wording", is_major=True)
    old = client.get(url("version", three_versions, number=3)).content.decode()
    new = client.get(url("detail", three_versions)).content.decode()
    assert "The Department keeps a national database." in old
    assert "The new block wording." not in old
    assert "The new block wording." in new
    history = client.get(url("history", three_versions)).content.decode()
    assert "The Department for Education section" in history


def test_compare_marks_changed_words_added_sections_and_removed_recipients(client, three_versions):
    response = client.get(url("compare", three_versions, old=1, new=3))
    assert response.status_code == 200
    html = response.content.decode()
    assert_well_formed_page(html)
    assert "<ins" in html and "<del" in html
    assert "whole" in html
    assert "Automated decisions" in html
    assert "Police" in html


@pytest.mark.parametrize(
    ("params", "status"),
    [
        ({"old": 3, "new": 1}, 302),
        ({"old": 1, "new": 99}, 404),
        ({"old": 0, "new": 2}, 404),
        ({"old": 1, "new": 10**30}, 404),
        ({"old": "01", "new": 2}, 404),
        ({"old": 1, "new": "0003"}, 404),
    ],
)
def test_compare_bad_version_numbers(client, three_versions, params, status):
    # Written out by hand: the URL patterns would not make the malformed ones.
    notice_page = url("detail", three_versions)
    response = client.get(f"{notice_page}compare/{params['old']}...{params['new']}/")
    assert response.status_code == status


def test_a_reversed_comparison_redirects_to_the_right_order(client, three_versions):
    response = client.get(url("compare", three_versions, old=3, new=1))
    assert response["Location"] == url("compare", three_versions, old=1, new=3)


def test_comparing_a_version_with_itself_says_so(client, three_versions):
    response = client.get(url("compare", three_versions, old=2, new=2))
    assert response.status_code == 200
    assert "nothing to compare" in response.content.decode()


@pytest.mark.parametrize("suffix", ["compare/abc...2/", "compare/1..2/", "compare/-1...2/"])
def test_malformed_comparison_addresses_are_404(client, three_versions, suffix):
    assert client.get(url("detail", three_versions) + suffix).status_code == 404


def test_the_comparison_form_redirects_and_refuses_junk(client, three_versions):
    choose = url("choose-comparison", three_versions)
    response = client.get(choose, {"old": "3", "new": "1"})
    assert response["Location"] == url("compare", three_versions, old=1, new=3)
    bad = client.get(choose, {"old": "one", "new": "<script>"})
    assert bad.status_code == 400
    assert "Choose two versions" in bad.content.decode()


@pytest.mark.parametrize(
    ("day", "expected"),
    [("2025-01-10", 1), ("2025-03-09", 1), ("2025-03-10", 2), ("2025-06-01", 2), ("2026-01-01", 3)],
)
def test_at_a_date_shows_the_version_in_force_that_day(client, three_versions, day, expected):
    response = client.get(url("detail", three_versions), {"at": day})
    assert response.status_code == 200
    html = response.content.decode()
    assert f"Version {expected}, published" in html
    canonical = url("version", three_versions, number=expected)
    assert f'<link rel="canonical" href="{settings.SITE_URL}{canonical}">' in html


@pytest.mark.parametrize("day", ["2025-13-01", "yesterday", "2025-02-30", "1" * 500, "2025/01/10"])
def test_a_malformed_date_is_a_400_with_an_explanation(client, three_versions, day):
    response = client.get(url("detail", three_versions), {"at": day})
    assert response.status_code == 400
    html = response.content.decode()
    assert_well_formed_page(html)
    assert re.search(r'<a href="#at-(day|month|year)">Date must be a real date</a>', html)
    assert "1" * 50 not in html


def test_a_future_date_is_a_400_that_points_to_the_current_version(client, three_versions):
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    response = client.get(url("detail", three_versions), {"at": tomorrow.isoformat()})
    assert response.status_code == 400
    html = response.content.decode()
    assert "Date must be today or in the past" in html
    assert url("detail", three_versions) in html


@pytest.mark.parametrize(
    ("day", "month", "year", "expected"),
    [
        ("10", "1", "2025", 1),
        ("9", "March", "2025", 1),
        ("10", "mar", "2025", 2),
        (" 1 ", "01", "2026", 3),
    ],
)
def test_the_date_boxes_show_the_version_in_force_that_day(
    client, three_versions, day, month, year, expected
):
    params = {"at-day": day, "at-month": month, "at-year": year}
    response = client.get(url("detail", three_versions), params)
    assert response.status_code == 200
    assert f"Version {expected}, published" in response.content.decode()


@pytest.mark.parametrize(
    ("day", "month", "year", "message", "marked"),
    [
        ("", "", "", "Enter the date", {"day", "month", "year"}),
        ("10", "", "2025", "Date must include a month", {"month"}),
        ("", "", "2025", "Date must include a day and month", {"day", "month"}),
        ("10", "1", "", "Date must include a year", {"year"}),
        ("10", "1", "25", "Year must include 4 numbers", {"year"}),
        ("30", "2", "2025", "Date must be a real date", {"day", "month", "year"}),
        ("10", "13", "2025", "Date must be a real date", {"month"}),
        ("ten", "1", "2025", "Date must be a real date", {"day"}),
        ("١", "1", "2025", "Date must be a real date", {"day"}),  # an Arabic-Indic one
        ("<script>", "1" * 5000, "2025", "Date must be a real date", {"day", "month"}),
        ("1", "1", "9999", "Date must be today or in the past", {"day", "month", "year"}),
    ],
)
def test_a_wrong_date_in_the_boxes_is_a_400_with_govuk_messages(
    client, three_versions, day, month, year, message, marked
):
    params = {"at-day": day, "at-month": month, "at-year": year}
    response = client.get(url("detail", three_versions), params)

    assert response.status_code == 400
    html = response.content.decode()
    assert_well_formed_page(html)
    assert html.count("There is a problem") == 1
    first = next(part for part in ("day", "month", "year") if part in marked)
    assert f'<a href="#at-{first}">{message}</a>' in html
    assert f'<span class="govuk-visually-hidden">Error:</span> {message}</p>' in html
    assert "<title>Error: " in html
    for part in ("day", "month", "year"):
        box = re.search(rf'<input class="([^"]*)" id="at-{part}"', html).group(1)
        assert ("govuk-input--error" in box) == (part in marked), part
    assert "<script>" not in html[html.index("<main") :]
    assert "1" * 21 not in html


def test_a_date_in_the_boxes_before_the_first_version_is_a_404_with_the_form(
    client, three_versions
):
    params = {"at-day": "9", "at-month": "1", "at-year": "2025"}
    response = client.get(url("detail", three_versions), params)

    assert response.status_code == 404
    html = response.content.decode()
    assert "first published on 10 January 2025" in html
    assert 'id="at-day"' in html and 'value="9"' in html


def test_the_history_page_asks_for_a_date_in_three_boxes(client, three_versions):
    html = client.get(url("history", three_versions)).content.decode()

    assert 'type="date"' not in html
    for part in ("day", "month", "year"):
        assert f'<label class="govuk-label govuk-date-input__label" for="at-{part}">' in html
        assert f'name="at-{part}" type="text" inputmode="numeric"' in html
    assert '<fieldset class="govuk-fieldset" role="group" aria-describedby="at-hint">' in html


@pytest.mark.parametrize("day", ["2025-01-09", "0001-01-01"])
def test_a_date_before_the_first_version_is_a_404_naming_the_first(client, three_versions, day):
    response = client.get(url("detail", three_versions), {"at": day})
    assert response.status_code == 404
    assert "first published on 10 January 2025" in response.content.decode()


def test_version_pages_of_unknown_things_are_404(client, three_versions, make_notice):
    assert client.get(url("version", three_versions, number=4)).status_code == 404
    version_1 = url("version", three_versions, number=1)
    for number in ("0", "01", "10" * 15):
        assert client.get(version_1.replace("/1/", f"/{number}/")).status_code == 404
    unpublished = make_notice()
    for name in ("history", "detail"):
        assert client.get(url(name, unpublished)).status_code == 404
    assert client.get(url("version", unpublished, number=1)).status_code == 404
    assert client.get("/councils/no-such-council/childrens-social-care/history/").status_code == 404


def test_public_pages_query_count_does_not_grow_with_versions(
    client, three_versions, publish, django_assert_num_queries, django_assert_max_num_queries
):
    pages = [
        url("detail", three_versions),
        url("history", three_versions),
        url("version", three_versions, number=2),
        url("compare", three_versions, old=1, new=3),
    ]
    counts = {}
    for page in pages:
        with django_assert_max_num_queries(6) as captured:
            client.get(page)
        counts[page] = len(captured.captured_queries)
    for number in range(4, 14):
        Section.objects.filter(notice=three_versions, anchor="your-rights").update(
            body=f"Wording number {number}."
        )
        publish(three_versions, f"Change {number}")
    for page in pages:
        with django_assert_num_queries(counts[page]):
            assert client.get(page).status_code == 200

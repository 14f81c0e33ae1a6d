"""The demo notices as families read them: one place per topic, nothing lost on the way.

The words check compares, part by part, the words a version's snapshot holds with the words of
the page part that shows them: a layout change may move words, never drop them."""

import re
from collections import Counter

import pytest
from bs4 import BeautifulSoup, Tag

from councils.models import Council
from notices.models import NoticeVersion
from notices.text.markdown import render_markdown

pytestmark = pytest.mark.django_db

DEMO_COUNCILS = ["ashcombe-vale", "brackendale", "harrowmere", "kestrelford", "merrowgate"]
MAX_CONTENTS = 12


def words(text: str) -> Counter:
    return Counter(re.findall(r"[\w'’]+", text.casefold().replace("’", "'")))


def markdown_words(markdown: str) -> Counter:
    return words(BeautifulSoup(render_markdown(markdown), "html.parser").get_text(" "))


def rows_words(rows: list[dict], fields: tuple[str, ...]) -> Counter:
    found = Counter()
    for row in rows:
        for field in fields:
            found += words(str(row.get(field) or ""))
    return found


def current_page(client, slug: str) -> tuple[dict, BeautifulSoup]:
    council = Council.objects.get(slug=slug)
    notice = council.notices.get()
    version = NoticeVersion.objects.filter(notice=notice).order_by("-number").first()
    html = client.get(notice.get_absolute_url()).content.decode()
    return version, BeautifulSoup(html, "html.parser")


def topic_of(page: BeautifulSoup, element_id: str) -> Tag:
    return page.find(id=element_id).find_parent("section")


def missing(expected: Counter, part: Tag) -> Counter:
    return expected - words(part.get_text(" "))


@pytest.mark.parametrize("slug", DEMO_COUNCILS)
def test_every_word_of_the_published_version_is_on_the_page_in_its_topic(client, demo, slug):
    version, page = current_page(client, slug)
    snapshot = version.snapshot
    notice = snapshot["notice"]
    expected: dict[str, Counter] = {
        "summary": markdown_words(notice["young_people_summary"]),
        "introduction": markdown_words(notice["introduction"]),
    }
    parts = {"summary": page.find(id="summary").find_parent("section")}
    parts["introduction"] = topic_of(page, "introduction")

    def expect(element_id: str, found: Counter) -> None:
        key = topic_of(page, element_id)["aria-labelledby"]
        parts[key] = topic_of(page, element_id)
        expected[key] = expected.get(key, Counter()) + found

    for section in snapshot["sections"]:
        expect(section["anchor"], words(section["heading"]) + markdown_words(section["body"]))
    expect(
        "data-categories",
        rows_words(
            [
                row | {"detail": row["detail"] or row["description"]}
                for row in snapshot["data_categories"]
            ],
            ("name", "detail"),
        ),
    )
    expect(
        "recipients",
        rows_words(snapshot["recipients"], ("name", "purpose", "kind_label")),
    )
    expect(
        "lawful-bases",
        rows_words(
            snapshot["lawful_bases"],
            ("provision_label", "schedule_1_condition", "legislation", "explanation"),
        ),
    )
    expect(
        "retention",
        rows_words(
            snapshot["retention_periods"],
            ("record_type", "duration", "trigger_label", "source", "notes"),
        ),
    )
    council = snapshot["council"]
    expect(
        "contact",
        words(council["name"])
        + words(council["controller_email"])
        + words(council["dpo_email"])
        + words(council["ico_registration_number"]),
    )
    block = version.shared_block_version.snapshot
    expect(
        "shared-block",
        markdown_words(block["introduction"])
        + sum((markdown_words(part["body"]) for part in block["parts"]), Counter()),
    )
    for key, counted in expected.items():
        assert not missing(counted, parts[key]), (key, missing(counted, parts[key]))


@pytest.mark.parametrize("slug", DEMO_COUNCILS)
def test_the_contents_list_has_one_entry_per_topic_and_at_most_twelve(client, demo, slug):
    version, page = current_page(client, slug)
    entries = [a["href"] for a in page.find("nav", class_="app-contents").find_all("a")]
    assert len(entries) <= MAX_CONTENTS
    assert len(entries) == len(set(entries))
    texts = [a.get_text(strip=True) for a in page.find("nav", class_="app-contents").find_all("a")]
    assert len(texts) == len(set(texts))
    topics = page.find_all("section", attrs={"data-topic": True})
    assert [f"#{topic['aria-labelledby']}" for topic in topics] == entries[1:]
    # Each kind of rows is shown once, in its topic.
    for rows in ("data-categories", "recipients", "lawful-bases", "retention", "contact"):
        assert len(page.find_all(id=rows)) == 1


@pytest.mark.parametrize("slug", DEMO_COUNCILS)
def test_the_ico_and_the_councils_contacts_appear_once_and_no_block_names_anyone_twice(
    client, demo, slug
):
    version, page = current_page(client, slug)
    # The young people's summary stands on its own, so it may say how to reach the council too.
    page.find(id="summary").find_parent("section").decompose()
    text = page.get_text(" ")
    council = version.snapshot["council"]
    assert text.count("0303 123 1113") == 1
    assert text.count("Wycliffe House") == 1
    assert text.count(council["dpo_email"]) == 1
    for row in page.find(id="contact").find_next("dl").find_all(class_="govuk-summary-list__row"):
        label = row.find("dt").get_text(strip=True)
        lines = [line.strip() for line in row.find("dd").get_text("\n").split("\n") if line.strip()]
        assert label not in lines
        assert len(lines) == len(set(lines)), lines

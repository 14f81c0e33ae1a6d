"""The site search: what publishing puts in the index, what the search finds, and that any query,
however odd, gives a plain page on SQLite and PostgreSQL alike."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from notices.models import Notice, NoticeSearchSection, NoticeSearchText, NoticeVersion, Section
from notices.public import search
from notices.public.search import (
    MAX_QUERY_LENGTH,
    SearchResults,
    clean_query,
    marked_snippet,
    search_site,
)
from notices.publishing.search_index import NoticeWords, index_versions, notice_words
from notices.publishing.shared_block import publish_shared_block
from notices.publishing.snapshots import notice_snapshot
from notices.testing.html import assert_well_formed_page, outline

pytestmark = pytest.mark.django_db

SEARCH_URL = reverse("notices:search")


@pytest.fixture
def published_notice(make_council, make_notice, publish):
    """A published notice of a new council, with one more section saying `body` under
    `heading`: `published_notice("Harrowmere Council", body="We place children with foster
    carers.")`."""

    def make(
        council_name: str | None = None, *, heading: str = "Living with carers", body: str = ""
    ) -> Notice:
        council = make_council(**({"name": council_name} if council_name else {}))
        notice = make_notice(council)
        if body:
            add_section(notice, heading=heading, body=body)
        publish(notice)
        return notice

    return make


def add_section(
    notice: Notice, *, heading: str, body: str, ico_item: str = "purposes", position: int = 99
) -> Section:
    section = Section(
        notice=notice, position=position, heading=heading, ico_item=ico_item, body=body
    )
    section.full_clean()
    section.save()
    return section


@pytest.fixture
def add_to(publish):
    """Adds a section to a published notice and publishes it again."""

    def add(notice: Notice, **fields) -> Section:
        section = add_section(notice, position=100 + notice.sections.count(), **fields)
        publish(notice, "Added a section")
        return section

    return add


def get_page(client, query: str | None) -> str:
    response = client.get(SEARCH_URL, {} if query is None else {"q": query})
    assert response.status_code == 200
    html = response.content.decode()
    assert_well_formed_page(html)
    return html


def found_councils(query: str) -> list[str]:
    return [council.name for council in search_site(query).councils]


def found_notices(query: str) -> list[str]:
    return [match.council.name for match in search_site(query).notices]


# What goes in the index -------------------------------------------------------------------


def test_notice_words_are_the_councils_own_words_as_plain_text(make_notice):
    words = notice_words(notice_snapshot(make_notice()))

    assert words.title == "Children's social care privacy notice"
    assert "Why we use your information" in words.headings.splitlines()
    assert "To keep children safe." in words.body
    for expected in [
        "We keep notes about you so we can help you.",  # the young people's summary
        "This notice covers children's social care.",  # Markdown turned into plain text
        "Planning care",  # a heading inside a section's body
        "Health",
        "Health checks",
        "Police",
        "To protect children from harm",
        "Article 6(1)(c): legal obligation",
        "Our duties to children in need",
        "Looked-after children's case records",
    ]:
        assert expected in words.text, expected
    assert "**" not in words.text and "##" not in words.text
    # The text reads in the page's order.
    assert words.text.index("Why we use your information") < words.text.index("Your rights")


def test_notice_words_keep_what_the_page_shows_and_nothing_the_sanitiser_removes(make_notice):
    snapshot = notice_snapshot(make_notice())
    snapshot["sections"][0]["body"] = (
        "Before <script>alert('stolen')</script> after, `<b>shown as code</b>` &amp; more."
    )
    # Control characters (the snippet marks among them) never reach the index.
    snapshot["sections"][0]["heading"] = "Why\x02 we\x03 use\x00 it"

    words = notice_words(snapshot)

    assert "stolen" not in words.text
    assert "Before after, <b>shown as code</b> & more." in words.text
    assert "Why we use it" in words.headings
    assert not any(mark in words.text for mark in "\x00\x02\x03")


def test_notice_words_read_an_empty_or_partial_snapshot():
    assert notice_words({}) == NoticeWords(title="", headings="", body="", text="")
    assert notice_words({"notice": {"title": "Only a title"}}).title == "Only a title"


def test_publishing_indexes_the_version_without_the_shared_block(
    make_notice, published_block, publish
):
    notice = make_notice()
    version = publish(notice)

    entry = NoticeSearchText.objects.get(notice=notice)
    assert entry.version_number == version.number == 1
    assert entry.title == "Children's social care privacy notice"
    assert entry.text == notice_words(version.snapshot).text
    assert "The National Pupil Database" in version.rendered_html
    assert "National Pupil Database" not in entry.text
    assert "national database" not in entry.text
    if connection.vendor == "postgresql":
        assert entry.search_vector
    else:
        assert entry.search_vector is None


def test_publishing_indexes_each_headed_part_of_the_page_at_its_anchor(
    make_notice, published_block, publish
):
    notice = make_notice()
    version = publish(notice)

    sections = list(NoticeSearchSection.objects.filter(notice=notice))
    assert [section.anchor for section in sections] == [
        "summary",
        "introduction",
        "why-we-use-it",
        "your-rights",
        "where-we-get-it",
        "do-you-have-to-tell-us",
        "sending-it-abroad",
        "decisions-by-computer",
        "data-categories",
        "recipients",
        "lawful-bases",
        "retention",
        "contact",
        "shared-block",
        "shared-national-pupil-database",
    ]
    # Every one is an id on the published page, so a result lands on it.
    ids = set(outline(version.rendered_html).ids())
    assert {section.anchor for section in sections} <= ids
    assert {section.version_number for section in sections} == {1}
    by_anchor = {section.anchor: section for section in sections}
    assert by_anchor["your-rights"].topic == "rights"
    assert by_anchor["your-rights"].topic_words == "rights"
    assert by_anchor["your-rights"].text == "You can ask for a copy of your records."
    assert by_anchor["retention"].topic_words == "retention"
    assert "Looked-after children's case records" in by_anchor["retention"].text
    assert "Police" in by_anchor["recipients"].text
    assert "Complain to the Information Commissioner's Office" in by_anchor["contact"].text
    assert by_anchor["shared-national-pupil-database"].is_shared
    assert not by_anchor["your-rights"].is_shared
    if connection.vendor == "postgresql":
        assert all(section.search_vector for section in sections)


def test_a_sections_index_entry_holds_what_the_page_shows_and_no_markup(make_notice, publish):
    notice = make_notice()
    Section.objects.filter(notice=notice, anchor="your-rights").update(
        heading="Your\x02 rights\x03",
        body="Before <script>alert('stolen')</script> after, `<b>code</b>` &amp; **bold**.",
    )
    publish(notice)

    section = NoticeSearchSection.objects.get(notice=notice, anchor="your-rights")
    assert section.heading == "Your rights"
    assert section.text == "Before after, <b>code</b> & bold."


def test_publishing_again_makes_new_words_findable_and_removed_words_not(published_notice, publish):
    notice = published_notice("Harrowmere Council", body="We place children with foster carers.")
    assert found_notices("foster") == ["Harrowmere Council"]

    Section.objects.filter(notice=notice, position=99).update(
        body="We place children in residential homes."
    )
    publish(notice, "Changed where children live")

    assert NoticeSearchText.objects.get(notice=notice).version_number == 2
    assert found_notices("residential") == ["Harrowmere Council"]
    assert found_notices("foster") == [], "version 1 still says it, but it is not current"


def test_a_shared_block_update_keeps_every_entry_in_step(published_notice, published_block):
    first = published_notice("Ashdown Council", body="Foster carers keep a diary.")
    second = published_notice("Brackley Council", body="Foster carers have training.")
    before = {entry.notice_id: entry.text for entry in NoticeSearchText.objects.all()}
    published_block.title = "The Department for Education and the fostering database"
    published_block.save()

    publish_shared_block(published_block, by=None, change_note="New title", is_major=False)

    entries = NoticeSearchText.objects.order_by("notice_id")
    assert [(entry.notice_id, entry.version_number) for entry in entries] == [
        (first.pk, 2),
        (second.pk, 2),
    ]
    assert {entry.notice_id: entry.text for entry in entries} == before
    # Each notice's own sections moved to the new number; its block sections were rewritten.
    sections = NoticeSearchSection.objects.filter(notice__in=[first, second])
    assert set(sections.values_list("version_number", flat=True)) == {2}
    assert list(sections.filter(is_shared=True).values_list("notice_id", "heading")) == [
        (first.pk, "The Department for Education and the fostering database"),
        (first.pk, "The National Pupil Database"),
        (second.pk, "The Department for Education and the fostering database"),
        (second.pk, "The National Pupil Database"),
    ]
    # The council's own words rank above the block's, which every notice repeats.
    assert sorted(found_notices("foster")) == ["Ashdown Council", "Brackley Council"]
    assert {match.url.split("#")[1] for match in search_site("foster").notices} == {
        "living-with-carers"
    }
    # The block's own words lead to its part in each notice.
    assert {match.url.split("#")[1] for match in search_site("national database").notices} == {
        "shared-national-pupil-database"
    }


def test_a_block_update_moves_entries_in_step_in_the_same_few_queries_for_any_number(
    published_notice, published_block, django_assert_num_queries
):
    for name in ["Ashdown Council", "Brackley Council", "Colbury Council"]:
        published_notice(name)
    own_sections = NoticeSearchSection.objects.filter(notice__council__name="Ashdown Council")
    own_sections = own_sections.filter(is_shared=False).count()
    latest = list(NoticeVersion.objects.filter(number=1).select_related("shared_block_version"))
    next_versions = [
        NoticeVersion(
            notice_id=v.notice_id,
            number=2,
            is_shared_block_update=True,
            shared_block_version=v.shared_block_version,
        )
        for v in latest
    ]

    # One query to read where the entries are, two to move them all, two to rewrite the block's
    # sections (one to delete, one to insert), and on PostgreSQL one to fill their vectors.
    vectors = 1 if connection.vendor == "postgresql" else 0
    with django_assert_num_queries(5 + vectors):
        index_versions(next_versions)

    assert set(NoticeSearchText.objects.values_list("version_number", flat=True)) == {2}
    assert set(NoticeSearchSection.objects.values_list("version_number", flat=True)) == {2}
    # A notice's own sections stay as they were.
    assert NoticeSearchSection.objects.filter(is_shared=False).count() == 3 * own_sections


def test_a_block_update_rebuilds_an_entry_that_is_missing_or_out_of_step(
    published_notice, published_block
):
    missing = published_notice("Ashdown Council", body="Foster carers keep a diary.")
    behind = published_notice("Brackley Council", body="Foster carers have training.")
    NoticeSearchText.objects.filter(notice=missing).delete()
    NoticeSearchText.objects.filter(notice=behind).update(version_number=0, text="stale")
    published_block.title = "A new title"
    published_block.save()

    publish_shared_block(published_block, by=None, change_note="Again", is_major=False)

    entries = {entry.notice_id: entry for entry in NoticeSearchText.objects.all()}
    assert entries[missing.pk].version_number == 2
    assert "Foster carers keep a diary." in entries[missing.pk].text
    assert entries[behind.pk].version_number == 2
    assert "Foster carers have training." in entries[behind.pk].text


# What the search finds --------------------------------------------------------------------


def test_search_finds_councils_by_the_start_of_any_word_of_their_name(make_council):
    make_council(name="Harrowmere Borough Council")
    make_council(name="Ashdown County Council")
    make_council(name="Upper-Wyke Council")

    assert found_councils("harrowmere") == ["Harrowmere Borough Council"]
    assert found_councils("HARROW") == ["Harrowmere Borough Council"]
    assert found_councils("wyke") == ["Upper-Wyke Council"]
    assert found_councils("mere") == [], "only the starts of words"
    # Any word: the council matching more of them comes first.
    assert found_councils("ashdown harrowmere borough") == [
        "Harrowmere Borough Council",
        "Ashdown County Council",
    ]
    # Every council is a council.
    assert found_councils("council") == []
    assert found_councils("the council of") == []
    # Nor do the small words of a question.
    assert found_councils("can I see my file, harrowmere") == ["Harrowmere Borough Council"]
    assert found_councils("does it tell me") == []
    # Nor does a single letter, or a tag.
    assert found_councils("h") == found_councils("<b>") == []


def test_search_finds_notices_by_section_text_and_links_to_them(published_notice):
    notice = published_notice("Harrowmere Council", body="Short breaks for disabled children.")
    published_notice("Ashdown Council", body="Support for young carers.")

    results = search_site("short breaks")

    assert [match.council.name for match in results.notices] == ["Harrowmere Council"]
    match = results.notices[0]
    # To the section that says it, not the top of the page.
    assert match.url == f"{notice.get_absolute_url()}#living-with-carers"
    assert match.section == "Living with carers"
    assert match.title == "Children's social care privacy notice"
    assert "<mark>" in match.snippet
    assert results.councils == []


def test_search_finds_words_in_the_structured_parts(published_notice):
    published_notice("Harrowmere Council")
    for query in ["police", "health checks", "legal obligation", "case records"]:
        assert found_notices(query) == ["Harrowmere Council"], query


def test_search_never_finds_a_drafts_unpublished_words(published_notice, make_notice):
    notice = published_notice("Harrowmere Council", body="We place children with foster carers.")
    add_section(notice, heading="Kinship care", body="Grandparents looking after grandchildren.")
    never_published = make_notice()
    add_section(never_published, heading="Adoption", body="Grandparents adopting grandchildren.")

    assert found_notices("grandparents") == []
    assert found_notices("kinship") == []
    assert found_notices("foster") == ["Harrowmere Council"]


def test_search_finds_nothing_for_an_empty_query(published_notice):
    published_notice("Harrowmere Council")
    for query in ["", "   ", "\n\t"]:
        results = search_site(query)
        assert results.query == ""
        assert results.is_empty and not results.was_shortened


@pytest.mark.parametrize("query", ["the", "the and of", "!!!", ":*", "| & !", "-", '""'])
def test_only_common_words_or_punctuation_find_nothing(published_notice, query):
    published_notice("The Harrowmere Council of the Isles")

    results = search_site(query)

    assert results.is_empty
    assert results.summary == f"No notices or councils match ‘{results.query}’"


def test_results_are_limited_and_say_when_there_are_more(published_notice, monkeypatch):
    for name in ["Ashdown Council", "Brackley Council", "Colbury Council"]:
        published_notice(name, body="Foster carers keep a diary.")
    monkeypatch.setattr(search, "MAX_RESULTS", 2)

    results = search_site("foster")

    assert len(results.notices) == 2 and results.more_notices
    assert results.summary == "More than 2 notices match ‘foster’"


@pytest.mark.parametrize(
    "notices, councils, summary",
    [
        (3, 1, "3 notices and 1 council match ‘foster’"),
        (1, 0, "1 notice matches ‘foster’"),
        (0, 1, "1 council matches ‘foster’"),
        (1, 1, "1 notice and 1 council match ‘foster’"),
        (0, 2, "2 councils match ‘foster’"),
        (0, 0, "No notices or councils match ‘foster’"),
    ],
)
def test_the_summary_counts_the_results_in_words(notices, councils, summary):
    results = SearchResults(
        query="foster",
        was_shortened=False,
        councils=[object()] * councils,
        notices=[object()] * notices,
        more_councils=False,
        more_notices=False,
    )
    assert results.summary == summary


def test_punctuation_is_not_searched_for_and_words_are_stemmed(published_notice):
    published_notice("Ashdown Council", body="We answer 100% of requests about fostering.")
    published_notice("Brackley Council", body="We answer 1000 requests; see form_b.")

    assert found_notices("%") == found_notices("_") == found_notices("%%") == []
    assert found_notices("100%") == ["Ashdown Council"]
    assert found_notices("fostered") == ["Ashdown Council"]
    assert found_notices("FOSTERS") == ["Ashdown Council"]
    assert sorted(found_notices("requested")) == ["Ashdown Council", "Brackley Council"]
    # A single character would match nearly every notice, so it is not searched for.
    assert found_notices("a") == []


def test_fostering_and_foster_carers_find_the_same_notices(published_notice):
    published_notice("Ashdown Council", body="Our fostering service supports families.")
    published_notice("Brackley Council", body="Foster carers have training.")
    published_notice("Colbury Council", body="Children live with foster parents.")
    published_notice("Dunmore Council", body="Carers of disabled children get breaks.")

    everyone = ["Ashdown Council", "Brackley Council", "Colbury Council"]
    assert sorted(found_notices("fostering")) == everyone
    assert sorted(found_notices("foster carers")) == everyone
    assert sorted(found_notices("Foster carer")) == everyone
    # Quoted, it is the phrase itself.
    assert found_notices('"foster carers"') == ["Brackley Council"]


def test_a_notice_matches_when_every_word_is_somewhere_in_it(published_notice, add_to):
    ashdown = published_notice("Ashdown Council", body="Foster carers keep a diary.")
    add_to(ashdown, heading="Training", body="Every carer has training.")
    published_notice("Brackley Council", body="Foster carers have training.")
    published_notice("Colbury Council", body="Foster carers live nearby.")

    results = search_site("foster diary")
    assert found_notices("foster diary") == ["Ashdown Council"]
    assert not results.notices_partly_match
    # The part that has both words is the one linked to.
    assert sorted(found_notices("diary training")) == ["Ashdown Council"]
    assert sorted(found_notices("foster training")) == ["Ashdown Council", "Brackley Council"]
    brackley = search_site("foster training").notices
    assert {match.url.split("#")[1] for match in brackley} == {"living-with-carers", "training"}


def test_or_between_two_words_finds_either(published_notice):
    published_notice("Ashdown Council", body="Foster carers keep a diary.")
    published_notice("Brackley Council", body="Carers who foster have training.")
    published_notice("Colbury Council", body="Carers who foster live nearby.")

    assert sorted(found_notices("diary or training")) == ["Ashdown Council", "Brackley Council"]
    assert sorted(found_notices("foster diary OR training")) == [
        "Ashdown Council",
        "Brackley Council",
    ]


def test_everyday_words_lead_to_the_section_on_their_topic(published_notice, add_to):
    notice = published_notice("Ashdown Council")
    add_to(
        notice,
        heading="Retention of case files",
        ico_item="retention",
        body="Case files are destroyed after the periods in our schedule.",
    )

    # The council's section never says "keep" or "long": its topic is what they lead to. (The
    # retention table, "How long we keep it", is as good a place to land.)
    for question in ["how long do you keep my records", "how long are files stored"]:
        match = search_site(question).notices[0]
        assert match.url.split("#")[1] in {"retention-of-case-files", "retention"}, question
    assert (
        search_site("how long are files destroyed after")
        .notices[0]
        .url.endswith("#retention-of-case-files")
    )
    # The conftest notice's rights section says "ask for a copy of your records".
    assert search_site("can I see my file").notices[0].url.endswith("#your-rights")
    assert search_site("who do you share it with").notices[0].url.endswith("#recipients")


def test_a_question_with_words_no_notice_uses_finds_the_notices_with_some(published_notice):
    published_notice("Ashdown Council", body="Foster carers keep a diary.")
    published_notice("Brackley Council", body="Carers have training.")

    results = search_site("foster zebra")

    assert found_notices("foster zebra") == ["Ashdown Council"]
    assert results.notices_partly_match
    assert results.summary == "1 notice partly matches ‘foster zebra’"
    # One word that no notice uses finds nothing.
    assert search_site("zebra").is_empty


def test_a_heading_ranks_above_a_passing_mention(published_notice):
    published_notice("Ashdown Council", body="Now and then we mention respite.")
    published_notice("Brackley Council", heading="Respite", body="Short stays away from home.")

    assert found_notices("respite") == ["Brackley Council", "Ashdown Council"]


def test_search_queries_are_as_many_for_many_councils_as_for_one(
    published_notice, django_assert_max_num_queries
):
    published_notice("Ashdown Council", body="Foster carers keep a diary.")
    with CaptureQueriesContext(connection) as one_council:
        search_site("how long do you keep foster carers' diaries")
    for number in range(6):
        published_notice(f"Council {number}", body="Foster carers keep a diary.")

    with django_assert_max_num_queries(len(one_council)):
        results = search_site("how long do you keep foster carers' diaries")
    assert len(results.notices) == 7


# Snippets ---------------------------------------------------------------------------------


def test_a_snippet_escapes_hostile_staff_text_and_marks_the_matched_words(client, published_notice):
    published_notice(
        "Harrowmere Council",
        heading="<img src=x onerror=alert(1)> Fostering",
        body="About fostering: `<script>alert('x')</script>` & <b>more</b>.",
    )

    match = search_site("fostering").notices[0]
    snippet = match.snippet
    assert "<img" not in snippet and "<script" not in snippet and "<b>" not in snippet
    assert "<mark>fostering</mark>" in snippet
    # The code span's text is escaped too (PostgreSQL's headline leaves tag-like words out).
    assert "&amp; more" in snippet
    # The heading is the link's text, escaped by the page like all staff text.
    assert match.section == "<img src=x onerror=alert(1)> Fostering"

    html = get_page(client, "fostering")
    assert "&lt;img src=x onerror=alert(1)&gt;" in html
    assert "onerror=alert(1)>" not in html
    marks = outline(html).find_all("mark")
    assert len(marks) == snippet.count("<mark>")


def test_a_snippet_is_cut_around_the_first_match():
    text = " ".join(f"word{number}" for number in range(200)) + " fostering " + "tail " * 100

    snippet = marked_snippet(text, ["fostering"])

    assert snippet.startswith("… word") and snippet.endswith(" …")
    assert "\x02fostering\x03" in snippet
    assert len(snippet) < search.SNIPPET_LENGTH + 10
    assert "word0 " not in snippet


def test_a_snippet_of_a_short_text_is_the_whole_text():
    assert marked_snippet("Foster and FOSTER.", ["foster"]) == (
        "\x02Foster\x03 and \x02FOSTER\x03."
    )
    assert marked_snippet("No words given.", []) == "No words given."


# Cleaning the query -----------------------------------------------------------------------


def test_the_query_is_stripped_and_its_whitespace_collapsed():
    assert clean_query("  foster \t\n  carers  ") == ("foster carers", False)
    assert clean_query("foster\x00\x02carers") == ("foster carers", False)


def test_a_long_query_is_cut_to_the_limit_and_says_so():
    query, was_shortened = clean_query("fostering " * 100)
    assert was_shortened
    assert len(query) <= MAX_QUERY_LENGTH
    assert query.startswith("fostering fostering") and query.endswith(" fostering")
    assert clean_query("x" * MAX_QUERY_LENGTH) == ("x" * MAX_QUERY_LENGTH, False)


# The page ---------------------------------------------------------------------------------


def test_the_search_page_without_a_query_shows_the_form_and_what_can_be_searched(client):
    for query in [None, "", "    "]:
        html = get_page(client, query)
        page = outline(html)
        assert [text for level, text in page.headings if level == 1] == ["Search"]
        assert 'role="search"' in html
        box = page.find_all("input")[0]
        assert box.attrs["type"] == "search" and box.attrs["name"] == "q"
        assert box.attrs["value"] == ""
        labels = [label.attrs["for"] for label in page.find_all("label")]
        assert box.attrs["id"] in labels
        assert "Search for a council by its name" in html
        assert "match ‘" not in html


def test_the_search_page_lists_councils_and_notices_with_the_count_in_words(
    client, published_notice, make_council
):
    notice = published_notice("Harrowmere Council", body="Foster carers keep a diary.")
    published_notice("Ashdown Council", body="Foster carers have training.")
    fosterdale = make_council(name="Fosterdale Council")

    html = get_page(client, "foster")

    headings = [text for _, text in outline(html).headings]
    assert "2 notices and 1 council match ‘foster’" in headings
    assert headings.index("Councils") < headings.index("Notices")
    assert f'href="{fosterdale.get_absolute_url()}"' in html
    url = f"{notice.get_absolute_url()}#living-with-carers"
    assert f'href="{url}">Harrowmere Council: Living with carers</a>' in html
    assert "In ‘Children&#x27;s social care privacy notice’" in html
    assert 'value="foster"' in html


def test_the_search_page_says_when_nothing_matches(client, published_notice):
    published_notice("Harrowmere Council")

    html = get_page(client, "zebra crossing")

    assert "No notices or councils match ‘zebra crossing’" in html
    assert "checking the spelling" in html


def test_the_search_page_says_when_the_query_was_shortened(client, published_notice):
    published_notice("Harrowmere Council", body="Foster carers keep a diary.")

    html = get_page(client, "foster " * 100)

    assert f"only its first {MAX_QUERY_LENGTH} characters were searched for" in html
    assert "1 notice matches" in html


HOSTILE_QUERIES = [
    "'; DROP TABLE notices_notice; --",
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "%",
    "_",
    "\\",
    "%_%",
    "'",
    '"',
    '"foster',
    "&",
    "|",
    "!",
    ":*",
    "foster:*",
    "foster & | ! carers",
    "!(foster)",
    "foster <-> carers",
    "-",
    "--foster",
    "or",
    "foster or",
    "((((",
    "\x00",
    "foster\x00carers",
    "\x02foster\x03",
    "\u202egnirets",
    "🦊 foster",
    "a" * 5_000,
    "foster " * 2_000,
    "the",
    "!!!",
    # SQLite FTS5's own syntax: only ever words, or nothing.
    "AND OR NEAR(",
    "NEAR(foster carers, 2)",
    "foster AND",
    "NOT foster",
    "foster NOT",
    "OR",
    "*",
    "foster*",
    "^foster",
    "+",
    "heading: foster",
    "{heading topic_words} : foster",
    "text:",
    '"""',
    '"foster carers',
    'foster "" carers',
    "(foster",
    "foster)",
    "a:b:c",
    "rowid = 1",
    "' OR 1=1 --",
    "\u0000",
    "how long do you keep my records " * 50,
]


@pytest.mark.parametrize("query", HOSTILE_QUERIES)
def test_any_query_is_searched_without_error(published_notice, query):
    published_notice("Harrowmere Council", body="Foster carers keep a diary.")

    results = search_site(query)

    for match in results.notices:
        assert match.council.name == "Harrowmere Council"
        assert "<" not in match.snippet.replace("<mark>", "").replace("</mark>", "")


@pytest.mark.parametrize("query", HOSTILE_QUERIES)
def test_any_query_gives_a_plain_page(client, published_notice, query):
    published_notice("Harrowmere Council", body="Foster carers keep a diary.")

    html = get_page(client, query)

    assert "<script>alert" not in html
    assert "onerror=alert(1)>" not in html
    assert Notice.objects.count() == 1, "the query is a parameter, never SQL"
    assert 'role="search"' in html


def test_other_and_repeated_parameters_are_ignored(client, published_notice):
    published_notice("Harrowmere Council", body="Foster carers keep a diary.")

    response = client.get(f"{SEARCH_URL}?q=zebra&q=foster&page=-1&q[]=x")

    assert response.status_code == 200
    assert "1 notice matches ‘foster’" in response.content.decode()


# The migration ----------------------------------------------------------------------------


@pytest.mark.django_db(transaction=True)
def test_the_migration_fills_the_search_text_of_every_published_notice(
    published_notice, make_notice, publish
):
    first = published_notice("Ashdown Council", body="Foster carers keep a diary.")
    Section.objects.filter(notice=first, position=99).update(body="Foster carers have training.")
    publish(first, "Changed")
    second = published_notice("Brackley Council")
    make_notice()  # never published
    NoticeSearchText.objects.all().delete()

    executor = MigrationExecutor(connection)
    executor.migrate([("notices", "0006_record_kinds_search_text")])
    executor.loader.build_graph()
    executor.migrate(executor.loader.graph.leaf_nodes())

    entries = {entry.notice_id: entry for entry in NoticeSearchText.objects.all()}
    assert set(entries) == {first.pk, second.pk}
    assert entries[first.pk].version_number == 2
    assert "Foster carers have training." in entries[first.pk].text
    assert "keep a diary" not in entries[first.pk].text
    assert entries[second.pk].version_number == 1
    assert found_notices("training") == ["Ashdown Council"]
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT indexdef FROM pg_indexes WHERE indexname = 'notices_search_vector_gin'"
            )
            assert "gin (search_vector)" in cursor.fetchone()[0]


@pytest.mark.django_db(transaction=True)
def test_migration_0013_indexes_every_published_notices_parts_and_undoes_it(
    published_notice, make_notice
):
    published_notice("Ashdown Council", body="Foster carers keep a diary.")
    make_notice()  # never published
    before = list(NoticeSearchSection.objects.values_list("notice_id", "anchor", "text"))
    executor = MigrationExecutor(connection)
    executor.migrate([("notices", "0010_version_pdfs")])
    try:
        assert full_text_index_exists() is False
    finally:
        executor.loader.build_graph()
        executor.migrate(executor.loader.graph.leaf_nodes())

    after = list(NoticeSearchSection.objects.values_list("notice_id", "anchor", "text"))
    assert after == before and len(after) > 10
    assert full_text_index_exists() is True
    assert found_notices("fostering") == ["Ashdown Council"]


def full_text_index_exists() -> bool:
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                "SELECT 1 FROM pg_indexes WHERE indexname = 'notices_search_section_gin'"
            )
        else:
            cursor.execute(
                "SELECT 1 FROM sqlite_master WHERE name = 'notices_search_fts' AND type = 'table'"
            )
        return cursor.fetchone() is not None


@pytest.mark.django_db(transaction=True)
def test_the_migration_backwards_empties_the_search_text(published_notice):
    published_notice("Ashdown Council")
    assert NoticeSearchText.objects.count() == 1

    executor = MigrationExecutor(connection)
    executor.migrate([("notices", "0006_record_kinds_search_text")])
    try:
        assert NoticeSearchText.objects.count() == 0
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute(
                    "SELECT 1 FROM pg_indexes WHERE indexname = 'notices_search_vector_gin'"
                )
                assert cursor.fetchone() is None
    finally:
        executor.loader.build_graph()
        executor.migrate(executor.loader.graph.leaf_nodes())

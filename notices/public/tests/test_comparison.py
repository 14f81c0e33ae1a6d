"""The cross-council comparison tables (notices.public.comparison), their pages, and record kinds
through snapshots, restoring and diffing."""

import re
from dataclasses import dataclass

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape

from notices.models import (
    DataCategory,
    LawfulBasis,
    Notice,
    NoticeDataCategory,
    NoticeRecipient,
    NoticeVersion,
    Recipient,
    RecordKind,
    RetentionPeriod,
)
from notices.public.comparison import (
    MAX_SIDE_BY_SIDE,
    Cell,
    Column,
    UnknownItem,
    data_categories_table,
    recipients_table,
    retention_table,
)
from notices.publishing.diffing.notice import diff_versions
from notices.publishing.diffing.results import NoticeSide
from notices.publishing.publish import draft_status
from notices.publishing.restoring import restore_version_to_draft
from notices.publishing.snapshots import content_hash, notice_snapshot
from notices.testing.html import assert_well_formed_page, outline

pytestmark = pytest.mark.django_db

ROUTINELY = NoticeRecipient.Frequency.ROUTINELY
WHEN_NECESSARY = NoticeRecipient.Frequency.WHEN_NECESSARY
Trigger = RetentionPeriod.Trigger

PAGES = [
    "notices:compare-recipients",
    "notices:compare-data-categories",
    "notices:compare-retention",
]
BUILDERS = {
    "notices:compare-recipients": recipients_table,
    "notices:compare-data-categories": data_categories_table,
    "notices:compare-retention": retention_table,
}
ITEM_PAGES = {
    "notices:compare-recipients": "notices:compare-recipient",
    "notices:compare-data-categories": "notices:compare-data-category",
    "notices:compare-retention": "notices:compare-record-kind",
}


# --- Fixtures ----------------------------------------------------------------------------------


@pytest.fixture
def libraries(db) -> dict[str, object]:
    """The library items the councils below pick from (make_notice adds health and police)."""
    return {
        "dfe": Recipient.objects.create(
            slug="dfe", name="Department for Education", kind=Recipient.Kind.GOVERNMENT
        ),
        "schools": Recipient.objects.create(
            slug="schools", name="Schools", kind=Recipient.Kind.EDUCATION
        ),
        "personal": DataCategory.objects.create(slug="personal-details", name="Personal details"),
        "offences": DataCategory.objects.create(
            slug="offences", name="Offences", is_criminal_offence=True
        ),
        "lac": RecordKind.objects.create(
            slug="lac-records", name="Looked-after children's case records"
        ),
        "adoption": RecordKind.objects.create(slug="adoption-records", name="Adoption records"),
    }


def share(notice: Notice, recipient: Recipient, frequency: str, purpose: str) -> None:
    NoticeRecipient.objects.create(
        notice=notice, recipient=recipient, frequency=frequency, purpose=purpose
    )


def keep(notice: Notice, category: DataCategory, detail: str) -> None:
    NoticeDataCategory.objects.create(notice=notice, category=category, detail=detail)


def retain(notice: Notice, record_type: str, kind: RecordKind | None, **fields) -> RetentionPeriod:
    values = {"trigger": Trigger.DATE_OF_BIRTH, "years": 75, "source": "", "notes": ""} | fields
    return RetentionPeriod.objects.create(
        notice=notice, record_type=record_type, record_kind=kind, **values
    )


@dataclass
class Councils:
    alder: Notice
    birch: Notice
    cedar: Notice
    unpublished: Notice


@pytest.fixture
def councils(make_council, make_notice, publish, libraries) -> Councils:
    """Three published notices that differ in every table, and one never published.

    make_notice gives each the police (only when necessary), health, and a looked-after
    children's case records period with no record kind; Birch's are replaced.
    """
    alder = make_notice(make_council(name="Alder Council", slug="alder"))
    share(alder, libraries["dfe"], ROUTINELY, "Statutory returns on children in need")
    keep(alder, libraries["personal"], "Names and addresses")
    alder.retention_periods.update(record_kind=libraries["lac"])
    retain(
        alder,
        "Adoption case records",
        libraries["adoption"],
        trigger=Trigger.ADOPTION_ORDER,
        years=100,
        is_minimum=True,
        source="Adoption Agencies Regulations 2005",
    )
    retain(alder, "Parking permits", None, trigger=Trigger.RECORD_CREATED, years=1)

    birch = make_notice(make_council(name="Birch Council", slug="birch"))
    birch.recipients.all().delete()
    share(birch, libraries["schools"], ROUTINELY, "To support the education of children in care")
    birch.data_categories.all().delete()
    keep(birch, libraries["offences"], "Youth offending")
    LawfulBasis.objects.create(  # criminal offence data needs an Article 10 basis to publish
        notice=birch,
        provision=LawfulBasis.Provision.A10,
        schedule_1_condition="Part 2, paragraph 18: safeguarding of children",
    )
    birch.retention_periods.all().delete()
    retain(birch, "Case records of looked-after children", libraries["lac"], source="Reg. 50")
    retain(
        birch,
        "Case records of children who die in care",
        libraries["lac"],
        trigger=Trigger.DEATH,
        years=15,
        notes="Counted from the child's death",
    )

    cedar = make_notice(make_council(name="Cedar Council", slug="cedar"))
    unpublished = make_notice(make_council(name="Aardvark Council", slug="aardvark"))
    share(unpublished, libraries["dfe"], WHEN_NECESSARY, "Never published")
    for notice in (alder, birch, cedar):
        publish(notice)
    return Councils(alder, birch, cedar, unpublished)


def texts(table) -> dict[str, list[str]]:
    return {row.council_name: [cell.text for cell in row.cells] for row in table.rows}


def labels(table) -> list[str]:
    return [column.label for column in table.columns]


# --- The tables ---------------------------------------------------------------------------------


def test_the_recipients_table_matches_every_published_notice(councils):
    table = recipients_table()

    assert labels(table) == ["Department for Education", "Police", "Schools"]
    assert texts(table) == {
        "Alder Council": ["Routinely", "Only when necessary", "No"],
        "Birch Council": ["No", "No", "Routinely"],
        "Cedar Council": ["No", "Only when necessary", "No"],
    }
    alder = table.rows[0]
    assert alder.cells[0] == Cell("Routinely", detail="Statutory returns on children in need")
    assert alder.cells[1] == Cell("Only when necessary", detail="To protect children from harm")
    assert alder.cells[2] == Cell("No", is_stated=False)
    assert alder.notice_url == councils.alder.get_absolute_url()
    assert table.caption == "Who each council shares information with"
    assert table.focus is None


def test_the_data_categories_table_marks_special_and_criminal_offence_data(councils):
    table = data_categories_table()

    assert labels(table) == [
        "Health (special category data)",
        "Offences (criminal offence data)",
        "Personal details",
    ]
    assert texts(table) == {
        "Alder Council": ["Kept", "Not listed", "Kept"],
        "Birch Council": ["Not listed", "Kept", "Not listed"],
        "Cedar Council": ["Kept", "Not listed", "Not listed"],
    }
    assert [cell.detail for cell in table.rows[0].cells] == [
        "Health checks",
        "",
        "Names and addresses",
    ]
    assert table.rows[1].cells[1] == Cell("Kept", detail="Youth offending")


def test_the_retention_table_lists_every_period_of_a_kind_and_the_other_records(councils):
    table = retention_table()

    assert labels(table) == ["Adoption records", "Looked-after children's case records"]
    assert texts(table) == {
        "Alder Council": [
            "Adoption case records: at least 100 years from the adoption order",
            "75 years from the child's date of birth",
        ],
        "Birch Council": [
            "Not stated",
            "Case records of looked-after children: 75 years from the child's date of birth; "
            "Case records of children who die in care: 15 years from the person's death",
        ],
        # Cedar's period has no record kind of its own, but its name is one.
        "Cedar Council": ["Not stated", "75 years from the child's date of birth"],
    }
    alder, birch, cedar = table.rows
    assert alder.cells[0].detail == "Adoption case records: Adoption Agencies Regulations 2005."
    assert alder.cells[1].detail == (
        "Care Planning, Placement and Case Review (England) Regulations 2010, reg. 50."
    )
    assert birch.cells[1].detail == (
        "Case records of looked-after children: Reg. 50. "
        "Case records of children who die in care: Counted from the child's death."
    )
    assert alder.other_records == ("Parking permits: 1 year from the record being created",)
    assert birch.other_records == ()
    assert cedar.other_records == ()
    assert table.has_other_records


def test_labels_and_periods_read_well_on_their_own(make_notice, publish, libraries):
    notice = make_notice()
    notice.retention_periods.all().delete()
    retain(
        notice,
        "Adoption records",
        libraries["adoption"],
        trigger=Trigger.ADOPTION_ORDER,
        years=100,
        is_minimum=True,
    )
    offences = DataCategory.objects.create(
        slug="criminal-offence-data", name="Criminal offence data", is_criminal_offence=True
    )
    keep(notice, offences, "Offences")
    LawfulBasis.objects.create(
        notice=notice, provision=LawfulBasis.Provision.A10, schedule_1_condition="Part 2, 18"
    )
    publish(notice)

    assert retention_table().rows[0].cells[0].text == "At least 100 years from the adoption order"
    assert labels(data_categories_table()) == [
        "Criminal offence data",
        "Health (special category data)",
    ]


def test_a_council_that_never_published_is_left_out(councils):
    for table in (recipients_table(), data_categories_table(), retention_table()):
        assert [row.council_name for row in table.rows] == [
            "Alder Council",
            "Birch Council",
            "Cedar Council",
        ]


def test_a_draft_edit_appears_only_once_it_is_published(councils, publish):
    police = councils.alder.recipients.get(recipient__slug="police")
    police.frequency = ROUTINELY
    police.save()
    councils.alder.recipients.get(recipient__slug="dfe").delete()

    assert texts(recipients_table())["Alder Council"] == ["Routinely", "Only when necessary", "No"]

    publish(councils.alder, "Police routinely; no more DfE")

    table = recipients_table()
    assert labels(table) == ["Police", "Schools"]
    assert texts(table)["Alder Council"] == ["Routinely", "No"]


def test_an_older_versions_rows_are_not_used(councils, publish, libraries):
    councils.birch.recipients.all().delete()
    share(councils.birch, libraries["dfe"], WHEN_NECESSARY, "Only for the census")
    publish(councils.birch, "Schools no longer listed")

    table = recipients_table()
    assert labels(table) == ["Department for Education", "Police"]
    assert texts(table)["Birch Council"] == ["Only when necessary", "No"]
    assert NoticeVersion.objects.filter(notice=councils.birch).count() == 2


def test_a_column_is_named_as_the_latest_publication_names_it(councils, publish, libraries):
    Recipient.objects.filter(slug="schools").update(name="Schools and colleges")
    councils.alder.recipients.all().delete()
    share(councils.alder, libraries["schools"], WHEN_NECESSARY, "Exam arrangements")
    publish(councils.alder, "Now shares with schools")

    table = recipients_table()
    # One column for the slug, named as Alder's newer version has it, not as Birch's older one.
    assert labels(table) == ["Police", "Schools and colleges"]
    assert texts(table)["Birch Council"] == ["No", "Routinely"]


def test_focusing_on_one_item_keeps_its_column_and_the_councils_own_words(councils):
    table = recipients_table(item="police")

    assert labels(table) == ["Police"]
    assert table.focus.slug == "police"
    assert table.caption == "Whether each council shares information with: Police"
    assert [column.slug for column in table.all_columns] == ["dfe", "police", "schools"]
    assert [row.cells for row in table.rows] == [
        (Cell("Only when necessary", detail="To protect children from harm"),),
        (Cell("No", is_stated=False),),
        (Cell("Only when necessary", detail="To protect children from harm"),),
    ]
    assert retention_table(item="adoption-records").rows[0].cells[0].detail == (
        "Adoption case records: Adoption Agencies Regulations 2005."
    )


def test_an_item_no_current_notice_uses_is_unknown(councils, libraries):
    # In the library, and in a notice that was never published: still in no table.
    with pytest.raises(UnknownItem):
        recipients_table(item="not-a-recipient")
    with pytest.raises(UnknownItem):
        recipients_table(item="offences")  # a data category, not a recipient
    DataCategory.objects.create(slug="unused", name="Unused")
    with pytest.raises(UnknownItem):
        data_categories_table(item="unused")


def test_with_no_published_notice_the_tables_are_empty(make_notice):
    make_notice()  # a draft only

    for table in (recipients_table(), data_categories_table(), retention_table()):
        assert table.rows == ()
        assert table.columns == ()


@pytest.mark.parametrize("build", [recipients_table, data_categories_table, retention_table])
@pytest.mark.parametrize("how_many", [2, 6])
def test_a_table_takes_one_query_however_many_councils(
    build, how_many, make_notice, publish, django_assert_num_queries
):
    for _ in range(how_many):
        publish(make_notice())

    # Retention also reads the library's kinds of record, which a row may name in words.
    with django_assert_num_queries(2 if build is retention_table else 1):
        table = build()

    assert len(table.rows) == how_many


def test_the_demo_compares_its_councils(demo):
    table = retention_table(nation="england")

    assert len(table.rows) == 5
    assert len(retention_table().rows) == 7  # every nation's
    assert "Biometric data" in labels(table)
    harrowmere = next(row for row in table.rows if row.council_name.startswith("Harrowmere"))
    assert harrowmere.other_records == (
        "Leaving care payment records: 7 years from the young person leaving care",
    )
    assert texts(recipients_table(item="police"))  # every demo council's police column


# What each demo council's notice states for kinds of record that no row of its names by slug:
# a row that covers several kinds counts for each (notices.public.record_kind_words).
DEMO_STATED_IN_WORDS = {
    "ashcombe-vale": {},
    "brackendale": {},
    # "Looked-after children's case records ... Includes care leavers' records".
    "harrowmere": {"care-leaver-records": "75 years from the child's date of birth"},
    # "Child in need and child protection records".
    "kestrelford": {"child-protection-records": "25 years from the case being closed"},
    "merrowgate": {},
}


@pytest.mark.parametrize("slug", sorted(DEMO_STATED_IN_WORDS))
def test_the_retention_comparison_shows_every_period_a_demo_council_states(slug, demo):
    table = retention_table()
    [row] = [row for row in table.rows if row.council_slug == slug]
    cells = {column.slug: cell for column, cell in zip(table.columns, row.cells, strict=True)}
    version = NoticeVersion.objects.filter(notice__council__slug=slug).latest("number")
    periods = version.snapshot["retention_periods"]
    assert periods

    for period in periods:
        if period.get("record_kind"):
            cell = cells[period["record_kind"]]
            assert cell.is_stated
            assert period["duration"].casefold() in cell.text.casefold(), (period, cell)
    for kind, text in DEMO_STATED_IN_WORDS[slug].items():
        assert cells[kind].is_stated, kind
        assert text in cells[kind].text
    # Whatever the table says is not stated, no row of the council's names by kind or in words.
    named = {period.get("record_kind") for period in periods} | set(DEMO_STATED_IN_WORDS[slug])
    for kind, cell in cells.items():
        assert cell.is_stated == (kind in named), kind
        assert (cell.text == "Not stated") == (kind not in named), kind


def test_a_row_covers_the_kinds_its_name_or_its_includes_name(make_notice, publish, libraries):
    protection = RecordKind.objects.create(slug="protection", name="Child protection records")
    leavers = RecordKind.objects.create(slug="leavers", name="Care leaver records")
    notice = make_notice()
    notice.retention_periods.all().delete()
    retain(
        notice,
        "Looked-after children's records",
        libraries["lac"],
        notes="Includes care leavers' records. Kept with adoption records where there are any.",
    )
    retain(notice, "Child in need and child protection files", None, years=25)
    publish(notice)

    table = retention_table()
    assert labels(table) == [
        "Care leaver records",
        "Child protection records",
        "Looked-after children's case records",
    ]
    [row] = table.rows
    assert [cell.text for cell in row.cells] == [
        "Looked-after children's records: 75 years from the child's date of birth",
        "Child in need and child protection files: 25 years from the child's date of birth",
        "Looked-after children's records: 75 years from the child's date of birth",
    ]
    assert row.other_records == ()  # the second row counts for child protection
    assert protection.slug and leavers.slug


# --- The pages ----------------------------------------------------------------------------------


def page_of(response) -> str:
    return response.content.decode()


def header_texts(body: str, scope: str) -> list[str]:
    """The text of each `<th scope=...>`, tags taken out."""
    cells = re.findall(rf'<th scope="{scope}"[^>]*>(.*?)</th>', body, re.S)
    return [" ".join(re.sub(r"<[^>]+>", "", cell).split()) for cell in cells]


def test_the_introduction_links_to_the_three_tables(client):
    response = client.get(reverse("notices:comparisons"))

    assert response.status_code == 200
    body = page_of(response)
    assert_well_formed_page(body)
    for name in PAGES:
        assert f'href="{reverse(name)}"' in body


@pytest.mark.parametrize("name", PAGES)
def test_a_topic_page_lists_every_item_and_offers_a_few_councils_side_by_side(
    name, councils, client
):
    response = client.get(reverse(name))

    assert response.status_code == 200
    body = page_of(response)
    assert_well_formed_page(body)
    page = outline(body)
    table = BUILDERS[name]()
    assert "<table" not in body  # every council at once would be far too wide
    for item in table.items:
        url = reverse(ITEM_PAGES[name], kwargs={"item": item.column.slug})
        assert f'href="{url}">{escape(item.column.label)}</a>' in body
        assert f"In {item.stated_count} of 3 councils" in body
    selects = page.find_all("select")
    assert len(selects) == MAX_SIDE_BY_SIDE
    for select in selects:
        assert select.attrs["name"] == "council"
        [label] = [e for e in page.find_all("label") if e.attrs.get("for") == select.attrs["id"]]
    first = re.search(r'<select[^>]*id="council-1".*?</select>', body, re.S).group()
    assert re.findall(r'<option value="([^"]*)"', first) == ["", "alder", "birch", "cedar"]
    assert "current published notice" in body
    assert "Aardvark" not in body


def test_an_item_counts_the_councils_that_state_it(councils):
    [police] = [item for item in recipients_table().items if item.column.slug == "police"]

    assert police.stated_count == 2
    assert police.answers[1] == ("Birch Council", Cell("No", is_stated=False))


def test_councils_side_by_side_are_columns_and_items_rows(councils, client):
    response = client.get(reverse("notices:compare-recipients"), {"council": ["cedar", "alder"]})

    assert response.status_code == 200
    body = page_of(response)
    assert_well_formed_page(body)
    page = outline(body)
    assert len(page.find_all("table")) == 1
    assert header_texts(body, "col") == ["Recipient", "Alder Council", "Cedar Council"]
    # Schools is neither council's, so it is no row.
    assert header_texts(body, "row") == ["Department for Education", "Police"]
    assert "Statutory returns on children in need" in body  # the council's own words
    assert '<option value="alder" selected>' in body
    assert '<option value="cedar" selected>' in body
    assert "Birch Council" not in body[body.index("<table") : body.index("</table>")]


@pytest.mark.parametrize(
    "chosen, problem",
    [
        (["alder", "birch", "cedar", "aardvark"], "Choose councils from the lists"),
        (["no-such-council"], "Choose councils from the lists"),
        (["x" * 500], "Choose councils from the lists"),
        (["", ""], "Choose at least one council"),
        (["alder"] * 9, "Choose up to 4 councils"),
    ],
)
def test_a_choice_of_councils_the_page_cannot_show_is_a_form_error(
    chosen, problem, councils, client
):
    response = client.get(reverse("notices:compare-retention"), {"council": chosen})

    assert response.status_code == 400
    body = page_of(response)
    assert_well_formed_page(body)
    assert "There is a problem" in body
    assert f'<a href="#council-1">{problem}</a>' in body
    assert "govuk-select--error" in body
    assert "<table" not in body


def test_more_than_four_councils_cannot_be_put_side_by_side(make_notice, publish, client):
    slugs = [publish(make_notice()).notice.council.slug for _ in range(5)]

    response = client.get(reverse("notices:compare-recipients"), {"council": slugs})

    assert response.status_code == 400
    assert "Choose up to 4 councils" in page_of(response)
    ok = client.get(reverse("notices:compare-recipients"), {"council": slugs[:4]})
    assert ok.status_code == 200
    assert header_texts(page_of(ok), "row") == ["Police"]
    assert len(outline(page_of(ok)).find_all("td")) == 4


def test_the_recipients_side_by_side_reads_each_cell_in_words(councils, client):
    body = page_of(client.get(reverse("notices:compare-recipients"), {"council": ["birch"]}))

    assert "Routinely" in body
    assert ">No<" not in body  # birch's own items only: schools


def test_an_item_page_lists_each_councils_answer_and_own_words(councils, client):
    response = client.get(reverse("notices:compare-recipient", kwargs={"item": "police"}))

    assert response.status_code == 200
    body = page_of(response)
    assert_well_formed_page(body)
    page = outline(body)
    columns = [th for th in page.find_all("th") if th.attrs.get("scope") == "col"]
    assert len(columns) == 3  # council, police, why
    assert header_texts(body, "row") == ["Alder Council", "Birch Council", "Cedar Council"]
    assert "To protect children from harm" in body
    assert "Whether each council shares information with: Police" in body


def test_the_old_item_address_moves_to_the_items_page(councils, client):
    response = client.get(reverse("notices:compare-recipients"), {"item": "police"})

    assert response.status_code == 301
    assert response.headers["Location"] == reverse(
        "notices:compare-recipient", kwargs={"item": "police"}
    )


def test_the_retention_page_lists_other_records(councils, client):
    body = page_of(client.get(reverse("notices:compare-retention")))

    assert "Other records councils list" in body
    assert "Parking permits: 1 year from the record being created" in body


def test_with_no_published_notice_the_pages_say_so(client, make_notice):
    make_notice()

    for name in PAGES:
        response = client.get(reverse(name))
        assert response.status_code == 200
        body = page_of(response)
        assert_well_formed_page(body)
        assert "No council has published a notice yet" in body
        assert "<table" not in body


HOSTILE_ITEMS = [
    "not-a-recipient",
    "x" * 1000,
    "<script>alert(1)</script>",
    "police' OR '1'='1",
    "police; DROP TABLE notices_notice; --",
    "%00police",
    "../police",
    "P0LICE",
]


@pytest.mark.parametrize("item", HOSTILE_ITEMS)
def test_an_unknown_or_hostile_item_is_a_404_page_linking_to_the_full_table(item, councils, client):
    response = client.get(reverse("notices:compare-recipients"), {"item": item})

    assert response.status_code == 404
    body = page_of(response)
    assert_well_formed_page(body)
    assert "There is no such recipient" in body
    assert f'href="{reverse("notices:compare-recipients")}"' in body
    assert "<script>alert" not in body
    assert "xxxxxxxxxx" not in body


def test_an_unknown_item_is_a_404_even_with_nothing_published(client, db):
    response = client.get(reverse("notices:compare-retention"), {"item": "adoption-records"})

    assert response.status_code == 404
    assert "There is no such kind of record" in page_of(response)


def test_an_item_of_another_table_is_unknown_here(councils, client):
    response = client.get(reverse("notices:compare-data-categories"), {"item": "police"})

    assert response.status_code == 404
    assert "There is no such kind of information" in page_of(response)


def test_an_empty_item_shows_the_topic_page(councils, client):
    response = client.get(reverse("notices:compare-recipients"), {"item": "  "})

    assert response.status_code == 200
    assert "one recipient at a time" in page_of(response)


@pytest.mark.parametrize("item", ["x" * 200, "no-such-item", "police"])
def test_an_unknown_item_page_is_a_404(item, councils, client):
    response = client.get(reverse("notices:compare-record-kind", kwargs={"item": item}))

    assert response.status_code == 404
    body = page_of(response)
    assert_well_formed_page(body)
    assert "There is no such kind of record" in body


def test_a_pages_queries_do_not_grow_with_councils(make_notice, publish, client):
    counts = []
    for how_many in (2, 6):
        while NoticeVersion.objects.count() < how_many:
            publish(make_notice())
        with CaptureQueriesContext(connection) as queries:
            assert client.get(reverse("notices:compare-retention")).status_code == 200
            item = reverse("notices:compare-recipient", kwargs={"item": "police"})
            assert client.get(item).status_code == 200
            slugs = list(Notice.objects.values_list("council__slug", flat=True)[:3])
            chosen = client.get(reverse("notices:compare-retention"), {"council": slugs})
            assert chosen.status_code == 200
        counts.append(len(queries))

    assert counts[0] == counts[1]


# --- Record kinds through snapshots, restoring and diffing ---------------------------------------


@pytest.fixture
def lac_kind(db) -> RecordKind:
    return RecordKind.objects.create(
        slug="lac-records", name="Looked-after children's case records"
    )


def test_a_snapshot_carries_each_retention_rows_record_kind(make_notice, lac_kind):
    notice = make_notice()
    retain(notice, "Parking permits", None, years=1)
    notice.retention_periods.filter(record_type__startswith="Looked").update(record_kind=lac_kind)

    rows = notice_snapshot(notice)["retention_periods"]

    assert [(row.get("record_kind"), row.get("record_kind_name")) for row in rows] == [
        ("lac-records", "Looked-after children's case records"),
        (None, None),
    ]
    # A row without a kind has no keys for it, so its snapshot (and content hash) is what it
    # was before record kinds existed: notices published then do not show as changed.
    assert "record_kind" not in rows[1] and "record_kind_name" not in rows[1]


def test_a_snapshot_reads_the_record_kinds_without_a_query_per_row(
    make_notice, lac_kind, django_assert_max_num_queries
):
    notice = make_notice()
    for number in range(5):
        retain(notice, f"Records {number}", lac_kind)
    with CaptureQueriesContext(connection) as few:
        notice_snapshot(notice)
    for number in range(5, 15):
        retain(notice, f"Records {number}", lac_kind)

    with django_assert_max_num_queries(len(few)):
        notice_snapshot(notice)


def test_restoring_a_version_puts_its_record_kinds_back(make_notice, publish, lac_kind):
    notice = make_notice()
    notice.retention_periods.update(record_kind=lac_kind)
    version = publish(notice)
    notice.retention_periods.update(record_kind=None)

    report = restore_version_to_draft(notice, version, by=None)

    assert report.not_restored == []
    assert [period.record_kind for period in notice.retention_periods.all()] == [lac_kind]


def test_restoring_a_record_kind_that_left_the_library_keeps_the_period_without_it(
    make_notice, publish, lac_kind
):
    notice = make_notice()
    notice.retention_periods.update(record_kind=lac_kind)
    version = publish(notice)
    notice.retention_periods.update(record_kind=None)
    lac_kind.delete()

    report = restore_version_to_draft(notice, version, by=None)

    [period] = notice.retention_periods.all()
    assert period.record_kind is None
    assert period.years == 75
    assert len(report.not_restored) == 1
    assert "Looked-after children's case records" in report.not_restored[0]


def test_a_changed_record_kind_shows_in_the_diff(make_notice, publish, lac_kind):
    notice = make_notice()
    version = publish(notice)
    notice.retention_periods.update(record_kind=lac_kind)

    status = draft_status(notice)
    diff = diff_versions(
        NoticeSide(version.snapshot, None, "version 1"),
        NoticeSide(status.draft_snapshot, None, "the draft"),
    )

    [change] = diff.retention_periods.changed
    assert [(f.name, f.old, f.new) for f in change.fields] == [
        ("Kind of record", "", "Looked-after children's case records")
    ]
    assert status.has_unpublished_changes


def legacy_version(notice: Notice, number: int) -> NoticeVersion:
    """A version as published before record kinds existed: its retention rows lack the keys."""
    latest = NoticeVersion.objects.get(notice=notice, number=number - 1)
    snapshot = latest.snapshot
    for row in snapshot["retention_periods"]:
        del row["record_kind"], row["record_kind_name"]
    return NoticeVersion.objects.create(
        notice=notice,
        number=number,
        title=latest.title,
        published_at=timezone.now(),
        change_note="Published before record kinds",
        is_major=True,
        snapshot=snapshot,
        content_hash=content_hash(snapshot),
        rendered_html=latest.rendered_html,
    )


def test_a_version_from_before_record_kinds_still_compares_restores_and_diffs(
    make_notice, publish, lac_kind, client
):
    notice = make_notice()
    notice.retention_periods.update(record_kind=lac_kind)
    publish(notice)
    old = legacy_version(notice, 2)
    assert "record_kind" not in old.snapshot["retention_periods"][0]

    # Compared: the current version is the legacy one, with no record kind in its period, but
    # the period's name is the library kind's, so it counts for that kind.
    table = retention_table()
    assert table.columns == (Column(slug="lac-records", name=lac_kind.name),)
    assert table.rows[0].cells[0].text == "75 years from the child's date of birth"
    assert table.rows[0].other_records == ()
    # Diffed, against a version that has the keys, and against itself.
    first = NoticeVersion.objects.get(notice=notice, number=1)
    diff = diff_versions(
        NoticeSide(old.snapshot, None, "version 2"), NoticeSide(first.snapshot, None, "version 1")
    )
    assert [f.name for f in diff.retention_periods.changed[0].fields] == ["Kind of record"]
    same = diff_versions(NoticeSide(old.snapshot, None, "a"), NoticeSide(old.snapshot, None, "b"))
    assert not same.has_changes
    compare_url = reverse("notices:compare", args=[notice.council.slug, notice.kind, 1, 2])
    assert client.get(compare_url).status_code == 200
    assert client.get(reverse("notices:compare-retention")).status_code == 200
    # Restored: the period comes back with no record kind.
    report = restore_version_to_draft(notice, old, by=None)
    assert report.not_restored == []
    assert [period.record_kind for period in notice.retention_periods.all()] == [None]


def test_council_staff_may_read_the_record_kinds_and_not_change_them(make_notice, make_staff):
    editor = make_staff(make_notice().council, "editor")

    assert editor.has_perm("notices.view_recordkind")
    assert not editor.has_perm("notices.change_recordkind")
    assert not editor.has_perm("notices.add_recordkind")


def test_the_council_choices_mark_only_the_chosen_council_and_escape_names():
    from notices.public.council_choice import select_options

    councils = [("alder", "Alder <b>Council</b>"), ("alder-vale", "Alder Vale Council")]
    [(first, alder), (second, nothing)] = select_options(
        councils, (("First council", "alder"), ("Second council", ""))
    )

    assert (first, second) == ("First council", "Second council")
    assert alder == (
        '<option value="alder" selected>Alder &lt;b&gt;Council&lt;/b&gt;</option>'
        '<option value="alder-vale">Alder Vale Council</option>'
    )
    assert "selected" not in nothing

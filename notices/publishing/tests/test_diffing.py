"""The diff between two versions of a notice: what it finds, and how the partial shows it."""

import copy

import pytest
from django.template.loader import render_to_string

from notices.publishing.diffing.blocks import markdown_blocks, reading_text
from notices.publishing.diffing.notice import diff_versions
from notices.publishing.diffing.results import (
    ADDED,
    CHANGED,
    DELETE,
    EQUAL,
    INSERT,
    LIST_ITEM,
    MOVED,
    REMOVED,
    UNCHANGED,
    NoticeDiff,
    NoticeSide,
    Segment,
)
from notices.publishing.diffing.words import word_segments
from notices.testing.html import outline
from notices.testing.snapshots import HEALTH_CATEGORY, make_block, make_section, make_snapshot

# --- Building snapshots ---------------------------------------------------------------------


def changed(snapshot: dict) -> dict:
    return copy.deepcopy(snapshot)


def compare(old: dict, new: dict, old_block: dict | None = None, new_block=None) -> NoticeDiff:
    return diff_versions(
        NoticeSide(old, old_block, "version 1"), NoticeSide(new, new_block, "version 2")
    )


def render(diff: NoticeDiff) -> str:
    return render_to_string("notices/_notice_diff.html", {"diff": diff})


def part(diff: NoticeDiff, anchor: str):
    return next(part for part in diff.sections.parts if part.anchor == anchor)


def changed_blocks(text_diff):
    return [block for block in text_diff.blocks if block.change != EQUAL]


# --- Text blocks and words ------------------------------------------------------------------


def test_a_changed_word_is_marked_alone_not_its_paragraph():
    old = make_snapshot()
    new = changed(old)
    new["sections"][1]["body"] = new["sections"][1]["body"].replace("seven years", "ten years")

    diff = compare(old, new)

    section = part(diff, "what-we-collect")
    assert section.status == CHANGED
    [block] = changed_blocks(section.body)
    assert block.segments == (
        Segment(EQUAL, "We keep records for "),
        Segment(DELETE, "seven"),
        Segment(INSERT, "ten"),
        Segment(EQUAL, " years after the case closes."),
    )
    html = render(diff)
    assert '<del><span class="visually-hidden">removed: </span>seven</del>' in html
    assert '<ins><span class="visually-hidden">added: </span>ten</ins>' in html
    assert "We keep records for <del>" in html


def test_word_segments_keep_every_word_of_both_sides():
    old = "The council shares information with the police and health."
    new = "The council may share data with police, schools and health services."
    segments = word_segments(old, new)
    assert "".join(s.text for s in segments if s.kind != INSERT) == old
    assert "".join(s.text for s in segments if s.kind != DELETE) == new


def test_an_unlike_paragraph_is_shown_deleted_and_the_new_one_inserted():
    old = make_snapshot()
    new = changed(old)
    new["sections"][2]["body"] = "Ring the helpline on any weekday morning."

    blocks = part(compare(old, new), "your-rights").body.blocks

    assert [block.change for block in blocks] == [DELETE, INSERT]


def test_markdown_link_and_bold_become_reading_text():
    text = "Read **our policy** and __this__, *now*: [the guide](https://x.example/guide)."
    assert (
        reading_text(text) == "Read our policy and this, now: the guide (https://x.example/guide)."
    )
    assert reading_text("Mail <https://x.example> or <a@x.example>.") == (
        "Mail https://x.example or a@x.example."
    )
    assert reading_text("Use `code_here` and <b>raw</b> tags.") == "Use code_here and raw tags."


def test_list_items_headings_and_table_rows_are_blocks_of_their_own():
    blocks = markdown_blocks(
        "Intro line\n- first\n* second\n+ third\n1. numbered\n\n## A heading\n\n"
        "| Record | Kept |\n|---|---|\n| Case file | 75 years |"
    )
    assert [(block.kind, block.text) for block in blocks] == [
        ("paragraph", "Intro line"),
        (LIST_ITEM, "first"),
        (LIST_ITEM, "second"),
        (LIST_ITEM, "third"),
        (LIST_ITEM, "numbered"),
        ("heading", "A heading"),
        ("table_row", "Record | Kept"),
        ("table_row", "Case file | 75 years"),
    ]
    assert blocks[4].ordered and not blocks[1].ordered


def test_a_changed_list_item_is_shown_inside_a_list():
    old = make_snapshot()
    new = changed(old)
    new["sections"][0]["body"] = new["sections"][0]["body"].replace("To plan care", "To plan")

    diff = compare(old, new)

    [block] = changed_blocks(part(diff, "why-we-use-it").body)
    assert block.kind == LIST_ITEM
    html = render(diff)
    assert (
        '<ul class="diff-list"><li class="diff-block diff-block--equal">To assess needs</li>'
        '<li class="diff-block diff-block--changed">To plan<del>'
    ) in html


def test_only_a_formatting_change_is_said_to_be_one():
    old = make_snapshot()
    new = changed(old)
    new["sections"][2]["body"] = "You can ask for a copy of your **records**."

    diff = compare(old, new)

    assert part(diff, "your-rights").formatting_only
    assert "Only the formatting of the text changed" in render(diff)


# --- Sections -------------------------------------------------------------------------------


def test_an_added_section_shows_all_its_text_inserted():
    old = make_snapshot()
    new = changed(old)
    new["sections"].insert(
        2,
        make_section(
            "automated-decisions",
            "Automated decision-making",
            "We do not make decisions by computer alone.",
        ),
    )

    diff = compare(old, new)

    added = part(diff, "automated-decisions")
    assert added.status == ADDED and added.new_position == 3
    assert [block.change for block in added.body.blocks] == [INSERT]
    assert "1 section added: Automated decision-making" in diff.summary
    assert diff.sections.moved == 0  # the others kept their order
    assert "<h3>Automated decision-making</h3>" in render(diff)


def test_a_removed_section_shows_its_text_deleted_where_it_was():
    old = make_snapshot()
    new = changed(old)
    del new["sections"][2]  # "Your rights", between "What we collect" and "Complaints"

    diff = compare(old, new)

    assert [p.anchor for p in diff.sections.parts] == [
        "why-we-use-it",
        "what-we-collect",
        "your-rights",
        "complaints",
    ]
    removed = part(diff, "your-rights")
    assert removed.status == REMOVED
    assert [block.change for block in removed.body.blocks] == [DELETE]
    assert "1 section removed: Your rights" in diff.summary
    assert "Removed" in render(diff)


def test_a_moved_section_is_the_one_out_of_order():
    old = make_snapshot()
    new = changed(old)
    new["sections"].append(new["sections"].pop(0))  # first to last

    diff = compare(old, new)

    moved = part(diff, "why-we-use-it")
    assert moved.status == MOVED and moved.is_moved
    assert (moved.old_position, moved.new_position) == (1, 4)
    assert all(p.status == UNCHANGED for p in diff.sections.parts if p is not moved)
    assert "1 section moved" in diff.summary
    html = render(diff)
    assert "Moved: it was section 1 in version 1 and is section 4 in version 2." in html


def test_a_section_both_moved_and_changed_says_both():
    old = make_snapshot()
    new = changed(old)
    new["sections"].append(new["sections"].pop(0))
    new["sections"][-1]["heading"] = "Why we use information"

    moved = part(compare(old, new), "why-we-use-it")

    assert moved.status == CHANGED and moved.is_moved
    assert moved.tags == ("Changed", "Moved")
    assert Segment(DELETE, "your ") in moved.heading_change


def test_a_section_whose_anchor_changed_is_matched_by_its_heading():
    old = make_snapshot()
    new = changed(old)
    new["sections"][2]["anchor"] = "rights"

    diff = compare(old, new)

    assert not diff.has_changes
    assert [p.status for p in diff.sections.parts] == [UNCHANGED] * 4


def test_an_unchanged_section_is_listed_by_name_not_shown_in_full():
    old = make_snapshot()
    new = changed(old)
    new["sections"][1]["body"] += " More."

    diff = compare(old, new)

    assert part(diff, "your-rights").status == UNCHANGED
    html = render(diff)
    assert "<li>Your rights</li>" in html
    assert "<h3>Your rights</h3>" not in html
    assert "You can ask for a copy of your records." not in html
    assert "3 unchanged sections" in html


def test_a_changed_ico_item_is_named_by_its_label():
    old = make_snapshot()
    new = changed(old)
    new["sections"][3] |= {"ico_item": "complaints", "ico_item_label": "Complaints and the ICO"}

    html = render(compare(old, new))

    assert (
        "ICO checklist item: changed from “Purposes of processing” to “Complaints and the ICO”"
        in html
    )


def test_long_unchanged_runs_inside_a_changed_section_are_counted_not_shown():
    old = make_snapshot()
    new = changed(old)
    new["sections"][1]["body"] = new["sections"][1]["body"].replace("seven", "ten")

    body = part(compare(old, new), "what-we-collect").body

    gap, context, change = body.groups
    assert gap.hidden == 3 and not gap.blocks
    assert context.blocks[0].change == EQUAL
    assert change.blocks[0].change == CHANGED


# --- Title, introduction, lists, contacts, shared block --------------------------------------


def test_title_and_introduction_changes_are_word_diffs():
    old = make_snapshot()
    new = make_snapshot(
        notice={
            "title": "Children's services privacy notice",
            "introduction": "This notice covers **children's social care** and adoption.",
        }
    )

    diff = compare(old, new)

    assert Segment(DELETE, "social care") in diff.title.blocks[0].segments
    assert Segment(INSERT, " and adoption") in diff.introduction.blocks[0].segments
    assert diff.young_people_summary is None
    assert "“Title” changed" in diff.summary
    assert "<h2>Title and introduction</h2>" in render(diff)


def test_a_removed_recipient_an_added_category_and_a_changed_retention_period():
    old = make_snapshot()
    new = changed(old)
    del new["recipients"][0]  # Police
    new["data_categories"].append(dict(HEALTH_CATEGORY))
    new["retention_periods"][0] |= {"years": 80, "duration": "80 years"}
    new["retention_periods"][0]["record_type"] = "Looked-after  children's case RECORDS"

    diff = compare(old, new)

    assert [item.label for item in diff.recipients.removed] == ["Police"]
    assert [item.label for item in diff.data_categories.added] == ["Health"]
    assert ("Special category data", "Yes") in diff.data_categories.added[0].details
    [period] = diff.retention_periods.changed  # matched despite the spacing and case
    durations = [(f.name, f.old, f.new) for f in period.fields]
    assert ("Kept for", "75 years", "80 years") in durations
    assert diff.summary == (
        "1 kind of information added: Health",
        "1 recipient removed: Police",
        "1 retention period changed: Looked-after  children's case RECORDS",
    )
    html = render(diff)
    assert "<h2>Information kept, sharing, lawful bases and retention</h2>" in html
    assert "<h3>Who we share it with</h3>" in html
    assert "Kept for: changed from “75 years” to “80 years”" in html


def test_a_changed_lawful_basis_explanation_is_a_word_diff():
    old = make_snapshot()
    new = changed(old)
    new["lawful_bases"][0]["explanation"] = "Our duties to children in need and their families"

    diff = compare(old, new)

    [basis] = diff.lawful_bases.changed
    assert basis.label == "UK GDPR Article 6(1)(e): public task"
    [field] = basis.fields
    assert field.name == "What it covers"
    assert field.segments == (
        Segment(EQUAL, "Our duties to children in need"),
        Segment(INSERT, " and their families"),
    )
    assert "added: </span> and their families</ins>" in render(diff)


def test_lawful_bases_with_the_same_provision_pair_up_in_order():
    old = make_snapshot()
    second = old["lawful_bases"][0] | {"explanation": "Adoption services"}
    old["lawful_bases"].append(second)
    new = changed(old)
    new["lawful_bases"][1]["explanation"] = "Adoption and fostering services"

    diff = compare(old, new)

    [basis] = diff.lawful_bases.changed
    assert basis.label == "UK GDPR Article 6(1)(e): public task (entry 2)"
    assert not diff.lawful_bases.added and not diff.lawful_bases.removed


def test_a_changed_dpo_email_is_named_readably():
    old = make_snapshot()
    new = make_snapshot(council={"dpo_email": "privacy@northshire.example"})

    diff = compare(old, new)

    [change] = diff.contacts
    assert (change.name, change.old, change.new) == (
        "Data Protection Officer email",
        "dpo@northshire.example",
        "privacy@northshire.example",
    )
    assert "Contact details changed: Data Protection Officer email" in diff.summary
    html = render(diff)
    assert "<h2>Contact details</h2>" in html
    assert (
        "Data Protection Officer email: changed from “dpo@northshire.example” to "
        "“privacy@northshire.example”" in html
    )


def test_a_changed_shared_block_part_is_diffed_like_a_section():
    snapshot = make_snapshot()
    new_block = make_block()
    new_block["parts"] = copy.deepcopy(new_block["parts"])
    new_block["parts"][1]["body"] = "The Department shares data with approved researchers."

    diff = compare(snapshot, snapshot, make_block(), new_block)

    assert diff.has_changes
    assert diff.shared_block.status == CHANGED
    [block_part] = diff.shared_block.parts.changed_parts
    assert block_part.heading == "Sharing by the Department"
    assert Segment(INSERT, "approved ") in block_part.body.blocks[0].segments
    assert "Department for Education section: 1 part changed" in diff.summary
    html = render(diff)
    assert "<h2>Department for Education section</h2>" in html
    assert "1 unchanged part" in html


def test_a_shared_block_added_or_removed_is_said_so():
    snapshot = make_snapshot()

    added = compare(snapshot, snapshot, None, make_block())
    removed = compare(snapshot, snapshot, make_block(), None)

    assert added.shared_block.status == ADDED
    assert "Department for Education section added" in added.summary
    assert "Version 2 includes the section “How the Department" in render(added)
    assert removed.shared_block.status == REMOVED
    assert "Department for Education section removed" in removed.summary


def test_identical_sides_have_no_changes():
    snapshot = make_snapshot()

    diff = compare(snapshot, copy.deepcopy(snapshot), make_block(), make_block())

    assert diff.has_changes is False
    assert diff.summary == ()
    assert diff.groups == ()
    html = render(diff)
    assert "Version 1 and version 2 say the same thing" in html
    assert "<h2" not in html and "<ins" not in html


# --- The partial ----------------------------------------------------------------------------

HOSTILE = ["<script>alert(1)</script>", "<img src=x onerror=alert(1)>"]


@pytest.mark.parametrize("payload", HOSTILE)
def test_hostile_staff_text_is_escaped(payload):
    old = make_snapshot()
    new = changed(old)
    # Plain-text fields are shown as typed; in Markdown, code spans and entities keep the text.
    new["sections"][0]["heading"] = payload
    new["sections"][0]["body"] = f"Code: `{payload}` and {payload} and &lt;b&gt;."
    new["sections"].append(make_section("new-part", payload, f"Added `{payload}`"))
    new["recipients"][0]["purpose"] = f"To protect children {payload}"
    new["recipients"][1]["name"] = payload
    new["notice"]["title"] = payload

    html = render(compare(old, new, make_block(), make_block(title=payload)))

    escaped = payload.replace("<", "&lt;").replace(">", "&gt;")
    assert escaped in html
    assert "&lt;b&gt;" in html
    page = outline(html)
    assert not page.errors and not page.unclosed
    for element in page.elements:
        assert element.tag not in {"script", "img"}
        assert not any(name.startswith("on") for name in element.attrs)
    assert "<script" not in html.lower() and "<img" not in html.lower()


def test_insertions_and_deletions_carry_hidden_words_and_a_key():
    old = make_snapshot()
    new = changed(old)
    new["sections"][2]["body"] = "You can ask for a free copy of your records."
    new["sections"][3]["body"] = "You can complain."

    html = render(compare(old, new))

    page = outline(html)
    for tag in ("ins", "del"):
        marks = html.count(f"<{tag}>")
        assert marks >= 2  # one in the key, at least one in the text
        assert html.count(f'<{tag}><span class="visually-hidden">') == marks
    assert html.index("How to read this comparison") < html.index("<h2>")
    assert 'visually-hidden">added: </span>' in html
    assert 'visually-hidden">removed: </span>' in html
    assert any(
        element.attrs.get("class") == "diff-tag diff-tag--changed" for element in page.elements
    )


def test_the_partial_is_well_formed_with_meaningful_headings():
    old = make_snapshot()
    new = changed(old)
    new["notice"]["introduction"] = "## What this covers\n\nChildren's social care and adoption."
    new["sections"][1]["body"] += "\n\n### Keeping it safe\n\nWe lock it away."
    new["sections"].append(make_section("extra", "Extra section", "- one\n- two"))
    del new["sections"][0]
    new["recipients"][0]["frequency_label"] = "Routinely"
    new["council"]["dpo_phone"] = ""

    html = render(compare(old, new, make_block(), None))

    page = outline(html)
    assert not page.errors, page.errors
    assert not page.unclosed, page.unclosed
    levels = [level for level, _ in page.headings]
    assert levels[0] == 2
    for previous, current in zip(levels, levels[1:], strict=False):
        assert current <= previous + 1, page.headings
    assert all(text for _, text in page.headings), page.headings
    assert [text for level, text in page.headings if level == 2] == [
        "Summary of changes",
        "Title and introduction",
        "Sections",
        "Information kept, sharing, lawful bases and retention",
        "Department for Education section",
        "Contact details",
    ]
    ids = page.ids()
    assert len(ids) == len(set(ids)) and all(i.startswith("diff-") for i in ids)


def test_changed_spacing_alone_is_no_change():
    old = make_snapshot()
    new = changed(old)
    new["sections"][0]["body"] = new["sections"][0]["body"].replace("\n\n", "\r\n\r\n") + "\n"
    new["notice"]["introduction"] += "  "

    assert not compare(old, new).has_changes

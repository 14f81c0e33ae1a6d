"""The import scorer on small golden/report pairs whose figures are worked out by hand, and the
corpus it scores: every golden file valid, its source there, and the files what the build gives."""

import json
import zipfile

import pytest

from notices.importing import scoring
from notices.importing.tests.corpus import FILES, GOLDEN, cases, golden_files
from notices.importing.tests.corpus.build import built
from notices.importing.tests.corpus.render import SHAPES

GOLDEN_PAIR = {
    "source": "notice.txt",
    "shape": "text-lf",
    "title": "Ashby Vale Council privacy notice",
    "sections": [
        {"heading": "Why we use it", "ico_item": "purposes"},
        {"heading": "Who we share it with", "ico_item": "recipients"},
        {"heading": "How long we keep it", "ico_item": "retention"},
        {"heading": "Your rights", "ico_item": "rights"},
    ],
    "data_categories": [
        {"name": "Health", "matched_to": "health"},
        {"name": "Housing history", "proposed": "Housing history"},
    ],
    "recipients": [
        {"name": "Police", "matched_to": "police"},
        {"name": "Schools", "matched_to": "schools"},
        {"name": "Our case recording system supplier", "proposed": "x"},
    ],
    "lawful_bases": ["A6-1-e", "A9-2-h"],
    "retention_periods": [
        {
            "record_type": "Child in need records",
            "record_kind": "child-in-need-records",
            "trigger": "date-of-birth",
            "years": 25,
            "months": 0,
        },
        {
            "record_type": "Early help records",
            "record_kind": None,
            "trigger": "case-closure",
            "years": 6,
            "months": 0,
        },
    ],
    "national_parts": [
        {"heading": "The National Pupil Database", "aligned_to": "npd", "status": "reworded"},
        {"heading": "Sharing by the Department", "aligned_to": "shares", "status": "reworded"},
    ],
    "not_imported": ["Skip to main content"],
    "drift": [],
    "dfe_items": ["other government departments"],
}

REPORT = {
    "title": "Skip to main content",
    "introduction": "",
    "young_people_summary": "",
    "sections": [
        {"heading": "1. Why we use it", "ico_item": "purposes", "body": "To keep children safe."},
        {"heading": "WHO WE SHARE IT WITH", "ico_item": "other", "body": ""},
        {"heading": "Sharing by the Department", "ico_item": "recipients", "body": ""},
    ],
    "data_categories": [{"name": "Health – medical needs", "matched_to": "health"}],
    "recipients": [
        {"name": "Police", "matched_to": "police"},
        {"name": "Schools", "matched_to": "schools"},
        # Two different bodies in one library entry: the merge the scorer counts.
        {"name": "Our case recording system supplier", "matched_to": "schools"},
        {"name": "other government departments", "matched_to": "schools"},
    ],
    "lawful_bases": ["A6-1-e", "A6-1-c"],
    "retention_periods": [
        {
            "record_type": "Records of children in need",
            "record_kind": "child-in-need-records",
            "trigger": "date-of-birth",
            "years": 25,
            "months": 0,
        },
        {
            "record_type": "Early help records",
            "record_kind": None,
            "trigger": "case-closure",
            "years": 7,
            "months": 0,
        },
    ],
    "national_parts": [
        {
            "heading": "The National Pupil Database",
            "aligned_to": "npd",
            "status": "reworded",
            "text": "The Department keeps a database.",
        }
    ],
    "not_imported": [],
    "drift": [],
}

SOURCE = (
    "Skip to main content\nAshby Vale Council privacy notice\n1. Why we use it\n"
    "To keep children safe.\nThe National Pupil Database\nThe Department keeps a database.\n"
    "Cookie settings"
)


def test_recall_and_precision_per_kind():
    result = scoring.score(GOLDEN_PAIR, REPORT, SOURCE)
    counts = {kind: (c.found, c.expected, c.given) for kind, c in result.counts.items()}

    assert counts == {
        # Numbering and capitals do not matter; the DfE heading is not a council section.
        "sections": (2, 4, 3),
        "national_parts": (1, 2, 1),
        # The found name may carry the detail after the golden name.
        "data_categories": (1, 2, 1),
        # The supplier is named but put in a library entry instead of proposed: not found.
        "recipients": (2, 3, 4),
        "lawful_bases": (1, 2, 2),
        # Matched by record kind; a different period is a different rule.
        "retention": (1, 2, 2),
    }
    assert result.counts["sections"].recall == 0.5
    assert result.counts["recipients"].precision == 0.5


def test_failures_counted_apart():
    result = scoring.score(GOLDEN_PAIR, REPORT, SOURCE)

    assert result.title_right == 0
    assert result.ico_wrong == 1  # "Who we share it with" tagged "other"
    # "schools" holds Schools, the supplier and a DfE recipient: two bodies too many.
    assert result.hidden_merges == 2
    # The "Sharing by the Department" section and the DfE recipient.
    assert result.dfe_taken_as_council == 2
    assert result.furniture_kept == 1  # the skip link as the title
    # The real title line and "Cookie settings" are in nothing found: 5 + 2 of the 28 words
    # (the heading's "1." is its numbering, not a word).
    assert result.unaccounted_words == 7
    assert result.source_words == 28


def test_list_and_heading_markers_of_a_text_file_are_not_words_but_numbers_in_text_are():
    text = "3. Who we share with\no the police\n(a) schools\nii) the NHS\n1989 was the year.\n"
    assert scoring.words(scoring.without_line_markers(text)) == scoring.words(
        "Who we share with the police schools the NHS 1989 was the year"
    )


def test_furniture_counts_as_kept_only_as_a_line_of_its_own():
    report = {
        "title": "Ivymoor Council privacy notice",
        "introduction": "Ivymoor Council uses information about children.",
        "sections": [{"heading": "Your rights", "body": "You can ask.\n\n- Share this page"}],
    }
    furniture = ["Ivymoor Council", "Privacy", "Share this page", "Cookie settings"]
    assert scoring.furniture_kept(furniture, report) == 1


def test_a_perfect_report_scores_everything():
    perfect = {
        "title": GOLDEN_PAIR["title"],
        "introduction": "",
        "young_people_summary": "",
        "sections": [dict(section, body="") for section in GOLDEN_PAIR["sections"]],
        "data_categories": GOLDEN_PAIR["data_categories"],
        "recipients": GOLDEN_PAIR["recipients"],
        "lawful_bases": GOLDEN_PAIR["lawful_bases"],
        "retention_periods": GOLDEN_PAIR["retention_periods"],
        "national_parts": [dict(part, text="") for part in GOLDEN_PAIR["national_parts"]],
        "not_imported": GOLDEN_PAIR["not_imported"],
        "drift": [],
    }
    result = scoring.score(GOLDEN_PAIR, perfect, "Skip to main content Your rights")

    assert all(c.recall == 1 and c.precision == 1 for c in result.counts.values())
    assert (result.hidden_merges, result.dfe_taken_as_council, result.unaccounted_words) == (
        0,
        0,
        0,
    )
    assert result.title_right == 1


def test_totals_add_the_counts_not_the_percentages():
    lines = scoring.report_lines(
        [
            ("a", scoring.score(GOLDEN_PAIR, REPORT, SOURCE)),
            ("b", scoring.score(GOLDEN_PAIR, REPORT, SOURCE)),
        ]
    )
    total = lines[-1]
    assert total.startswith("TOTAL (2 notices)")
    assert "sections R 50% P 67%" in total
    assert "hidden merges 4" in total


def test_names_match_only_whole_or_as_the_start():
    assert scoring.names_match("The Police", "the police")
    assert scoring.names_match("Police – to prevent crime", "Police")
    assert not scoring.names_match("Transport police", "Police")
    assert not scoring.names_match("Policewomen", "Police")
    assert not scoring.names_match("anything", "")


@pytest.mark.parametrize(
    ("broken", "problem"),
    [
        ([], "not a JSON object"),
        ({**GOLDEN_PAIR, "title": ""}, "`title`"),
        ({**GOLDEN_PAIR, "sections": [{"heading": "A", "ico_item": "made-up"}]}, "ico_item"),
        ({**GOLDEN_PAIR, "recipients": [{"name": "Police"}]}, "matched_to or proposed"),
        ({**GOLDEN_PAIR, "lawful_bases": [6]}, "`lawful_bases`"),
        ({**GOLDEN_PAIR, "national_parts": [{"heading": "NPD", "status": "x"}]}, "DfE part"),
        (
            {**GOLDEN_PAIR, "retention_periods": [{"record_type": "A", "trigger": "soon"}]},
            "retention rule",
        ),
    ],
)
def test_a_broken_golden_file_is_named(broken, problem):
    assert scoring.golden_problems(GOLDEN_PAIR) == []
    assert any(problem in message for message in scoring.golden_problems(broken))


def test_source_text_is_what_a_reader_sees(tmp_path):
    page = tmp_path / "page.html"
    page.write_text(
        "<html><head><title>Furniture</title><script>var x</script></head>"
        "<body><h1>Notice</h1><p>Text &amp; more</p></body></html>"
    )
    assert scoring.words(scoring.source_text(page)) == scoring.words("Notice Text more")
    windows = tmp_path / "notice.txt"
    windows.write_bytes("Siân Ó Súilleabháin".encode("cp1252"))
    assert scoring.source_text(windows) == "Siân Ó Súilleabháin"


# The corpus ------------------------------------------------------------------------------------


def test_the_corpus_has_every_shape_and_at_least_fifteen_notices():
    corpus = list(cases())
    assert len(corpus) >= 15
    assert {golden["shape"] for _path, golden in corpus} == set(SHAPES)
    dfe_headings = {
        tuple(part["heading"] for part in golden["national_parts"]) for _path, golden in corpus
    }
    assert len(dfe_headings) >= 4  # the DfE text in different arrangements


@pytest.mark.parametrize("path", golden_files(), ids=lambda path: path.stem)
def test_every_golden_file_is_valid_and_its_source_exists(path):
    golden = json.loads(path.read_text(encoding="utf-8"))
    assert scoring.golden_problems(golden) == []
    source = FILES / golden["source"]
    assert source.is_file()
    assert scoring.words(scoring.source_text(source))  # the file has text to account for


def test_the_committed_corpus_is_what_the_build_writes():
    expected = built()
    on_disk = {
        f"{folder.name}/{path.name}": path.read_bytes()
        for folder in (FILES, GOLDEN)
        for path in folder.iterdir()
    }
    assert on_disk == expected


def test_the_windows_1252_notices_keep_their_names():
    text = (FILES / "fenwick-windows-1252.txt").read_bytes()
    with pytest.raises(UnicodeDecodeError):
        text.decode("utf-8")
    decoded = text.decode("cp1252")
    assert "Siân Ó Súilleabháin" in decoded and "Zoë" in decoded and "\r\n" in decoded


def test_the_word_notices_hold_tables():
    with zipfile.ZipFile(FILES / "kestrel-bay-word-tables.docx") as docx:
        assert docx.read("word/document.xml").count(b"<w:tbl>") == 2


def test_two_golden_items_of_one_name_in_their_own_entries_are_no_merge():
    golden = [
        {"name": "Looked after or in need", "matched_to": "looked-after-episodes"},
        {"name": "Looked after or in need", "matched_to": "child-in-need-episodes"},
    ]
    apart = [
        {"name": "Looked after or in need", "matched_to": "looked-after-episodes"},
        {"name": "Looked after or in need", "matched_to": "child-in-need-episodes"},
    ]
    assert scoring.hidden_merges(golden, [], apart) == 0
    assert scoring.hidden_merges(golden, [], apart[:1] + [{"name": "x", "matched_to": "y"}]) == 0
    merged = [{"name": "Looked after or in need", "matched_to": "adoption"}]
    assert scoring.hidden_merges(golden, [], merged) == 1

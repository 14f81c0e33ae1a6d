"""Issue 17, readers: text encodings. UTF-8 with or without a byte order mark and Windows-1252
are read; mojibake is repaired only where the garbled run decodes cleanly, and correctly written
names are never altered."""

import pytest

from notices.importing.reading import read_document

NAMES = ("Zoë Brontë-Nuñez", "Siân Ó Súilleabháin", "Renée Ní Bhriain", "Seán Ó Dálaigh")
NOTICE = (
    "Contact us\n\nOur Data Protection Officer is {0}. Her deputy is {1}.\n\n"
    "Your rights\n\nAsk {2} or {3} for a copy of your records; it costs £0 – it’s free.\n"
)


def notice() -> str:
    return NOTICE.format(*NAMES)


@pytest.mark.parametrize(
    "data",
    [
        pytest.param(notice().encode("utf-8"), id="utf-8"),
        pytest.param(b"\xef\xbb\xbf" + notice().encode("utf-8"), id="utf-8-with-bom"),
        pytest.param(notice().encode("cp1252"), id="windows-1252"),
    ],
)
def test_names_with_accents_are_read_exactly_in_each_encoding(data):
    document = read_document(data, "notice.txt")
    for name in NAMES:
        assert name in document.markdown
    assert "it costs £0 – it’s free" in document.markdown
    assert "\ufeff" not in document.markdown
    assert not any(note.startswith("Repaired") for note in document.notes)


def test_a_byte_order_mark_is_not_kept_in_the_title():
    data = "\ufeffFenwick Council privacy notice\n\nWho we are\n\nThe council.\n".encode()
    document = read_document(data, "notice.txt")
    assert document.title == "Fenwick Council privacy notice"
    assert document.markdown.startswith("# Fenwick Council privacy notice")


def test_mojibake_beside_correct_names_is_repaired_and_the_names_are_left_alone():
    # One paragraph pasted from a garbled copy ("’" as "â€™", "–" as "â€“"), the rest correct.
    garbled = "We canâ€™t share it â€“ ever."
    text = notice() + "\n" + garbled + "\n"
    document = read_document(text.encode("utf-8"), "notice.txt")
    assert "We can’t share it – ever." in document.markdown
    for name in NAMES:
        assert name in document.markdown
    note = next(note for note in document.notes if note.startswith("Repaired"))
    assert "â€™" in note


@pytest.mark.parametrize(
    "text",
    [
        "Siân, Zoë and Ó Súilleabháin",
        "Café Noël, naïve, Ångström, ½ price, £10, Ó, Ú",
        "Ã on its own, â followed by n",  # no run that decodes as UTF-8
    ],
)
def test_text_with_no_certain_mojibake_is_unchanged(text):
    document = read_document(f"Names\n\n{text}\n".encode(), "notice.txt")
    assert text in document.markdown
    assert not any(note.startswith("Repaired") for note in document.notes)

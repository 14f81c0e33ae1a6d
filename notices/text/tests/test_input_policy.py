"""One input policy for all staff text (issue 15.1 and 15.10): the validators, the names they give
characters staff cannot see, and the cleaning of stored rows."""

import pytest
from django.core.exceptions import ValidationError

from notices.text.input_policy import (
    character_name,
    cleaned,
    first_refused,
    single_line_text,
    staff_text,
    xml_safe,
)

C0_REFUSED = [chr(code) for code in range(0x20) if chr(code) not in "\t\n\r"]
FORMAT_CHARACTERS = ["\u202e", "\u202d", "\u2066", "\u200b", "\u200d", "\ufeff", "\u00ad"]


@pytest.mark.parametrize("character", C0_REFUSED)
def test_every_c0_control_but_tab_and_newline_is_refused_everywhere(character):
    for validator in (staff_text, single_line_text):
        with pytest.raises(ValidationError, match="a control character"):
            validator(f"Fostering{character} and adoption")


def test_tabs_newlines_and_crlf_pass_in_long_text():
    staff_text("Line one\r\nLine two\n\tindented")


def test_a_carriage_return_on_its_own_is_refused():
    with pytest.raises(ValidationError, match="carriage return without a line feed"):
        staff_text("Line one\rLine two")


@pytest.mark.parametrize("character", FORMAT_CHARACTERS)
def test_format_characters_are_refused_in_one_line_fields_only(character):
    with pytest.raises(ValidationError, match="an invisible character"):
        single_line_text(f"Harrowmere{character} County Council")
    staff_text(f"Body text may quote{character} other scripts")


def test_the_error_names_the_character_and_where_it_is():
    with pytest.raises(ValidationError) as refused:
        single_line_text("Council\u202e")
    assert refused.value.messages == [
        "This text contains an invisible character (U+202E RIGHT-TO-LEFT OVERRIDE) at "
        "character 8. Retype the text around it, or paste it as plain text."
    ]
    assert character_name("\x01") == "U+0001 START OF HEADING"


def test_one_line_fields_refuse_line_breaks():
    for text in ("Title\nsecond line", "Title\tcolumn", "Title\r\n"):
        with pytest.raises(ValidationError, match="a one-line field cannot hold"):
            single_line_text(text)


@pytest.mark.parametrize("text", ["", "Plain text", "Café, naïve, Ysgol Gymraeg, 児童", "😀"])
def test_ordinary_text_in_any_script_passes(text):
    staff_text(text)
    single_line_text(text)


def test_xml_illegal_code_points_are_refused():
    for character in ("\ufffe", "\uffff", "\ud800"):
        assert first_refused(f"a{character}", single_line=False) == (1, character)


def test_non_text_values_are_left_to_other_validators():
    staff_text(None)
    single_line_text(42)


def test_huge_text_is_checked_in_one_pass():
    assert first_refused("a" * 1_000_000 + "\x01", single_line=True) == (1_000_000, "\x01")


def test_cleaning_removes_what_is_refused_and_normalises_line_endings():
    assert cleaned("a\r\nb\rc\x01d\u202ee", single_line=False) == "a\nb\ncd\u202ee"
    assert cleaned("a\r\nb\tc\x01d\u202ee", single_line=True) == "a b cde"


def test_xml_safe_keeps_tab_newline_and_every_script():
    assert xml_safe("a\x01b\tc\nd\x1f\u202eé") == "ab\tc\nd\u202eé"

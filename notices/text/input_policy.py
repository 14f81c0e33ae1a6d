"""One input policy for all staff text: which characters a field may hold.

Every staff text field carries one of these validators (model validators, so the admin, the import
and the site archive share them):

- `staff_text` (every field): no C0 control character other than tab and newline, and no
  carriage return except as part of a CRLF line ending, which browsers send from every text area
  (`normalise_line_endings` turns those into newlines before saving). Nor the few code points XML
  cannot carry at all (U+FFFE, U+FFFF, lone surrogates). One U+0001 in a title once made the Atom
  feeds answer 500.
- `single_line_text` (names, titles, headings and other one-line fields): the above, and no
  Unicode format character (category Cf: bidi overrides, zero-width spaces and joiners, the byte
  order mark), which can make a name read differently from what it is.

The error names the character and where it is, so staff can find what they cannot see.
"""

from __future__ import annotations

import re
import unicodedata

from django.core.exceptions import ValidationError
from django.utils.deconstruct import deconstructible

# The C0 controls have no names in unicodedata.
_C0_NAMES = (
    "NULL",
    "START OF HEADING",
    "START OF TEXT",
    "END OF TEXT",
    "END OF TRANSMISSION",
    "ENQUIRY",
    "ACKNOWLEDGE",
    "BELL",
    "BACKSPACE",
    "CHARACTER TABULATION",
    "LINE FEED",
    "LINE TABULATION",
    "FORM FEED",
    "CARRIAGE RETURN",
    "SHIFT OUT",
    "SHIFT IN",
    "DATA LINK ESCAPE",
    "DEVICE CONTROL ONE",
    "DEVICE CONTROL TWO",
    "DEVICE CONTROL THREE",
    "DEVICE CONTROL FOUR",
    "NEGATIVE ACKNOWLEDGE",
    "SYNCHRONOUS IDLE",
    "END OF TRANSMISSION BLOCK",
    "CANCEL",
    "END OF MEDIUM",
    "SUBSTITUTE",
    "ESCAPE",
    "INFORMATION SEPARATOR FOUR",
    "INFORMATION SEPARATOR THREE",
    "INFORMATION SEPARATOR TWO",
    "INFORMATION SEPARATOR ONE",
)

# Refused everywhere: C0 controls but tab and newline, a CR not followed by LF, and what XML 1.0
# cannot carry at all. One regular-expression search, linear in the text.
_REFUSED = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]|\r(?!\n)")
# Refused in one-line fields too: line breaks, tabs and every format character (category Cf, as
# of Unicode 14, Python 3.11's tables), listed as ranges so nothing is computed at start-up.
_FORMAT_RANGES = (
    (0x00AD, 0x00AD), (0x0600, 0x0605), (0x061C, 0x061C), (0x06DD, 0x06DD), (0x070F, 0x070F),
    (0x0890, 0x0891), (0x08E2, 0x08E2), (0x180E, 0x180E), (0x200B, 0x200F), (0x202A, 0x202E),
    (0x2060, 0x2064), (0x2066, 0x206F), (0xFEFF, 0xFEFF), (0xFFF9, 0xFFFB), (0x110BD, 0x110BD),
    (0x110CD, 0x110CD), (0x13430, 0x13438), (0x1BCA0, 0x1BCA3), (0x1D173, 0x1D17A),
    (0xE0001, 0xE0001), (0xE0020, 0xE007F),
)  # fmt: skip
_REFUSED_ONE_LINE = re.compile(
    "[\x00-\x1f\ufffe\uffff\ud800-\udfff"
    + "".join(f"\\U{first:08x}-\\U{last:08x}" for first, last in _FORMAT_RANGES)
    + "]"
)


def character_name(character: str) -> str:
    """'U+202E RIGHT-TO-LEFT OVERRIDE': the code point and its Unicode name."""
    code = ord(character)
    name = _C0_NAMES[code] if code < 32 else unicodedata.name(character, "")
    return f"U+{code:04X} {name}".strip()


def describe(character: str, *, single_line: bool) -> str:
    """What kind of character it is, in words staff can act on."""
    if ord(character) < 0x20:
        if single_line and character in "\t\n\r":
            return "a line break or tab, which a one-line field cannot hold"
        if character == "\r":
            return "a carriage return without a line feed"
        return "a control character"
    if unicodedata.category(character) == "Cf":
        return "an invisible character"
    return "a character that is not text"


def first_refused(text: str, *, single_line: bool) -> tuple[int, str] | None:
    """The position and character of the first character the policy refuses, or None."""
    match = (_REFUSED_ONE_LINE if single_line else _REFUSED).search(text or "")
    return (match.start(), match.group()[0]) if match else None


@deconstructible
class StaffTextValidator:
    """Refuses what `first_refused` finds, naming the character and its place."""

    def __init__(self, single_line: bool = False) -> None:
        self.single_line = single_line

    def __call__(self, value: object) -> None:
        if not isinstance(value, str):
            return
        found = first_refused(value, single_line=self.single_line)
        if found is None:
            return
        position, character = found
        raise ValidationError(
            "This text contains %(kind)s (%(name)s) at character %(position)s. "
            "Retype the text around it, or paste it as plain text.",
            code="refused_character",
            params={
                "kind": describe(character, single_line=self.single_line),
                "name": character_name(character),
                "position": position + 1,
            },
        )

    def __eq__(self, other: object) -> bool:
        return isinstance(other, StaffTextValidator) and other.single_line == self.single_line

    def __hash__(self) -> int:
        return hash(("StaffTextValidator", self.single_line))


staff_text = StaffTextValidator()
single_line_text = StaffTextValidator(single_line=True)


def normalise_line_endings(text: str) -> str:
    """CRLF (what browsers send from a text area) and any lone CR become LF."""
    return text.replace("\r\n", "\n").replace("\r", "\n") if "\r" in text else text


def cleaned(text: str, *, single_line: bool) -> str:
    """`text` with line endings normalised and every refused character removed (one-line fields
    lose their line breaks and tabs to a space): used to clean stored rows, never on input."""
    text = normalise_line_endings(text or "")
    if single_line:
        text = re.sub("[\t\n]", " ", text)
    pattern = _REFUSED_ONE_LINE if single_line else _REFUSED
    return pattern.sub("", text)


_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def xml_safe(text: str) -> str:
    """`text` without the characters XML 1.0 cannot carry, for writing stored text (which may
    predate the policy, or be a published version that can never change) into a feed."""
    return _XML_ILLEGAL.sub("", text)

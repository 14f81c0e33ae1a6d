"""The contacts recogniser: the council's and its DPO's email addresses, phone numbers, postal
addresses and ICO registration number, never the ICO's or the DfE's own.
"""

from __future__ import annotations

import re

from notices.importing.markdown_blocks import _PARAGRAPH, _ROW, _Block
from notices.importing.parsed import FoundContacts
from notices.publishing.diffing.blocks import reading_text

# --- Contacts -------------------------------------------------------------------------------

_EMAIL = re.compile(r"[\w.%+'-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63}){1,8}")
_PHONE = re.compile(r"(?<![\w+])(?:\+44\s?(?:\(0\)\s?)?|\(?0)\d(?:[ \-)]{0,2}\d){7,10}(?!\d)")
_POSTCODE = re.compile(r"\b(?:[A-Z]{1,2}\d[A-Z\d]?|GIR) ?\d[A-Z]{2}\b")
_ICO_REGISTRATION = re.compile(r"\bZ[A-Z0-9]{7}\b")
_DPO = re.compile(r"\bdata protection officer\b|\bdpo\b", re.I)
_DPO_MAILBOX = re.compile(r"dpo|data\W?protection", re.I)
_DPO_NAME = re.compile(r"((?:[A-Z][\w'’-]*\s+){0,3})Data Protection Officer\b")
_NOT_PART_OF_A_NAME = frozenset(
    {"the", "our", "your", "a", "an", "contact", "contacting", "email", "e-mail", "write", "call"}
    | {"phone", "ask", "please", "to", "by", "for", "of", "and", "or", "at", "via", "from"}
    | {"council's"}
)
# The Information Commissioner's own contact details, which notices give for complaints: never
# the council's.
_ICO_PHONES = frozenset({"03031231113", "01625545745"})
_ICO_POSTCODE = "SK95AF"
_ICO_DOMAIN = re.compile(r"@(?:[\w-]+\.)*ico\.org\.uk$", re.I)
_LABEL = re.compile(r"^[^:]{0,40}:\s*")


def _national_phone(number: str) -> str:
    digits = re.sub(r"\D", "", number)
    if number.lstrip().startswith("+44"):
        digits = digits[2:]
        digits = digits if digits.startswith("0") else "0" + digits
    return digits


def _phones(text: str) -> list[str]:
    phones = []
    for found in _PHONE.finditer(text):
        digits = _national_phone(found.group())
        if len(digits) in (10, 11) and digits[1] != "0" and digits not in _ICO_PHONES:
            phones.append(" ".join(found.group().split()))
    return phones


def _emails(text: str) -> list[str]:
    return [
        email.rstrip(".")
        for email in _EMAIL.findall(text)
        if not _ICO_DOMAIN.search(email.rstrip("."))
    ]


def _addresses(markdown: str) -> list[str]:
    """Postal addresses ending in a UK postcode, one line each: the lines above the postcode's
    (or, on one line, the comma-separated parts), back to a label or introduction."""
    lines = [reading_text(line) for line in markdown.split("\n")]
    addresses = []
    for index, line in enumerate(lines):
        postcode = _POSTCODE.search(line)
        if not postcode or postcode.group().replace(" ", "") == _ICO_POSTCODE:
            continue
        address_lines = [line[: postcode.end()]]
        labelled = bool(_LABEL.match(address_lines[0]))
        above = index - 1
        while not labelled and above >= 0 and len(address_lines) < 8:
            text = lines[above]
            if not text or text.endswith(":") or "@" in text or _PHONE.search(text):
                break
            address_lines.insert(0, text)
            labelled = bool(_LABEL.match(text))
            above -= 1
        address_lines[0] = _LABEL.sub("", address_lines[0])
        parts = [
            part.strip(" ,.") for address_line in address_lines for part in address_line.split(",")
        ]
        parts = [part for part in parts if part]
        if len(parts) == 1:  # "write to us at County Hall HM1 1CH": keep from the first capital
            parts = [re.sub(r"^.*?\b(?:at|to)\s+(?=[A-Z0-9])", "", parts[0])]
        elif parts:
            parts[0] = re.sub(r"^\w[^A-Z0-9]*\b(?:at|to)\s+(?=[A-Z0-9])", "", parts[0])
        if "wycliffe house" not in " ".join(parts).casefold():
            addresses.append("\n".join(parts))
    return addresses


def _dpo_name(text: str) -> str:
    """'Corporate Data Protection Officer' from '… our Corporate Data Protection Officer …'."""
    found = _DPO_NAME.search(text)
    if not found:
        return "Data Protection Officer"
    words = found.group(1).split()
    kept: list[str] = []
    for word in reversed(words):
        if word.casefold() in _NOT_PART_OF_A_NAME:
            break
        kept.insert(0, word)
    return " ".join([*kept, "Data Protection Officer"])


def _contacts(blocks: list[_Block]) -> FoundContacts:
    """The council's contact details. A detail belongs to the Data Protection Officer when its
    paragraph, list item, the list's introduction or the heading above names the DPO (or its
    mailbox is the DPO's); otherwise to the council as controller. The first of each is kept."""
    found: dict[str, str] = {}
    dpo_text = ""
    for block in blocks:
        reading = block.reading
        if block.kind == _PARAGRAPH and "\n" in block.text:
            reading = "\n".join(reading_text(line) for line in block.text.split("\n"))
        nearby = " ".join([reading, block.lead_in, block.headings[-1] if block.headings else ""])
        # A mailbox's name ("dpo@…") is not a mention of the DPO for the details beside it.
        is_dpo = bool(_DPO.search(_EMAIL.sub(" ", nearby)))
        if is_dpo and not dpo_text:
            dpo_text = reading if _DPO.search(reading) else nearby
        for email in _emails(reading):
            role = "dpo" if is_dpo or _DPO_MAILBOX.search(email.split("@")[0]) else "controller"
            found.setdefault(f"{role}_email", email)
        for phone in _phones(reading):
            found.setdefault(f"{'dpo' if is_dpo else 'controller'}_phone", phone)
        for address in _addresses(block.text if block.kind != _ROW else reading):
            found.setdefault(f"{'dpo' if is_dpo else 'controller'}_address", address)
        for number in _ICO_REGISTRATION.findall(reading):
            if sum(character.isdigit() for character in number) >= 6:
                found.setdefault("ico_registration_number", number)
    if any(key.startswith("dpo_") for key in found):
        found["dpo_name"] = _dpo_name(dpo_text)
    return FoundContacts(**found)

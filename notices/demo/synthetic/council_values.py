"""A synthetic council's own values (its number, kind, contacts), and the stand-ins that take their
place in the one rendering of a variant's versions that every council of the variant copies."""

import re
from dataclasses import dataclass

from django.utils.html import escape

from councils.models import Council

# Council numbers stop here: the ICO registration number has six digits for it.
MAX_COUNCIL_NUMBER = 999_999

COUNCIL_KINDS = (
    Council.Kind.COUNTY,
    Council.Kind.UNITARY,
    Council.Kind.METROPOLITAN_BOROUGH,
    Council.Kind.LONDON_BOROUGH,
)

# What a council's own values may be made of: nothing that HTML or JSON escaping would change.
_PLAIN_VALUE = re.compile(r"[A-Za-z0-9 @.:/-]*")


def council_slug(number: int | str) -> str:
    return f"synthetic-council-{number}"


# --- A council's own values and their stand-ins ------------------------------------------------


@dataclass(frozen=True)
class Own:
    """A council's own values, or the stand-ins that take their place in a variant's render."""

    number: str
    ico_digits: str
    phone_digits: str
    kind: str

    def pairs(self) -> list[tuple[str, str]]:
        return list(zip(STAND_INS.values(), self.values(), strict=True))

    def values(self) -> tuple[str, ...]:
        return (self.number, self.ico_digits, self.phone_digits, self.kind)


# Lower-case letters only: Markdown, templates and JSON leave them as they are, and no real text
# contains them. None is part of another.
STAND_INS = Own(
    number="zqnumberzq", ico_digits="zqicozq", phone_digits="zqphonezq", kind="zqkindzq"
)


def own_values(number: int) -> Own:
    own = Own(
        number=str(number),
        ico_digits=f"{number:06d}",
        phone_digits=f"{number % 1000:03d}",
        kind=str(COUNCIL_KINDS[number % len(COUNCIL_KINDS)]),
    )
    for value in own.values():
        if not _PLAIN_VALUE.fullmatch(value) or escape(value) != value:
            raise ValueError(f"{value!r} would need escaping in a page; it cannot stand in.")
    return own


def fill(text: str, own: Own) -> str:
    for stand_in, value in own.pairs():
        text = text.replace(stand_in, value)
    return text


def council_fields(own: Own) -> dict[str, str]:
    """The council's details, as the Council model and the snapshot's "council" hold them."""
    name = f"Synthetic Council {own.number}"
    domain = f"synthetic-council-{own.number}.example"
    return {
        "name": name,
        "slug": council_slug(own.number),
        "kind": own.kind,
        "website": f"https://www.{domain}",
        "general_privacy_notice_url": f"https://www.{domain}/privacy",
        "controller_email": f"information.governance@{domain}",
        # Ofcom's drama numbers: never anyone's real line.
        "controller_phone": f"01632 960{own.phone_digits}",
        "controller_address": f"{name}\nCouncil Offices\nMarket Square\nSynthbury\nSY1 1AA",
        "dpo_name": "Data Protection Officer",
        "dpo_email": f"dpo@{domain}",
        "dpo_phone": f"0113 496 0{own.phone_digits}",
        "dpo_address": f"Data Protection Officer\n{name}\nCouncil Offices\nMarket Square\n"
        "Synthbury\nSY1 1AA",
        "ico_registration_number": f"ZS{own.ico_digits}",
        "complaint_form_url": f"https://www.{domain}/data-protection-complaint",
    }

"""The "notice on a date" question, asked with GOV.UK's date input: a day, a month and a year in
three boxes (`at-day`, `at-month`, `at-year`), read back with GOV.UK's own error messages, and
the boxes to mark when one is wrong. A browser's own date picker shows mm/dd/yyyy in some
browsers and is hard to use with a screen reader, so the site does not use one.

The older `?at=YYYY-MM-DD` address (in links people saved) is read here too.
"""

import datetime
import re
from collections.abc import Mapping
from dataclasses import dataclass, field

PARTS = ("day", "month", "year")
# A box holds at most a month's name ("September"); anything longer is not a date, and is not
# shown back in full.
MAX_PART_LENGTH = 20
_NUMBER = re.compile(r"[0-9]{1,4}")
_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}


@dataclass(frozen=True)
class DateAnswer:
    """What was typed, the date it makes (or None), and what is wrong with it."""

    day: str = ""
    month: str = ""
    year: str = ""
    date: datetime.date | None = None
    error: str = ""
    wrong: frozenset[str] = field(default_factory=frozenset)  # the boxes to mark: "day"...

    @property
    def first_wrong(self) -> str:
        """The box the error summary links to."""
        return next((part for part in PARTS if part in self.wrong), "day")


def is_asked(params: Mapping[str, str]) -> bool:
    return any(f"at-{part}" in params for part in PARTS)


def read_date_boxes(params: Mapping[str, str], *, today: datetime.date) -> DateAnswer:
    """The date in the `at-day`, `at-month` and `at-year` boxes, or GOV.UK's message for it."""
    typed = {part: " ".join(params.get(f"at-{part}", "").split()) for part in PARTS}
    shown = {part: value[:MAX_PART_LENGTH] for part, value in typed.items()}

    def wrong(message: str, *parts: str) -> DateAnswer:
        return DateAnswer(**shown, error=message, wrong=frozenset(parts or PARTS))

    missing = [part for part in PARTS if not typed[part]]
    if len(missing) == 3:
        return wrong("Enter the date")
    if missing:
        return wrong(f"Date must include a {' and '.join(missing)}", *missing)
    day, month, year = _number(typed["day"]), _month(typed["month"]), _number(typed["year"])
    if len(typed["year"]) != 4 or year is None:
        if day is not None and month is not None:
            return wrong("Year must include 4 numbers", "year")
        return wrong("Date must be a real date")
    if day is None or month is None:
        return wrong(
            "Date must be a real date",
            *[p for p, v in (("day", day), ("month", month)) if v is None],
        )
    try:
        date = datetime.date(year, month, day)
    except ValueError:
        return wrong("Date must be a real date")
    if date > today:
        return wrong("Date must be today or in the past")
    return DateAnswer(**shown, date=date)


def read_iso_date(raw: str, *, today: datetime.date) -> DateAnswer:
    """The older `?at=YYYY-MM-DD` address, answered as if its parts had been typed."""
    parts = raw.strip()[:MAX_PART_LENGTH].split("-")
    if len(parts) != 3:
        return DateAnswer(error="Date must be a real date", wrong=frozenset(PARTS))
    year, month, day = parts
    return read_date_boxes({"at-day": day, "at-month": month, "at-year": year}, today=today)


def _number(text: str) -> int | None:
    return int(text) if _NUMBER.fullmatch(text) else None


def _month(text: str) -> int | None:
    number = _number(text)
    if number is not None:
        return number if 1 <= number <= 12 else None
    return _MONTHS.get(text.casefold().rstrip("."))

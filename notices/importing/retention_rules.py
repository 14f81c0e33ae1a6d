"""The retention recogniser: periods such as "until the child's 25th birthday" or "6 years after
the case is closed", each with the event it counts from and the record kind it applies to.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from notices.importing.library_lists import _clean_item, _split_name
from notices.importing.markdown_blocks import _ITEM, _ROW, _Block
from notices.importing.matching import LibraryMatcher
from notices.importing.parsed import ImportedRetention
from notices.importing.section_tags import _heading_tag, _keyword_text
from notices.models import IcoItem, RetentionPeriod
from notices.publishing.diffing.blocks import reading_text

# --- Retention periods ----------------------------------------------------------------------

_UNITS = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine")
_UNITS += ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth")
_TEENS = ("ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen")
_TEENS += ("eighteen", "nineteen", "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth")
_TEENS += ("fifteenth", "sixteenth", "seventeenth", "eighteenth", "nineteenth")
_TENS = ("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")
_TENS += ("twentieth", "thirtieth", "fortieth", "fiftieth", "sixtieth", "seventieth")
_TENS += ("eightieth", "ninetieth")
_WORD_VALUES = {
    **{word: index % 9 + 1 for index, word in enumerate(_UNITS)},
    **{word: index % 10 + 10 for index, word in enumerate(_TEENS)},
    **{word: (index % 8 + 2) * 10 for index, word in enumerate(_TENS)},
}
_BELOW_HUNDRED = (
    rf"(?:(?:{'|'.join(_TENS)})(?:[-\s](?:{'|'.join(_UNITS)}))?"
    rf"|{'|'.join(_TEENS)}|{'|'.join(_UNITS)})\b"
)
_NUMBER = (
    rf"(?:\d{{1,3}}(?:st|nd|rd|th)?\b|(?:one|a)\s+hundred(?:th)?\b(?:(?:\s+and)?\s+{_BELOW_HUNDRED})?"
    rf"|{_BELOW_HUNDRED})"
)

_DURATION = re.compile(
    rf"\b(?P<number>{_NUMBER})[\s-]{{0,3}}(?P<unit>years?|yrs?|months?)\b"
    rf"(?:,?\s{{1,3}}(?:and\s{{1,3}})?(?P<months>{_NUMBER})[\s-]{{0,3}}months?\b)?"
)
# Ages: "until their 25th birthday", "the 75th anniversary of the date of birth", "until the young
# person is 25", "until age 18". Each is a number of years counted from the date of birth.
_AGE = re.compile(
    rf"\b(?P<number>{_NUMBER})\s+(?:birthday\b|anniversary of (?:the |their |the child's |his or "
    rf"her )?(?:date of )?birth\b)"
    rf"|\buntil (?:(?:the|a) (?:child|young person|person|adult|individual|young adult)|they|he or "
    rf"she|you)\s+(?:is|are|reaches|reach|turns|turn|becomes|become)\s+(?:the age of\s+|age\s+|"
    rf"aged\s+)?(?P<number2>{_NUMBER})(?:\s+years(?: old| of age)?)?"
    rf"|\buntil (?:the )?age (?:of )?(?P<number3>{_NUMBER})(?:\s+years)?"
)
_TRIGGERS = {
    RetentionPeriod.Trigger.DATE_OF_BIRTH: r"date of birth|\bd\.?o\.?b\b|\bbirth ?day|\bborn\b"
    r"|\bbirth\b",
    RetentionPeriod.Trigger.ADOPTION_ORDER: r"\badoption order|\bdate of (?:the )?adoption\b"
    r"|\badoption (?:is|was|has been) (?:granted|made|final)",
    RetentionPeriod.Trigger.CASE_CLOSURE: r"\bclos(?:e|ed|es|ing|ure)\b|\bend of (?:the |our )?"
    r"(?:case|involvement|support)\b",
    RetentionPeriod.Trigger.LAST_CONTACT: r"\blast (?:contact|involvement|entry|action|activity)\b",
    RetentionPeriod.Trigger.RECORD_CREATED: r"\bcreat(?:ed|ion|e|ing)\b|\b(?:is|was|were) opened\b",
    RetentionPeriod.Trigger.LEAVING_CARE: r"\b(?:leav(?:es|ing|e)|left) (?:our |local authority )?"
    r"care\b|\bceas(?:es|ed|ing) to be looked after",
    RetentionPeriod.Trigger.DEATH: r"\bdeath\b|\bdied\b|\bdies\b|\bdeceased\b",
}
_TRIGGER = re.compile(
    "|".join(f"(?P<t{index}>{pattern})" for index, pattern in enumerate(_TRIGGERS.values()))
)
_TRIGGER_VALUES = list(_TRIGGERS)
_COUNTED_FROM = re.compile(
    r"\s*(?:of|from|after|since|following|beyond|past|counted from|starting from)\b"
)
_PLUS = re.compile(r"(?:plus|\+)\s*$")
_MINIMUM_BEFORE = re.compile(r"\b(?:at least|minimum|no less than|not less than|at a minimum)\b")
_MINIMUM_AFTER = re.compile(r"\W{0,3}(?:minimum|at least)\b")
# A period is only read from text about keeping records, or under a heading about it.
_RETENTION_WORDS = re.compile(
    r"\b(?:keep|keeps|kept|retain\w*|retention|held|hold|holds|store|stored|destroy\w*|delet\w*"
    r"|dispos\w*|records?|files?|how long|period)\b"
)
_SUBJECT = re.compile(
    r"(?P<subject>[^.;:]{2,150}?)\s+(?:are|is|will be|must be|should be|shall be|have to be|has "
    r"to be|need to be|needs to be|would be|may be|can be)\s+(?:\w+ly\s+)?(?:kept|retained|held|"
    r"stored)\b",
    re.I,
)
_OBJECT = re.compile(
    r"\bwe (?:will |must |\w+ly )?(?:keep|retain|hold|store)\s+(?P<object>[^.;:]{2,120}?)\s+"
    r"(?:for|until|up to|from|after|till)\b",
    re.I,
)
# Subjects that name no record: "They are kept …" takes its record type from the heading.
_PRONOUNS = frozenset(
    {"it", "they", "them", "these", "this", "those", "records", "information", "data"}
    | {"this information", "these records", "the records", "your records", "your information"}
)
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9\"'‘“(])")
# Words in a record type: more, and it is a sentence, not a name.
RECORD_TYPE_WORDS = 12
# Longest period read, in years: a bound against reading a year ("2025 years") as a period.
LONGEST_PERIOD_YEARS = 200
# How far either side of a duration its counting event is looked for, in characters.
_TRIGGER_REACH = 120


def _number(text: str) -> int:
    digits = re.match(r"\d+", text)
    if digits:
        return int(digits.group())
    total = 0
    for word in re.split(r"[-\s]+", text.casefold()):
        if word.startswith("hundred"):
            total = (total or 1) * 100
        else:
            total += _WORD_VALUES.get(word, 0)
    return total


@dataclass(frozen=True)
class _Period:
    years: int
    months: int
    trigger: str
    is_minimum: bool


def _periods_in(text: str) -> list[_Period]:
    """The retention periods a sentence, list item or row states, in order."""
    lowered = _keyword_text(text)
    found: list[tuple[int, int, _Period | None]] = []  # (start, end, period)
    ages = list(_AGE.finditer(lowered))
    for age in ages:
        number = age.group("number") or age.group("number2") or age.group("number3")
        years = _number(number)
        period = _Period(
            years, 0, str(RetentionPeriod.Trigger.DATE_OF_BIRTH), _is_minimum(lowered, *age.span())
        )
        found.append(
            (age.start(), age.end(), period if 0 < years <= LONGEST_PERIOD_YEARS else None)
        )
    in_an_age = set()  # "25 years" in "until they are 25 years old" was read as an age
    for age in ages:
        in_an_age.update(range(age.start(), age.end()))
    durations = [
        duration for duration in _DURATION.finditer(lowered) if duration.start() not in in_an_age
    ]
    for index, duration in enumerate(durations):
        previous_end = durations[index - 1].end() if index else 0
        next_start = durations[index + 1].start() if index + 1 < len(durations) else len(lowered)
        amount = _number(duration.group("number"))
        months = amount if duration.group("unit").startswith("month") else amount * 12
        months += _number(duration.group("months")) if duration.group("months") else 0
        trigger = _trigger(lowered, duration.start(), duration.end(), previous_end, next_start)
        period = None
        if trigger and 0 < months <= LONGEST_PERIOD_YEARS * 12:
            minimum = _is_minimum(lowered, duration.start(), duration.end(), previous_end)
            period = _Period(months // 12, months % 12, trigger, minimum)
        found.append((duration.start(), duration.end(), period))
    return [period for _, _, period in sorted(found, key=lambda entry: entry[0]) if period]


def _trigger(text: str, start: int, end: int, previous_end: int, next_start: int) -> str | None:
    """The event a duration is counted from: after it ("25 years from the date of birth") or,
    for "date of birth plus 25 years", before it. None when the text names none."""
    before = text[max(previous_end, start - _TRIGGER_REACH) : start]
    after = text[end : min(next_start, end + _TRIGGER_REACH)]
    after_first = _COUNTED_FROM.match(after) or not _PLUS.search(before)
    looks = [(after, False), (before, True)] if after_first else [(before, True), (after, False)]
    for window, closest_last in looks:
        matches = list(_TRIGGER.finditer(window))
        if matches:
            chosen = matches[-1] if closest_last else matches[0]
            index = int(chosen.lastgroup.removeprefix("t"))
            return str(_TRIGGER_VALUES[index])
    return None


def _is_minimum(text: str, start: int, end: int, previous_end: int = 0) -> bool:
    before = text[max(previous_end, start - 40) : start]
    return bool(_MINIMUM_BEFORE.search(before) or _MINIMUM_AFTER.match(text, end))


def _retention_units(block: _Block) -> list[tuple[str, str, str]]:
    """(text shown, text to read periods from, record type) for each unit of a block."""
    if block.kind == _ROW:
        first, rest = (block.cells[0], " ".join(block.cells[1:])) if block.cells else ("", "")
        if _DURATION.search(_keyword_text(first)) or _AGE.search(_keyword_text(first)):
            return [(block.reading, block.reading, "")]
        return [(block.reading, rest, first)]
    reading = reading_text(block.text)
    if block.kind == _ITEM:
        name, rest = _split_name(reading)
        lowered = _keyword_text(name)
        if (
            rest
            and len(name.split()) <= RECORD_TYPE_WORDS
            and not _DURATION.search(lowered)
            and not _AGE.search(lowered)
        ):
            return [(reading, rest, name)]
        return [(reading, reading, _record_type_in(reading))]
    sentences = _SENTENCE_END.split(reading)
    return [(sentence, sentence, _record_type_in(sentence)) for sentence in sentences]


def _record_type_in(sentence: str) -> str:
    """The record a sentence is about: 'Adoption records are kept …', 'We keep case files …'."""
    subject = _SUBJECT.match(sentence)
    if subject:
        text = subject.group("subject").rsplit(",", 1)[-1]
    else:
        kept = _OBJECT.search(sentence)
        text = kept.group("object") if kept else ""
    text = text.strip()
    if text.casefold() in _PRONOUNS or len(text.split()) > RECORD_TYPE_WORDS:
        return ""
    return text[:1].upper() + text[1:]


def _record_type_from_headings(headings: tuple[str, ...]) -> str:
    """A heading naming a kind of record ("Adoption records"), for 'They are kept …'."""
    heading = headings[-1] if headings else ""
    if heading and _heading_tag(heading) is None and len(heading.split()) <= RECORD_TYPE_WORDS:
        return heading
    return ""


def _retention_periods(
    blocks: list[_Block], record_kinds: LibraryMatcher
) -> tuple[ImportedRetention, ...]:
    found: list[ImportedRetention] = []
    seen: set[tuple] = set()
    for block in blocks:
        about_retention = any(
            (_heading_tag(heading) or ("",))[0] == IcoItem.RETENTION for heading in block.headings
        ) or _RETENTION_WORDS.search(_keyword_text(" ".join(block.header)))
        for shown, text, record_type in _retention_units(block):
            if not about_retention and not _RETENTION_WORDS.search(_keyword_text(shown)):
                continue
            periods = _periods_in(text)
            if not periods:
                continue
            record_type = _clean_item(record_type) or _record_type_from_headings(block.headings)
            matched = record_kinds.match(record_type) if record_type else None
            for period in periods:
                key = (record_type.casefold(), period)
                if key in seen:
                    continue
                seen.add(key)
                found.append(
                    ImportedRetention(
                        text=shown,
                        record_type=record_type,
                        trigger=period.trigger,
                        years=period.years,
                        months=period.months,
                        is_minimum=period.is_minimum,
                        record_kind=matched.slug if matched else None,
                    )
                )
    return tuple(found)

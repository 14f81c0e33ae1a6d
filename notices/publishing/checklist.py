"""The completeness check: which items of the ICO's right-to-be-informed checklist a notice covers.

UK GDPR Articles 13 and 14 list what people must be told; the ICO's checklist turns them into 16
items. A notice answers each one either with structured data (the council's contacts and the
data category, recipient, lawful basis and retention rows) or with a section tagged with the item
(`Section.ico_item`). Structured data is checked first: a section tagged 'Contact details' does
not replace the council's own contact details, because the public page builds its contact block
from those.

The check reads a notice snapshot (notices.publishing.snapshots), so it judges exactly what
publishing would publish, and works the same on a draft and on a published version. Publishing
refuses a notice that is not complete (notices.publishing.publish), and the admin shows the
checklist beside the draft.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from django.db import models

from notices.models import IcoItem, LawfulBasis
from notices.publishing.to_complete import draft_gaps

Snapshot = dict[str, Any]


class Status(models.TextChoices):
    MET = "met", "Met"
    MISSING = "missing", "Missing"
    NOT_APPLICABLE = "not-applicable", "Not applicable"


@dataclass(frozen=True)
class ChecklistResult:
    """One checklist item as a notice stands against it. `reason` is one sentence for the
    council's Data Protection Officer: what was found, or what to add and where."""

    key: str
    label: str
    status: Status
    reason: str

    @property
    def is_met(self) -> bool:
        return self.status == Status.MET

    @property
    def is_missing(self) -> bool:
        return self.status == Status.MISSING


@dataclass(frozen=True)
class Completeness:
    """The 16 results, in the checklist's order, and what the draft leaves unset
    (notices.publishing.to_complete): both refuse publishing."""

    items: list[ChecklistResult]
    to_complete: list[ChecklistResult] = field(default_factory=list)

    @property
    def missing(self) -> list[ChecklistResult]:
        return [item for item in self.items if item.is_missing] + self.to_complete

    @property
    def missing_ico_items(self) -> list[ChecklistResult]:
        return [item for item in self.items if item.is_missing]

    @property
    def is_complete(self) -> bool:
        return not self.missing


def check_completeness(snapshot: Snapshot) -> Completeness:
    """Checks a notice snapshot (notices.publishing.snapshots.notice_snapshot) against the ICO's
    16 items, and lists what it leaves unset."""
    return Completeness(
        items=[check(snapshot) for check in CHECKS],
        to_complete=[_missing(gap.key, gap.label, gap.reason) for gap in draft_gaps(snapshot)],
    )


# --- The 16 items, in the checklist's order --------------------------------------------------

CONSENT_PROVISIONS = frozenset({LawfulBasis.Provision.A6_1_A, LawfulBasis.Provision.A9_2_A})


def _controller(snapshot: Snapshot) -> ChecklistResult:
    council = snapshot["council"]
    label = "Controller's name and contact details"
    name = (council.get("name") or "").strip()
    ways = _contact_ways(council, "controller")
    if name and ways:
        return _met("controller", label, f"{name} is named as controller, with its {_join(ways)}.")
    return _missing(
        "controller",
        label,
        "The council has no controller email, phone or postal address: add at least one to the "
        "council's details (a section tagged 'Contact details' does not count, because the "
        "public page shows the council's details).",
    )


def _representative(snapshot: Snapshot) -> ChecklistResult:
    return ChecklistResult(
        key="representative",
        label="Representative's contact details",
        status=Status.NOT_APPLICABLE,
        reason="A UK council needs no representative: UK GDPR Article 27 applies only to "
        "controllers based outside the UK.",
    )


def _dpo(snapshot: Snapshot) -> ChecklistResult:
    label = "Data Protection Officer's contact details"
    ways = _contact_ways(snapshot["council"], "dpo")
    if ways:
        return _met("dpo", label, f"The council's details give the DPO's {_join(ways)}.")
    return _missing(
        "dpo",
        label,
        "Councils must have a Data Protection Officer (UK GDPR Article 37), but the council's "
        "details give no DPO email, phone or postal address: add at least one there.",
    )


def _purposes(snapshot: Snapshot) -> ChecklistResult:
    return _tagged_section(
        snapshot,
        "purposes",
        "Purposes of using the data",
        IcoItem.PURPOSES,
        what="says why the council uses people's information",
    )


def _lawful_basis(snapshot: Snapshot) -> ChecklistResult:
    label = "Lawful basis"
    articles = {_article(basis) for basis in snapshot["lawful_bases"]}
    special = _names(use for use in snapshot["data_categories"] if use["is_special_category"])
    criminal = _names(use for use in snapshot["data_categories"] if use["is_criminal_offence"])
    lacking = []
    if "6" not in articles:
        lacking.append("an Article 6 lawful basis")
    if special and "9" not in articles:
        lacking.append(
            f"an Article 9 condition, because {_join(special)} {_is(special)} special category data"
        )
    if criminal and "10" not in articles:
        lacking.append(
            f"an Article 10 basis, because {_join(criminal)} {_is(criminal)} criminal offence data"
        )
    if lacking:
        return _missing(
            "lawful-basis", label, f"Add to the notice's lawful bases {'; '.join(lacking)}."
        )
    found = ["Article 6"]
    if special:
        found.append("Article 9 for the special category data")
    if criminal:
        found.append("Article 10 for the criminal offence data")
    return _met("lawful-basis", label, f"The lawful bases include {_join(found)}.")


def _legitimate_interests(snapshot: Snapshot) -> ChecklistResult:
    key, label = "legitimate-interests", "Legitimate interests"
    relied_on = [
        basis
        for basis in snapshot["lawful_bases"]
        if basis["provision"] == LawfulBasis.Provision.A6_1_F
    ]
    if not relied_on:
        return _not_applicable(
            key, label, "The notice does not rely on legitimate interests (Article 6(1)(f))."
        )
    if any(basis["explanation"].strip() for basis in relied_on):
        return _met(key, label, "The legitimate interests basis explains what the interests are.")
    sections = _sections_tagged(snapshot, IcoItem.LEGITIMATE_INTERESTS)
    if sections:
        return _met(key, label, _found_sections(sections, IcoItem.LEGITIMATE_INTERESTS))
    return _missing(
        key,
        label,
        "The notice relies on legitimate interests (Article 6(1)(f)) but does not say what they "
        "are: explain them on that lawful basis, or in a section tagged "
        f"'{IcoItem.LEGITIMATE_INTERESTS.label}'.",
    )


def _categories(snapshot: Snapshot) -> ChecklistResult:
    return _rows(
        snapshot,
        "data_categories",
        "categories",
        "Categories of personal data",
        nouns=("data category", "data categories"),
        add="the kinds of information the council holds",
    )


def _recipients(snapshot: Snapshot) -> ChecklistResult:
    return _rows(
        snapshot,
        "recipients",
        "recipients",
        "Recipients",
        nouns=("recipient", "recipients"),
        add="the organisations the council shares information with",
    )


def _transfers_abroad(snapshot: Snapshot) -> ChecklistResult:
    return _tagged_section(
        snapshot,
        "transfers-abroad",
        "Transfers outside the UK",
        IcoItem.TRANSFERS_ABROAD,
        what="says whether information is sent outside the UK, even if it never is",
    )


def _retention(snapshot: Snapshot) -> ChecklistResult:
    return _rows(
        snapshot,
        "retention_periods",
        "retention",
        "How long the data is kept",
        nouns=("retention period", "retention periods"),
        add="how long each kind of record is kept",
    )


def _rights(snapshot: Snapshot) -> ChecklistResult:
    return _tagged_section(
        snapshot,
        "rights",
        "People's rights",
        IcoItem.RIGHTS,
        what="tells people their rights",
    )


def _withdrawing_consent(snapshot: Snapshot) -> ChecklistResult:
    key, label = "withdrawing-consent", "Right to withdraw consent"
    consent = [
        basis["provision_label"]
        for basis in snapshot["lawful_bases"]
        if basis["provision"] in CONSENT_PROVISIONS
    ]
    if not consent:
        return _not_applicable(key, label, "The notice does not rely on consent.")
    sections = _sections_tagged(snapshot, IcoItem.WITHDRAWING_CONSENT)
    if sections:
        return _met(key, label, _found_sections(sections, IcoItem.WITHDRAWING_CONSENT))
    return _missing(
        key,
        label,
        f"The notice relies on consent ({_join(consent)}) but no section is tagged "
        f"'{IcoItem.WITHDRAWING_CONSENT.label}': add one that tells people how to withdraw it.",
    )


def _complaints(snapshot: Snapshot) -> ChecklistResult:
    # The public page adds the ICO's complaint details itself (templates/notices/
    # _notice_body.html), so no notice can leave them out.
    return _met(
        "complaints",
        "Right to complain to the ICO",
        "The public page always shows how to complain to the Information Commissioner's Office.",
    )


def _sources(snapshot: Snapshot) -> ChecklistResult:
    return _tagged_section(
        snapshot,
        "sources",
        "Where the data comes from",
        IcoItem.SOURCES,
        what="says where the council gets people's information from",
    )


def _statutory_requirement(snapshot: Snapshot) -> ChecklistResult:
    return _tagged_section(
        snapshot,
        "statutory-requirement",
        "Whether people must provide the data",
        IcoItem.STATUTORY_REQUIREMENT,
        what="says whether people have to give their information and what happens if they do not",
    )


def _automated_decisions(snapshot: Snapshot) -> ChecklistResult:
    return _tagged_section(
        snapshot,
        "automated-decisions",
        "Automated decision-making",
        IcoItem.AUTOMATED_DECISIONS,
        what="says whether any decisions are made by computer alone, even if none are",
    )


CHECKS: tuple[Callable[[Snapshot], ChecklistResult], ...] = (
    _controller,
    _representative,
    _dpo,
    _purposes,
    _lawful_basis,
    _legitimate_interests,
    _categories,
    _recipients,
    _transfers_abroad,
    _retention,
    _rights,
    _withdrawing_consent,
    _complaints,
    _sources,
    _statutory_requirement,
    _automated_decisions,
)


# --- Helpers ---------------------------------------------------------------------------------


def _met(key: str, label: str, reason: str) -> ChecklistResult:
    return ChecklistResult(key, label, Status.MET, reason)


def _missing(key: str, label: str, reason: str) -> ChecklistResult:
    return ChecklistResult(key, label, Status.MISSING, reason)


def _not_applicable(key: str, label: str, reason: str) -> ChecklistResult:
    return ChecklistResult(key, label, Status.NOT_APPLICABLE, reason)


def _tagged_section(
    snapshot: Snapshot, key: str, label: str, tag: IcoItem, *, what: str
) -> ChecklistResult:
    sections = _sections_tagged(snapshot, tag)
    if sections:
        return _met(key, label, _found_sections(sections, tag))
    return _missing(
        key,
        label,
        f"No section is tagged '{tag.label}': add a section that {what}, and set its ICO "
        f"checklist item to '{tag.label}'.",
    )


def _rows(
    snapshot: Snapshot, rows: str, key: str, label: str, *, nouns: tuple[str, str], add: str
) -> ChecklistResult:
    count = len(snapshot[rows])
    singular, plural = nouns
    if count:
        return _met(key, label, f"The notice lists {count} {singular if count == 1 else plural}.")
    return _missing(
        key, label, f"The notice lists no {plural}: add {add}, as {plural} on the notice's page."
    )


def _sections_tagged(snapshot: Snapshot, tag: IcoItem) -> list[dict]:
    return [section for section in snapshot["sections"] if section["ico_item"] == tag]


def _found_sections(sections: list[dict], tag: IcoItem) -> str:
    headings = _join([f"'{section['heading']}'" for section in sections])
    return f"{headings} {_is(sections)} tagged '{tag.label}'."


def _contact_ways(council: dict, prefix: str) -> list[str]:
    ways = {"email": "email", "phone": "phone", "address": "postal address"}
    return [
        words for field, words in ways.items() if (council.get(f"{prefix}_{field}") or "").strip()
    ]


def _article(basis: dict) -> str:
    """'6', '9' or '10', from a provision code such as 'A6-1-c' or 'A10'."""
    return basis["provision"].split("-")[0].removeprefix("A")


def _names(uses: Iterable[dict]) -> list[str]:
    return [use["name"] for use in uses]


def _is(things: list) -> str:
    return "is" if len(things) == 1 else "are"


def _join(words: list[str]) -> str:
    """'a', 'a and b', 'a, b and c'."""
    if len(words) <= 1:
        return "".join(words)
    return f"{', '.join(words[:-1])} and {words[-1]}"

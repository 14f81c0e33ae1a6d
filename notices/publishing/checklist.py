"""The completeness check: which items of the ICO's right-to-be-informed checklist a notice covers.

UK GDPR Articles 13 and 14 list what people must be told; the ICO's checklist turns them into 16
items, and the Data (Use and Access) Act 2025 adds a 17th: how to complain to the council itself
(from 19 June 2026). Each item names its law and the date it took effect
(notices.publishing.checklist_law); an item whose law was not yet in force on the day checked does
not apply. A notice answers each item either with structured data (the council's contacts and
complaint route, and the data category, recipient, lawful basis and retention rows) or with a
section tagged with the item (`Section.ico_item`). One item refuses rather than asks: a
legitimate interests basis, which a council cannot use for its tasks. Structured data is checked
first: a section tagged 'Contact details' does not replace the council's own contact details,
because the public page builds its contact block from those.

The check reads a notice snapshot (notices.publishing.snapshots), so it judges exactly what
publishing would publish, and works the same on a draft and on a published version. Publishing
refuses a notice that is not complete (notices.publishing.publish), and the admin shows the
checklist beside the draft.
"""

from collections.abc import Callable, Iterable
from dataclasses import replace
from datetime import date
from typing import Any

from django.utils import timezone
from django.utils.formats import date_format

from notices.models import IcoItem, LawfulBasis
from notices.publishing.checklist_law import LAW_BY_ITEM
from notices.publishing.checklist_results import (
    ChecklistResult,
    Completeness,
    Status,
    is_are,
    join,
    met,
    missing,
    not_applicable,
    refused,
)
from notices.publishing.to_complete import draft_gaps

__all__ = ["ChecklistResult", "Completeness", "Status", "check_completeness", "later_rules"]

Snapshot = dict[str, Any]


def check_completeness(snapshot: Snapshot, *, on: date | None = None) -> Completeness:
    """Checks a notice snapshot (notices.publishing.snapshots.notice_snapshot) against the
    checklist as the law stood `on` that day (today if not given): an item whose law had not
    yet taken effect is not applicable."""
    return Completeness(
        items=[_dated(check(snapshot), on) for check in CHECKS],
        to_complete=[missing(gap.key, gap.label, gap.reason) for gap in draft_gaps(snapshot)],
    )


def later_rules(*, council: dict, lawful_bases: list[dict], on: date | None = None) -> list:
    """The items the site began to enforce in 2026 (the council's own complaint route, and no
    legitimate interests basis for its tasks) that a published version fails today.

    Versions published before then passed every other item when they were published, and those
    have not changed; these two read only the version's council details and lawful bases, so
    the national dashboard can check every published notice without loading whole snapshots.
    """
    snapshot = {"council": council, "lawful_bases": lawful_bases}
    results = [
        _dated(check(snapshot), on) for check in (_council_complaints, _legitimate_interests)
    ]
    return [result for result in results if result.is_missing]


def _dated(result: ChecklistResult, on: date | None) -> ChecklistResult:
    law = LAW_BY_ITEM[result.key]
    on = on or timezone.localdate()
    if result.is_missing and not law.in_force_on(on):
        return replace(
            result,
            status=Status.NOT_APPLICABLE,
            reason=f"Required from {date_format(law.took_effect, 'j F Y')}, after this date.",
            law=law,
        )
    return replace(result, law=law)


# --- The items, in the checklist's order --------------------------------------------------

CONSENT_PROVISIONS = frozenset({LawfulBasis.Provision.A6_1_A, LawfulBasis.Provision.A9_2_A})


def _controller(snapshot: Snapshot) -> ChecklistResult:
    council = snapshot["council"]
    label = "Controller's name and contact details"
    name = (council.get("name") or "").strip()
    ways = _contact_ways(council, "controller")
    if name and ways:
        return met("controller", label, f"{name} is named as controller, with its {join(ways)}.")
    return missing(
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
        return met("dpo", label, f"The council's details give the DPO's {join(ways)}.")
    return missing(
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
            f"an Article 9 condition, because {join(special)} {is_are(special)} "
            "special category data"
        )
    if criminal and "10" not in articles:
        lacking.append(
            f"an Article 10 basis, because {join(criminal)} {is_are(criminal)} "
            "criminal offence data"
        )
    if lacking:
        return missing(
            "lawful-basis", label, f"Add to the notice's lawful bases {'; '.join(lacking)}."
        )
    found = ["Article 6"]
    if special:
        found.append("Article 9 for the special category data")
    if criminal:
        found.append("Article 10 for the criminal offence data")
    return met("lawful-basis", label, f"The lawful bases include {join(found)}.")


# Article 6(1): points (ea) and (f) do not apply to processing by a public authority in the
# performance of its tasks. Every notice here covers children's social care, a council's
# statutory task, so neither can be the basis of anything it describes.
NOT_FOR_PUBLIC_TASKS = frozenset({LawfulBasis.Provision.A6_1_EA, LawfulBasis.Provision.A6_1_F})


def _legitimate_interests(snapshot: Snapshot) -> ChecklistResult:
    key, label = "legitimate-interests", "No legitimate interests basis for the council's tasks"
    relied_on = [
        basis["provision_label"]
        for basis in snapshot["lawful_bases"]
        if basis["provision"] in NOT_FOR_PUBLIC_TASKS
    ]
    if not relied_on:
        return not_applicable(
            key,
            label,
            "The notice relies on neither recognised legitimate interests (Article 6(1)(ea)) nor "
            "legitimate interests (Article 6(1)(f)).",
        )
    return refused(
        key,
        label,
        f"The notice relies on {join(relied_on)}, which a public authority cannot use for the "
        "tasks it performs as one: UK GDPR Article 6(1) closes points (ea) and (f) to them. "
        "Remove that lawful basis and rely on Article 6(1)(e) (public task) or 6(1)(c) (legal "
        "obligation), naming the law that gives the council the task.",
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
        return not_applicable(key, label, "The notice does not rely on consent.")
    sections = _sections_tagged(snapshot, IcoItem.WITHDRAWING_CONSENT)
    if sections:
        return met(key, label, _found_sections(sections, IcoItem.WITHDRAWING_CONSENT))
    return missing(
        key,
        label,
        f"The notice relies on consent ({join(consent)}) but no section is tagged "
        f"'{IcoItem.WITHDRAWING_CONSENT.label}': add one that tells people how to withdraw it.",
    )


def _council_complaints(snapshot: Snapshot) -> ChecklistResult:
    # The public page writes the rest of this part itself (templates/notices/_notice_body.html):
    # the 30-day acknowledgement, the reply without undue delay, and then the ICO.
    key, label = "council-complaints", "How to complain to the council"
    council = snapshot["council"]
    form = (council.get("complaint_form_url") or "").strip()
    other = [
        words
        for field, words in (
            ("complaint_email", "email"),
            ("complaint_address", "post"),
            ("controller_email", "email to the controller's address"),
            ("controller_address", "post to the controller's address"),
        )
        if (council.get(field) or "").strip()
    ]
    if form and other:
        return met(
            key,
            label,
            f"People can complain to the council through its online form, or by {other[0]}.",
        )
    if form:
        return missing(
            key,
            label,
            "The council's complaint form is there, but no other way to complain is: the law asks "
            "for a form that can be completed online and by other means, so add a complaints "
            "email or postal address to the council's details.",
        )
    return missing(
        key,
        label,
        "The council's details give no data protection complaint form: since 19 June 2026 people "
        "must be able to complain to the council itself, online and in other ways, before going "
        "to the ICO. Add the form's https:// web address under 'Data protection complaints' "
        "(a section tagged 'Complaints and the ICO' does not count: the public page builds this "
        "part from the council's details).",
    )


def _complaints(snapshot: Snapshot) -> ChecklistResult:
    # The public page adds the ICO's complaint details itself (templates/notices/
    # _notice_body.html), so no notice can leave them out.
    return met(
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
        what="says whether any decision with legal or similarly significant effects on people "
        "is made by computer alone, with no person involved, even if none is",
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
    _council_complaints,
    _complaints,
    _sources,
    _statutory_requirement,
    _automated_decisions,
)


# --- Helpers ---------------------------------------------------------------------------------


def _tagged_section(
    snapshot: Snapshot, key: str, label: str, tag: IcoItem, *, what: str
) -> ChecklistResult:
    sections = _sections_tagged(snapshot, tag)
    if sections:
        return met(key, label, _found_sections(sections, tag))
    return missing(
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
        return met(key, label, f"The notice lists {count} {singular if count == 1 else plural}.")
    return missing(
        key, label, f"The notice lists no {plural}: add {add}, as {plural} on the notice's page."
    )


def _sections_tagged(snapshot: Snapshot, tag: IcoItem) -> list[dict]:
    return [section for section in snapshot["sections"] if section["ico_item"] == tag]


def _found_sections(sections: list[dict], tag: IcoItem) -> str:
    headings = join([f"'{section['heading']}'" for section in sections])
    return f"{headings} {is_are(sections)} tagged '{tag.label}'."


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

"""What a draft leaves unset that its public page needs: the gaps an import leaves rather than
filling them with a guess (notices.importing), and that publishing refuses until someone fills
them.

An imported draft must save in the admin exactly as it was created, so these fields may be blank
in a draft; the gaps are told here, one named list each, beside the ICO checklist
(notices.publishing.checklist), whose refusal they share.
"""

from dataclasses import dataclass
from typing import Any

from notices.models import LawfulBasis

Snapshot = dict[str, Any]


@dataclass(frozen=True)
class Gap:
    key: str
    label: str
    reason: str  # what is unset, naming each row, and where to set it


def draft_gaps(snapshot: Snapshot) -> list[Gap]:
    """Each thing the draft has left unset, in the order of the admin's form."""
    gaps = []
    notice = snapshot["notice"]
    if not notice["introduction"].strip():
        gaps.append(
            Gap(
                "introduction",
                "Introduction",
                "The draft has no introduction: say who the notice is for and what it covers.",
            )
        )
    if not notice["young_people_summary"].strip():
        gaps.append(
            Gap(
                "young-people-summary",
                "Summary for children and young people",
                "The draft has no summary for children and young people: write a short one in "
                "plain words.",
            )
        )
    no_frequency = [share["name"] for share in snapshot["recipients"] if not share["frequency"]]
    if no_frequency:
        gaps.append(
            Gap(
                "recipient-frequency",
                "How often each recipient is shared with",
                f"No frequency is set for {_join(no_frequency)}: choose 'Routinely' or 'Only "
                "when necessary' for each, in the draft's recipients.",
            )
        )
    no_purpose = [share["name"] for share in snapshot["recipients"] if not share["purpose"].strip()]
    if no_purpose:
        gaps.append(
            Gap(
                "recipient-purpose",
                "Why the council shares with each recipient",
                f"No reason is given for sharing with {_join(no_purpose)}: say why, in the "
                "draft's recipients.",
            )
        )
    no_condition = [
        basis["provision_label"]
        for basis in snapshot["lawful_bases"]
        if basis["provision"] in LawfulBasis.NEEDS_SCHEDULE_1_CONDITION
        and not basis["schedule_1_condition"].strip()
    ]
    if no_condition:
        # DPA 2018 s.10 and s.11: these provisions apply only with a Schedule 1 condition.
        gaps.append(
            Gap(
                "schedule-1-condition",
                "Data Protection Act 2018 Schedule 1 conditions",
                f"{_join(no_condition)} {'needs' if len(no_condition) == 1 else 'need'} a "
                "condition from Schedule 1 of the Data Protection Act 2018: name it on the "
                "lawful basis.",
            )
        )
    return gaps


def _join(words: list[str]) -> str:
    if len(words) <= 1:
        return "".join(words)
    return f"{', '.join(words[:-1])} and {words[-1]}"

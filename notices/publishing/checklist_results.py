"""What the completeness check (notices.publishing.checklist) answers: one result per checklist
item, with the law it comes from (notices.publishing.checklist_law), and the whole checklist."""

from dataclasses import dataclass, field

from django.db import models

from notices.publishing.checklist_law import Law


class Status(models.TextChoices):
    MET = "met", "Met"
    MISSING = "missing", "Missing"
    # Something the notice says that the law does not allow a council to say.
    REFUSED = "refused", "Not allowed"
    NOT_APPLICABLE = "not-applicable", "Not applicable"


@dataclass(frozen=True)
class ChecklistResult:
    """One checklist item as a notice stands against it. `reason` is one sentence for the
    council's Data Protection Officer: what was found, or what to add or change and where."""

    key: str
    label: str
    status: Status
    reason: str
    law: Law | None = None

    @property
    def is_met(self) -> bool:
        return self.status == Status.MET

    @property
    def is_missing(self) -> bool:
        """Whether the item stops the notice being published (missing, or not allowed)."""
        return self.status in (Status.MISSING, Status.REFUSED)

    @property
    def is_refused(self) -> bool:
        return self.status == Status.REFUSED


@dataclass(frozen=True)
class Completeness:
    """The results, in the checklist's order, and what the draft leaves unset
    (notices.publishing.to_complete): both refuse publishing."""

    items: list[ChecklistResult]
    to_complete: list[ChecklistResult] = field(default_factory=list)

    @property
    def missing(self) -> list[ChecklistResult]:
        """What stops publishing: items missing or not allowed, then what is left unset."""
        return self.missing_ico_items + self.to_complete

    @property
    def missing_ico_items(self) -> list[ChecklistResult]:
        return [item for item in self.items if item.is_missing]

    @property
    def refused(self) -> list[ChecklistResult]:
        return [item for item in self.items if item.is_refused]

    @property
    def is_complete(self) -> bool:
        return not self.missing


def met(key: str, label: str, reason: str) -> ChecklistResult:
    return ChecklistResult(key, label, Status.MET, reason)


def missing(key: str, label: str, reason: str) -> ChecklistResult:
    return ChecklistResult(key, label, Status.MISSING, reason)


def refused(key: str, label: str, reason: str) -> ChecklistResult:
    return ChecklistResult(key, label, Status.REFUSED, reason)


def not_applicable(key: str, label: str, reason: str) -> ChecklistResult:
    return ChecklistResult(key, label, Status.NOT_APPLICABLE, reason)


def is_are(things: list) -> str:
    return "is" if len(things) == 1 else "are"


def join(words: list[str]) -> str:
    """'a', 'a and b', 'a, b and c'."""
    if len(words) <= 1:
        return "".join(words)
    return f"{', '.join(words[:-1])} and {words[-1]}"

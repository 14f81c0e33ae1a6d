"""Library entries an import proposes, and a national admin's decision on each.

An import never adds to the shared libraries: a recipient, data category or kind of record the
file names that the library does not have becomes a waiting LibraryProposal, with the file's own
words as evidence. A national admin accepts it (the library entry is created, or the existing
entry of that name is kept) or dismisses it. Who may decide is councils.permissions' question;
the admin views ask it before calling these.
"""

from django.contrib.auth.base_user import AbstractBaseUser
from django.db import models, transaction
from django.utils import timezone
from django.utils.text import slugify

from notices.importing.parsed import ParsedNotice
from notices.models import DataCategory, LibraryProposal, Notice, Recipient, RecordKind
from notices.text.input_policy import cleaned

NAME_MAX_LENGTH = 200
EVIDENCE_MAX_LENGTH = 5000


class ProposalAlreadyDecided(Exception):
    """Someone decided this proposal already; nothing was changed."""


def propose_library_entries(
    *, notice: Notice, parsed: ParsedNotice, by: AbstractBaseUser | None
) -> list[LibraryProposal]:
    """Waiting proposals for what the parse could not match, each name once per notice (a name
    already waiting for this notice is not proposed again)."""
    Library = LibraryProposal.Library
    found = [
        *(
            (Library.DATA_CATEGORY, m.name or m.text, m.text)
            for m in parsed.data_categories
            if not m.slug
        ),
        *((Library.RECIPIENT, m.name or m.text, m.text) for m in parsed.recipients if not m.slug),
        *(
            (Library.RECORD_KIND, period.record_type, period.text)
            for period in parsed.retention_periods
            if period.record_type and not period.record_kind
        ),
    ]
    waiting = set(
        LibraryProposal.objects.waiting().filter(notice=notice).values_list("library", "name")
    )
    proposals = []
    for library, name, evidence in found:
        name = " ".join(cleaned(name, single_line=True).split())[:NAME_MAX_LENGTH]
        if not name or (library, name) in waiting:
            continue
        waiting.add((library, name))
        proposals.append(
            LibraryProposal(
                library=library,
                name=name,
                evidence=cleaned(evidence, single_line=False)[:EVIDENCE_MAX_LENGTH],
                notice=notice,
                proposed_by=by,
            )
        )
    return LibraryProposal.objects.bulk_create(proposals)


LIBRARY_MODELS: dict[str, type[models.Model]] = {
    LibraryProposal.Library.DATA_CATEGORY: DataCategory,
    LibraryProposal.Library.RECIPIENT: Recipient,
    LibraryProposal.Library.RECORD_KIND: RecordKind,
}


def accept_proposal(*, proposal: LibraryProposal, by: AbstractBaseUser) -> models.Model:
    """Adds the proposal to its library (or finds the entry of that name already there) and
    marks it accepted. Raises ProposalAlreadyDecided if it is no longer waiting."""
    model = LIBRARY_MODELS[proposal.library]
    with transaction.atomic():
        proposal = _lock_waiting(proposal)
        entry = model.objects.filter(name__iexact=proposal.name).first()
        if entry is None:
            fields = {"name": proposal.name, "slug": _free_slug(model, proposal.name)}
            if model is Recipient:
                # The proposal cannot know what kind of body it is; a national admin can set it.
                fields["kind"] = Recipient.Kind.OTHER
            entry = model.objects.create(**fields)
        _decide(proposal, LibraryProposal.State.ACCEPTED, by)
    return entry


def dismiss_proposal(*, proposal: LibraryProposal, by: AbstractBaseUser) -> None:
    """Marks the proposal dismissed; the library is not changed."""
    with transaction.atomic():
        _decide(_lock_waiting(proposal), LibraryProposal.State.DISMISSED, by)


def _lock_waiting(proposal: LibraryProposal) -> LibraryProposal:
    locked = LibraryProposal.objects.select_for_update().filter(pk=proposal.pk).first()
    if locked is None or locked.state != LibraryProposal.State.WAITING:
        raise ProposalAlreadyDecided(
            f"“{proposal.name}” was already decided by someone else; nothing was changed."
        )
    return locked


def _decide(proposal: LibraryProposal, state: str, by: AbstractBaseUser) -> None:
    proposal.state = state
    proposal.decided_by = by
    proposal.decided_at = timezone.now()
    proposal.save(update_fields=["state", "decided_by", "decided_at"])


def _free_slug(model: type[models.Model], name: str) -> str:
    base = (slugify(name) or "entry")[:90]
    slug, number = base, 1
    while model.objects.filter(slug=slug).exists():
        number += 1
        slug = f"{base}-{number}"
    return slug

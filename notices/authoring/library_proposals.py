"""The queue of library entries that imports proposed, on a national admin's home page, and the
accept or dismiss buttons beside each. Council staff neither see it nor may act on it
(councils.permissions.can_decide_library_proposals); the decisions themselves are
notices.importing.proposals'."""

from dataclasses import dataclass

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.views.decorators.http import require_POST

from councils import permissions
from notices.importing.proposals import (
    ProposalAlreadyDecided,
    accept_proposal,
    dismiss_proposal,
)
from notices.models import LibraryProposal

# The home page lists the oldest first; more than this is a count and a note.
MAX_LISTED = 50

NOT_YOURS = (
    "Only a national admin can add to the shared libraries, because every council picks from "
    "them. A name your import could not match waits for a national admin to decide."
)


@dataclass(frozen=True)
class ProposalQueue:
    count: int
    proposals: list[LibraryProposal]


def proposal_queue(user: permissions.User) -> ProposalQueue | None:
    """The waiting proposals, oldest first, or None for someone who may not decide them."""
    if not permissions.can_decide_library_proposals(user):
        return None
    waiting = LibraryProposal.objects.waiting().select_related("notice__council")
    return ProposalQueue(count=waiting.count(), proposals=list(waiting[:MAX_LISTED]))


@require_POST
def decide_library_proposal(request: HttpRequest, proposal_id: int) -> HttpResponse:
    """Accept (the library entry is created) or dismiss one proposal, then back to the home."""
    if not permissions.can_decide_library_proposals(request.user):
        raise PermissionDenied(NOT_YOURS)
    proposal = LibraryProposal.objects.filter(pk=proposal_id).first()
    if proposal is None:
        raise Http404("No such library proposal.")
    decision = request.POST.get("decision")
    library = proposal.get_library_display().lower()
    try:
        if decision == "accept":
            entry = accept_proposal(proposal=proposal, by=request.user)
            messages.success(request, f"“{entry}” is in the shared library as a {library}.")
        elif decision == "dismiss":
            dismiss_proposal(proposal=proposal, by=request.user)
            messages.success(request, f"Dismissed “{proposal.name}”: the library is unchanged.")
        else:
            return TemplateResponse(
                request,
                "admin/refused.html",
                {
                    "title": "That decision was not understood",
                    "reason": "Choose Accept or Dismiss beside the proposal. Nothing was changed.",
                },
                status=400,
            )
    except ProposalAlreadyDecided as decided:
        messages.warning(request, str(decided))
    return redirect("admin:index")

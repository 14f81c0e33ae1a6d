"""Library entries an import proposes: a queue on a national admin's home page, where each is
accepted (the entry is added to its library) or dismissed. Council staff neither see the queue
nor may act on it."""

import pytest
from django.urls import reverse

from notices.importing.proposals import (
    ProposalAlreadyDecided,
    accept_proposal,
    propose_library_entries,
)
from notices.importing.tests.test_drafting import council, libraries, run_import  # noqa: F401
from notices.models import DataCategory, LibraryProposal, Recipient, RecordKind
from tests.database import database_state

pytestmark = pytest.mark.django_db

WITH_UNKNOWN_RECORDS = """\
# Children's social care privacy notice

## Who we share it with

- Police - to prevent and detect crime against children
- Local charities

## How long we keep it

- Family group conference notes: 6 years after the case is closed
"""


def decide_url(proposal: LibraryProposal) -> str:
    return reverse("admin:library_proposal_decide", args=[proposal.pk])


def test_an_import_proposes_each_unmatched_name_once_with_its_evidence(council):  # noqa: F811
    report = run_import(council, WITH_UNKNOWN_RECORDS)
    proposals = {
        (p.library, p.name): p for p in LibraryProposal.objects.filter(notice=report.notice)
    }
    assert set(proposals) == {
        (LibraryProposal.Library.RECIPIENT, "Local charities"),
        (LibraryProposal.Library.RECORD_KIND, "Family group conference notes"),
    }
    kind = proposals[(LibraryProposal.Library.RECORD_KIND, "Family group conference notes")]
    assert "6 years after the case is closed" in kind.evidence
    assert report.proposed == 2
    # Importing the same file again does not ask twice.
    assert propose_library_entries(notice=report.notice, parsed=report.parsed, by=None) == []


def test_a_dry_run_proposes_nothing(council):  # noqa: F811
    run_import(council, WITH_UNKNOWN_RECORDS, dry_run=True)
    assert not LibraryProposal.objects.exists()


def test_the_report_says_what_happened_to_the_unmatched_names(council):  # noqa: F811
    preview = "\n".join(run_import(council, WITH_UNKNOWN_RECORDS, dry_run=True).lines())
    assert "creating the draft proposes them to a national admin" in preview
    done = "\n".join(run_import(council, WITH_UNKNOWN_RECORDS).lines())
    assert "proposed to a national admin, not added" in done


@pytest.fixture
def proposals(council):  # noqa: F811
    run_import(council, WITH_UNKNOWN_RECORDS)
    return {p.name: p for p in LibraryProposal.objects.all()}


def test_national_admins_see_the_queue_with_the_council_and_the_evidence(
    client, make_staff, proposals
):
    client.force_login(make_staff(national=True))
    page = client.get(reverse("admin:index")).content.decode()
    assert "Library proposals waiting (2)" in page
    assert "Local charities" in page and "Family group conference notes" in page
    assert "Ashby Vale Council" in page
    assert "6 years after the case is closed" in page


def test_accepting_creates_the_library_entry_and_clears_the_proposal(client, make_staff, proposals):
    admin = make_staff(national=True)
    client.force_login(admin)
    proposal = proposals["Family group conference notes"]
    response = client.post(decide_url(proposal), {"decision": "accept"})
    assert response.status_code == 302
    kind = RecordKind.objects.get(name="Family group conference notes")
    assert kind.slug == "family-group-conference-notes"
    proposal.refresh_from_db()
    assert (proposal.state, proposal.decided_by) == (LibraryProposal.State.ACCEPTED, admin)
    assert "Library proposals waiting (1)" in client.get(reverse("admin:index")).content.decode()


def test_accepting_a_recipient_adds_it_as_other_for_an_admin_to_refine(
    client, make_staff, proposals
):
    client.force_login(make_staff(national=True))
    client.post(decide_url(proposals["Local charities"]), {"decision": "accept"})
    assert Recipient.objects.get(name="Local charities").kind == Recipient.Kind.OTHER


def test_dismissing_leaves_the_library_unchanged(client, make_staff, proposals):
    client.force_login(make_staff(national=True))
    libraries_before = (
        list(Recipient.objects.values()),
        list(RecordKind.objects.values()),
        list(DataCategory.objects.values()),
    )
    client.post(decide_url(proposals["Local charities"]), {"decision": "dismiss"})
    assert LibraryProposal.objects.get(name="Local charities").state == "dismissed"
    assert libraries_before == (
        list(Recipient.objects.values()),
        list(RecordKind.objects.values()),
        list(DataCategory.objects.values()),
    )


def test_a_proposal_is_decided_once(make_staff, proposals):
    admin = make_staff(national=True)
    proposal = proposals["Local charities"]
    accept_proposal(proposal=proposal, by=admin)
    with pytest.raises(ProposalAlreadyDecided):
        accept_proposal(proposal=proposal, by=admin)
    assert Recipient.objects.filter(name="Local charities").count() == 1


def test_a_decision_that_is_neither_accept_nor_dismiss_is_a_400_that_changes_nothing(
    client, make_staff, proposals
):
    client.force_login(make_staff(national=True))
    before = database_state()
    response = client.post(decide_url(proposals["Local charities"]), {"decision": "merge"})
    assert response.status_code == 400
    assert "Choose Accept or Dismiss" in response.content.decode()
    assert database_state() == before


def test_an_unknown_proposal_is_a_404_and_a_get_is_refused(client, make_staff, proposals):
    client.force_login(make_staff(national=True))
    assert (
        client.post("/admin/library-proposals/999999/", {"decision": "accept"}).status_code == 404
    )
    assert client.get(decide_url(proposals["Local charities"])).status_code == 405


@pytest.mark.parametrize("role", ["editor", "publisher"])
def test_council_staff_neither_see_the_queue_nor_decide(client, make_staff, proposals, role):
    proposal = proposals["Local charities"]
    client.force_login(make_staff(proposal.notice.council, role))
    assert "Library proposals" not in client.get(reverse("admin:index")).content.decode()
    before = database_state()
    response = client.post(decide_url(proposal), {"decision": "accept"})
    assert response.status_code == 403
    assert "Only a national admin can add to the shared libraries" in response.content.decode()
    assert database_state() == before


def test_signed_out_visitors_cannot_decide(client, proposals):
    before = database_state()
    response = client.post(decide_url(proposals["Local charities"]), {"decision": "accept"})
    assert response.status_code == 302 and "/admin/login/" in response["Location"]
    assert database_state() == before

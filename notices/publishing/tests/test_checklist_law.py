"""The checklist as the law stood in 2026: the council's own complaint route (Data Protection Act
2018 s.164A, from 19 June 2026), no legitimate interests basis for a council's tasks, the
automated decision-making statement, and the law and date shown with every item."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest

from notices.models import IcoItem, LawfulBasis, NoticeVersion
from notices.publishing.checklist import Status, check_completeness, later_rules
from notices.publishing.checklist_law import COMPLAINTS_DUTY, GDPR_APPLIED, LAW_BY_ITEM
from notices.publishing.publish import IncompleteNotice
from notices.publishing.rendering import render_notice_html
from notices.publishing.snapshots import council_snapshot, notice_snapshot

LONDON = ZoneInfo("Europe/London")
BEFORE_THE_DUTY = datetime(2026, 6, 18, 12, 0, tzinfo=LONDON)
NO_ROUTE = {"complaint_form_url": "", "complaint_email": "", "complaint_address": ""}


def item(snapshot: dict, key: str, on: date | None = None):
    [found] = [each for each in check_completeness(snapshot, on=on).items if each.key == key]
    return found


# --- How to complain to the council ------------------------------------------------------------


def test_a_council_with_a_complaint_form_and_another_way_meets_the_complaints_item(
    make_council, make_notice
):
    council = make_council(complaint_email="complaints@council.example")
    found = item(notice_snapshot(make_notice(council)), "council-complaints")
    assert found.status == Status.MET
    assert found.label == "How to complain to the council"
    assert "online form, or by email" in found.reason


def test_without_a_complaint_form_the_item_is_missing_and_says_where_to_add_it(
    make_council, make_notice
):
    notice = make_notice(make_council(**NO_ROUTE))
    # A section about complaints is not the council's own route: the page builds it from details.
    notice.sections.create(
        heading="Complaints", anchor="complaints", ico_item=IcoItem.COMPLAINTS, body="Tell us."
    )
    found = item(notice_snapshot(notice), "council-complaints")
    assert found.status == Status.MISSING
    assert "19 June 2026" in found.reason and "https://" in found.reason
    assert "'Data protection complaints'" in found.reason


def test_a_complaint_form_alone_is_not_enough_when_the_council_gives_no_email_or_post(
    make_council, make_notice
):
    council = make_council(controller_email="", controller_phone="01632 960000")
    found = item(notice_snapshot(make_notice(council)), "council-complaints")
    assert found.status == Status.MISSING
    assert "by other means" in found.reason


def test_the_complaints_item_does_not_apply_before_19_june_2026(make_council, make_notice):
    snapshot = notice_snapshot(make_notice(make_council(**NO_ROUTE)))
    before = item(snapshot, "council-complaints", on=date(2026, 6, 18))
    assert before.status == Status.NOT_APPLICABLE
    assert before.reason == "Required from 19 June 2026, after this date."
    assert item(snapshot, "council-complaints", on=date(2026, 6, 19)).status == Status.MISSING


def test_publishing_without_a_complaint_route_is_refused_and_passes_once_it_is_given(
    make_council, make_notice, publish
):
    council = make_council(**NO_ROUTE)
    notice = make_notice(council)

    with pytest.raises(IncompleteNotice, match="covers: How to complain to the council"):
        publish(notice)
    assert not NoticeVersion.objects.exists()

    council.complaint_form_url = "https://council.example/complain"
    council.save()
    version = publish(notice)
    assert version.snapshot["council"]["complaint_form_url"] == "https://council.example/complain"


def test_a_version_dated_before_the_duty_may_be_published_without_a_route(
    make_council, make_notice, publish
):
    notice = make_notice(make_council(**NO_ROUTE))
    version = publish(notice, published_at=BEFORE_THE_DUTY)
    assert version.number == 1


def test_the_public_page_gives_the_councils_route_with_the_30_days_before_the_ico(
    make_council, make_notice
):
    council = make_council(
        complaint_form_url="https://council.example/complain",
        complaint_address="Complaints Team\nTown Hall",
    )
    html = render_notice_html(notice_snapshot(make_notice(council)), None)
    own = html.index(f"Complain to {council.name}</h3>")
    assert own < html.index("Complain to the Information Commissioner")
    assert 'href="https://council.example/complain"' in html
    # The complaints email falls back to the controller's; the address is the complaints one.
    assert f"mailto:{council.controller_email}" in html[own:]
    assert "Complaints Team<br>Town Hall" in html
    assert "within 30 days" in html and "without undue delay" in html


def test_a_council_without_a_route_keeps_its_snapshot_and_page_as_before(make_council):
    council = make_council(**NO_ROUTE)
    assert not {"complaint_form_url", "complaint_email", "complaint_address"} & set(
        council_snapshot(council)
    )


# --- No legitimate interests basis for a council's tasks ---------------------------------------


@pytest.mark.parametrize("provision", [LawfulBasis.Provision.A6_1_F, LawfulBasis.Provision.A6_1_EA])
def test_publishing_a_legitimate_interests_basis_is_refused_with_the_reason_then_passes_without(
    make_notice, publish, provision
):
    notice = make_notice()
    basis = LawfulBasis.objects.create(
        notice=notice, provision=provision, explanation="Our foster carers' newsletter"
    )

    with pytest.raises(IncompleteNotice) as refusal:
        publish(notice)
    message = str(refusal.value)
    assert LawfulBasis.Provision(provision).label in message
    assert "a public authority cannot use for the tasks it performs" in message
    assert "covers:" not in message, "nothing is missing: the basis is refused"
    assert not NoticeVersion.objects.exists()

    basis.delete()
    assert publish(notice).number == 1


def test_the_publish_page_names_the_refused_basis_and_why(admin_client, make_notice):
    from django.urls import reverse

    notice = make_notice()
    LawfulBasis.objects.create(notice=notice, provision=LawfulBasis.Provision.A6_1_F)
    html = admin_client.get(
        reverse("admin:notices_notice_publish", args=[notice.pk])
    ).content.decode()
    assert ">Not allowed</td>" in html
    assert (
        "No legitimate interests basis for the council&#x27;s tasks: The notice relies on" in html
    )


# --- Automated decision-making -------------------------------------------------------------------


def test_the_automated_decision_statement_is_required_and_names_significant_effects(make_notice):
    notice = make_notice()
    notice.sections.filter(ico_item=IcoItem.AUTOMATED_DECISIONS).delete()
    found = item(notice_snapshot(notice), "automated-decisions")
    assert found.status == Status.MISSING
    assert "legal or similarly significant effects" in found.reason
    assert "22A to 22D" in found.law.note


# --- The law and its date, on every item -------------------------------------------------------


def test_every_item_names_its_law_and_the_date_it_took_effect(make_notice):
    items = check_completeness(notice_snapshot(make_notice())).items
    assert [each.law for each in items] == [LAW_BY_ITEM[each.key] for each in items]
    assert set(LAW_BY_ITEM) == {each.key for each in items}
    by_key = {each.key: each.law for each in items}
    assert by_key["controller"].citation == "UK GDPR Articles 13(1)(a) and 14(1)(a)"
    assert by_key["controller"].took_effect == GDPR_APPLIED == date(2018, 5, 25)
    assert "1 January 2021" in by_key["controller"].note
    assert by_key["council-complaints"].took_effect == COMPLAINTS_DUTY == date(2026, 6, 19)
    assert "section 164A" in by_key["council-complaints"].citation


def test_the_admin_checklist_shows_each_items_law_and_date(admin_client, make_notice):
    from django.urls import reverse

    html = admin_client.get(
        reverse("admin:notices_notice_change", args=[make_notice().pk])
    ).content.decode()
    assert '<th scope="col">The law, and when it took effect</th>' in html
    assert "Data Protection Act 2018 section 164A" in html
    assert '<time datetime="2026-06-19">19 June 2026</time>' in html
    assert '<time datetime="2018-05-25">25 May 2018</time>' in html


# --- Published notices under later law -----------------------------------------------------------


def test_later_rules_read_only_the_council_and_lawful_bases(make_council, make_notice):
    snapshot = notice_snapshot(make_notice(make_council(**NO_ROUTE)))
    failing = later_rules(council=snapshot["council"], lawful_bases=snapshot["lawful_bases"])
    assert [each.key for each in failing] == ["council-complaints"]
    assert later_rules(council=snapshot["council"], lawful_bases=[], on=date(2026, 1, 1)) == []


# --- The demo ------------------------------------------------------------------------------------


def test_every_demo_notices_public_page_shows_its_councils_complaint_route(client, demo):
    from councils.models import Council

    councils = Council.objects.all()
    assert councils.count() >= 5
    for council in councils:
        notice = council.notices.get()
        html = client.get(notice.get_absolute_url()).content.decode()
        assert f"Complain to {council.name}</h3>" in html, council.slug
        assert f'href="{council.complaint_form_url}"' in html
        assert "within 30 days" in html
        assert later_rules(**_published_parts(notice)) == []


def _published_parts(notice) -> dict:
    snapshot = NoticeVersion.objects.filter(notice=notice).order_by("-number").first().snapshot
    return {"council": snapshot["council"], "lawful_bases": snapshot["lawful_bases"]}

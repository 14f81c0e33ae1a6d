"""What a draft leaves unset (an import leaves what the file did not say blank rather than
guessing it): the checklist names each gap, and publishing refuses the draft until it is filled."""

import pytest
from django.urls import reverse

from notices.models import LawfulBasis, Notice, NoticeVersion
from notices.publishing.checklist import check_completeness
from notices.publishing.publish import IncompleteNotice
from notices.publishing.snapshots import notice_snapshot
from notices.testing.forms import form_data
from notices.testing.snapshots import make_snapshot

pytestmark = pytest.mark.django_db


def gaps(snapshot: dict) -> dict[str, str]:
    return {item.key: item.reason for item in check_completeness(snapshot).to_complete}


def test_a_finished_draft_has_nothing_to_complete():
    assert gaps(make_snapshot()) == {}


def test_each_recipient_without_a_frequency_is_named():
    snapshot = make_snapshot()
    for share in snapshot["recipients"]:
        share["frequency"] = ""
    reason = gaps(snapshot)["recipient-frequency"]
    names = [share["name"] for share in snapshot["recipients"]]
    assert all(name in reason for name in names)
    assert not check_completeness(snapshot).is_complete


def test_an_empty_introduction_summary_purpose_and_schedule_1_condition_are_each_listed():
    snapshot = make_snapshot()
    snapshot["notice"]["introduction"] = "  "
    snapshot["notice"]["young_people_summary"] = ""
    snapshot["recipients"][0]["purpose"] = ""
    snapshot["lawful_bases"] = [
        {
            "provision": "A9-2-g",
            "provision_label": LawfulBasis.Provision.A9_2_G.label,
            "article": "9",
            "schedule_1_condition": "",
            "legislation": "",
            "explanation": "",
        }
    ]
    found = gaps(snapshot)
    assert set(found) == {
        "introduction",
        "young-people-summary",
        "recipient-purpose",
        "schedule-1-condition",
    }
    assert snapshot["recipients"][0]["name"] in found["recipient-purpose"]
    assert "Article 9(2)(g)" in found["schedule-1-condition"]


def test_publishing_a_recipient_without_a_frequency_is_refused_naming_it(make_notice, publish):
    notice = make_notice()
    notice.recipients.update(frequency="")
    with pytest.raises(IncompleteNotice) as refusal:
        publish(notice)
    assert "How often each recipient is shared with (No frequency is set for Police" in str(
        refusal.value
    )
    assert not NoticeVersion.objects.exists()


def test_publishing_an_empty_introduction_is_refused(make_notice, publish):
    notice = make_notice()
    Notice.objects.filter(pk=notice.pk).update(introduction="")
    assert [item.key for item in check_completeness(notice_snapshot(notice)).missing] == [
        "introduction"
    ]
    with pytest.raises(IncompleteNotice, match="Introduction"):
        publish(notice)
    assert not NoticeVersion.objects.exists()


def test_the_publish_page_lists_what_is_unset_by_name_and_refuses(admin_client, make_notice):
    notice = make_notice()
    notice.recipients.update(frequency="")
    url = reverse("admin:notices_notice_publish", args=[notice.pk])
    html = admin_client.get(url).content.decode()
    assert "Publishing is refused" in html
    assert "No frequency is set for Police" in html
    data = form_data(html, "publish_form") | {"change_note": "First", "change_kind": "major"}
    assert admin_client.post(url, data).status_code == 200
    assert not NoticeVersion.objects.exists()


def test_the_change_page_lists_what_is_unset_under_to_complete(admin_client, make_notice):
    notice = make_notice()
    Notice.objects.filter(pk=notice.pk).update(young_people_summary="")
    html = admin_client.get(reverse("admin:notices_notice_change", args=[notice.pk])).content
    assert "To complete: the draft leaves 1 thing unset" in html.decode()
    assert "no summary for children and young people" in html.decode()

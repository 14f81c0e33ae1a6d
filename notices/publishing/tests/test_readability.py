import pytest
from django.urls import reverse

from notices.models import NoticeVersion, Section
from notices.publishing.readability import (
    SECTION_TARGET,
    SUMMARY_TARGET,
    notice_readability,
    plain_sentences,
    reading_age,
)
from notices.publishing.snapshots import notice_snapshot
from notices.testing.forms import form_data

PLAIN = (
    "We keep notes about you. We use them to help you. You can ask to see them. "
    "Tell us if they are wrong. We will fix them. We keep them safe. Only our team can read them."
)
DENSE = (
    "Notwithstanding the aforementioned statutory obligations, the Authority processes "
    "comprehensive categories of sensitive personal information, including information "
    "concerning racial or ethnic origin, physical or mental health conditions and criminal "
    "allegations, in accordance with applicable legislative provisions and organisational "
    "policies governing safeguarding arrangements and multi-agency information governance."
)


def test_short_everyday_sentences_read_younger_than_long_legal_ones():
    assert reading_age(PLAIN) <= SUMMARY_TARGET
    assert reading_age(DENSE) > SECTION_TARGET + 4


def test_each_list_item_counts_as_a_sentence_of_its_own():
    markdown = "We use it to:\n\n- plan your care;\n- keep you safe;\n- check our work"
    assert (
        plain_sentences(markdown) == "We use it to. plan your care. keep you safe. check our work."
    )


def test_a_part_too_short_to_judge_has_no_age_and_is_not_above_target():
    assert reading_age("Ask us.") is None


@pytest.mark.django_db
def test_every_part_of_a_notice_has_its_reading_age_and_target(make_notice):
    notice = make_notice()
    Section.objects.filter(notice=notice).update(body=DENSE)
    readability = notice_readability(notice_snapshot(notice))
    labels = [part.label for part in readability.parts]
    assert labels[:2] == ["Young people's summary", "About this notice"]
    assert len(labels) == 2 + notice.sections.count()
    assert readability.parts[0].target == SUMMARY_TARGET
    assert {part.target for part in readability.parts[1:]} == {SECTION_TARGET}
    assert len(readability.above_target) == notice.sections.count()


@pytest.mark.django_db
def test_the_editor_and_the_publish_page_show_reading_ages_as_advice_not_a_refusal(
    admin_client, make_notice
):
    notice = make_notice()
    Section.objects.filter(notice=notice, anchor="your-rights").update(body=DENSE)
    publish_url = reverse("admin:notices_notice_publish", args=[notice.pk])
    for url in (reverse("admin:notices_notice_change", args=[notice.pk]), publish_url):
        html = admin_client.get(url).content.decode()
        assert 'id="readability"' in html
        assert "1 part of the saved draft reads above its target." in html
        assert "it does not stop publishing" in html
    data = form_data(admin_client.get(publish_url).content.decode(), "publish_form")
    data.update(change_note="First", change_kind="major")
    response = admin_client.post(publish_url, data)
    assert response.status_code == 302
    assert NoticeVersion.objects.filter(notice=notice).count() == 1

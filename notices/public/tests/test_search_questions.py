"""Everyday questions, asked of the demo site, land on the part of each demo notice that answers
them; and every place the search can link to is a real id on the notice's page. Run on SQLite and
on PostgreSQL alike (DATABASE_URL)."""

import pytest

from notices.demo.content import COUNCILS
from notices.models import Notice, NoticeSearchSection, Section
from notices.public.search import search_site
from notices.testing.html import outline

DEMO_COUNCIL_COUNT = len(COUNCILS)

pytestmark = pytest.mark.django_db

# Each question, the ICO checklist items of the councils' sections that answer it, and the ids of
# the structured parts that answer it too (templates/notices/_notice_body.html).
QUESTIONS = [
    ("how long do you keep my records", {"retention"}, {"retention"}),
    ("who do you share my information with", {"recipients"}, {"recipients"}),
    ("how do I complain", {"complaints"}, {"contact"}),
    ("can I see my file", {"rights"}, set()),
    ("why do you need my information", {"purposes"}, set()),
    ("where does my information come from", {"sources"}, set()),
    ("what law lets you use my information", {"lawful-basis"}, {"lawful-bases"}),
    ("do you send my information abroad", {"transfers-abroad"}, set()),
    ("does a computer make decisions about me", {"automated-decisions"}, set()),
    ("what information do you hold about me", {"categories"}, {"data-categories"}),
]


def answering_anchors(notice: Notice, ico_items: set[str], structured: set[str]) -> set[str]:
    sections = Section.objects.filter(notice=notice, ico_item__in=ico_items)
    return {section.anchor for section in sections} | structured


@pytest.mark.parametrize("question, ico_items, structured", QUESTIONS)
def test_an_everyday_question_lands_on_the_part_of_each_notice_that_answers_it(
    demo, question, ico_items, structured
):
    notices = {notice.pk: notice for notice in Notice.objects.published()}
    assert len(notices) == DEMO_COUNCIL_COUNT

    results = search_site(question)

    assert not results.notices_partly_match
    landed = {}
    for match in results.notices:
        path, anchor = match.url.split("#")
        notice = next(notice for notice in notices.values() if notice.get_absolute_url() == path)
        landed[notice.pk] = anchor
    assert set(landed) == set(notices), "every demo notice answers every question"
    for pk, anchor in landed.items():
        expected = answering_anchors(notices[pk], ico_items, structured)
        assert anchor in expected, (notices[pk].council.name, anchor, expected)


def test_a_question_naming_a_council_lands_on_that_councils_notice_only(demo):
    results = search_site("how long does Kestrelford keep adoption records")

    assert [council.name for council in results.councils] == ["Kestrelford Council"]
    assert [match.council.name for match in results.notices] == ["Kestrelford Council"]
    notice = Notice.objects.get(council__name="Kestrelford Council")
    anchor = results.notices[0].url.split("#")[1]
    assert anchor in answering_anchors(notice, {"retention"}, {"retention"})


def test_fostering_and_foster_carers_find_the_same_demo_notices(demo):
    fostering = {match.council.name for match in search_site("fostering").notices}
    assert len(fostering) == DEMO_COUNCIL_COUNT
    assert {match.council.name for match in search_site("foster carers").notices} == fostering


def test_every_place_a_result_can_land_is_an_id_on_the_notice_page(demo, client):
    for notice in Notice.objects.published().select_related("council"):
        response = client.get(notice.get_absolute_url())
        assert response.status_code == 200
        ids = set(outline(response.content.decode()).ids())
        anchors = set(
            NoticeSearchSection.objects.filter(notice=notice).values_list("anchor", flat=True)
        )
        assert len(anchors) > 15
        assert anchors <= ids, anchors - ids

from notices.publishing.at_a_glance import at_a_glance
from notices.publishing.topics import TOPIC_ANCHORS, notice_topics
from notices.text.anchors import RESERVED_ANCHORS


def section(anchor: str, ico_item: str, heading: str | None = None) -> dict:
    return {"anchor": anchor, "heading": heading or anchor.title(), "ico_item": ico_item}


def snapshot(*sections: dict, **rows) -> dict:
    return {
        "council": {"name": "Testshire Council"},
        "sections": list(sections),
        "data_categories": rows.get("data_categories", []),
        "recipients": rows.get("recipients", []),
        "lawful_bases": rows.get("lawful_bases", []),
        "retention_periods": rows.get("retention_periods", []),
    }


def test_two_sections_on_one_topic_share_one_heading_under_the_first_sections_words():
    topics = notice_topics(
        snapshot(
            section("who-we-share-with", "recipients", "Who we share with"),
            section("sending-abroad", "transfers-abroad"),
            section("more-sharing", "recipients"),
        )
    )
    [recipients, contact] = topics
    assert (recipients.key, recipients.heading, recipients.anchor) == (
        "recipients",
        "Who we share with",
        "who-we-share-with",
    )
    # The topic's own item first, then the related one.
    assert [s["anchor"] for s in recipients.more_sections] == ["more-sharing", "sending-abroad"]
    assert contact.key == "contact"


def test_every_section_is_in_exactly_one_topic_and_topics_follow_a_familys_questions():
    sections = [
        section("contact-us", "contact"),
        section("rights", "rights"),
        section("how-long", "retention"),
        section("security", "other"),
        section("why", "purposes"),
        section("complaints", "complaints"),
        section("must-you-tell-us", "statutory-requirement"),
        section("where-from", "sources"),
    ]
    topics = notice_topics(snapshot(*sections))
    placed = [s["anchor"] for topic in topics for s in topic.sections]
    assert sorted(placed) == sorted(s["anchor"] for s in sections)
    assert [topic.key for topic in topics] == [
        "purposes",
        "sources",
        "retention",
        "rights",
        "other-security",
        "contact",
    ]
    sources = topics[1]
    assert [s["anchor"] for s in sources.sections] == ["where-from", "must-you-tell-us"]


def test_rows_without_a_section_get_the_topics_own_heading_and_reserved_anchor():
    topics = notice_topics(snapshot(recipients=[{"name": "Police"}]))
    recipients = topics[0]
    assert (recipients.heading, recipients.anchor, recipients.rows) == (
        "Who we share it with",
        "topic-recipients",
        "recipients",
    )
    assert TOPIC_ANCHORS <= RESERVED_ANCHORS | {"at-a-glance"}
    assert "at-a-glance" in RESERVED_ANCHORS


def test_a_topic_with_neither_words_nor_rows_is_left_out_but_contacts_never_are():
    assert [topic.key for topic in notice_topics(snapshot())] == ["contact"]


def test_at_a_glance_says_only_what_the_rows_say_and_links_to_each_detail():
    snap = snapshot(
        section("why", "purposes"),
        section("your-rights", "rights"),
        data_categories=[{"name": "Personal details"}, {"name": "Health"}, {"name": "SEN plans"}],
        recipients=[{"name": "Police"}, {"name": "NHS and health services"}],
        lawful_bases=[
            {"provision": "A6-1-c", "provision_label": "Article 6(1)(c): legal obligation"},
            {"provision": "A9-2-h", "provision_label": "Article 9(2)(h): health or social care"},
        ],
        retention_periods=[{"years": 7, "months": 0}, {"years": 75, "months": 6}],
    )
    lines = {line.label: line for line in at_a_glance(snap, notice_topics(snap))}
    assert list(lines) == [
        "Who is responsible",
        "What we keep",
        "Why",
        "Who gets it",
        "How long we keep it",
        "Your rights",
        "How to complain",
    ]
    assert lines["What we keep"].text == "Personal details, health and SEN plans."
    assert lines["Who gets it"].text == "Police and NHS and health services."
    assert lines["Why"].text.endswith("In law: legal obligation.")
    assert lines["How long we keep it"].text == (
        "From 7 years to 75 years and 6 months, depending on the record."
    )
    assert [line.anchor for line in lines.values()] == [
        "contact",
        "data-categories",
        "why",
        "recipients",
        "retention",
        "your-rights",
        "contact",
    ]


def test_at_a_glance_leaves_out_a_line_it_has_nothing_for():
    lines = at_a_glance(snapshot(), notice_topics(snapshot()))
    assert [line.label for line in lines] == ["Who is responsible", "How to complain"]

"""The completeness check against the ICO's right-to-be-informed checklist and the law in force
(17 items since 19 June 2026), and what publishing and the admin do with it."""

from datetime import date

import pytest
from django.urls import reverse

from notices.models import (
    DataCategory,
    IcoItem,
    LawfulBasis,
    Notice,
    NoticeDataCategory,
    NoticeVersion,
    Section,
)
from notices.publishing.checklist import Status, check_completeness
from notices.publishing.publish import IncompleteNotice, NothingToPublish
from notices.publishing.shared_block import publish_shared_block
from notices.publishing.snapshots import notice_snapshot
from notices.testing.forms import form_data
from notices.testing.snapshots import make_section, make_snapshot

CHECKLIST_ORDER = [
    "controller",
    "representative",
    "dpo",
    "purposes",
    "lawful-basis",
    "legitimate-interests",
    "categories",
    "recipients",
    "transfers-abroad",
    "retention",
    "rights",
    "withdrawing-consent",
    "council-complaints",
    "complaints",
    "sources",
    "statutory-requirement",
    "automated-decisions",
]

# The items a section answers, and nothing else can.
SECTION_ITEMS = {
    "purposes": IcoItem.PURPOSES,
    "transfers-abroad": IcoItem.TRANSFERS_ABROAD,
    "rights": IcoItem.RIGHTS,
    "sources": IcoItem.SOURCES,
    "statutory-requirement": IcoItem.STATUTORY_REQUIREMENT,
    "automated-decisions": IcoItem.AUTOMATED_DECISIONS,
}


def tagged(tag: IcoItem, anchor: str | None = None, heading: str | None = None) -> dict:
    return make_section(anchor or tag.value, heading, ico_item=tag.value, ico_item_label=tag.label)


COMPLAINT_FORM = "https://northshire.example/data-protection-complaint"


def complete_snapshot(**overrides) -> dict:
    """make_snapshot's notice, with a section for every item that needs one and the council's
    own complaint form."""
    sections = [tagged(tag) for tag in SECTION_ITEMS.values()]
    council = {"complaint_form_url": COMPLAINT_FORM} | overrides.pop("council", {})
    return make_snapshot(**({"sections": sections, "council": council} | overrides))


def basis(provision: str, explanation: str = "") -> dict:
    return {
        "provision": provision,
        "provision_label": LawfulBasis.Provision(provision).label,
        "article": provision.split("-")[0].removeprefix("A"),
        "schedule_1_condition": "",
        "legislation": "",
        "explanation": explanation,
    }


def category(name: str, *, special: bool = False, criminal: bool = False) -> dict:
    return {
        "slug": name.lower().replace(" ", "-"),
        "name": name,
        "description": "",
        "is_special_category": special,
        "is_criminal_offence": criminal,
        "detail": "",
    }


def result(snapshot: dict, key: str, on: date | None = None):
    [found] = [item for item in check_completeness(snapshot, on=on).items if item.key == key]
    return found


# --- The checklist -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "snapshot",
    [
        complete_snapshot(),
        make_snapshot(sections=[], data_categories=[], recipients=[], lawful_bases=[]),
    ],
    ids=["complete", "empty"],
)
def test_check_completeness_always_returns_the_17_items_in_checklist_order(snapshot):
    items = check_completeness(snapshot).items
    assert [item.key for item in items] == CHECKLIST_ORDER
    assert all(item.label and item.reason for item in items)


def test_a_notice_with_every_item_is_complete_and_misses_nothing():
    completeness = check_completeness(complete_snapshot())
    assert completeness.is_complete
    assert completeness.missing == []


def test_missing_lists_exactly_the_missing_items_in_checklist_order():
    completeness = check_completeness(complete_snapshot(sections=[], recipients=[]))
    assert not completeness.is_complete
    assert [item.key for item in completeness.missing] == [
        "purposes",
        "recipients",
        "transfers-abroad",
        "rights",
        "sources",
        "statutory-requirement",
        "automated-decisions",
    ]
    assert all(item.status == Status.MISSING for item in completeness.missing)


def test_the_make_notice_fixture_makes_a_complete_notice(make_notice):
    assert check_completeness(notice_snapshot(make_notice())).is_complete


# 1. Controller


@pytest.mark.parametrize("field", ["controller_email", "controller_phone", "controller_address"])
def test_the_controller_item_is_met_by_the_council_name_and_any_one_way_to_contact_it(field):
    contacts = {"controller_email": "", "controller_phone": "", "controller_address": ""}
    snapshot = complete_snapshot(council=contacts | {field: "something"})
    item = result(snapshot, "controller")
    assert item.status == Status.MET
    assert "Northshire County Council" in item.reason


def test_the_controller_item_is_missing_without_contacts_even_with_a_contact_section(
    make_council, make_notice
):
    council = make_council(controller_email="", controller_phone="", controller_address="")
    notice = make_notice(council)
    Section.objects.create(
        notice=notice, heading="Contact us", anchor="contact-us", ico_item="contact", body="x"
    )
    item = result(notice_snapshot(notice), "controller")
    assert item.status == Status.MISSING
    assert "council's details" in item.reason


# 2. Representative


def test_a_uk_council_never_needs_a_representative():
    for snapshot in (complete_snapshot(), make_snapshot(sections=[])):
        item = result(snapshot, "representative")
        assert item.status == Status.NOT_APPLICABLE
        assert "Article 27" in item.reason


# 3. DPO


@pytest.mark.parametrize("field", ["dpo_email", "dpo_phone", "dpo_address"])
def test_the_dpo_item_is_met_by_any_one_way_to_contact_the_dpo(field):
    contacts = {"dpo_email": "", "dpo_phone": "", "dpo_address": ""}
    item = result(complete_snapshot(council=contacts | {field: "something"}), "dpo")
    assert item.status == Status.MET


def test_the_dpo_item_is_missing_when_the_council_gives_no_dpo_contact(make_council, make_notice):
    council = make_council(dpo_email="", dpo_phone="", dpo_address="")
    item = result(notice_snapshot(make_notice(council)), "dpo")
    assert item.status == Status.MISSING
    assert item.label == "Data Protection Officer's contact details"
    assert "Article 37" in item.reason


# 4, 9, 11, 14, 15, 16: items answered by a tagged section


@pytest.mark.parametrize("key", SECTION_ITEMS)
def test_an_item_answered_by_a_section_is_met_by_a_section_with_its_tag(key):
    section = tagged(SECTION_ITEMS[key], anchor="answer", heading="The answer")
    others = [tagged(tag) for other, tag in SECTION_ITEMS.items() if other != key]
    item = result(complete_snapshot(sections=[*others, section]), key)
    assert item.status == Status.MET
    assert "'The answer'" in item.reason


@pytest.mark.parametrize("key", SECTION_ITEMS)
def test_an_item_answered_by_a_section_is_missing_without_one_and_says_which_tag_to_use(key):
    tag = SECTION_ITEMS[key]
    others = [tagged(other_tag) for other, other_tag in SECTION_ITEMS.items() if other != key]
    item = result(complete_snapshot(sections=others), key)
    assert item.status == Status.MISSING
    assert f"'{tag.label}'" in item.reason


def test_a_section_tagged_other_answers_nothing(make_notice):
    notice = make_notice()
    notice.sections.filter(ico_item=IcoItem.RIGHTS).update(ico_item=IcoItem.OTHER)
    assert result(notice_snapshot(notice), "rights").status == Status.MISSING


# 5. Lawful basis


def test_the_lawful_basis_item_is_met_by_an_article_6_basis_for_ordinary_data():
    snapshot = complete_snapshot(lawful_bases=[basis("A6-1-e")])
    assert result(snapshot, "lawful-basis").status == Status.MET


def test_the_lawful_basis_item_is_missing_without_an_article_6_basis():
    item = result(complete_snapshot(lawful_bases=[]), "lawful-basis")
    assert item.status == Status.MISSING
    assert "Article 6" in item.reason


def test_special_category_data_needs_an_article_9_condition_and_the_reason_names_it(
    make_notice,
):
    notice = make_notice()  # Its health data is special category data.
    notice.lawful_bases.filter(provision__startswith="A9").delete()
    item = result(notice_snapshot(notice), "lawful-basis")
    assert item.status == Status.MISSING
    assert "Article 9" in item.reason and "Health" in item.reason
    assert "Article 6" not in item.reason, "the Article 6 basis is there"


def test_criminal_offence_data_needs_an_article_10_basis_and_the_reason_names_it(make_notice):
    notice = make_notice()
    offences = DataCategory.objects.create(
        name="Offences", slug="offences", is_criminal_offence=True
    )
    NoticeDataCategory.objects.create(notice=notice, category=offences)
    item = result(notice_snapshot(notice), "lawful-basis")
    assert item.status == Status.MISSING
    assert "Article 10" in item.reason and "Offences" in item.reason

    LawfulBasis.objects.create(
        notice=notice,
        provision=LawfulBasis.Provision.A10,
        schedule_1_condition="Part 2, paragraph 18: safeguarding of children",
    )
    assert result(notice_snapshot(notice), "lawful-basis").status == Status.MET


def test_the_lawful_basis_reason_names_everything_that_is_lacking():
    snapshot = complete_snapshot(
        lawful_bases=[],
        data_categories=[category("Health", special=True), category("Offences", criminal=True)],
    )
    reason = result(snapshot, "lawful-basis").reason
    assert all(words in reason for words in ("Article 6", "Article 9", "Article 10"))


# 6. Legitimate interests: not a basis for a council's tasks


def test_the_legitimate_interests_item_does_not_apply_without_an_ea_or_f_basis():
    item = result(complete_snapshot(), "legitimate-interests")
    assert item.status == Status.NOT_APPLICABLE


@pytest.mark.parametrize(
    ("provision", "words"),
    [
        ("A6-1-f", "Article 6(1)(f): legitimate interests"),
        ("A6-1-ea", "Article 6(1)(ea): recognised legitimate interests"),
    ],
)
def test_a_legitimate_interests_basis_is_refused_with_the_reason_even_when_explained(
    provision, words
):
    lawful_bases = [basis("A6-1-e"), basis(provision, "Running our foster carer forum")]
    sections = [*complete_snapshot()["sections"], tagged(IcoItem.LEGITIMATE_INTERESTS)]
    item = result(
        complete_snapshot(lawful_bases=lawful_bases, sections=sections), "legitimate-interests"
    )
    assert item.status == Status.REFUSED and item.is_missing
    assert item.status.label == "Not allowed"
    assert words in item.reason
    assert "public authority cannot use" in item.reason
    assert "Article 6(1)(e)" in item.reason


# 7, 8, 10: items answered by rows


@pytest.mark.parametrize(
    ("key", "rows"),
    [
        ("categories", "data_categories"),
        ("recipients", "recipients"),
        ("retention", "retention_periods"),
    ],
)
def test_an_item_answered_by_rows_is_met_by_one_row_and_missing_with_none(key, rows):
    assert result(complete_snapshot(), key).status == Status.MET
    item = result(complete_snapshot(**{rows: []}), key)
    assert item.status == Status.MISSING
    assert "lists no" in item.reason


def test_the_rows_reason_counts_them(make_notice):
    snapshot = notice_snapshot(make_notice())
    assert result(snapshot, "recipients").reason == "The notice lists 1 recipient."


# 12. Withdrawing consent


def test_withdrawing_consent_does_not_apply_without_a_consent_basis():
    item = result(complete_snapshot(), "withdrawing-consent")
    assert item.status == Status.NOT_APPLICABLE


@pytest.mark.parametrize("provision", ["A6-1-a", "A9-2-a"])
def test_a_consent_basis_needs_a_section_on_withdrawing_consent(provision):
    lawful_bases = [basis("A6-1-e"), basis(provision)]
    item = result(complete_snapshot(lawful_bases=lawful_bases), "withdrawing-consent")
    assert item.status == Status.MISSING
    assert f"'{IcoItem.WITHDRAWING_CONSENT.label}'" in item.reason

    sections = [*complete_snapshot()["sections"], tagged(IcoItem.WITHDRAWING_CONSENT)]
    snapshot = complete_snapshot(sections=sections, lawful_bases=lawful_bases)
    assert result(snapshot, "withdrawing-consent").status == Status.MET


# 13. Complaining to the ICO


def test_complaining_to_the_ico_is_always_met_because_the_page_always_shows_it(make_notice):
    from notices.publishing.rendering import render_notice_html

    notice = make_notice()
    assert not notice.sections.filter(ico_item=IcoItem.COMPLAINTS).exists()
    snapshot = notice_snapshot(notice)
    assert result(snapshot, "complaints").status == Status.MET
    assert "Complain to the Information Commissioner&#x27;s Office" in render_notice_html(
        snapshot, None
    )


# --- Publishing ----------------------------------------------------------------------------------


def test_publishing_an_incomplete_notice_is_refused_names_what_is_missing_and_creates_nothing(
    make_notice, publish
):
    notice = make_notice()
    notice.sections.filter(ico_item__in=[IcoItem.RIGHTS, IcoItem.SOURCES]).delete()
    notice.recipients.all().delete()

    with pytest.raises(IncompleteNotice) as refusal:
        publish(notice)

    assert str(refusal.value).startswith(
        "This notice cannot be published until it covers: Recipients; People's rights; "
        "Where the data comes from."
    )
    assert not NoticeVersion.objects.exists()


def test_an_unchanged_notice_published_before_the_check_is_refused_as_incomplete(
    make_notice, publish, monkeypatch
):
    """Completeness is checked before 'nothing to publish': staff learn what to add."""
    notice = make_notice()
    notice.sections.filter(ico_item=IcoItem.RIGHTS).delete()
    with monkeypatch.context() as patched:
        patched.setattr(
            "notices.publishing.publish.check_completeness", lambda snapshot, on: _complete()
        )
        publish(notice)

    with pytest.raises(IncompleteNotice, match="People's rights"):
        publish(notice, "Again")
    assert NoticeVersion.objects.count() == 1


def test_once_complete_the_same_unchanged_notice_is_refused_as_nothing_to_publish(
    make_notice, publish
):
    notice = make_notice()
    publish(notice)
    with pytest.raises(NothingToPublish):
        publish(notice, "Again")


def test_a_shared_block_update_still_reaches_a_published_notice_that_is_incomplete(
    make_notice, publish, published_block, monkeypatch
):
    notice = make_notice()
    notice.sections.filter(ico_item=IcoItem.RIGHTS).delete()
    with monkeypatch.context() as patched:
        patched.setattr(
            "notices.publishing.publish.check_completeness", lambda snapshot, on: _complete()
        )
        publish(notice)
    published_block.title = "A new title"
    published_block.save()

    publication = publish_shared_block(
        published_block, by=None, change_note="New title", is_major=False
    )

    assert [version.notice for version in publication.notice_versions] == [notice]


def _complete():
    return check_completeness(complete_snapshot())


# --- The admin -----------------------------------------------------------------------------------


def admin_url(name: str, notice: Notice) -> str:
    return reverse(f"admin:notices_notice_{name}", args=[notice.pk])


def test_the_notice_change_page_shows_the_checklist_with_every_status_as_a_word(
    admin_client, make_notice
):
    notice = make_notice()
    notice.sections.filter(ico_item=IcoItem.RIGHTS).delete()

    html = admin_client.get(admin_url("change", notice)).content.decode()

    assert "ICO right-to-be-informed checklist" in html
    assert "<caption>" in html and '<th scope="col">Status</th>' in html
    assert "Data Protection Officer&#x27;s contact details" in html
    assert ">Met</td>" in html and ">Missing</td>" in html and ">Not applicable</td>" in html
    assert "No section is tagged &#x27;People&#x27;s rights&#x27;" in html
    assert "css/admin-completeness.css" in html


def test_the_publish_page_of_an_incomplete_notice_says_publishing_is_refused_and_lists_why(
    admin_client, make_notice
):
    notice = make_notice()
    notice.sections.filter(ico_item=IcoItem.AUTOMATED_DECISIONS).delete()

    page = admin_client.get(admin_url("publish", notice))

    html = page.content.decode()
    assert "Publishing is refused until the draft covers every item" in html
    assert "<li>Automated decision-making</li>" in html
    assert "ICO right-to-be-informed checklist" in html

    data = form_data(html, "publish_form") | {"change_note": "First", "change_kind": "major"}
    response = admin_client.post(admin_url("publish", notice), data)
    assert response.status_code == 200
    assert "cannot be published until it covers: Automated decision-making" in (
        response.content.decode()
    )
    assert not NoticeVersion.objects.exists()


def test_the_publish_page_of_a_complete_notice_shows_the_checklist_without_a_refusal(
    admin_client, make_notice
):
    html = admin_client.get(admin_url("publish", make_notice())).content.decode()
    assert "ICO right-to-be-informed checklist" in html
    assert "covers every item of the checklist that applies" in html
    assert "Publishing is refused" not in html


# --- The demo ------------------------------------------------------------------------------------


def test_every_demo_notice_and_every_version_it_published_is_complete(demo):
    for notice in Notice.objects.all():
        assert check_completeness(notice_snapshot(notice)).is_complete, notice
    versions = NoticeVersion.objects.select_related("notice__council")
    assert versions.exists()
    for version in versions:
        # Each was published under the law in force on its date (some before 19 June 2026), and
        # each also meets today's, so no demo notice shows on the dashboard as falling short.
        assert check_completeness(version.snapshot).is_complete, str(version)
        missing = check_completeness(version.snapshot, on=version.published_at.date()).missing
        assert not missing, (str(version), [item.label for item in missing])

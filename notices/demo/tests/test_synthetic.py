"""The synthetic site (notices.demo.synthetic): stored as publishing stores it, and the public
pages, publishing and the completeness check all work on it."""

import pytest
from django.core.cache import cache
from django.urls import reverse

from councils.models import Council
from notices.demo.synthetic import council_values
from notices.demo.synthetic import site as synthetic
from notices.models import (
    Notice,
    NoticeSearchText,
    NoticeVersion,
    Section,
    SharedBlockPart,
    SharedBlockVersion,
)
from notices.public.search import search_site
from notices.publishing.checklist import check_completeness
from notices.publishing.diffing.notice import diff_versions
from notices.publishing.history import version_side
from notices.publishing.publish import draft_status, notice_content_hash, publish_notice
from notices.publishing.rendering import render_notice_html
from notices.publishing.shared_block import publish_shared_block
from notices.publishing.snapshots import content_hash, notice_snapshot
from tests.database import database_state

pytestmark = pytest.mark.django_db

KIND = "childrens-social-care"


@pytest.fixture(autouse=True)
def fresh_page_cache():
    # Every test builds councils with the same slugs and revisions: a page cached by an earlier
    # test must not answer for this one's.
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def site() -> synthetic.SyntheticSite:
    """Enough councils for every variant twice, enough versions for every kind of edit."""
    return synthetic.build_site(councils=8, versions=6, sections=14)


def notice_of(slug: str) -> Notice:
    return Notice.objects.select_related("council").get(council__slug=slug, kind=KIND)


def versions_of(slug: str) -> list[NoticeVersion]:
    return list(
        NoticeVersion.objects.filter(notice__council__slug=slug)
        .select_related("shared_block_version")
        .order_by("number")
    )


def page(client, name: str, slug: str, **kwargs):
    return client.get(
        reverse(f"notices:{name}", kwargs={"council_slug": slug, "kind": KIND, **kwargs})
    )


def test_every_council_has_a_published_notice_with_the_versions_and_sections_asked_for(site):
    assert site.councils == 8
    assert site.slugs == tuple(f"synthetic-council-{number}" for number in range(1, 9))
    assert site.notice_versions == 8 * 6
    assert Council.objects.count() == Notice.objects.published().count() == 8
    assert Council.objects.get(slug="synthetic-council-3").name == "Synthetic Council 3"
    block_version = SharedBlockVersion.objects.get()
    assert site.shared_block_version == block_version.number == 1
    for slug in site.slugs:
        versions = versions_of(slug)
        assert [version.number for version in versions] == [1, 2, 3, 4, 5, 6]
        assert all(version.shared_block_version == block_version for version in versions)
        assert all(len(version.snapshot["sections"]) == 14 for version in versions)
        assert Section.objects.filter(notice__council__slug=slug).count() == 14


def test_stored_versions_are_exactly_what_publishing_computes(site):
    for slug in site.slugs:
        notice = notice_of(slug)
        versions = versions_of(slug)
        for version in versions:
            block = version.shared_block_version
            assert version.content_hash == notice_content_hash(version.snapshot, block)
            assert version.rendered_html == render_notice_html(version.snapshot, block.snapshot)
            assert version.title == version.snapshot["notice"]["title"]
            assert version.snapshot["council"]["slug"] == slug
        # The draft says what the last version says, as after a real publication.
        assert notice_snapshot(notice) == versions[-1].snapshot
        assert not draft_status(notice).has_unpublished_changes
    block_version = SharedBlockVersion.objects.get()
    assert block_version.content_hash == content_hash(block_version.snapshot)


def test_council_names_and_contacts_are_each_councils_own(site):
    html = versions_of("synthetic-council-7")[-1].rendered_html
    assert "Kinds of information Synthetic Council 7 keeps" in html
    assert "mailto:dpo@synthetic-council-7.example" in html
    assert "ZS000007" in html
    for stand_in in ("zqnumberzq", "zqicozq", "zqphonezq", "zqkindzq"):
        assert stand_in not in html
    council = Council.objects.get(slug="synthetic-council-7")
    council.full_clean()  # valid as the admin would have it: ICO number, emails, addresses
    assert versions_of("synthetic-council-7")[-1].snapshot["council"]["dpo_phone"] == (
        council.dpo_phone
    )


def test_versions_really_differ_and_are_dated_in_order(site):
    versions = versions_of("synthetic-council-2")
    assert len({version.content_hash for version in versions}) == len(versions)
    dates = [version.published_at for version in versions]
    assert dates == sorted(dates) and len(set(dates)) == len(dates)
    assert {version.is_major for version in versions} == {True, False}
    assert versions[0].is_major
    for older, newer in zip(versions, versions[1:], strict=False):
        assert newer.change_note and newer.change_note != older.change_note
        diff = diff_versions(version_side(older), version_side(newer))
        assert diff.sections.changed >= 1, f"version {newer.number} changes no section's words"
    first, last = versions[0].snapshot, versions[-1].snapshot
    anchors = {section["anchor"] for section in first["sections"]}
    assert {section["anchor"] for section in last["sections"]} - anchors, "no section added"
    assert last["recipients"] != first["recipients"]
    assert last["retention_periods"] != first["retention_periods"]


def test_councils_of_different_variants_list_different_library_items(site):
    recipients = {
        tuple(row["slug"] for row in versions_of(slug)[0].snapshot["recipients"])
        for slug in site.slugs[:4]
    }
    assert len(recipients) == 4


def test_public_pages_answer_for_a_sample_of_the_site(client, site):
    slug = site.slugs[5]
    pages = {
        "index": client.get(reverse("councils:index")),
        "council": client.get(reverse("councils:detail", kwargs={"slug": slug})),
        "notice": page(client, "detail", slug),
        "history": page(client, "history", slug),
        "version": page(client, "version", slug, number=2),
        "compare": page(client, "compare", slug, old=1, new=6),
        "council feed": client.get(reverse("notices:council-feed", kwargs={"council_slug": slug})),
        "feed": client.get(reverse("notices:all-feed")),
        "comparisons": client.get(reverse("notices:comparisons")),
        "recipients table": client.get(reverse("notices:compare-recipients")),
        "data categories table": client.get(reverse("notices:compare-data-categories")),
        "retention table": client.get(reverse("notices:compare-retention")),
        "json-ld": client.get(
            reverse("notices:detail-jsonld", kwargs={"council_slug": slug, "kind": KIND})
        ),
        "bulk json": client.get(reverse("notices:bulk-json")),
        "search": client.get(reverse("notices:search"), {"q": "kinship"}),
    }
    for name, response in pages.items():
        assert response.status_code == 200, f"{name}: {response.status_code}"
    assert "Synthetic Council 6" in pages["notice"].content.decode()
    assert pages["history"].content.decode().count("Minor change") >= 1
    compare = pages["compare"].content.decode()
    assert "<ins" in compare and "<del" in compare
    assert "Synthetic Council 6" in pages["council feed"].content.decode()
    for table in ("recipients table", "data categories table", "retention table"):
        assert pages[table].content.decode().count("Synthetic Council ") >= 8
    assert "Notes of calls to our family advice line" in pages["retention table"].content.decode()
    assert pages["json-ld"].json()
    assert len(pages["bulk json"].json()["notices"]) == 8


def test_the_search_index_holds_each_notices_last_version(site):
    entries = NoticeSearchText.objects.select_related("notice__council")
    assert entries.count() == 8
    assert {entry.version_number for entry in entries} == {6}
    assert len(search_site("Synthetic").councils) == 8
    assert search_site("kinship").notices


def test_drafts_with_six_sections_or_more_are_complete():
    synthetic.build_site(councils=4, versions=2, sections=synthetic.MIN_COMPLETE_SECTIONS)
    for notice in Notice.objects.all():
        completeness = check_completeness(notice_snapshot(notice))
        assert completeness.is_complete, [item.label for item in completeness.missing]


def test_with_fewer_sections_the_drafts_lack_the_checklist_items_left_out():
    synthetic.build_site(councils=1, versions=1, sections=3)
    missing = check_completeness(notice_snapshot(Notice.objects.get())).missing
    assert [item.key for item in missing] == [
        "transfers-abroad",
        "rights",
        "automated-decisions",
    ]


def test_publishing_a_notice_and_the_shared_block_work_on_top_of_it(site):
    notice = notice_of(site.slugs[0])
    section = Section.objects.filter(notice=notice).order_by("position").first()
    section.body += "\n\nWe now also record the languages a family speaks."
    section.save()

    version = publish_notice(notice, by=None, change_note="A sentence added", is_major=False)

    assert version.number == 7
    assert "the languages a family speaks" in version.rendered_html

    part = SharedBlockPart.objects.order_by("position").first()
    part.body += "\n\nDfE publishes which requests it has approved."
    part.save()
    publication = publish_shared_block(
        part.block, by=None, change_note="A sentence about approvals added", is_major=True
    )

    assert len(publication.notice_versions) == 8
    for slug in site.slugs:
        latest = versions_of(slug)[-1]
        assert latest.shared_block_version == publication.block_version
        assert "DfE publishes which requests it has approved." in latest.rendered_html


def test_it_builds_beside_the_demo_and_after_councils_it_built_before(demo):
    demo_block_version = SharedBlockVersion.objects.order_by("-number").first()
    synthetic.build_site(councils=2, versions=2, sections=6)
    second = synthetic.build_site(councils=2, versions=3, sections=6, first=3)

    assert second.slugs == ("synthetic-council-3", "synthetic-council-4")
    assert second.shared_block_version == demo_block_version.number
    assert SharedBlockVersion.objects.order_by("-number").first() == demo_block_version
    versions = versions_of("synthetic-council-4")
    assert len(versions) == 3
    assert versions[0].published_at >= demo_block_version.published_at


def test_the_shape_the_query_count_tests_use_builds(django_assert_max_num_queries):
    # 400 councils of 2 versions of 3 sections. A few queries per version and per search entry
    # (one INSERT per version on PostgreSQL), never one per section or table row.
    with django_assert_max_num_queries(400 * (2 + 3)):
        site = synthetic.build_site(councils=400, versions=2, sections=3)
    assert site.notice_versions == 800
    assert NoticeVersion.objects.count() == 800


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        ({"councils": 0, "versions": 2, "sections": 6}, "councils is 0"),
        ({"councils": 2, "versions": 0, "sections": 6}, "versions is 0"),
        ({"councils": 2, "versions": 2, "sections": -1}, "sections is -1"),
        ({"councils": 2, "versions": 2, "sections": 6, "first": 0}, "run from 1"),
        ({"councils": 2, "versions": 2, "sections": 6, "first": 999_999}, "run from 1"),
    ],
)
def test_impossible_sizes_are_refused_and_nothing_is_written(arguments, message):
    before = database_state()
    with pytest.raises(ValueError, match=message):
        synthetic.build_site(**arguments)
    assert database_state() == before


def test_councils_that_already_exist_are_refused_and_nothing_is_written():
    synthetic.build_site(councils=2, versions=1, sections=6)
    before = database_state()
    with pytest.raises(ValueError, match="already exist"):
        synthetic.build_site(councils=3, versions=1, sections=6, first=2)
    assert database_state() == before


def test_a_council_value_that_would_need_escaping_is_refused(monkeypatch):
    monkeypatch.setattr(council_values, "COUNCIL_KINDS", ("county & city",))
    before = database_state()
    with pytest.raises(ValueError, match="would need escaping"):
        synthetic.build_site(councils=1, versions=1, sections=6)
    assert database_state() == before

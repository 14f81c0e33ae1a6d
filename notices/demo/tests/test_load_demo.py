import re
from datetime import datetime
from itertools import pairwise
from pathlib import Path

import pytest
from django.apps import apps
from django.contrib.auth.models import User
from django.core.management import call_command
from django.utils import timezone

from councils.models import Council, Nation
from notices.demo import content as demo_content
from notices.demo import history as demo_history
from notices.demo.history import (
    LONDON,
    NOTICE_HISTORIES,
    DemoHistoryError,
    History,
    Reword,
    Step,
    matches_demo_content,
    section,
)
from notices.demo.loading import load_demo_data
from notices.models import IcoItem, Notice, NoticeVersion, SharedBlock, SharedBlockVersion
from notices.publishing.publish import publish_notice
from notices.publishing.snapshots import notice_snapshot

pytestmark = pytest.mark.django_db


def every_row() -> dict[str, list[dict]]:
    """Every row of the project's tables and the users: what 'changes nothing' is judged by."""
    tables = {
        model._meta.label: list(model.objects.order_by("pk").values())
        for model in [
            *apps.get_app_config("councils").get_models(),
            *apps.get_app_config("notices").get_models(),
        ]
    }
    tables["users"] = list(User.objects.order_by("pk").values())
    return tables


def run_load_demo(*args: str) -> str:
    from io import StringIO

    out = StringIO()
    call_command("load_demo", *args, stdout=out)
    return out.getvalue()


def test_load_demo_creates_seven_councils_of_different_kinds_with_complete_notices():
    output = run_load_demo()
    assert "Created 7 councils." in output
    assert set(Council.objects.values_list("nation", flat=True)) == set(Nation.values)
    councils = Council.objects.all()
    assert councils.count() >= 5
    assert len({council.kind for council in councils}) >= 4
    for council in councils:
        notice = Notice.objects.get(council=council)
        answered = set(notice.sections.values_list("ico_item", flat=True))
        assert answered >= {
            IcoItem.PURPOSES,
            IcoItem.LAWFUL_BASIS,
            IcoItem.RIGHTS,
            IcoItem.COMPLAINTS,
            IcoItem.RETENTION,
        }, council.slug
        assert notice.data_categories.exists()
        assert notice.recipients.exists()
        assert notice.lawful_bases.exists()
        assert notice.retention_periods.exists()
        assert council.dpo_email and council.ico_registration_number
    for block in SharedBlock.objects.all():
        assert block.parts.count() >= 3, block.nation


def test_demo_notices_differ_between_councils():
    run_load_demo()
    recipient_sets = {
        frozenset(notice.recipients.values_list("recipient__slug", flat=True))
        for notice in Notice.objects.all()
    }
    introductions = {notice.introduction for notice in Notice.objects.all()}
    assert len(recipient_sets) > 1
    assert len(introductions) == Notice.objects.count()


def test_load_demo_prints_the_admin_login_it_creates():
    output = run_load_demo("--admin-password", "a-demo-password-for-tests")
    assert "Admin login: user 'admin', password 'a-demo-password-for-tests'" in output
    admin = User.objects.get(username="admin")
    assert admin.is_superuser and admin.is_staff
    assert admin.check_password("a-demo-password-for-tests")


def test_load_demo_makes_up_a_password_when_none_is_given():
    output = run_load_demo("--admin-password", "")
    password = output.split("password '")[1].split("'")[0]
    assert len(password) >= 12
    assert User.objects.get(username="admin").check_password(password)


def test_running_load_demo_twice_changes_nothing():
    run_load_demo("--admin-password", "first-password-123")
    before = every_row()
    output = run_load_demo("--admin-password", "second-password-456")
    assert every_row() == before
    assert "Demo data already loaded; nothing changed." in output
    assert "already exists; its password was left as it was" in output
    assert User.objects.get(username="admin").check_password("first-password-123")


def test_load_demo_leaves_staff_edits_alone():
    run_load_demo()
    notice = Notice.objects.first()
    notice.title = "Edited by the council"
    notice.save()
    run_load_demo()
    notice.refresh_from_db()
    assert notice.title == "Edited by the council"


def test_demo_notices_render_without_script(client):
    run_load_demo()
    for notice in Notice.objects.all():
        response = client.get(notice.get_absolute_url())
        assert response.status_code == 200
        # The site's own script file is the only one: nothing from staff text, nothing inline.
        assert re.findall(r"<script[^>]*>", response.content.decode(), re.IGNORECASE) == [
            '<script type="module" src="/static/js/site.js">'
        ]


REFERENCE_NOTICES = Path(__file__).resolve().parents[3].parent / "shared" / "reference"


@pytest.mark.skipif(
    not REFERENCE_NOTICES.is_dir(), reason="the reference notices are not beside the checkout"
)
def test_demo_text_repeats_no_twelve_word_run_from_the_reference_notices():
    """Demo notices follow real notices' structure in the project's own words."""

    def words(text: str) -> list[str]:
        return re.findall(r"[a-z0-9']+", text.lower())

    def runs(text: str, length: int = 12) -> set[str]:
        found = words(text)
        return {" ".join(found[i : i + length]) for i in range(len(found) - length + 1)}

    reference = set().union(
        *(runs(p.read_text(errors="ignore")) for p in REFERENCE_NOTICES.iterdir())
    )
    demo_dir = Path(demo_content.__file__).parent
    for path in [*demo_dir.glob("*/*.toml"), *demo_dir.glob("*/*.md"), *demo_dir.glob("*/*/*")]:
        assert not runs(path.read_text()) & reference, path.name


# --- The published history ------------------------------------------------------------------

HISTORY_STARTS = timezone.make_aware(datetime(2025, 1, 1), LONDON)
HISTORY_ENDS = timezone.make_aware(datetime(2026, 11, 1), LONDON)


def versions_of(slug: str) -> list[NoticeVersion]:
    return list(NoticeVersion.objects.filter(notice__council__slug=slug).order_by("number"))


def own_versions(slug: str) -> list[NoticeVersion]:
    """The versions the council published itself, leaving out shared block updates."""
    return [version for version in versions_of(slug) if not version.is_shared_block_update]


def fully_published() -> list[str]:
    """The councils whose draft has no change left unpublished."""
    return [slug for slug, history in NOTICE_HISTORIES.items() if not history.unpublished]


def test_load_demo_reports_the_versions_it_publishes():
    output = run_load_demo()
    # England's block twice, Wales's twice, Scotland's once.
    assert "Created 5 shared block versions." in output
    assert f"Created {NoticeVersion.objects.count()} notice versions." in output
    assert NoticeVersion.objects.count() >= 14


def test_every_demo_notice_is_published():
    run_load_demo()
    assert set(NOTICE_HISTORIES) == {council["slug"] for council in demo_content.COUNCILS}
    assert Notice.objects.published().count() == len(demo_content.COUNCILS)


def test_at_least_two_councils_published_three_or_more_versions_of_their_own():
    run_load_demo()
    assert len(own_versions("harrowmere")) >= 3
    assert len(own_versions("brackendale")) >= 3


def test_one_block_update_cascades_into_every_english_notice_published_before_it():
    run_load_demo()
    first, update = SharedBlockVersion.objects.filter(block__nation=Nation.ENGLAND).order_by(
        "number"
    )
    assert (first.number, update.number) == (1, 2)
    assert first.snapshot != update.snapshot

    cascaded = NoticeVersion.objects.filter(
        is_shared_block_update=True, notice__council__nation=Nation.ENGLAND
    )
    assert {version.shared_block_version for version in cascaded} == {update}
    assert {version.published_at for version in cascaded} == {update.published_at}

    published_before, published_after = [], []
    for notice in Notice.objects.filter(council__nation=Nation.ENGLAND):
        versions = versions_of(notice.council.slug)
        updates = [version for version in versions if version.is_shared_block_update]
        if versions[0].published_at < update.published_at:
            published_before.append(notice.council.slug)
            assert len(updates) == 1, notice.council.slug
            cascade = updates[0]
            previous = versions[cascade.number - 2]
            # The council's own content is carried over unchanged; only the block differs.
            assert cascade.snapshot == previous.snapshot
            assert cascade.content_hash != previous.content_hash
            assert all(v.shared_block_version == first for v in versions[: cascade.number - 1])
            assert all(v.shared_block_version == update for v in versions[cascade.number - 1 :])
        else:
            published_after.append(notice.council.slug)
            assert not updates
            assert all(version.shared_block_version == update for version in versions)
    assert len(published_before) >= 3 and published_after

    # The update lands in the middle of the longer histories.
    for slug in ("harrowmere", "brackendale"):
        dates = [version.published_at for version in own_versions(slug)]
        assert dates[0] < update.published_at < dates[-1], slug


def test_versions_are_numbered_in_order_and_dated_in_2025_and_2026():
    run_load_demo()
    block_versions = [
        list(block.versions.order_by("number")) for block in SharedBlock.objects.all()
    ]
    for versions in [*block_versions, *(versions_of(slug) for slug in NOTICE_HISTORIES)]:
        assert [version.number for version in versions] == list(range(1, len(versions) + 1))
        dates = [version.published_at for version in versions]
        assert dates == sorted(set(dates)), "dates must strictly increase"
        assert all(HISTORY_STARTS <= moment < HISTORY_ENDS for moment in dates)
    harrowmere_first = timezone.localtime(versions_of("harrowmere")[0].published_at, LONDON)
    assert (harrowmere_first.date().isoformat(), harrowmere_first.hour) == ("2025-03-10", 10)


def test_the_latest_versions_say_what_the_drafts_say():
    run_load_demo()
    for council in demo_content.COUNCILS:
        notice = Notice.objects.get(council__slug=council["slug"])
        assert matches_demo_content(notice, council["notice"]), council["slug"]
        latest = versions_of(council["slug"])[-1]
        if council["slug"] in fully_published():
            assert latest.snapshot == notice_snapshot(notice), council["slug"]
    for data in demo_content.SHARED_BLOCKS:
        block = SharedBlock.objects.get(nation=data["nation"])
        assert matches_demo_content(block, data), data["nation"]
        assert block.versions.order_by("number").last().snapshot["parts"] == [
            {key: part[key] for key in ("anchor", "heading", "body")} for part in data["parts"]
        ]


def test_kestrelford_has_a_small_unpublished_change():
    run_load_demo()
    assert fully_published() == [slug for slug in NOTICE_HISTORIES if slug != "kestrelford"]
    notice = Notice.objects.get(council__slug="kestrelford")
    published = versions_of("kestrelford")[-1].snapshot
    draft = notice_snapshot(notice)
    assert published != draft
    changed = [
        new["anchor"]
        for old, new in zip(published["sections"], draft["sections"], strict=True)
        if old != new
    ]
    assert changed == ["how-long-we-keep-it"]
    assert {key for key in draft if draft[key] != published[key]} == {"sections"}


def test_consecutive_versions_really_differ():
    run_load_demo()
    for slug in NOTICE_HISTORIES:
        versions = versions_of(slug)
        for previous, version in pairwise(versions):
            assert version.content_hash != previous.content_hash, (slug, version.number)
            if not version.is_shared_block_update:
                assert version.snapshot != previous.snapshot, (slug, version.number)


def _rows(snapshot: dict, name: str, key: str) -> dict:
    return {row[key]: row for row in snapshot[name]}


def test_the_history_shows_changes_a_reader_would_care_about():
    run_load_demo()
    found = set()
    for slug in NOTICE_HISTORIES:
        versions = own_versions(slug)
        for previous, version in pairwise(versions):
            old, new = previous.snapshot, version.snapshot
            sections = _rows(old, "sections", "anchor"), _rows(new, "sections", "anchor")
            recipients = _rows(old, "recipients", "slug"), _rows(new, "recipients", "slug")
            categories = (
                _rows(old, "data_categories", "slug"),
                _rows(new, "data_categories", "slug"),
            )
            periods = (
                _rows(old, "retention_periods", "record_type"),
                _rows(new, "retention_periods", "record_type"),
            )
            bases = _rows(old, "lawful_bases", "provision"), _rows(new, "lawful_bases", "provision")
            if set(sections[1]) - set(sections[0]):
                found.add("section added")
            if any(
                sections[0][a]["body"] != sections[1][a]["body"]
                for a in sections[0].keys() & sections[1].keys()
            ):
                found.add("section reworded")
            if set(recipients[1]) - set(recipients[0]):
                found.add("recipient added")
            if set(recipients[0]) - set(recipients[1]):
                found.add("recipient removed")
            if set(categories[1]) - set(categories[0]):
                found.add("data category added")
            if any(
                periods[0][record]["duration"] != periods[1][record]["duration"]
                for record in periods[0].keys() & periods[1].keys()
            ):
                found.add("retention period changed")
            if any(
                bases[0][p]["explanation"] != bases[1][p]["explanation"]
                for p in bases[0].keys() & bases[1].keys()
            ):
                found.add("lawful basis explanation reworded")
    assert found == {
        "section added",
        "section reworded",
        "recipient added",
        "recipient removed",
        "data category added",
        "retention period changed",
        "lawful basis explanation reworded",
    }

    # Harrowmere's annual review rewrote its answers on automated decisions and transfers
    # abroad; every version has them, since a notice without them cannot be published.
    first, latest = versions_of("harrowmere")[0].snapshot, versions_of("harrowmere")[-1].snapshot
    for item in (IcoItem.AUTOMATED_DECISIONS, IcoItem.TRANSFERS_ABROAD):
        [before] = [row["body"] for row in first["sections"] if row["ico_item"] == item]
        [after] = [row["body"] for row in latest["sections"] if row["ico_item"] == item]
        assert before != after, item


def test_the_history_has_major_and_minor_versions_with_plain_change_notes():
    run_load_demo()
    minor = NoticeVersion.objects.filter(is_major=False)
    assert minor.exists() and NoticeVersion.objects.filter(is_major=True).exists()
    assert all(not version.is_shared_block_update for version in minor)
    for version in NoticeVersion.objects.all():
        assert 10 < len(version.change_note) < 500


def test_running_load_demo_data_again_publishes_nothing():
    load_demo_data()
    before = every_row()
    report = load_demo_data()
    assert not report.changed_anything
    assert every_row() == before


def test_the_caller_can_name_the_publisher():
    admin = User.objects.create_superuser(username="admin", email="", password="a-password-123")
    load_demo_data(publisher=admin)
    assert {v.published_by for v in NoticeVersion.objects.all()} == {admin}
    assert {v.published_by for v in SharedBlockVersion.objects.all()} == {admin}


def test_without_a_publisher_the_versions_name_nobody():
    load_demo_data()
    assert not NoticeVersion.objects.filter(published_by__isnull=False).exists()


def test_history_is_left_alone_for_edited_or_already_published_drafts(monkeypatch):
    """Demo data loaded before there were versions: staff have edited one draft and published
    another. A later load publishes the others' histories and touches neither of those."""
    monkeypatch.setattr("notices.demo.loading.build_demo_history", lambda **kwargs: [])
    load_demo_data()
    monkeypatch.undo()
    edited = Notice.objects.get(council__slug="harrowmere")
    edited.introduction = "Rewritten by the council."
    edited.save()
    published = Notice.objects.get(council__slug="brackendale")
    staff_version = publish_notice(published, by=None, change_note="Published", is_major=True)
    before = notice_snapshot(edited), notice_snapshot(published)

    report = load_demo_data()

    assert not versions_of("harrowmere")
    assert versions_of("brackendale") == [staff_version]
    assert (notice_snapshot(edited), notice_snapshot(published)) == before
    # England's block would cascade into brackendale's notice, so it is not published; the
    # other nations' blocks reach none of it, so theirs are.
    assert not SharedBlockVersion.objects.filter(block__nation=Nation.ENGLAND).exists()
    english = ("kestrelford", "ashcombe-vale", "merrowgate")
    for slug in english:
        assert len(versions_of(slug)) == len(NOTICE_HISTORIES[slug].steps), slug
    assert all(not version.is_shared_block_update for s in english for version in versions_of(s))
    block_versions = SharedBlockVersion.objects.count()
    assert block_versions == len(demo_history.BLOCK_HISTORIES["wales"].steps) + len(
        demo_history.BLOCK_HISTORIES["scotland"].steps
    )
    assert f"Created {block_versions} shared block versions." in report.lines()


def test_a_history_that_no_longer_fits_the_demo_content_fails_and_loads_nothing(monkeypatch):
    stale = History(
        steps=(
            Step(demo_history.london(2025, 3, 10), "First published version."),
            Step(
                demo_history.london(2025, 4, 10),
                "Reworded the section on your rights.",
                edits=(
                    Reword(section("your-rights"), "body", old="a", new="text no longer there"),
                ),
            ),
        )
    )
    monkeypatch.setitem(NOTICE_HISTORIES, "harrowmere", stale)
    with pytest.raises(DemoHistoryError, match="text no longer there"):
        load_demo_data()
    assert not Notice.objects.exists() and not NoticeVersion.objects.exists()


@pytest.mark.parametrize(
    ("slug", "nation", "body"),
    [
        ("glanyrafon", Nation.WALES, "Welsh Government"),
        ("strathmorven", Nation.SCOTLAND, "Scottish Government"),
        ("harrowmere", Nation.ENGLAND, "Department for Education"),
    ],
)
def test_each_demo_council_publishes_with_its_own_nations_block(client, slug, nation, body):
    run_load_demo()
    versions = versions_of(slug)
    assert versions
    assert {v.shared_block_version.block.nation for v in versions} == {nation}
    page = client.get(Notice.objects.get(council__slug=slug).get_absolute_url())
    assert f"How the {body} uses this data" in page.content.decode()


def test_the_welsh_block_update_cascades_into_the_welsh_notice_only():
    run_load_demo()
    update = SharedBlockVersion.objects.get(block__nation=Nation.WALES, number=2)
    cascaded = NoticeVersion.objects.filter(
        shared_block_version=update, is_shared_block_update=True
    )
    assert [version.notice.council.slug for version in cascaded] == ["glanyrafon"]
    assert cascaded.get().change_note.startswith("The Welsh Government section")

"""National admins of one nation change and publish only that nation's shared block: the
permission policy and the admin pages agree."""

import pytest
from django.contrib.auth.models import User
from django.urls import reverse

from councils import permissions
from councils.models import Nation
from notices.models import NoticeKind, SharedBlock, SharedBlockPart

KIND = NoticeKind.CHILDRENS_SOCIAL_CARE


@pytest.fixture
def blocks(db) -> dict[str, SharedBlock]:
    made = {}
    for nation, body in [
        (Nation.ENGLAND, "Department for Education"),
        (Nation.WALES, "Welsh Government"),
    ]:
        block = SharedBlock.objects.create(
            nation=nation, notice_kind=KIND, body_name=body, title=f"How the {body} uses it"
        )
        SharedBlockPart.objects.create(
            block=block, position=1, heading="What is sent", anchor="what-is-sent", body="Returns."
        )
        made[nation] = block
    return made


@pytest.fixture
def people(make_staff, make_council) -> dict[str, User]:
    superuser = User.objects.create_superuser("root", "root@example.org", "x")
    return {
        "superuser": superuser,
        "uk-wide": make_staff(national=True),
        "england": make_staff(nation=Nation.ENGLAND),
        "wales": make_staff(nation=Nation.WALES),
        "publisher": make_staff(make_council(nation=Nation.WALES), "publisher"),
    }


# Who may change / publish which nation's block.
MATRIX = [
    ("superuser", Nation.ENGLAND, True),
    ("superuser", Nation.WALES, True),
    ("uk-wide", Nation.ENGLAND, True),
    ("uk-wide", Nation.WALES, True),
    ("england", Nation.ENGLAND, True),
    ("england", Nation.WALES, False),
    ("wales", Nation.ENGLAND, False),
    ("wales", Nation.WALES, True),
    ("publisher", Nation.ENGLAND, False),
    ("publisher", Nation.WALES, False),
]


@pytest.mark.parametrize(("who", "nation", "allowed"), MATRIX)
def test_the_policy_lets_only_a_blocks_own_national_admins_change_and_publish_it(
    people, blocks, who, nation, allowed
):
    user = people[who]
    assert permissions.can_edit_shared_block(user, blocks[nation]) is allowed
    assert permissions.can_publish_shared_block(user, blocks[nation]) is allowed
    # Every member of staff reads every block: each is public once published.
    assert permissions.can_view_shared_block(user)


def test_a_national_admin_of_one_nation_is_a_national_admin_of_that_nation_only(people):
    assert permissions.admin_nations(people["wales"]) == {Nation.WALES}
    assert permissions.admin_nations(people["uk-wide"]) == set(Nation.values)
    assert permissions.admin_nations(people["publisher"]) == set()
    assert permissions.is_national_admin(people["wales"])


def _change_url(block: SharedBlock) -> str:
    return reverse("admin:notices_sharedblock_change", args=[block.pk])


def _post_data(block: SharedBlock, **changes) -> dict:
    part = block.parts.get()
    data = {
        "body_name": block.body_name,
        "title": block.title,
        "introduction": block.introduction,
        "references": "",
        "facts_checked_on": "",
        "opened_revision": block.revision,
        "parts-TOTAL_FORMS": "1",
        "parts-INITIAL_FORMS": "1",
        "parts-MIN_NUM_FORMS": "0",
        "parts-MAX_NUM_FORMS": "1000",
        "parts-0-id": part.pk,
        "parts-0-block": block.pk,
        "parts-0-position": "1",
        "parts-0-heading": part.heading,
        "parts-0-anchor": part.anchor,
        "parts-0-body": part.body,
    }
    return data | changes


def test_an_english_national_admin_cannot_change_the_welsh_block_in_the_admin(
    client, people, blocks
):
    client.force_login(people["england"])
    welsh = blocks[Nation.WALES]

    assert client.get(_change_url(welsh)).status_code == 200  # read only
    response = client.post(_change_url(welsh), _post_data(welsh, title="Taken over"))

    assert response.status_code == 403
    welsh.refresh_from_db()
    assert welsh.title == "How the Welsh Government uses it"


def test_an_english_national_admin_changes_the_english_block_in_the_admin(client, people, blocks):
    client.force_login(people["england"])
    english = blocks[Nation.ENGLAND]

    response = client.post(_change_url(english), _post_data(english, title="A better title"))

    assert response.status_code == 302
    english.refresh_from_db()
    assert english.title == "A better title"


def test_an_english_national_admin_cannot_open_the_welsh_blocks_publish_page(
    client, people, blocks
):
    client.force_login(people["england"])
    url = reverse("admin:notices_sharedblock_publish", args=[blocks[Nation.WALES].pk])

    get = client.get(url)
    post = client.post(url, {"change_note": "Mine now", "is_major": "on"})

    assert get.status_code == post.status_code == 403
    assert "Only national admins for Wales" in get.content.decode()
    assert not blocks[Nation.WALES].versions.exists()


def test_a_welsh_national_admin_publishes_the_welsh_block(client, people, blocks):
    client.force_login(people["wales"])
    url = reverse("admin:notices_sharedblock_publish", args=[blocks[Nation.WALES].pk])
    page = client.get(url)
    assert page.status_code == 200
    response = client.post(
        url,
        {
            "change_note": "First version",
            "is_major": "on",
            "opened_revision": blocks[Nation.WALES].revision,
        },
    )
    assert response.status_code == 302
    assert blocks[Nation.WALES].versions.count() == 1


def test_a_national_admin_adds_a_block_only_for_their_own_nation(client, people, blocks):
    blocks[Nation.WALES].delete()
    client.force_login(people["england"])
    form = client.get(reverse("admin:notices_sharedblock_add")).context["adminform"].form
    assert [value for value, _ in form.fields["nation"].choices] == [Nation.ENGLAND]


def test_add_staff_makes_a_national_admin_of_one_nation(db):
    from io import StringIO

    from django.core.management import call_command

    out = StringIO()
    call_command("add_staff", "cymru@example.org", "--national", "--nation", "wales", stdout=out)

    user = User.objects.get(username="cymru@example.org")
    assert permissions.admin_nations(user) == {Nation.WALES}
    assert "is now a national admin" in out.getvalue()

"""Council staff never see or change another council's data, by any admin URL.

The matrix is generated from the admin itself: every registered model x every page Django's admin
gives it (change list, add, change, delete, history, bulk action) x every extra staff page
(preview, publish, published versions, restore) x every autocomplete field, plus the Markdown
preview. Each request is made by an editor and by a publisher of council A against council B's
objects (or the shared, national ones) and must be refused or show nothing of B's, and the whole
database must be exactly as it was afterwards.
"""

import json
import uuid
from collections.abc import Callable
from dataclasses import dataclass

import pytest
from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.contrib import admin
from django.contrib.auth.models import Group, User
from django.db.models import Model
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from councils.models import Council, CouncilMembership
from councils.roles import PUBLISHER_GROUP
from notices.models import (
    AlertDelivery,
    AlertSubscription,
    AuditEvent,
    DataCategory,
    Notice,
    NoticeVersion,
    Recipient,
    RecordKind,
    SharedBlock,
    SharedBlockVersion,
)
from notices.testing.forms import form_data
from tests.database import database_state

pytestmark = pytest.mark.django_db

# Each council's own rows: another council's must be invisible.
COUNCIL_OWNED = {Council, Notice, NoticeVersion, AuditEvent}
# National content every member of staff may read and only national admins change.
SHARED_READ_ONLY = {SharedBlock, SharedBlockVersion, DataCategory, Recipient, RecordKind}
# Accounts, roles and login records: national admins only.
# The background task queue (django_tasks_db) is the whole site's, never one council's.
NATIONAL_ONLY = {
    User,
    Group,
    CouncilMembership,
    AccessAttempt,
    AccessLog,
    AccessFailureLog,
    DBTaskResult,
    # Alert emails name subscribers' addresses and every council's versions.
    AlertDelivery,
}

REFUSED = {403, 404}
# Pages of shared content that every member of staff may read.
READING = {"changelist", "change-page", "history", "action"}


@dataclass
class World:
    """Two councils, each with a published notice, and council B's staff and audit trail."""

    notice_a: Notice
    notice_b: Notice
    objects_b: dict[type[Model], Model]


@pytest.fixture
def world(make_notice, make_staff, publish, published_block) -> World:
    notice_a, notice_b = make_notice(), make_notice()
    publish(notice_a)
    version_b = publish(notice_b)
    staff_b = make_staff(notice_b.council, "publisher")
    moment = timezone.now()
    login_record = {"user_agent": "test", "ip_address": "10.0.0.9", "username": staff_b.username}
    login_record |= {"http_accept": "*/*", "path_info": "/admin/login/", "attempt_time": moment}
    objects_b = {
        Council: notice_b.council,
        Notice: notice_b,
        NoticeVersion: version_b,
        AuditEvent: AuditEvent.objects.filter(council=notice_b.council).first(),
        CouncilMembership: CouncilMembership.objects.get(user=staff_b),
        User: staff_b,
        Group: Group.objects.get(name=PUBLISHER_GROUP),
        SharedBlock: published_block,
        SharedBlockVersion: SharedBlockVersion.objects.get(),
        DataCategory: DataCategory.objects.get(slug="health"),
        Recipient: Recipient.objects.get(slug="police"),
        RecordKind: RecordKind.objects.create(name="Adoption records", slug="adoption-records"),
        AccessAttempt: AccessAttempt.objects.create(
            **login_record, get_data="", post_data="", failures_since_start=1
        ),
        AccessLog: AccessLog.objects.create(**login_record),
        AccessFailureLog: AccessFailureLog.objects.create(**login_record),
        DBTaskResult: DBTaskResult.objects.create(
            args_kwargs={"args": [], "kwargs": {"version_ids": []}},
            task_path="notices.printing.pdf.make_pdfs_in_background",
            backend_name="default",
        ),
        AlertDelivery: AlertDelivery.objects.create(
            subscription=AlertSubscription.objects.create(
                email="follower@example.org", council=notice_b.council
            ),
            version=version_b,
        ),
    }
    return World(notice_a, notice_b, objects_b)


def admin_url(model: type[Model], name: str, *args) -> str:
    return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_{name}", args=args)


# A case: (method, url, data) built from the world and a superuser's client, which reads each form
# exactly as the admin renders it, so the posts are the ones a browser would send.
Builder = Callable[[World, object], tuple[str, str, dict]]


@dataclass(frozen=True)
class Case:
    id: str
    model: type[Model]
    page: str
    build: Builder


def _changed_form(superuser_client, model: type[Model], url: str) -> dict:
    """The object's change form as the admin shows it, with its text fields edited."""
    page = superuser_client.get(url)
    data = form_data(page.content.decode(), f"{model._meta.model_name}_form")
    for field in ("title", "name", "heading", "dpo_email", "role", "username"):
        if field in data:
            data[field] = "publisher" if field == "role" else f"changed-by-council-a-{field}"
    data["dpo_email"] = "attacker@example.org"
    return data


def _object_cases(model: type[Model]) -> list[Case]:
    def obj(world: World) -> Model:
        return world.objects_b[model]

    def change_url(world: World) -> str:
        return admin_url(model, "change", obj(world).pk)

    cases = [
        Case(
            "changelist",
            model,
            "changelist",
            lambda w, s: ("get", admin_url(model, "changelist"), {}),
        ),
        Case("add-page", model, "add-page", lambda w, s: ("get", admin_url(model, "add"), {})),
        Case(
            "add",
            model,
            "add",
            lambda w, s: ("post", admin_url(model, "add"), _add_data(model, w, s)),
        ),
        Case("change-page", model, "change-page", lambda w, s: ("get", change_url(w), {})),
        Case(
            "change",
            model,
            "change",
            lambda w, s: ("post", change_url(w), _changed_form(s, model, change_url(w))),
        ),
        Case(
            "delete-page",
            model,
            "delete",
            lambda w, s: ("get", admin_url(model, "delete", obj(w).pk), {}),
        ),
        Case(
            "delete",
            model,
            "delete",
            lambda w, s: ("post", admin_url(model, "delete", obj(w).pk), {"post": "yes"}),
        ),
        Case(
            "history",
            model,
            "history",
            lambda w, s: ("get", admin_url(model, "history", obj(w).pk), {}),
        ),
        Case(
            "bulk-delete",
            model,
            "action",
            lambda w, s: (
                "post",
                admin_url(model, "changelist"),
                {"action": "delete_selected", "_selected_action": [obj(w).pk], "post": "yes"},
            ),
        ),
    ]
    model_admin = admin.site._registry[model]
    for suffix, (name, _view) in getattr(model_admin, "draft_views", {}).items():
        needs_number = "<int:number>" in suffix
        # An import's review: a kept upload's token (council B's notice is refused before it).
        needs_token = "<str:token>" in suffix

        def extra_url(
            world: World, name=name, needs_number=needs_number, needs_token=needs_token
        ) -> str:
            args = [obj(world).pk] + ([1] if needs_number else [])
            args += [str(uuid.uuid4())] if needs_token else []
            return admin_url(model, name, *args)

        cases += [
            Case(f"{name}-page", model, name, lambda w, s, u=extra_url: ("get", u(w), {})),
            Case(
                name,
                model,
                name,
                lambda w, s, u=extra_url: (
                    "post",
                    u(w),
                    {"change_note": "Published by council A", "change_kind": "major"},
                ),
            ),
        ]
    return [
        Case(f"{model._meta.label}:{case.id}", case.model, case.page, case.build) for case in cases
    ]


def _add_data(model: type[Model], world: World, superuser_client) -> dict:
    """An add form filled in as if for council B: its id in the council field."""
    page = superuser_client.get(admin_url(model, "add"))
    data = form_data(page.content.decode(), f"{model._meta.model_name}_form")
    data.update(
        council=world.notice_b.council.pk,
        notice=world.notice_b.pk,
        user=world.objects_b[User].pk,
        role="publisher",
        title="Added for council B",
        introduction="Added.",
        young_people_summary="Added.",
        name="Added for council B",
        slug="added-for-council-b",
        kind="unitary",
        username="added-by-council-a",
        password1="a-long-enough-password-1",
        password2="a-long-enough-password-1",
    )
    return data


def _autocomplete_cases() -> list[Case]:
    """Every autocomplete field of every admin and inline."""
    cases = []
    for model, model_admin in admin.site._registry.items():
        sources = [(model, model_admin)] + [
            (inline.model, inline(model, admin.site)) for inline in model_admin.inlines
        ]
        for source_model, source_admin in sources:
            for field_name in source_admin.autocomplete_fields:
                params = {
                    "app_label": source_model._meta.app_label,
                    "model_name": source_model._meta.model_name,
                    "field_name": field_name,
                    "term": "",
                }
                cases.append(
                    Case(
                        f"autocomplete:{source_model._meta.label}.{field_name}",
                        source_model._meta.get_field(field_name).related_model,
                        "autocomplete",
                        lambda w, s, p=params: ("get", reverse("admin:autocomplete"), p),
                    )
                )
    return cases


def _markdown_preview_case() -> Case:
    return Case(
        "markdown-preview",
        Notice,
        "markdown-preview",
        lambda w, s: ("post", reverse("markdownx_markdownify"), {"content": "**council A**"}),
    )


CASES = (
    [case for model in admin.site._registry for case in _object_cases(model)]
    + _autocomplete_cases()
    + [_markdown_preview_case()]
)


def test_every_admin_model_is_in_the_matrix():
    registered = set(admin.site._registry)
    assert registered == COUNCIL_OWNED | SHARED_READ_ONLY | NATIONAL_ONLY, (
        "A model was added to or removed from the admin: say which group it belongs to here and "
        "give council B one of it in the `world` fixture."
    )


@pytest.fixture
def superuser_client(db):
    client = Client()
    client.force_login(User.objects.create_superuser("root", "root@example.org", None))
    return client


@pytest.mark.parametrize("role", ["editor", "publisher"])
@pytest.mark.parametrize("case", CASES, ids=[case.id for case in CASES])
def test_council_a_staff_are_refused_everything_of_council_b(
    case, role, world, make_staff, client, superuser_client
):
    method, url, data = case.build(world, superuser_client)
    client.force_login(make_staff(world.notice_a.council, role))
    before = database_state()

    response = getattr(client, method)(url, data)

    assert response.status_code < 500
    assert database_state() == before, "a refused request changed the database"
    body = response.content.decode(errors="replace")
    b_object = world.objects_b.get(case.model)
    b_council = world.notice_b.council
    if case.page == "markdown-preview":
        assert response.status_code == 200 and "<strong>council A</strong>" in body
    elif case.page == "autocomplete":
        if response.status_code == 200:
            ids = {result["id"] for result in json.loads(body)["results"]}
            if case.model in COUNCIL_OWNED:
                assert str(b_object.pk) not in ids
        else:
            assert response.status_code in REFUSED
    elif case.model in NATIONAL_ONLY:
        assert response.status_code in REFUSED
    elif case.page == "changelist" and case.model in COUNCIL_OWNED:
        assert b_council.name not in body
        assert admin_url(case.model, "change", b_object.pk) not in body
    elif case.model in COUNCIL_OWNED:
        if case.page in {"add", "add-page"}:
            # The add form may be open to them (for their own council) but never for B.
            assert response.status_code in REFUSED or (
                response.status_code == 200 and f'value="{b_council.pk}"' not in body
            )
        elif case.page != "action":
            assert response.status_code in REFUSED
    elif case.model in SHARED_READ_ONLY and case.page not in READING:
        # A bulk action that may not run sends them back to the list; the unchanged database
        # shows it did not run.
        assert response.status_code in REFUSED


@pytest.mark.parametrize(
    "case",
    [case for case in CASES if case.id.endswith(":change") and case.model in COUNCIL_OWNED],
    ids=lambda case: case.id,
)
def test_the_matrix_posts_are_real_changes_a_national_admin_could_make(
    case, world, superuser_client
):
    """The control for the matrix: the same post from a superuser changes council B's data (or
    is refused for what nobody may change), so the refusals above are the policy's doing."""
    method, url, data = case.build(world, superuser_client)
    before = database_state()
    response = superuser_client.post(url, data)
    if case.model in {NoticeVersion, AuditEvent}:
        assert response.status_code == 403  # written once, changed by nobody
        assert database_state() == before
    else:
        assert response.status_code == 302, response.content.decode()[:2000]
        assert database_state() != before


# Forged posts on council A's own pages, made by council A's own staff.


def _own_notice_form(client, notice: Notice) -> dict:
    page = client.get(admin_url(Notice, "change", notice.pk))
    assert page.status_code == 200
    return form_data(page.content.decode(), "notice_form")


@pytest.mark.parametrize("role", ["editor", "publisher"])
def test_an_inline_row_pointing_at_another_councils_section_is_refused(
    role, world, make_staff, client
):
    client.force_login(make_staff(world.notice_a.council, role))
    data = _own_notice_form(client, world.notice_a)
    data["sections-0-id"] = str(world.notice_b.sections.first().pk)
    data["sections-0-body"] = "Rewritten through council A's form."
    before = database_state()

    response = client.post(admin_url(Notice, "change", world.notice_a.pk), data)

    assert response.status_code == 200
    assert "does not belong to this notice" in response.content.decode()
    assert database_state() == before


@pytest.mark.parametrize("role", ["editor", "publisher"])
def test_another_councils_id_in_the_council_field_is_ignored_and_the_notice_stays_put(
    role, world, make_staff, client
):
    client.force_login(make_staff(world.notice_a.council, role))
    data = _own_notice_form(client, world.notice_a)
    data["council"] = str(world.notice_b.council.pk)
    data["title"] = "A new title"

    response = client.post(admin_url(Notice, "change", world.notice_a.pk), data)

    assert response.status_code == 302
    world.notice_a.refresh_from_db()
    assert world.notice_a.council_id != world.notice_b.council_id
    assert world.notice_a.title == "A new title"


@pytest.mark.parametrize("role", ["editor", "publisher"])
def test_a_notice_id_swapped_in_the_url_is_a_404_and_changes_nothing(
    role, world, make_staff, client
):
    client.force_login(make_staff(world.notice_a.council, role))
    data = _own_notice_form(client, world.notice_a)
    data["title"] = "Written over council B's notice"
    before = database_state()

    response = client.post(admin_url(Notice, "change", world.notice_b.pk), data)

    assert response.status_code == 404
    assert database_state() == before


def test_a_notice_cannot_be_added_for_another_council(world, make_staff, client, make_council):
    council_c = make_council()
    client.force_login(make_staff(world.notice_a.council, "publisher"))
    page = client.get(admin_url(Notice, "add")).content.decode()
    assert council_c.name not in page
    before = database_state()

    response = client.post(
        admin_url(Notice, "add"),
        form_data(page, "notice_form")
        | {
            "council": str(council_c.pk),
            "title": "A notice for council C",
            "introduction": "Written by council A.",
            "young_people_summary": "Written by council A.",
        },
    )

    assert response.status_code == 200
    assert "Select a valid choice" in response.content.decode()
    assert database_state() == before


# What council staff may do with their own council.


def test_staff_see_and_edit_only_their_own_councils_notice(world, make_staff, client):
    client.force_login(make_staff(world.notice_a.council, "editor"))
    changelist = client.get(admin_url(Notice, "changelist")).content.decode()
    assert admin_url(Notice, "change", world.notice_a.pk) in changelist
    assert admin_url(Notice, "change", world.notice_b.pk) not in changelist

    data = _own_notice_form(client, world.notice_a) | {"title": "Edited by its editor"}
    assert client.post(admin_url(Notice, "change", world.notice_a.pk), data).status_code == 302
    world.notice_a.refresh_from_db()
    assert world.notice_a.title == "Edited by its editor"


def test_a_member_of_two_councils_sees_both(world, make_staff, client):
    from councils.staff import set_council_role

    person = make_staff(world.notice_a.council, "editor")
    set_council_role(user=person, council=world.notice_b.council, role="publisher", by=None)
    client.force_login(person)
    changelist = client.get(admin_url(Notice, "changelist")).content.decode()
    assert admin_url(Notice, "change", world.notice_a.pk) in changelist
    assert admin_url(Notice, "change", world.notice_b.pk) in changelist
    # Their role differs by council: they publish B's notice, not A's.
    assert client.get(admin_url(Notice, "publish", world.notice_a.pk)).status_code == 403
    assert client.get(admin_url(Notice, "publish", world.notice_b.pk)).status_code == 200


def test_publishers_change_their_councils_contacts_but_not_its_name_or_address(
    world, make_staff, client
):
    council = world.notice_a.council
    client.force_login(make_staff(council, "publisher"))
    url = admin_url(Council, "change", council.pk)
    data = form_data(client.get(url).content.decode(), "council_form")
    assert "name" not in data and "slug" not in data
    data |= {"dpo_email": "new-dpo@example.org", "name": "Renamed", "slug": "renamed"}

    assert client.post(url, data).status_code == 302
    council.refresh_from_db()
    assert council.dpo_email == "new-dpo@example.org"
    assert council.name != "Renamed" and council.slug != "renamed"
    event = AuditEvent.objects.filter(council=council, action="council-changed").get()
    assert "DPO email" in event.summary


def test_editors_may_read_but_not_change_their_councils_details(world, make_staff, client):
    council = world.notice_a.council
    client.force_login(make_staff(council, "editor"))
    url = admin_url(Council, "change", council.pk)
    assert client.get(url).status_code == 200
    before = database_state()
    assert client.post(url, {"dpo_email": "editor@example.org"}).status_code == 403
    assert database_state() == before


def test_national_admins_see_every_council(world, make_staff, client):
    client.force_login(make_staff(national=True))
    changelist = client.get(admin_url(Notice, "changelist")).content.decode()
    assert admin_url(Notice, "change", world.notice_a.pk) in changelist
    assert admin_url(Notice, "change", world.notice_b.pk) in changelist
    assert (
        client.get(admin_url(SharedBlock, "change", world.objects_b[SharedBlock].pk)).status_code
        == 200
    )
    assert client.get(admin_url(User, "changelist")).status_code == 200


def test_national_admins_who_are_not_superusers_cannot_take_over_a_superuser(
    world, make_staff, client
):
    root = User.objects.create_superuser("root2", "root2@example.org", "a-long-password-1")
    client.force_login(make_staff(national=True))
    before = database_state()
    assert client.get(admin_url(User, "change", root.pk)).status_code == 200  # may look
    response = client.post(
        reverse("admin:auth_user_password_change", args=[root.pk]),
        {"password1": "taken-over-password-1", "password2": "taken-over-password-1"},
    )
    assert response.status_code == 403
    assert database_state() == before


def test_staff_with_no_council_get_a_clear_page_not_an_empty_admin(make_staff, client):
    client.force_login(make_staff())
    for url in [reverse("admin:index"), admin_url(Notice, "changelist"), admin_url(Council, "add")]:
        response = client.get(url)
        assert response.status_code == 403
        assert "not been given a role at any council" in response.content.decode()
    # They can still sign out and change their password.
    assert client.get(reverse("admin:password_change")).status_code == 200
    assert client.post(reverse("admin:logout")).status_code == 200

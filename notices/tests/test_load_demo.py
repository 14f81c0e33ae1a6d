import re
from pathlib import Path

import pytest
from django.apps import apps
from django.contrib.auth.models import User
from django.core.management import call_command

from councils.models import Council
from notices import demo_content
from notices.models import IcoItem, Notice, SharedBlock

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


def test_load_demo_creates_five_councils_of_different_kinds_with_complete_notices():
    output = run_load_demo()
    assert "Created 5 councils." in output
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
    assert SharedBlock.objects.get().parts.count() >= 3


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
        assert "<script" not in response.content.decode()


REFERENCE_NOTICES = Path(__file__).resolve().parents[2].parent / "shared" / "reference"


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
    demo_text = Path(demo_content.__file__).read_text()
    assert not runs(demo_text) & reference

"""Every URL with a number in it has exactly one spelling of each number: padded, huge, negative,
non-ASCII digits and trailing junk are a 404 on every public and admin URL pattern, so none of
them is another page to render, cache or use to confirm that an id exists."""

import re
from collections.abc import Iterator

import pytest
from django.contrib.contenttypes.models import ContentType
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from councils.models import Council
from notices.models import Notice
from tests.database import database_state

pytestmark = pytest.mark.django_db

# Each is a number as someone might mangle it; none is the one way the site writes a number.
HOSTILE_NUMBERS = [
    "0",
    "00",
    "07",
    "0007",
    "0001",
    "-1",
    "+1",
    "99999999999999999999",
    "9" * 40,
    "\u0661",  # ARABIC-INDIC DIGIT ONE: Python's int() reads it as 1
    "\uff11",  # FULLWIDTH DIGIT ONE
    "1abc",
    "1.0",
    "1e3",
    "1%00",
    "1%20",
    "%201",
]
_PLACEHOLDER = re.compile(r"<(?:(\w+):)?(\w+)>")
_ID_NAMES = {"object_id", "id", "content_type_id"}


def routes(resolvers=None, prefix: str = "") -> Iterator[str]:
    """Every URL pattern of the site as a route string, e.g. `admin/notices/notice/<path:...>`."""
    for entry in resolvers if resolvers is not None else get_resolver().url_patterns:
        if isinstance(entry, URLResolver):
            yield from routes(entry.url_patterns, prefix + str(entry.pattern))
        elif isinstance(entry, URLPattern):
            yield prefix + str(entry.pattern)


def numbered_routes(area: str) -> list[str]:
    from django.conf import settings

    admin = settings.ADMIN_PATH
    found = []
    for route in routes():
        converters = {match[0] or "str" for match in _PLACEHOLDER.findall(route)}
        in_admin = route.startswith(admin)
        if (area == "admin") != in_admin:
            continue
        names = {match[1] for match in _PLACEHOLDER.findall(route)}
        wanted = converters & {"number", "int"} if area == "public" else names & _ID_NAMES
        if wanted:
            found.append(route)
    return found


def fill(route: str, values: dict[str, str], default: str) -> str:
    return "/" + _PLACEHOLDER.sub(lambda match: values.get(match[2], default), route)


@pytest.fixture
def notice(make_notice, publish) -> Notice:
    notice = make_notice()
    publish(notice)
    return notice


def test_every_public_number_uses_the_canonical_converter():
    public = numbered_routes("public")
    assert len(public) >= 3  # a version, its JSON-LD and a comparison
    for route in public:
        assert "<int:" not in route, route


def test_hostile_numbers_in_every_public_url_are_404(client, notice):
    before = database_state()
    real = {"council_slug": notice.council.slug, "kind": notice.kind}
    for route in numbered_routes("public"):
        # The real page answers with the number written properly...
        assert client.get(fill(route, real, "1")).status_code == 200, route
        names = [match[1] for match in _PLACEHOLDER.findall(route) if match[0] == "number"]
        for name in names:
            for number in HOSTILE_NUMBERS:
                # ...and with any one number mangled, the others real.
                url = fill(route, {**real, name: number}, "1")
                assert client.get(url).status_code == 404, url
    assert database_state() == before


@pytest.mark.parametrize("who", ["national", "publisher"])
def test_hostile_ids_in_every_admin_url_are_404(client, notice, make_staff, who):
    staff = make_staff(national=True) if who == "national" else make_staff(notice.council, who)
    client.force_login(staff)
    before = database_state()
    notice_type = str(ContentType.objects.get_for_model(Notice).pk)
    admin_routes = numbered_routes("admin")
    assert len(admin_routes) > 20
    for route in admin_routes:
        for number in HOSTILE_NUMBERS:
            for hostile in _ID_NAMES & {match[1] for match in _PLACEHOLDER.findall(route)}:
                real = {"content_type_id": notice_type, "object_id": str(notice.pk)}
                url = fill(route, {**real, hostile: number}, str(notice.pk))
                response = client.get(url)
                assert response.status_code == 404, (url, response.status_code)
    assert database_state() == before


def test_the_properly_written_id_still_works_in_the_admin(client, notice, make_staff):
    client.force_login(make_staff(notice.council, "publisher"))
    url = reverse("admin:notices_notice_change", args=[notice.pk])
    assert client.get(url).status_code == 200
    padded = url.replace(f"/{notice.pk}/", f"/0{notice.pk}/")
    assert client.get(padded).status_code == 404


def test_signed_out_people_are_sent_to_sign_in_not_told_about_ids(client, notice):
    url = reverse("admin:notices_notice_change", args=[notice.pk]).replace(
        f"/{notice.pk}/", f"/0{notice.pk}/"
    )
    response = client.get(url)
    assert response.status_code == 302 and "login" in response["Location"]


# The view-on-site shortcut


def view_on_site(obj) -> str:
    content_type = ContentType.objects.get_for_model(type(obj))
    return reverse("admin:view_on_site", args=[content_type.pk, obj.pk])


@pytest.mark.parametrize("role", ["editor", "publisher"])
def test_view_on_site_is_a_404_for_another_councils_objects(
    client, make_notice, publish, make_staff, role
):
    own, other = make_notice(), make_notice()
    publish(own)
    publish(other)
    client.force_login(make_staff(own.council, role))

    assert client.get(view_on_site(own)).status_code == 302
    assert client.get(view_on_site(own.council)).status_code == 302
    assert client.get(view_on_site(other)).status_code == 404
    assert client.get(view_on_site(other.council)).status_code == 404
    missing = Notice.objects.order_by("-pk").first().pk + 100
    content_type = ContentType.objects.get_for_model(Notice).pk
    gone = reverse("admin:view_on_site", args=[content_type, missing])
    assert client.get(gone).status_code == 404
    unknown_type = reverse("admin:view_on_site", args=[999_999, own.pk])
    assert client.get(unknown_type).status_code == 404


def test_national_admins_keep_view_on_site_for_every_council(
    client, make_notice, publish, make_staff
):
    notice = make_notice()
    publish(notice)
    client.force_login(make_staff(national=True))
    response = client.get(view_on_site(notice))
    assert response.status_code == 302
    assert response["Location"].endswith(notice.get_absolute_url())
    assert client.get(view_on_site(Council.objects.get(pk=notice.council_id))).status_code == 302


# Signing in


def test_a_refused_next_lands_on_the_admin_index(client, make_staff):
    staff = make_staff(national=True)
    staff.set_password("a long enough password 1")
    staff.save()
    login = reverse("admin:login")
    response = client.post(
        f"{login}?next=https://elsewhere.example/",
        {"username": staff.username, "password": "a long enough password 1"},
        REMOTE_ADDR="192.0.2.40",
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("admin:index")

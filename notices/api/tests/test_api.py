"""The read-only API: what each endpoint answers, its HTTP rules (ETags, caching, CORS) and how
it refuses bad requests with RFC 9457 problems."""

import datetime
import json

import pytest
from django.utils import timezone

from notices.models import NoticeVersion

pytestmark = pytest.mark.django_db

KIND = "childrens-social-care"


@pytest.fixture
def two_versions(make_notice, published_block, publish):
    notice = make_notice()
    publish(notice, "First published")
    notice.sections.filter(anchor="your-rights").update(body="You can ask us to correct records.")
    publish(notice, "Rights reworded", major=False)
    return notice


def get(client, path: str, **headers):
    return client.get(f"/api/v1{path}", headers=headers)


def test_councils_lists_each_council_with_its_published_notices(client, two_versions):
    response = get(client, "/councils")
    assert response.status_code == 200
    [council] = response.json()
    assert council["slug"] == two_versions.council.slug
    assert [n["kind"] for n in council["notices"]] == [KIND]
    assert council["notices"][0]["url"].endswith(
        f"/api/v1/councils/{council['slug']}/notices/{KIND}"
    )


def test_council_has_its_contacts(client, two_versions):
    council = two_versions.council
    data = get(client, f"/councils/{council.slug}").json()
    assert data["dpo_email"] == council.dpo_email
    assert data["ico_registration_number"] == "Z1234567"


def test_notice_lists_versions_newest_first(client, two_versions):
    data = get(client, f"/councils/{two_versions.council.slug}/notices/{KIND}").json()
    assert data["current_version"] == 2
    assert [v["number"] for v in data["versions"]] == [2, 1]
    assert data["versions"][0]["change_note"] == "Rights reworded"
    assert data["versions"][0]["is_major"] is False


def test_version_has_its_content_and_stored_html(client, two_versions):
    slug = two_versions.council.slug
    data = get(client, f"/councils/{slug}/notices/{KIND}/versions/1").json()
    stored = NoticeVersion.objects.get(notice=two_versions, number=1)
    assert data["html"] == stored.rendered_html
    assert data["content"] == stored.snapshot
    assert data["content_hash"] == stored.content_hash
    assert data["shared_block_version"] == 1
    assert data["page_url"].endswith(f"/councils/{slug}/{KIND}/versions/1/")


def test_comparison_is_structured_data(client, two_versions):
    slug = two_versions.council.slug
    data = get(client, f"/councils/{slug}/notices/{KIND}/compare/1/2").json()
    assert data["has_changes"] is True
    changed = [p for p in data["changes"]["sections"]["parts"] if p["status"] == "changed"]
    assert [p["heading"] for p in changed] == ["Your rights"]
    same = get(client, f"/councils/{slug}/notices/{KIND}/compare/2/2").json()
    assert same["has_changes"] is False


def test_shared_block_versions(client, two_versions):
    [summary] = get(client, f"/shared-blocks/{KIND}/versions").json()
    assert summary["number"] == 1
    data = get(client, f"/shared-blocks/{KIND}/versions/1").json()
    assert data["content"]["parts"][0]["heading"] == "The National Pupil Database"


def test_change_feed_pages_back_without_skipping(client, two_versions, make_notice, publish):
    publish(make_notice())
    first = get(client, "/changes?limit=2").json()
    assert len(first["changes"]) == 2 and first["next_before"]
    rest = client.get("/api/v1/changes", {"limit": 2, "before": first["next_before"]}).json()
    seen = [(c["council"], c["number"]) for c in first["changes"] + rest["changes"]]
    assert len(set(seen)) == NoticeVersion.objects.count() == 3
    assert rest["next_before"] is None


def test_in_force_by_date_and_by_moment(client, two_versions):
    slug = two_versions.council.slug
    first, second = NoticeVersion.objects.filter(notice=two_versions).order_by("number")
    path = f"/api/v1/councils/{slug}/notices/{KIND}/in-force"
    just_before = (second.published_at - datetime.timedelta(microseconds=1)).isoformat()
    assert client.get(path, {"at": just_before}).json()["number"] == 1
    assert client.get(path, {"at": second.published_at.isoformat()}).json()["number"] == 2
    assert client.get(path, {"at": timezone.localdate().isoformat()}).json()["number"] == 2
    before = (first.published_at - datetime.timedelta(days=1)).date().isoformat()
    response = client.get(path, {"at": before})
    assert response.status_code == 404
    assert response["Content-Type"] == "application/problem+json"


def test_answers_carry_etag_cache_headers_and_cors(client, two_versions):
    response = get(client, "/councils")
    assert response["Cache-Control"] == "public, no-cache"
    assert response["Access-Control-Allow-Origin"] == "*"
    assert "ETag" in response["Access-Control-Expose-Headers"]
    again = get(client, "/councils", **{"If-None-Match": response["ETag"]})
    assert again.status_code == 304
    assert again["ETag"] == response["ETag"]


def test_etag_changes_when_a_version_is_published(client, two_versions, publish):
    path = f"/councils/{two_versions.council.slug}/notices/{KIND}"
    etag = get(client, path)["ETag"]
    two_versions.sections.filter(anchor="your-rights").update(body="Ask us for your records.")
    publish(two_versions, "Rights reworded again")
    assert get(client, path, **{"If-None-Match": etag}).status_code == 200


@pytest.mark.parametrize(
    "path, status, mentions",
    [
        ("/councils?page=2", 400, "page"),
        ("/changes?limit=0", 400, "limit"),
        ("/changes?limit=abc", 400, "limit"),
        ("/changes?limit=101", 400, "limit"),
        ("/changes?before=", 400, "before"),
        ("/changes?limit=5&limit=6", 400, "once"),
        ("/changes?before=yesterday", 400, "before"),
        ("/changes?before=0.5", 400, "before"),
        ("/changes?before=%00", 400, "before"),
        ("/changes?before=%FF%FE", 400, "before"),
        ("/changes?before=" + "9" * 300, 400, "before"),
        ("/changes?before=2026-01-01T00:00%E2%80%AE", 400, "before"),
        ("/changes?%00=1", 400, "no such parameter"),
        ("/councils/no-such-council", 404, "slug"),
        ("/councils/%00", 404, "slug"),
        ("/councils/{slug}/notices/unknown-kind", 404, "notice"),
        ("/councils/{slug}/notices/" + KIND + "/versions/007", 404, "leading zero"),
        ("/councils/{slug}/notices/" + KIND + "/versions/99999999999", 404, "version"),
        ("/councils/{slug}/notices/" + KIND + "/versions/3", 404, "version 3"),
        ("/councils/{slug}/notices/" + KIND + "/versions/-1", 404, "version"),
        ("/councils/{slug}/notices/" + KIND + "/in-force", 400, "at"),
        ("/councils/{slug}/notices/" + KIND + "/in-force?at=2026-13-01", 400, "at"),
        ("/councils/{slug}/notices/" + KIND + "/in-force?at=9999-01-01", 404, "in force"),
        (
            "/councils/{slug}/notices/" + KIND + "/in-force?at=0001-01-01T00:00%2B01:00",
            404,
            "in force",
        ),
        ("/councils/{slug}/notices/" + KIND + "/in-force?at=1700000000", 400, "at"),
        ("/councils/{slug}/notices/" + KIND + "/in-force?at=2026-01-01T25:00", 400, "at"),
        ("/councils/{slug}/notices/" + KIND + "/compare/1/9", 404, "version 9"),
        ("/shared-blocks/other/versions", 404, "shared block"),
        ("/shared-blocks/" + KIND + "/versions/2", 404, "no such version"),
    ],
)
def test_bad_requests_get_a_problem_body(client, two_versions, path, status, mentions):
    before = NoticeVersion.objects.count()
    response = client.get("/api/v1" + path.format(slug=two_versions.council.slug))
    assert response.status_code == status
    assert response["Content-Type"] == "application/problem+json"
    assert response["Access-Control-Allow-Origin"] == "*"
    problem = json.loads(response.content)
    assert problem["status"] == status
    assert (
        mentions.lower() in (problem["detail"] + json.dumps(problem.get("invalid_params"))).lower()
    )
    assert NoticeVersion.objects.count() == before


def test_openapi_schema_is_3_1_and_lists_every_endpoint(client):
    schema = client.get("/api/v1/openapi.json").json()
    assert schema["openapi"].startswith("3.1")
    assert {
        "/api/v1/councils",
        "/api/v1/councils/{slug}/notices/{kind}/in-force",
        "/api/v1/councils/{slug}/notices/{kind}/compare/{old}/{new}",
        "/api/v1/shared-blocks/{kind}/versions/{number}",
        "/api/v1/changes",
    } <= set(schema["paths"])


@pytest.mark.parametrize(
    "value, reason",
    [
        ("2026-01-01\x00", "control"),
        ("2026-01-01\u202e", "control"),
        ("\ufffd\ufffd", "undecodable"),
        ("2" * 201, "longer"),
    ],
)
def test_parameter_values_are_refused_before_they_are_read(rf, value, reason):
    from notices.api.responses import Problem, check_parameters

    with pytest.raises(Problem) as refused:
        check_parameters(rf.get("/api/v1/changes", {"before": value}), ("before",))
    assert refused.value.status == 400
    assert reason in refused.value.detail

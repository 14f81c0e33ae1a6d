"""Machine-readable notices: JSON-LD in the W3C Data Privacy Vocabulary, and the bulk download."""

import datetime
import json
import re
from typing import Any

import pytest
from django.conf import settings
from django.urls import reverse

from notices.models import (
    DataCategory,
    LawfulBasis,
    Notice,
    NoticeDataCategory,
    NoticeRecipient,
    Recipient,
    RetentionPeriod,
    Section,
)
from notices.public import linked_data

pytestmark = pytest.mark.django_db

BASE = settings.SITE_URL
JSONLD = "application/ld+json; charset=utf-8"

# Every DPV (and extension) term the documents use, each checked against the DPV 2.x
# specification's term lists. A typo or an invented term fails the vocabulary test below.
KNOWN_TERMS = {
    "dpv": {
        "PrivacyNotice",
        "hasDataController",
        "DataController",
        "hasName",
        "hasContact",
        "hasAddress",
        "hasIdentifier",
        "hasDataProtectionOfficer",
        "DataProtectionOfficer",
        "hasJurisdiction",
        "hasApplicableLaw",
        "Law",
        "hasAuthority",
        "isAuthorityFor",
        "DataProtectionAuthority",
        "hasDataSubject",
        "Child",
        "ParentOfDataSubject",
        "GuardianOfDataSubject",
        "hasPurpose",
        "Purpose",
        "hasPersonalData",
        "PersonalData",
        "SensitivePersonalData",
        "SpecialCategoryPersonalData",
        "hasRecipient",
        "Recipient",
        "hasPersonalDataProcess",
        "PersonalDataProcess",
        "hasFrequency",
        "OftenFrequency",
        "SporadicFrequency",
        "hasLegalBasis",
        "LegalBasis",
        "hasStorageCondition",
        "StorageDuration",
        "hasRight",
    },
    "eu-gdpr": {
        *(value.removeprefix("eu-gdpr:") for value in linked_data.PROVISION_IRIS.values() if value),
        *(right.removeprefix("eu-gdpr:") for right in linked_data.DATA_SUBJECT_RIGHTS),
        "A7-3",
        "DirectDataCollectionNotice",
        "IndirectDataCollectionNotice",
    },
    "legal-gb": {"law-GDPR", "law-DPA", "DPA-GB"},
    "loc": {"GB"},
    "pd": {"Criminal"},
}


def url(name: str, notice: Notice, **kwargs) -> str:
    return reverse(
        f"notices:{name}",
        kwargs={"council_slug": notice.council.slug, "kind": notice.kind, **kwargs},
    )


def get_jsonld(client, path: str) -> dict[str, Any]:
    response = client.get(path)
    assert response.status_code == 200, response.content
    assert response["Content-Type"] == JSONLD
    return json.loads(response.content)


def nodes(document: Any) -> list[dict[str, Any]]:
    """Every JSON object in the document, depth first."""
    found = []
    if isinstance(document, dict):
        found.append(document)
        for value in document.values():
            found += nodes(value)
    elif isinstance(document, list):
        for item in document:
            found += nodes(item)
    return found


def as_list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else [value]


def types_of(node: dict[str, Any]) -> list[str]:
    return as_list(node.get("@type", []))


def expand(term: str, context: dict[str, str]) -> str:
    """A compact IRI (dpv:hasName) as the absolute IRI a JSON-LD processor makes of it; anything
    that is neither a known prefix's term nor an absolute IRI fails."""
    prefix, _, suffix = term.partition(":")
    if prefix in context:
        assert suffix, term
        return context[prefix] + suffix
    assert re.match(r"^(https?|mailto):", term), f"{term} is not an absolute IRI or known term"
    return term


@pytest.fixture
def rich_notice(make_notice):
    """A notice with more than one of every part, including criminal offence data, a consent
    basis, an Article 10 basis and a period in months."""
    notice = make_notice()
    offences, _ = DataCategory.objects.get_or_create(
        slug="offending",
        defaults={
            "name": "Offending",
            "description": "Cautions, convictions and youth justice involvement",
            "is_criminal_offence": True,
        },
    )
    contact, _ = DataCategory.objects.get_or_create(
        slug="contact-details",
        defaults={"name": "Contact details", "description": "Names, addresses, phone numbers"},
    )
    NoticeDataCategory.objects.create(notice=notice, category=offences, position=2)
    NoticeDataCategory.objects.create(notice=notice, category=contact, position=3)
    schools, _ = Recipient.objects.get_or_create(
        slug="schools", defaults={"name": "Schools", "kind": Recipient.Kind.EDUCATION}
    )
    NoticeRecipient.objects.create(
        notice=notice,
        recipient=schools,
        purpose="To support children's education",
        frequency=NoticeRecipient.Frequency.ROUTINELY,
        position=2,
    )
    LawfulBasis.objects.create(
        notice=notice,
        provision=LawfulBasis.Provision.A10,
        schedule_1_condition="Part 2, paragraph 18: safeguarding of children",
        legislation="Crime and Disorder Act 1998",
        position=3,
    )
    LawfulBasis.objects.create(
        notice=notice, provision=LawfulBasis.Provision.A6_1_A, explanation="Surveys", position=4
    )
    # Relying on consent means telling people how to withdraw it (notices.publishing.checklist).
    Section.objects.create(
        notice=notice,
        position=20,
        heading="Changing your mind",
        anchor="changing-your-mind",
        ico_item="withdrawing-consent",
        body="You can stop taking part in surveys at any time.",
    )
    RetentionPeriod.objects.create(
        notice=notice,
        record_type="Adoption records",
        trigger=RetentionPeriod.Trigger.ADOPTION_ORDER,
        years=100,
        is_minimum=True,
        position=2,
    )
    RetentionPeriod.objects.create(
        notice=notice,
        record_type="Contact enquiries",
        trigger=RetentionPeriod.Trigger.LAST_CONTACT,
        years=1,
        months=6,
        position=3,
    )
    return notice


# The document and its vocabulary


def test_the_current_notice_is_json_ld_whose_context_names_dpv(client, make_notice, publish):
    notice = make_notice()
    publish(notice)
    document = get_jsonld(client, url("detail-jsonld", notice))
    context = document["@context"]
    assert context["dpv"] == "https://w3id.org/dpv#"
    assert context["eu-gdpr"] == "https://w3id.org/dpv/legal/eu/gdpr#"
    assert context["loc"] == "https://w3id.org/dpv/loc#"
    assert context["dct"] == "http://purl.org/dc/terms/"
    assert "dpv:PrivacyNotice" in types_of(document)
    assert document["@id"] == BASE + url("version", notice, number=1)


def test_every_term_expands_to_a_known_dpv_or_standard_iri(client, rich_notice, publish):
    """No JSON-LD library is installed, so this does what expansion would: every property,
    type and @id must turn into an absolute IRI, and DPV ones must be terms DPV defines."""
    publish(rich_notice)
    document = get_jsonld(client, url("detail-jsonld", rich_notice))
    context = document.pop("@context")
    used = set()
    for node in nodes(document):
        for key, value in node.items():
            if key in ("@id", "@type"):
                used.update(expand(item, context) for item in as_list(value))
            elif key not in ("@value",):
                assert not key.startswith("@"), f"unexpected keyword {key}"
                used.add(expand(key, context))
    for prefix, terms in KNOWN_TERMS.items():
        namespace = context[prefix]
        used_here = {iri.removeprefix(namespace) for iri in used if iri.startswith(namespace)}
        assert used_here <= terms, f"not {prefix} terms: {used_here - terms}"
    assert context["dpv"] + "hasStorageCondition" in used


def test_every_node_has_an_absolute_id_defined_once_that_later_versions_leave_alone(
    client, rich_notice, publish
):
    publish(rich_notice)
    path = url("version-jsonld", rich_notice, number=1)
    first = get_jsonld(client, path)
    defined = [node["@id"] for node in nodes(first) if "@id" in node and "@type" in node]
    ours = [node_id for node_id in defined if node_id.startswith(BASE + "/")]
    assert len(ours) == len(set(ours)), "a node is defined twice"
    council_page = BASE + reverse("councils:detail", kwargs={"slug": rich_notice.council.slug})
    assert {f"{council_page}#controller", f"{council_page}#dpo"} <= set(ours)
    Section.objects.filter(notice=rich_notice).update(body="Reworded")
    publish(rich_notice, "Reworded")
    assert get_jsonld(client, path) == first


def test_every_provision_a_council_can_choose_has_a_dpv_mapping():
    assert set(linked_data.PROVISION_IRIS) == set(LawfulBasis.Provision.values)
    for provision, iri in linked_data.PROVISION_IRIS.items():
        assert iri in (None, f"eu-gdpr:{provision}")


# What it says matches the snapshot


def test_the_document_says_what_the_published_snapshot_says(client, rich_notice, publish):
    version = publish(rich_notice)
    snapshot = version.snapshot
    document = get_jsonld(client, url("detail-jsonld", rich_notice))

    controller = document["dpv:hasDataController"]
    assert controller["dpv:hasName"] == snapshot["council"]["name"]
    assert {"@id": f"mailto:{snapshot['council']['controller_email']}"} in as_list(
        controller["dpv:hasContact"]
    )
    assert controller["dpv:hasIdentifier"] == snapshot["council"]["ico_registration_number"]
    dpo = controller["dpv:hasDataProtectionOfficer"]
    assert "dpv:DataProtectionOfficer" in types_of(dpo)
    assert {"@id": f"mailto:{snapshot['council']['dpo_email']}"} in as_list(dpo["dpv:hasContact"])

    bases = document["dpv:hasLegalBasis"]
    assert [basis["dct:identifier"] for basis in bases] == [
        row["provision"] for row in snapshot["lawful_bases"]
    ]
    for basis, row in zip(bases, snapshot["lawful_bases"], strict=True):
        expected = linked_data.PROVISION_IRIS[row["provision"]]
        if expected:
            assert expected in types_of(basis)
    assert {"eu-gdpr:A6-1-c", "eu-gdpr:A9-2-h", "eu-gdpr:A6-1-a"} <= {
        kind for basis in bases for kind in types_of(basis)
    }

    assert [category["dct:title"] for category in document["dpv:hasPersonalData"]] == [
        row["name"] for row in snapshot["data_categories"]
    ]
    assert [recipient["dpv:hasName"] for recipient in document["dpv:hasRecipient"]] == [
        row["name"] for row in snapshot["recipients"]
    ]
    durations = [period["rdf:value"] for period in document["dpv:hasStorageCondition"]]
    assert durations == [
        {"@value": "P75Y", "@type": "xsd:duration"},
        {"@value": "P100Y", "@type": "xsd:duration"},
        {"@value": "P1Y6M", "@type": "xsd:duration"},
    ]
    assert all("dpv:StorageDuration" in types_of(p) for p in document["dpv:hasStorageCondition"])


def test_purposes_are_the_purpose_sections_and_the_reasons_for_sharing(
    client, rich_notice, publish
):
    publish(rich_notice)
    document = get_jsonld(client, url("detail-jsonld", rich_notice))
    purposes = document["dpv:hasPurpose"]
    assert all(types_of(purpose) == ["dpv:Purpose"] for purpose in purposes)
    assert [purpose.get("dct:title") for purpose in purposes if "dct:title" in purpose] == [
        "Why we use your information"
    ]
    assert [p["dct:description"] for p in purposes if "dct:description" in p] == [
        "To protect children from harm",
        "To support children's education",
    ]
    sharing = {
        process["dpv:hasRecipient"]["@id"]: process
        for process in document["dpv:hasPersonalDataProcess"]
    }
    page = BASE + url("version", rich_notice, number=1)
    police = sharing[f"{page}#recipient-police"]
    assert police["dpv:hasPurpose"] == {"@id": f"{page}#purpose-sharing-police"}
    assert police["dpv:hasFrequency"] == {"@id": "dpv:SporadicFrequency"}
    assert sharing[f"{page}#recipient-schools"]["dpv:hasFrequency"] == {"@id": "dpv:OftenFrequency"}


def test_special_category_and_criminal_offence_data_are_typed_as_such(client, rich_notice, publish):
    publish(rich_notice)
    document = get_jsonld(client, url("detail-jsonld", rich_notice))
    by_name = {category["dct:title"]: category for category in document["dpv:hasPersonalData"]}
    assert types_of(by_name["Health"]) == ["dpv:SpecialCategoryPersonalData"]
    assert types_of(by_name["Offending"]) == ["dpv:SensitivePersonalData", "pd:Criminal"]
    assert types_of(by_name["Contact details"]) == ["dpv:PersonalData"]
    assert by_name["Health"]["rdfs:comment"] == "Health checks"


def test_an_article_10_basis_is_described_in_words_with_its_schedule_1_condition(
    client, rich_notice, publish
):
    publish(rich_notice)
    document = get_jsonld(client, url("detail-jsonld", rich_notice))
    article_10 = next(b for b in document["dpv:hasLegalBasis"] if b["dct:identifier"] == "A10")
    assert types_of(article_10) == ["dpv:LegalBasis"]
    assert article_10["rdfs:seeAlso"] == {
        "@id": "https://www.legislation.gov.uk/eur/2016/679/article/10"
    }
    condition = article_10["dct:requires"]
    assert condition["dct:description"] == "Part 2, paragraph 18: safeguarding of children"
    assert condition["dpv:hasApplicableLaw"] == {"@id": "legal-gb:law-DPA"}
    assert [law["dct:title"] for law in article_10["dpv:hasApplicableLaw"]] == [
        "Crime and Disorder Act 1998"
    ]
    public_duty = document["dpv:hasLegalBasis"][0]
    assert [law["dct:title"] for law in public_duty["dpv:hasApplicableLaw"]] == [
        "Children Act 1989",
        "Children Act 2004",
    ]
    assert "dct:requires" not in public_duty


def test_retention_says_what_each_period_is_counted_from(client, rich_notice, publish):
    publish(rich_notice)
    periods = get_jsonld(client, url("detail-jsonld", rich_notice))["dpv:hasStorageCondition"]
    assert [period["dct:description"] for period in periods] == [
        "75 years, counted from the child's date of birth.",
        "At least 100 years, counted from the adoption order.",
        "1 year and 6 months, counted from the last contact.",
    ]
    assert periods[0]["dct:source"].startswith("Care Planning, Placement and Case Review")


def test_the_rights_the_ico_and_uk_law_are_listed(client, make_notice, rich_notice, publish):
    plain = make_notice()
    publish(plain)
    publish(rich_notice)
    document = get_jsonld(client, url("detail-jsonld", plain))
    rights = [right["@id"] for right in document["dpv:hasRight"]]
    assert rights == [f"eu-gdpr:A{article}" for article in range(15, 23)] + ["eu-gdpr:A77"]
    assert document["dpv:hasJurisdiction"] == {"@id": "loc:GB"}
    assert [law["@id"] for law in document["dpv:hasApplicableLaw"]] == [
        "legal-gb:law-GDPR",
        "legal-gb:law-DPA",
    ]
    assert [law["dct:title"] for law in document["dpv:hasApplicableLaw"]] == [
        "UK General Data Protection Regulation (UK GDPR)",
        "Data Protection Act 2018",
    ]
    ico = document["dpv:hasAuthority"]
    assert types_of(ico) == ["dpv:DataProtectionAuthority"]
    assert ico["dpv:hasContact"] == "0303 123 1113"
    # Relying on consent brings the right to withdraw it.
    with_consent = get_jsonld(client, url("detail-jsonld", rich_notice))
    assert {"@id": "eu-gdpr:A7-3"} in with_consent["dpv:hasRight"]


def test_the_notice_links_to_its_page_the_current_notice_and_the_shared_block(
    client, make_notice, published_block, publish
):
    notice = make_notice()
    publish(
        notice,
        "First version",
        published_at=datetime.datetime(2025, 1, 10, 12, tzinfo=datetime.UTC),
    )
    document = get_jsonld(client, url("detail-jsonld", notice))
    page = BASE + url("version", notice, number=1)
    assert document["foaf:page"] == {"@id": page}
    assert document["dct:isVersionOf"] == {"@id": BASE + url("detail", notice)}
    assert document["dct:hasFormat"]["@id"] == BASE + url("version-jsonld", notice, number=1)
    assert document["dct:issued"] == {
        "@value": "2025-01-10T12:00:00+00:00",
        "@type": "xsd:dateTime",
    }
    assert document["dcat:version"] == "1"
    assert document["dct:title"] == "Children's social care privacy notice"
    assert document["dct:hasPart"] == {
        "@id": f"{page}#shared-block",
        "dct:title": "How the Department for Education uses this information",
        "dcat:version": "1",
        "dpv:hasDataController": {
            "@type": "dpv:DataController",
            "dpv:hasName": "Department for Education",
        },
    }


def test_blank_contact_details_are_left_out_not_written_as_empty(
    client, make_council, make_notice, publish
):
    council = make_council(dpo_phone="", dpo_address="", controller_phone="", website="")
    notice = make_notice(council)
    publish(notice)
    document = get_jsonld(client, url("detail-jsonld", notice))
    for node in nodes(document):
        assert all(value not in ("", None, [], {}) for value in node.values()), node
    assert "foaf:homepage" not in document["dpv:hasDataController"]


def test_durations_are_iso_8601():
    assert linked_data.iso_duration(years=25, months=0) == "P25Y"
    assert linked_data.iso_duration(years=0, months=6) == "P6M"
    assert linked_data.iso_duration(years=1, months=6) == "P1Y6M"


# Versions


def test_each_version_describes_itself_not_the_latest(client, make_notice, publish):
    notice = make_notice()
    publish(notice, "First version")
    Section.objects.filter(notice=notice, anchor="why-we-use-it").update(heading="Why we keep it")
    NoticeRecipient.objects.filter(notice=notice).update(purpose="Only in an emergency")
    publish(notice, "Renamed a section")

    first = get_jsonld(client, url("version-jsonld", notice, number=1))
    second = get_jsonld(client, url("version-jsonld", notice, number=2))
    current = get_jsonld(client, url("detail-jsonld", notice))
    assert first["@id"] == BASE + url("version", notice, number=1)
    assert first["dcat:version"] == "1"
    assert first["skos:changeNote"] == "First version"
    titles = [purpose.get("dct:title") for purpose in first["dpv:hasPurpose"]]
    assert "Why we use your information" in titles
    assert "Why we keep it" not in titles
    assert "Only in an emergency" not in json.dumps(first)
    assert second["dcat:version"] == "2"
    assert "Why we keep it" in [purpose.get("dct:title") for purpose in second["dpv:hasPurpose"]]
    assert current == second


def test_a_draft_saved_after_publishing_is_not_in_the_json_ld(client, make_notice, publish):
    notice = make_notice()
    publish(notice)
    Section.objects.filter(notice=notice).update(heading="Unpublished draft heading")
    text = client.get(url("detail-jsonld", notice)).content.decode()
    assert "Unpublished draft heading" not in text


def test_a_version_document_takes_a_fixed_number_of_queries(
    client, make_notice, publish, published_block, django_assert_num_queries
):
    notice = make_notice()
    for position in range(10, 30):
        Section.objects.create(
            notice=notice,
            position=position,
            heading=f"Purpose {position}",
            anchor=f"purpose-{position}",
            ico_item="purposes",
            body="Text",
        )
    publish(notice)
    # The council's cache stamp, the notice, the version.
    with django_assert_num_queries(3):
        client.get(url("version-jsonld", notice, number=1))


# Hostile and bad input


def test_hostile_staff_text_comes_out_as_a_plain_json_string(client, make_notice, publish):
    hostile = "</script><script>alert(1)</script>"
    notice = make_notice()
    Section.objects.filter(notice=notice, anchor="why-we-use-it").update(heading=hostile)
    NoticeRecipient.objects.filter(notice=notice).update(purpose='"quoted" & <b>bold</b>')
    publish(notice)
    response = client.get(url("detail-jsonld", notice))
    assert b"</script>" not in response.content
    assert b"<b>" not in response.content
    document = json.loads(response.content)
    assert hostile in [purpose.get("dct:title") for purpose in document["dpv:hasPurpose"]]
    assert '"quoted" & <b>bold</b>' in [
        purpose.get("dct:description") for purpose in document["dpv:hasPurpose"]
    ]


def test_the_bulk_download_keeps_hostile_text_as_data(client, make_notice, publish):
    notice = make_notice()
    Section.objects.filter(notice=notice, anchor="why-we-use-it").update(heading="</script>&")
    publish(notice)
    response = client.get(reverse("notices:bulk-json"))
    assert b"</script>" not in response.content
    sections = json.loads(response.content)["notices"][0]["snapshot"]["sections"]
    assert sections[0]["heading"] == "</script>&"


def test_query_strings_are_ignored_however_long_or_hostile(client, make_notice, publish):
    notice = make_notice()
    publish(notice)
    plain = client.get(url("detail-jsonld", notice)).content
    hostile = "?at=<script>&number=-1&" + "x" * 20_000
    assert client.get(url("detail-jsonld", notice) + hostile).content == plain
    assert client.get(reverse("notices:bulk-json") + hostile).status_code == 200


@pytest.mark.parametrize(
    "path",
    [
        "/councils/no-such-council/childrens-social-care.jsonld",
        "/councils/no-such-council/childrens-social-care/versions/1.jsonld",
    ],
)
def test_an_unknown_council_is_a_404_saying_so_in_json(client, path):
    response = client.get(path)
    assert response.status_code == 404
    assert response["Content-Type"] == "application/json; charset=utf-8"
    assert json.loads(response.content) == {"error": "No published notice here."}


def test_an_unknown_kind_of_notice_is_a_404(client, make_notice, publish):
    notice = make_notice()
    publish(notice)
    slug = notice.council.slug
    assert client.get(f"/councils/{slug}/adult-social-care.jsonld").status_code == 404
    assert client.get(f"/councils/{slug}/adult-social-care/versions/1.jsonld").status_code == 404


def test_a_notice_never_published_has_no_json_ld(client, make_notice):
    notice = make_notice()
    for path in (url("detail-jsonld", notice), url("version-jsonld", notice, number=1)):
        response = client.get(path)
        assert response.status_code == 404
        assert json.loads(response.content) == {"error": "No published notice here."}


def test_a_version_that_does_not_exist_is_a_404(client, make_notice, publish):
    notice = make_notice()
    publish(notice)
    path = f"/councils/{notice.council.slug}/{notice.kind}/versions/2.jsonld"
    response = client.get(path)
    assert response.status_code == 404
    assert json.loads(response.content) == {"error": "This notice has no version 2."}


@pytest.mark.parametrize("number", ["0", "02", "99999999999999999999999"])
def test_a_number_no_version_could_have_is_a_404_before_any_view(
    client, make_notice, publish, number
):
    notice = make_notice()
    publish(notice)
    path = f"/councils/{notice.council.slug}/{notice.kind}/versions/{number}.jsonld"
    assert client.get(path).status_code == 404


def test_a_negative_or_non_numeric_version_is_a_404(client, make_notice, publish):
    notice = make_notice()
    publish(notice)
    base = f"/councils/{notice.council.slug}/{notice.kind}/versions/"
    for number in ("-1", "one", "1.5", "%00"):
        assert client.get(f"{base}{number}.jsonld").status_code == 404


def test_only_get_and_head_are_answered(client, make_notice, publish):
    notice = make_notice()
    publish(notice)
    assert client.head(url("detail-jsonld", notice)).status_code == 200
    assert client.post(url("detail-jsonld", notice)).status_code == 405
    assert client.post(reverse("notices:bulk-json")).status_code == 405


# The bulk download


@pytest.fixture
def published_and_not(make_notice, publish):
    """Two notices with two versions each (the second with a draft edit after it), and one
    that has never been published."""
    published = []
    for _ in range(2):
        notice = make_notice()
        publish(notice, "First version")
        Section.objects.filter(notice=notice, anchor="your-rights").update(
            body="You can see your whole record."
        )
        publish(notice, "Clearer rights")
        Section.objects.filter(notice=notice, anchor="your-rights").update(
            body="An unpublished draft sentence."
        )
        published.append(notice)
    unpublished = make_notice()
    return published, unpublished


def test_the_bulk_download_is_exactly_the_current_versions(client, published_and_not):
    published, unpublished = published_and_not
    response = client.get(reverse("notices:bulk-json"))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json; charset=utf-8"
    assert response["Content-Disposition"] == (
        'attachment; filename="council-privacy-notices.json"'
    )
    document = json.loads(response.content)
    assert document["count"] == 2
    datetime.datetime.fromisoformat(document["generated_at"])
    entries = document["notices"]
    assert [entry["council"]["slug"] for entry in entries] == sorted(
        notice.council.slug for notice in published
    )
    assert unpublished.council.slug not in response.content.decode()
    assert "An unpublished draft sentence." not in response.content.decode()
    for entry in entries:
        notice = Notice.objects.get(council__slug=entry["council"]["slug"])
        latest = notice.versions.get(number=2)
        assert entry["version"] == 2
        assert entry["kind"] == "childrens-social-care"
        assert entry["snapshot"] == latest.snapshot
        assert entry["published_at"] == latest.published_at.isoformat()
        assert entry["content_hash"] == latest.content_hash
        assert entry["html_url"] == BASE + url("detail", notice)
        assert entry["version_url"] == BASE + url("version", notice, number=2)
        assert entry["jsonld_url"] == BASE + url("version-jsonld", notice, number=2)
        assert client.get(entry["jsonld_url"]).status_code == 200
        rights = next(s for s in entry["snapshot"]["sections"] if s["anchor"] == "your-rights")
        assert rights["body"] == "You can see your whole record."


def test_the_bulk_download_of_a_site_with_no_notices_is_empty_not_an_error(client):
    document = json.loads(client.get(reverse("notices:bulk-json")).content)
    assert document["count"] == 0
    assert document["notices"] == []


@pytest.mark.parametrize("councils", [2, 6])
def test_the_bulk_download_takes_two_queries_whatever_the_number_of_councils(
    client, make_notice, publish, django_assert_num_queries, councils
):
    for _ in range(councils):
        notice = make_notice()
        publish(notice)
        Section.objects.filter(notice=notice, anchor="your-rights").update(body="Changed")
        publish(notice, "Second version")
    # The site's cache stamp, then every current version with its council.
    with django_assert_num_queries(2):
        document = json.loads(client.get(reverse("notices:bulk-json")).content)
    assert document["count"] == councils


def test_every_demo_notice_has_a_json_ld_document(client, demo):
    for notice in Notice.objects.published().select_related("council"):
        for number in range(1, notice.versions.count() + 1):
            document = get_jsonld(client, url("version-jsonld", notice, number=number))
            assert document["dcat:version"] == str(number)
            assert document["dpv:hasLegalBasis"]
            assert document["dpv:hasStorageCondition"]
    bulk = json.loads(client.get(reverse("notices:bulk-json")).content)
    assert bulk["count"] == Notice.objects.published().count()

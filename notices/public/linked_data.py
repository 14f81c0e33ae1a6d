"""Machine-readable notices: a published version as JSON-LD in the W3C Data Privacy Vocabulary
(DPV), and every current notice as one JSON download.

Everything is built from the version's snapshot, so a document says what that version said when it
was published, never what a draft or a later version says. Only terms that exist in DPV 2.x and
its extensions are used (https://w3id.org/dpv, .../legal/eu/gdpr, .../legal/gb, .../loc, .../pd):
where DPV has no term for something (the Article 10 condition, what a retention period is counted
from), the text goes in a Dublin Core description rather than into an invented term.

Node identifiers are absolute and stable: the version's page for the notice, fragments of that
page for what the notice describes (its purposes, recipients, lawful bases, retention periods),
fragments of the council's page for the council as controller and its DPO.
"""

import datetime
import json
from typing import Any

from django.urls import reverse
from django.utils import timezone

from councils.models import Nation
from notices.models import IcoItem, NoticeVersion, SharedBlockVersion
from notices.publishing import history
from notices.publishing.diffing.notice import block_body
from notices.publishing.ico import ICO_CONTACT

JSONLD_CONTENT_TYPE = "application/ld+json; charset=utf-8"
BULK_FILENAME = "council-privacy-notices.json"

JSONLD_CONTEXT = {
    "dpv": "https://w3id.org/dpv#",
    "eu-gdpr": "https://w3id.org/dpv/legal/eu/gdpr#",
    "legal-gb": "https://w3id.org/dpv/legal/gb#",
    "loc": "https://w3id.org/dpv/loc#",
    "pd": "https://w3id.org/dpv/pd#",
    "dct": "http://purl.org/dc/terms/",
    # Dublin Core has no property for a version number; DCAT 3's dcat:version is the W3C one.
    "dcat": "http://www.w3.org/ns/dcat#",
    "foaf": "http://xmlns.com/foaf/0.1/",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
}

# A lawful basis row's provision -> its DPV GDPR-extension concept. The UK GDPR keeps the EU
# GDPR's article numbers, and DPV has no UK GDPR articles of its own, so the EU concepts are the
# nearest published terms. DPV has no concept for Article 10 (criminal offence data): None, and
# the basis is described in words and linked to the article on legislation.gov.uk.
PROVISION_IRIS: dict[str, str | None] = {
    "A6-1-a": "eu-gdpr:A6-1-a",
    "A6-1-b": "eu-gdpr:A6-1-b",
    "A6-1-c": "eu-gdpr:A6-1-c",
    "A6-1-d": "eu-gdpr:A6-1-d",
    "A6-1-e": "eu-gdpr:A6-1-e",
    "A6-1-ea": None,  # UK only (Data (Use and Access) Act 2025): no EU concept
    "A6-1-f": "eu-gdpr:A6-1-f",
    "A9-2-a": "eu-gdpr:A9-2-a",
    "A9-2-b": "eu-gdpr:A9-2-b",
    "A9-2-c": "eu-gdpr:A9-2-c",
    "A9-2-f": "eu-gdpr:A9-2-f",
    "A9-2-g": "eu-gdpr:A9-2-g",
    "A9-2-h": "eu-gdpr:A9-2-h",
    "A9-2-i": "eu-gdpr:A9-2-i",
    "A9-2-j": "eu-gdpr:A9-2-j",
    "A10": None,
}

# The UK GDPR as published on legislation.gov.uk, by article number ("6", "9", "10").
UK_GDPR_ARTICLE_URL = "https://www.legislation.gov.uk/eur/2016/679/article/{article}"

# Rights every notice of this kind tells people about: UK GDPR Articles 15 to 22 and the right to
# complain to the ICO (Article 77).
DATA_SUBJECT_RIGHTS: tuple[str, ...] = (
    "eu-gdpr:A15",  # access
    "eu-gdpr:A16",  # rectification
    "eu-gdpr:A17",  # erasure
    "eu-gdpr:A18",  # restriction of processing
    "eu-gdpr:A19",  # being told of rectification, erasure or restriction
    "eu-gdpr:A20",  # data portability
    "eu-gdpr:A21",  # objecting
    "eu-gdpr:A22",  # decisions made by automated means alone
    "eu-gdpr:A77",  # complaining to the supervisory authority (the ICO)
)
# Only where the council relies on consent (Article 6(1)(a) or 9(2)(a)).
WITHDRAW_CONSENT_RIGHT = "eu-gdpr:A7-3"
CONSENT_PROVISIONS = frozenset({"A6-1-a", "A9-2-a"})

# The laws of the UK that govern every notice, as DPV's UK extension names them.
APPLICABLE_LAWS: tuple[dict[str, Any], ...] = (
    {
        "@id": "legal-gb:law-GDPR",
        "@type": "dpv:Law",
        "dct:title": "UK General Data Protection Regulation (UK GDPR)",
        "rdfs:seeAlso": {"@id": "https://www.legislation.gov.uk/eur/2016/679/contents"},
    },
    {
        "@id": "legal-gb:law-DPA",
        "@type": "dpv:Law",
        "dct:title": "Data Protection Act 2018",
        "rdfs:seeAlso": {"@id": "https://www.legislation.gov.uk/ukpga/2018/12/contents"},
    },
)

# The people each kind of notice is about.
DATA_SUBJECTS_BY_KIND: dict[str, tuple[str, ...]] = {
    "childrens-social-care": (
        "dpv:Child",
        "dpv:ParentOfDataSubject",
        "dpv:GuardianOfDataSubject",
    ),
}

# How often a council shares with a recipient -> DPV's frequency concepts.
FREQUENCY_IRIS: dict[str, str] = {
    "routinely": "dpv:OftenFrequency",
    "when-necessary": "dpv:SporadicFrequency",
}

# The ICO as DPV's UK extension names it.
ICO_IRI = "legal-gb:DPA-GB"


# ISO 3166-2 codes of the nations a council can be in.
NATION_CODES = {Nation.ENGLAND: "GB-ENG", Nation.WALES: "GB-WLS", Nation.SCOTLAND: "GB-SCT"}


def nation_of(nation: str) -> dict[str, str]:
    """The council's nation: its ISO 3166-2 code and its name."""
    return {"code": NATION_CODES[nation], "name": Nation(nation).label}


def notice_jsonld(version: NoticeVersion, *, base_url: str) -> dict[str, Any]:
    """The published version as a JSON-LD document (a dpv:PrivacyNotice), from its snapshot.

    `base_url` is the site's address without a trailing slash (https://notices.example.org); every
    @id and link in the document starts with it."""
    base_url = base_url.rstrip("/")
    snapshot = version.snapshot
    notice = version.notice
    slugs = {"council_slug": notice.council.slug, "kind": notice.kind}
    page = base_url + reverse("notices:version", kwargs={**slugs, "number": version.number})
    council_page = base_url + reverse("councils:detail", kwargs={"slug": notice.council.slug})
    controller = _controller(snapshot["council"], council_page)

    recipients, sharing, sharing_purposes = _recipients(snapshot["recipients"], page)
    document = {
        "@context": JSONLD_CONTEXT,
        "@id": page,
        "@type": [
            "dpv:PrivacyNotice",
            # Children's social care data comes from the people themselves (Art. 13) and from
            # others (Art. 14): the notice answers both.
            "eu-gdpr:DirectDataCollectionNotice",
            "eu-gdpr:IndirectDataCollectionNotice",
        ],
        "dct:title": version.title,
        "dct:identifier": f"{notice.council.slug}/{notice.kind}/versions/{version.number}",
        "dcat:version": str(version.number),
        "dct:issued": _datetime(version.published_at),
        "dct:language": "en-GB",
        "skos:changeNote": version.change_note,
        "foaf:page": {"@id": page},
        "dct:isVersionOf": {"@id": base_url + reverse("notices:detail", kwargs=slugs)},
        "dct:hasFormat": {
            "@id": base_url
            + reverse("notices:version-jsonld", kwargs={**slugs, "number": version.number}),
            "dct:format": "application/ld+json",
        },
        "dct:publisher": {"@id": controller["@id"]},
        "dpv:hasDataController": controller,
        "dpv:hasJurisdiction": {"@id": "loc:GB"},
        # The nation (its ISO 3166-2 code): its law and the government its council reports to
        # differ from the others'.
        "dct:spatial": {
            "dct:identifier": NATION_CODES[notice.council.nation],
            "rdfs:label": Nation(notice.council.nation).label,
        },
        "dpv:hasApplicableLaw": list(APPLICABLE_LAWS),
        "dpv:hasAuthority": _ico(),
        "dpv:hasDataSubject": [
            {"@id": subject} for subject in DATA_SUBJECTS_BY_KIND.get(notice.kind, ())
        ],
        "dpv:hasPurpose": _section_purposes(snapshot["sections"], page) + sharing_purposes,
        "dpv:hasPersonalData": [
            _data_category(category, page) for category in snapshot["data_categories"]
        ],
        "dpv:hasRecipient": recipients,
        "dpv:hasPersonalDataProcess": sharing,
        "dpv:hasLegalBasis": [
            _lawful_basis(basis, f"{page}#lawful-basis-{number}")
            for number, basis in enumerate(snapshot["lawful_bases"], start=1)
        ],
        "dpv:hasStorageCondition": [
            _retention(period, f"{page}#retention-{number}")
            for number, period in enumerate(snapshot["retention_periods"], start=1)
        ],
        "dpv:hasRight": [{"@id": right} for right in _rights(snapshot["lawful_bases"])],
    }
    if version.shared_block_version_id is not None:
        block = version.shared_block_version
        document["dct:hasPart"] = {
            "@id": f"{page}#shared-block",
            "dct:title": block.snapshot["title"],
            "dcat:version": str(block.number),
            # The government body the block is about controls what the council sends it.
            "dpv:hasDataController": {
                "@type": "dpv:DataController",
                "dpv:hasName": block_body(block.snapshot),
            },
        }
    return _without_empty(document)


def current_notices_export(
    *, base_url: str, generated_at: datetime.datetime | None = None
) -> dict[str, Any]:
    """Every notice's current published version, with its structured content, as one document.

    One database query, however many councils there are; drafts, unpublished notices and older
    versions are never in it."""
    base_url = base_url.rstrip("/")
    versions = list(history.current_versions().defer("rendered_html"))
    blocks = _national_blocks({version.shared_block_version_id for version in versions})
    return {
        "generated_at": (generated_at or timezone.now()).isoformat(timespec="seconds"),
        "count": len(versions),
        "notices": [
            _export_entry(version, base_url, blocks.get(version.shared_block_version_id))
            for version in versions
        ],
    }


def _national_blocks(ids: set[int | None]) -> dict[int, dict[str, Any]]:
    """{block version id: the export's `national_block`}, in one query for every notice."""
    rows = SharedBlockVersion.objects.filter(pk__in=[pk for pk in ids if pk]).values_list(
        "pk", "number", "block__nation", "snapshot__body"
    )
    return {
        pk: {
            "controller": body or block_body(None),
            "nation": nation,
            "version": number,
        }
        for pk, number, nation, body in rows
    }


def to_json_text(document: dict[str, Any]) -> str:
    """Pretty-printed JSON, with <, > and & escaped (\\u003c ...) so staff text such as
    "</script>" stays inert even if the document is ever embedded in an HTML page; JSON parsers
    read the escapes back as the same characters."""
    text = json.dumps(document, indent=2, ensure_ascii=False)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def iso_duration(*, years: int, months: int) -> str:
    """An ISO 8601 duration: 'P25Y', 'P6M', 'P1Y6M'."""
    parts = (f"{years}Y" if years else "") + (f"{months}M" if months else "")
    return f"P{parts or '0D'}"


def _export_entry(
    version: NoticeVersion, base_url: str, national_block: dict[str, Any] | None
) -> dict[str, Any]:
    notice, council = version.notice, version.notice.council
    slugs = {"council_slug": council.slug, "kind": notice.kind}
    return {
        "council": {
            "name": council.name,
            "slug": council.slug,
            "url": base_url + council.get_absolute_url(),
            "nation": nation_of(council.nation),
        },
        # The shared block the version embeds, and the government body that controls what the
        # council sends it; null for a version published before any block was.
        "national_block": national_block,
        "kind": notice.kind,
        "title": version.title,
        "version": version.number,
        "published_at": version.published_at.isoformat(),
        "is_major": version.is_major,
        "change_note": version.change_note,
        "content_hash": version.content_hash,
        "html_url": base_url + reverse("notices:detail", kwargs=slugs),
        "version_url": base_url
        + reverse("notices:version", kwargs={**slugs, "number": version.number}),
        "jsonld_url": base_url
        + reverse("notices:version-jsonld", kwargs={**slugs, "number": version.number}),
        "snapshot": version.snapshot,
    }


def _controller(council: dict[str, Any], council_page: str) -> dict[str, Any]:
    dpo = {
        "@id": f"{council_page}#dpo",
        "@type": "dpv:DataProtectionOfficer",
        "dpv:hasName": council["dpo_name"],
        "dpv:hasContact": _contacts(council["dpo_email"], council["dpo_phone"]),
        "dpv:hasAddress": council["dpo_address"],
    }
    return {
        "@id": f"{council_page}#controller",
        "@type": "dpv:DataController",
        "dpv:hasName": council["name"],
        "dpv:hasContact": _contacts(council["controller_email"], council["controller_phone"]),
        "dpv:hasAddress": council["controller_address"],
        "foaf:homepage": _link(council["website"]),
        # The council's entry on the ICO's register of fee payers.
        "dpv:hasIdentifier": council["ico_registration_number"],
        "rdfs:seeAlso": _link(council["general_privacy_notice_url"]),
        "foaf:page": {"@id": council_page},
        "dpv:hasDataProtectionOfficer": dpo,
    }


def _contacts(email: str, phone: str) -> list[Any]:
    contacts: list[Any] = []
    if email:
        contacts.append({"@id": f"mailto:{email}"})
    if phone:
        contacts.append(phone)
    return contacts


def _ico() -> dict[str, Any]:
    return {
        "@id": ICO_IRI,
        "@type": "dpv:DataProtectionAuthority",
        "dpv:hasName": ICO_CONTACT["name"],
        "dpv:hasContact": ICO_CONTACT["helpline"],
        "dpv:hasAddress": ", ".join(ICO_CONTACT["address_lines"]),
        "foaf:page": {"@id": ICO_CONTACT["website"]},
        "dpv:isAuthorityFor": {"@id": "loc:GB"},
    }


def _section_purposes(sections: list[dict[str, Any]], page: str) -> list[dict[str, Any]]:
    return [
        {
            "@id": f"{page}#purpose-{section['anchor']}",
            "@type": "dpv:Purpose",
            "dct:title": section["heading"],
            "foaf:page": {"@id": f"{page}#{section['anchor']}"},
        }
        for section in sections
        if section["ico_item"] == IcoItem.PURPOSES
    ]


def _recipients(
    shares: list[dict[str, Any]], page: str
) -> tuple[list[dict[str, Any]], list[dict[str, Any]], list[dict[str, Any]]]:
    """Each recipient, each sharing with it (a process: to whom, why, how often) and each
    sharing's purpose."""
    recipients, sharing, purposes = [], [], []
    for share in shares:
        recipient_id = f"{page}#recipient-{share['slug']}"
        purpose_id = f"{page}#purpose-sharing-{share['slug']}"
        recipients.append(
            {
                "@id": recipient_id,
                "@type": "dpv:Recipient",
                "dpv:hasName": share["name"],
                "dct:identifier": share["slug"],
                "dct:type": share["kind_label"],
            }
        )
        purposes.append(
            {"@id": purpose_id, "@type": "dpv:Purpose", "dct:description": share["purpose"]}
        )
        frequency = FREQUENCY_IRIS.get(share["frequency"])
        sharing.append(
            {
                "@id": f"{page}#sharing-{share['slug']}",
                "@type": "dpv:PersonalDataProcess",
                "dct:title": f"Sharing with {share['name']}",
                "dpv:hasRecipient": {"@id": recipient_id},
                "dpv:hasPurpose": {"@id": purpose_id},
                "dpv:hasFrequency": {"@id": frequency} if frequency else None,
                "dct:description": share["frequency_label"],
            }
        )
    return recipients, sharing, purposes


def _data_category(category: dict[str, Any], page: str) -> dict[str, Any]:
    types = []
    if category["is_special_category"]:
        types.append("dpv:SpecialCategoryPersonalData")
    if category["is_criminal_offence"]:
        # Not special category data in law, but it needs an Article 10 condition as well:
        # sensitive personal data about criminal matters, in DPV's terms.
        if not category["is_special_category"]:
            types.append("dpv:SensitivePersonalData")
        types.append("pd:Criminal")
    return {
        "@id": f"{page}#data-category-{category['slug']}",
        "@type": _one_or_many(types or ["dpv:PersonalData"]),
        "dct:title": category["name"],
        "dct:identifier": category["slug"],
        "dct:description": category["description"],
        # What this council holds in the category, in its own words.
        "rdfs:comment": category["detail"],
    }


def _lawful_basis(basis: dict[str, Any], node_id: str) -> dict[str, Any]:
    concept = PROVISION_IRIS.get(basis["provision"])
    node = {
        "@id": node_id,
        "@type": _one_or_many(["dpv:LegalBasis", concept] if concept else ["dpv:LegalBasis"]),
        "dct:identifier": basis["provision"],
        "dct:title": basis["provision_label"],
        "dct:description": basis["explanation"],
        "rdfs:seeAlso": {"@id": UK_GDPR_ARTICLE_URL.format(article=basis["article"])},
        # The Acts and regulations relied on, as the council names them (one a line).
        "dpv:hasApplicableLaw": [
            {"@type": "dpv:Law", "dct:title": line.strip()}
            for line in basis["legislation"].splitlines()
            if line.strip()
        ],
    }
    if basis["schedule_1_condition"]:
        # DPA 2018 ss.10-11: this provision applies only with a Schedule 1 condition.
        node["dct:requires"] = {
            "@id": f"{node_id}-schedule-1",
            "@type": "dpv:LegalBasis",
            "dct:title": f"Data Protection Act 2018, Schedule 1: {basis['schedule_1_condition']}",
            "dct:description": basis["schedule_1_condition"],
            "dpv:hasApplicableLaw": {"@id": "legal-gb:law-DPA"},
        }
    return node


def _retention(period: dict[str, Any], node_id: str) -> dict[str, Any]:
    at_least = "At least " if period["is_minimum"] else ""
    years_and_months = period["duration"].removeprefix("at least ")
    return {
        "@id": node_id,
        "@type": "dpv:StorageDuration",
        "dct:title": period["record_type"],
        "rdf:value": {
            "@value": iso_duration(years=period["years"], months=period["months"]),
            "@type": "xsd:duration",
        },
        # DPV has no term for the event a period is counted from; it is said in words.
        "dct:description": f"{at_least}{years_and_months}, counted from {period['trigger_label']}.",
        "dct:source": period["source"],
        "rdfs:comment": period["notes"],
    }


def _rights(lawful_bases: list[dict[str, Any]]) -> list[str]:
    rights = list(DATA_SUBJECT_RIGHTS)
    if any(basis["provision"] in CONSENT_PROVISIONS for basis in lawful_bases):
        rights.append(WITHDRAW_CONSENT_RIGHT)
    return rights


def _one_or_many(values: list[str]) -> str | list[str]:
    return values[0] if len(values) == 1 else values


def _datetime(moment: datetime.datetime) -> dict[str, str]:
    return {"@value": moment.isoformat(), "@type": "xsd:dateTime"}


def _link(url: str) -> dict[str, str] | None:
    return {"@id": url} if url else None


def _without_empty(value: Any) -> Any:
    """Leaves out properties a council left blank, so a document never says "" or null."""
    if isinstance(value, dict):
        cleaned = {key: _without_empty(item) for key, item in value.items()}
        return {key: item for key, item in cleaned.items() if item not in (None, "", [], {})}
    if isinstance(value, list):
        return [item for item in (_without_empty(item) for item in value) if item not in (None, "")]
    return value

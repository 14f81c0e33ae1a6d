"""Snapshot dicts (the format in notices/publishing/snapshots.py) for tests and benchmarks that
need no database: valid by default, with any part replaced."""

from typing import Any

# A special category data category, as a snapshot lists it: for changes that add one.
HEALTH_CATEGORY = {
    "slug": "health",
    "name": "Health",
    "description": "Health checks and medical reports.",
    "is_special_category": True,
    "is_criminal_offence": False,
    "detail": "",
}


def make_section(anchor: str, heading: str | None = None, body: str = "", **fields) -> dict:
    return {
        "anchor": anchor,
        "heading": heading or anchor.replace("-", " ").capitalize(),
        "ico_item": "purposes",
        "ico_item_label": "Purposes of processing",
        "body": body or f"What the council does about {anchor}.",
    } | fields


def make_snapshot(**overrides: Any) -> dict:
    """A valid notice snapshot (notices.publishing.snapshots, schema 1); top-level keys replaced by
    `overrides`, and `notice` and `council` merged with them."""
    snapshot: dict[str, Any] = {
        "schema": 1,
        "council": {
            "name": "Northshire County Council",
            "slug": "northshire",
            "kind": "county",
            "website": "https://northshire.example",
            "general_privacy_notice_url": "https://northshire.example/privacy",
            "controller_email": "info@northshire.example",
            "controller_phone": "01632 960000",
            "controller_address": "County Hall\nNorthtown\nNT1 1AA",
            "dpo_name": "Data Protection Officer",
            "dpo_email": "dpo@northshire.example",
            "dpo_phone": "01632 960001",
            "dpo_address": "",
            "ico_registration_number": "Z1234567",
        },
        "notice": {
            "kind": "childrens-social-care",
            "kind_label": "Children's social care",
            "title": "Children's social care privacy notice",
            "introduction": "This notice covers **children's social care**.",
            "young_people_summary": "We keep notes about you so we can help you.",
            "last_reviewed": "2025-01-10",
            "review_due": "2026-01-10",
        },
        "sections": [
            make_section(
                "why-we-use-it",
                "Why we use your information",
                "We use information to keep children safe.\n\n"
                "We also use it to plan the help a family needs.\n\n"
                "- To assess needs\n- To plan care\n- To review plans",
            ),
            make_section(
                "what-we-collect",
                "What we collect",
                "We collect names, dates of birth and addresses.\n\n"
                "We collect health information from doctors.\n\n"
                "We collect school reports.\n\n"
                "We collect notes of visits.\n\n"
                "We keep records for seven years after the case closes.",
                ico_item="categories",
                ico_item_label="Categories of personal data",
            ),
            make_section("your-rights", "Your rights", "You can ask for a copy of your records."),
            make_section("complaints", "Complaints", "You can complain to the ICO."),
        ],
        "data_categories": [
            {
                "slug": "personal-details",
                "name": "Personal details",
                "description": "Names and addresses.",
                "is_special_category": False,
                "is_criminal_offence": False,
                "detail": "Names, dates of birth and addresses.",
            },
        ],
        "recipients": [
            {
                "slug": "police",
                "name": "Police",
                "kind": "police",
                "kind_label": "Police",
                "purpose": "To protect children from harm",
                "frequency": "when-necessary",
                "frequency_label": "Only when necessary",
            },
            {
                "slug": "nhs",
                "name": "NHS",
                "kind": "health",
                "kind_label": "Health",
                "purpose": "To arrange health checks",
                "frequency": "routinely",
                "frequency_label": "Routinely",
            },
        ],
        "lawful_bases": [
            {
                "provision": "A6-1-e",
                "provision_label": "Article 6(1)(e): public task",
                "article": "6",
                "schedule_1_condition": "",
                "legislation": "Children Act 1989\nChildren Act 2004",
                "explanation": "Our duties to children in need",
            },
        ],
        "retention_periods": [
            {
                "record_type": "Looked-after children's case records",
                "trigger": "date-of-birth",
                "trigger_label": "the child's date of birth",
                "years": 75,
                "months": 0,
                "is_minimum": False,
                "duration": "75 years",
                "source": "Care Planning Regulations 2010, reg. 50",
                "notes": "",
            },
        ],
    }
    for key, value in overrides.items():
        if key in ("notice", "council"):
            snapshot[key] = snapshot[key] | value
        else:
            snapshot[key] = value
    return snapshot


def make_block(**overrides: Any) -> dict:
    return {
        "schema": 1,
        "title": "How the Department for Education uses this information",
        "introduction": "Councils must send some information to the Department for Education.",
        "parts": [
            {
                "anchor": "national-pupil-database",
                "heading": "The National Pupil Database",
                "body": "The Department keeps a national database.",
            },
            {
                "anchor": "sharing-by-the-department",
                "heading": "Sharing by the Department",
                "body": "The Department shares data with researchers under strict rules.",
            },
        ],
    } | overrides

"""The shapes of the API's answers. django-ninja turns these pydantic models into the OpenAPI
schema, so the documentation cannot drift from what the code sends."""

import datetime
from typing import Any

from ninja import Schema


class ProblemOut(Schema):
    """An RFC 9457 problem (served as application/problem+json)."""

    type: str
    title: str
    status: int
    detail: str
    instance: str
    invalid_params: list[dict[str, str]] | None = None


class NoticeLink(Schema):
    kind: str
    title: str
    url: str


class CouncilSummary(Schema):
    slug: str
    name: str
    kind: str
    url: str
    notices: list[NoticeLink]


class CouncilOut(CouncilSummary):
    website: str
    general_privacy_notice_url: str
    controller_email: str
    controller_phone: str
    dpo_name: str
    dpo_email: str
    dpo_phone: str
    ico_registration_number: str


class VersionSummary(Schema):
    council: str
    kind: str
    number: int
    title: str
    published_at: datetime.datetime
    is_major: bool
    is_shared_block_update: bool
    change_note: str
    url: str
    page_url: str


class NoticeOut(Schema):
    council: str
    kind: str
    title: str
    url: str
    page_url: str
    current_version: int
    versions: list[VersionSummary]


class VersionOut(VersionSummary):
    content_hash: str
    shared_block_version: int | None
    content: dict[str, Any]
    html: str


class BlockVersionSummary(Schema):
    kind: str
    nation: str
    body: str  # the government body the block is about: its controller
    number: int
    published_at: datetime.datetime
    is_major: bool
    change_note: str
    url: str


class BlockVersionOut(BlockVersionSummary):
    content_hash: str
    content: dict[str, Any]


class ComparisonOut(Schema):
    council: str
    kind: str
    old: int
    new: int
    has_changes: bool
    summary: list[str]
    changes: dict[str, Any]


class ChangesOut(Schema):
    changes: list[VersionSummary]
    next_before: datetime.datetime | None

"""What a site archive holds, and how its file is laid out.

An archive holds everything the site keeps that cannot be worked out again: councils, the shared
libraries, notices with their whole drafts, the shared block, every published version exactly as
stored (snapshot, hash, HTML), the audit log, and staff accounts with their groups and council
roles. Never a password hash: the file is copied around, so restored accounts get no usable
password and their owners set a new one. The search index is derived, so it is left out and
rebuilt from the versions on import (notices.publishing.search_index), as publishing would
write it.

The file is one JSON document, written and read a record per line, so that a site of hundreds of
megabytes never has to be held in memory at once:

    {"format": "council-privacy-notices-site", "format_version": 1, "exported_at": "…",
     "signature": "hmac-sha256:…", "records": [
    {"model": "councils.council", "pk": 1, "fields": {…}},
    …
    {"model": "notices.auditevent", "pk": 90, "fields": {…}}
    ]}

Primary keys are kept, so every address, anchor and link stays the same. A foreign key is its
target's pk, except a reference to an account, which is its username. Groups (other than the staff
roles' own, which `migrate` makes) are found by name, and permissions are "app_label.codename".
The header line's signature covers the whole file (notices.site_archive.signing); it is null when
the exporting site has no SITE_ARCHIVE_KEY.
"""

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.db import models
from django.utils.dateparse import parse_datetime

from councils.models import Council, CouncilMembership
from councils.roles import NATIONAL_GROUP_NAMES, ROLE_GROUPS
from notices.models import (
    AlertDelivery,
    AlertSubscription,
    AuditEvent,
    DataCategory,
    ImportUpload,
    LawfulBasis,
    LibraryProposal,
    Notice,
    NoticeDataCategory,
    NoticeRecipient,
    NoticeReview,
    NoticeSearchSection,
    NoticeSearchText,
    NoticeVersion,
    NoticeVersionPdf,
    Recipient,
    RecordKind,
    RetentionPeriod,
    Section,
    SharedBlock,
    SharedBlockPart,
    SharedBlockVersion,
)

FORMAT_NAME = "council-privacy-notices-site"
FORMAT_VERSION = 1

GROUP_LABEL = "auth.group"
ACCOUNT_LABEL = "auth.user"

# The groups `migrate` makes and keeps in line with councils.roles: never archived, always there.
ROLE_GROUP_NAMES = frozenset([*ROLE_GROUPS.values(), *NATIONAL_GROUP_NAMES])

# What an account record holds. Never the password: see the module's docstring.
ACCOUNT_FIELDS = (
    "username",
    "first_name",
    "last_name",
    "email",
    "is_active",
    "is_staff",
    "is_superuser",
    "last_login",
    "date_joined",
)

# Rows read from the database this many at a time.
EXPORT_CHUNK = 50


class ArchiveError(Exception):
    """The export or import was refused; the message says why, for the person running it."""


# The tables, in the order they are written: each after every table it refers to -------------


@dataclass(frozen=True)
class Table:
    """One model's rows in the archive, with its name in the summary."""

    model: type[models.Model]
    plural: str

    @property
    def label(self) -> str:
        return self.model._meta.label_lower

    @property
    def fields(self) -> list[models.Field]:
        """Every stored field but the pk (kept as the record's own `pk`)."""
        return [f for f in self.model._meta.concrete_fields if not f.primary_key]

    @property
    def field_names(self) -> set[str]:
        return {f.name for f in self.fields}


TABLES = [
    Table(Council, "councils"),
    Table(CouncilMembership, "council roles"),
    Table(DataCategory, "library data categories"),
    Table(Recipient, "library recipients"),
    Table(RecordKind, "library kinds of record"),
    Table(SharedBlock, "shared blocks"),
    Table(SharedBlockPart, "shared block parts"),
    Table(Notice, "notices"),
    Table(Section, "sections"),
    Table(NoticeDataCategory, "notices' data categories"),
    Table(NoticeRecipient, "notices' recipients"),
    Table(LawfulBasis, "lawful bases"),
    Table(RetentionPeriod, "retention periods"),
    Table(SharedBlockVersion, "shared block versions"),
    Table(NoticeVersion, "notice versions"),
    Table(AuditEvent, "audit events"),
    Table(LibraryProposal, "library proposals"),
]
TABLES_BY_LABEL = {table.label: table for table in TABLES}

# Rebuilt on import rather than archived: the search text by the import itself, the versions'
# PDFs (made from their stored HTML) by `make_version_pdfs` afterwards.
DERIVED_MODELS = (NoticeSearchText, NoticeSearchSection, NoticeVersionPdf)
# Neither archived nor rebuilt: a file kept for an hour between an import's review and its draft,
# and a draft's review in progress (the audit log keeps what was submitted, approved or sent back;
# after a move the editor submits again).
TRANSIENT_MODELS = (ImportUpload, NoticeReview)
# Never archived: the public's alert subscriptions (notices.alerts). Their addresses were given to
# this site for its alerts alone (the privacy page says so), and an archive is a copy anyone with
# it can read; after a move, subscribers ask again.
PRIVATE_MODELS = (AlertSubscription, AlertDelivery)

GROUP_FIELDS = {"name", "permissions"}
ACCOUNT_RECORD_FIELDS = {*ACCOUNT_FIELDS, "groups", "user_permissions"}

PLURALS = {
    GROUP_LABEL: "groups (besides the staff roles')",
    ACCOUNT_LABEL: "staff accounts",
    **{table.label: table.plural for table in TABLES},
}
KNOWN_MODELS = [GROUP_LABEL, ACCOUNT_LABEL, *TABLES_BY_LABEL]


@dataclass
class ArchiveSummary:
    """How many records of each kind were exported or imported."""

    counts: dict[str, int] = field(default_factory=lambda: dict.fromkeys(KNOWN_MODELS, 0))
    exported_at: str = ""
    # Imports only: how many notices' search text was rebuilt, and the accounts restored.
    search_texts: int = 0
    usernames: list[str] = field(default_factory=list)

    def count(self, label: str) -> None:
        self.counts[label] += 1

    def lines(self) -> list[str]:
        """'councils: 5', one line per kind, in the archive's order."""
        return [f"{PLURALS[label]}: {number}" for label, number in self.counts.items()]


# Shared by the export and the import ---------------------------------------------------------


def permission_name(permission: Permission) -> str:
    return f"{permission.content_type.app_label}.{permission.codename}"


def refers_to_accounts(model_field: models.Field) -> bool:
    return model_field.is_relation and model_field.related_model is get_user_model()


def one_line(problem: Exception) -> str:
    return " ".join(str(problem).split())


def datetime_or_none(value: Any) -> datetime | None:
    try:
        return parse_datetime(value) if isinstance(value, str) else None
    except ValueError:
        return None

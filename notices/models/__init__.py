"""The notices app's models: a council's notice and its parts, the shared libraries, the shared
block, the published versions, the audit log, the search text, and what an import leaves
waiting (its kept upload, its library proposals).

Split by noun into the modules of this package, and all re-exported here, so that
`from notices.models import Notice` is the one way in. The models import only `notices.text` and
`councils.models`.
"""

# In this order, so that the models register in the order they always have (and content types
# and permissions on a new database are made in that order).
# isort: off
from notices.models.parts import (
    MARKDOWN_HELP,
    MARKDOWN_MAX_LENGTH,
    EditableDraft,
    IcoItem,
    NoticeKind,
    OrderedMarkdownPart,
    markdown_length_validator,
)
from notices.models.shared_block import SharedBlock, SharedBlockPart, SharedBlockQuerySet
from notices.models.libraries import DataCategory, Recipient, RecordKind
from notices.models.notice import (
    LawfulBasis,
    Notice,
    NoticeDataCategory,
    NoticeQuerySet,
    NoticeRecipient,
    RetentionPeriod,
    Section,
    add_years,
    default_review_due,
)
from notices.models.versions import (
    ImmutableVersionError,
    NoticeVersion,
    NoticeVersionQuerySet,
    PublishedVersion,
    PublishedVersionQuerySet,
    SharedBlockVersion,
    SharedBlockVersionQuerySet,
)
from notices.models.audit import AuditEvent, AuditEventQuerySet
from notices.models.search import NoticeSearchSection, NoticeSearchText
from notices.models.printed import NoticeVersionPdf
from notices.models.imports import ImportUpload, LibraryProposal
from notices.models.subscriptions import (
    AlertDelivery,
    AlertDeliveryQuerySet,
    AlertSubscription,
    AlertSubscriptionQuerySet,
)
from notices.models.reviews import NoticeReview, NoticeReviewQuerySet

# isort: on

__all__ = [
    "AlertDelivery",
    "AlertDeliveryQuerySet",
    "AlertSubscription",
    "AlertSubscriptionQuerySet",
    "NoticeVersionPdf",
    "MARKDOWN_HELP",
    "MARKDOWN_MAX_LENGTH",
    "AuditEvent",
    "AuditEventQuerySet",
    "DataCategory",
    "EditableDraft",
    "IcoItem",
    "ImportUpload",
    "ImmutableVersionError",
    "LawfulBasis",
    "LibraryProposal",
    "Notice",
    "NoticeDataCategory",
    "NoticeKind",
    "NoticeQuerySet",
    "NoticeRecipient",
    "NoticeReview",
    "NoticeReviewQuerySet",
    "NoticeSearchSection",
    "NoticeSearchText",
    "NoticeVersion",
    "NoticeVersionQuerySet",
    "OrderedMarkdownPart",
    "PublishedVersion",
    "PublishedVersionQuerySet",
    "Recipient",
    "RecordKind",
    "RetentionPeriod",
    "Section",
    "SharedBlock",
    "SharedBlockPart",
    "SharedBlockQuerySet",
    "SharedBlockVersion",
    "SharedBlockVersionQuerySet",
    "add_years",
    "default_review_due",
    "markdown_length_validator",
]

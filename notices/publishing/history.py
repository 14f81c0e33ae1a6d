"""The public version history: which notices are public, which version is current, and which
version was in force on a given day."""

import datetime

from django.db.models import Exists, OuterRef, Prefetch, Subquery
from django.http import Http404
from django.utils import timezone

from notices.models import (
    Notice,
    NoticeVersion,
    NoticeVersionPdf,
    NoticeVersionQuerySet,
    SharedBlockVersion,
)
from notices.publishing.diffing.results import NoticeSide

# A version number in a URL beyond any real notice's history; bigger is answered with 404
# without asking the database, whose integer columns stop at 2**31 - 1.
MAX_VERSION_NUMBER = 1_000_000


# Whether a version's PDF has been made (notices.printing), for the version page's link.
_HAS_PDF = Exists(NoticeVersionPdf.objects.filter(version=OuterRef("pk")))


def published_notice_or_404(council_slug: str, kind: str) -> Notice:
    """The council's notice of that kind, with `latest_version_number` and
    `last_major_change_at`, if it has ever been published; otherwise 404."""
    try:
        return (
            Notice.objects.select_related("council")
            .with_publication_dates()
            .with_published_title()
            .get(council__slug=council_slug, kind=kind, latest_version_number__isnull=False)
        )
    except Notice.DoesNotExist:
        raise Http404("No published notice here.") from None


def version_or_404(notice: Notice, number: int, *, for_comparison: bool = False) -> NoticeVersion:
    """A version to show (its stored HTML; the snapshot is left in the database) or, with
    `for_comparison`, to compare (its snapshot and the block version it embeds)."""
    if not 1 <= number <= MAX_VERSION_NUMBER:
        raise Http404("No such version.")
    versions = NoticeVersion.objects.of_notice(notice)
    versions = (
        versions.select_related("shared_block_version")
        if for_comparison
        else versions.defer("snapshot").annotate(has_pdf=_HAS_PDF)
    )
    try:
        return versions.get(number=number)
    except NoticeVersion.DoesNotExist:
        raise Http404(f"This notice has no version {number}.") from None


def versions_for_comparison_or_404(
    notice: Notice, old: int, new: int
) -> tuple[NoticeVersion, NoticeVersion]:
    numbers = {old, new}
    if not all(1 <= number <= MAX_VERSION_NUMBER for number in numbers):
        raise Http404("No such version.")
    found = {
        version.number: version
        for version in NoticeVersion.objects.select_related("shared_block_version").filter(
            notice=notice, number__in=numbers
        )
    }
    missing = sorted(numbers - found.keys())
    if missing:
        raise Http404(f"This notice has no version {missing[0]}.")
    return found[old], found[new]


def history_of(notice: Notice) -> list[NoticeVersion]:
    """Every version, newest first, without the large content columns."""
    return list(
        NoticeVersion.objects.of_notice(notice)
        .select_related("shared_block_version")
        .only(
            "notice_id",
            "number",
            "title",
            "published_at",
            "change_note",
            "is_major",
            "is_shared_block_update",
            "shared_block_version__number",
        )
        .order_by("-number")
    )


def comparison_side(
    snapshot: dict, block_version: SharedBlockVersion | None, label: str
) -> NoticeSide:
    """A notice's content with the shared block version it embeds, as one side of a comparison."""
    return NoticeSide(
        snapshot=snapshot, block=block_version.snapshot if block_version else None, label=label
    )


def version_side(version: NoticeVersion) -> NoticeSide:
    return comparison_side(
        version.snapshot, version.shared_block_version, f"version {version.number}"
    )


def version_in_force_on(notice: Notice, day: datetime.date) -> NoticeVersion | None:
    """The version the public could read at the end of `day` (site time), or None if the notice
    was first published after it."""
    end_of_day = timezone.make_aware(
        datetime.datetime.combine(day + datetime.timedelta(days=1), datetime.time.min)
    )
    return (
        NoticeVersion.objects.of_notice(notice)
        .filter(published_at__lt=end_of_day)
        .defer("snapshot")
        .annotate(has_pdf=_HAS_PDF)
        .order_by("-number")
        .first()
    )


def first_version(notice: Notice) -> NoticeVersion:
    return NoticeVersion.objects.of_notice(notice).without_content().order_by("number").first()


def current_versions(kind: str | None = None) -> NoticeVersionQuerySet:
    """The latest version of every published notice (of `kind`, if given), with its notice and
    council, in council-name order: what the public reads now, and nothing older."""
    latest_number = (
        NoticeVersion.objects.filter(notice=OuterRef("notice"))
        .order_by("-number")
        .values("number")[:1]
    )
    versions = NoticeVersion.objects.filter(number=Subquery(latest_number))
    if kind is not None:
        versions = versions.filter(notice__kind=kind)
    return versions.select_related("notice__council").order_by(
        "notice__council__name", "notice__kind"
    )


def published_notices_prefetch() -> Prefetch:
    """For lists of councils: each council's published notices only."""
    return Prefetch(
        "notices",
        queryset=Notice.objects.published()
        .with_published_title()
        .order_by("kind")
        .only("council_id", "kind"),
    )


def long_date(value: datetime.date | datetime.datetime) -> str:
    """'3 March 2026'; a datetime is first put in the site's time zone."""
    if isinstance(value, datetime.datetime):
        value = timezone.localtime(value).date()
    return f"{value.day} {value:%B %Y}"

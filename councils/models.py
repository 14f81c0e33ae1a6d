import re

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator, URLValidator
from django.db import models
from django.urls import reverse
from django.utils import timezone

from councils.notices_seam import single_line_text, staff_text

# The ICO's register numbers are eight characters: "Z" then a letter or digit, then six digits
# (Z5871952, ZA123456).
ico_registration_validator = RegexValidator(
    regex=r"^Z[A-Z0-9]\d{6}$",
    message="Enter the ICO registration number as it appears on the ICO register, e.g. Z1234567.",
)

# A web origin a council's notice may be framed from: scheme, host (a leading "*." for every
# subdomain) and an optional port, nothing else, so a line can never add to the CSP header.
_EMBED_ORIGIN = re.compile(
    r"https?://(\*\.)?[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*(:[0-9]{1,5})?"
)
MAX_EMBED_ORIGINS = 20


def embed_origin_lines(text: str) -> list[str]:
    """The origins in the admin's text box: one a line, blank lines skipped, a trailing slash
    dropped, lower case."""
    return [line.strip().rstrip("/").lower() for line in text.splitlines() if line.strip()]


def validate_embed_origins(text: str) -> None:
    lines = embed_origin_lines(text)
    if len(lines) > MAX_EMBED_ORIGINS:
        raise ValidationError(f"List at most {MAX_EMBED_ORIGINS} web addresses.")
    for line in lines:
        if not _EMBED_ORIGIN.fullmatch(line) or len(line) > 253:
            raise ValidationError(
                f"{line[:80]!r} is not a web address on its own. Give each one as "
                "https://www.example.gov.uk, with no path, one a line."
            )


# A complaint form is where people type about their own, often sensitive, case: a page served
# without TLS would expose it, so only https:// addresses are accepted.
https_only = URLValidator(
    schemes=["https"],
    message="Enter the complaint form's full web address, starting https:// (a form that is "
    "not served over HTTPS would send people's complaints unprotected).",
    # Its own code: a form replaces an "invalid" message with its generic "Enter a valid URL".
    code="not_https",
)


class Nation(models.TextChoices):
    """The UK nations whose councils run children's social care. In Northern Ireland, Health and
    Social Care Trusts run it, not councils, so it is not one of them."""

    ENGLAND = "england", "England"
    WALES = "wales", "Wales"
    SCOTLAND = "scotland", "Scotland"


class CouncilQuerySet(models.QuerySet):
    def by_name(self) -> "CouncilQuerySet":
        return self.order_by("name")

    def in_nation(self, nation: str) -> "CouncilQuerySet":
        return self.filter(nation=nation)


# The council's details every published version shows, in the order its snapshot keeps them
# (the order is part of each version's content hash): the details form edits exactly these.
DETAIL_FIELDS = (
    "name",
    "slug",
    "kind",
    "website",
    "general_privacy_notice_url",
    "controller_email",
    "controller_phone",
    "controller_address",
    "dpo_name",
    "dpo_email",
    "dpo_phone",
    "dpo_address",
    "ico_registration_number",
    "complaint_form_url",
    "complaint_email",
    "complaint_address",
)

# The council's own data protection complaint route (Data Protection Act 2018 s.164A, inserted by
# the Data (Use and Access) Act 2025 s.103, in force from 19 June 2026); see docs/law.md.
COMPLAINT_FIELDS = ("complaint_form_url", "complaint_email", "complaint_address")


class Council(models.Model):
    """A local authority with children's social care duties: the controller of its notices."""

    class Kind(models.TextChoices):
        # Only upper-tier authorities run children's social care.
        COUNTY = "county", "County council"
        METROPOLITAN_BOROUGH = "metropolitan-borough", "Metropolitan borough council"
        UNITARY = "unitary", "Unitary authority"
        LONDON_BOROUGH = "london-borough", "London borough council"
        CITY_CORPORATION = "city-corporation", "City corporation"
        OTHER = "other", "Other authority"

    name = models.CharField(max_length=200, unique=True, validators=[single_line_text])
    slug = models.SlugField(
        max_length=100,
        unique=True,
        help_text="Used in the council's web addresses, e.g. /councils/<slug>/. Changing it "
        "breaks links people have saved.",
    )
    kind = models.CharField(max_length=30, choices=Kind.choices)
    # Which government receives the council's children's data, and so which shared block its
    # notices embed. Kept out of DETAIL_FIELDS: the embedded block already says it, and adding
    # it there would change the content hash of every version published so far.
    nation = models.CharField(
        max_length=20,
        choices=Nation.choices,
        default=Nation.ENGLAND,
        help_text="Decides which government's section every notice of the council carries, from "
        "its next publication.",
    )
    website = models.URLField(blank=True)
    general_privacy_notice_url = models.URLField(
        "general privacy notice",
        blank=True,
        help_text="Link to the council's corporate privacy notice.",
    )

    controller_email = models.EmailField("controller email", blank=True)
    controller_phone = models.CharField(
        "controller phone", max_length=40, blank=True, validators=[single_line_text]
    )
    controller_address = models.TextField(
        "controller postal address", blank=True, max_length=1000, validators=[staff_text]
    )

    dpo_name = models.CharField(
        "DPO name or role",
        max_length=200,
        blank=True,
        help_text="A named person or a role, e.g. 'Data Protection Officer'.",
        validators=[single_line_text],
    )
    dpo_email = models.EmailField("DPO email", blank=True)
    dpo_phone = models.CharField(
        "DPO phone", max_length=40, blank=True, validators=[single_line_text]
    )
    dpo_address = models.TextField(
        "DPO postal address", blank=True, max_length=1000, validators=[staff_text]
    )

    ico_registration_number = models.CharField(
        "ICO registration number",
        max_length=8,
        blank=True,
        validators=[ico_registration_validator],
    )

    complaint_form_url = models.URLField(
        "data protection complaint form",
        max_length=500,
        blank=True,
        validators=[https_only, single_line_text],
        help_text="The web address of the council's form for complaints about how it uses "
        "personal information, e.g. https://www.example.gov.uk/data-protection-complaint. "
        "Notices cannot be published without one.",
    )
    complaint_email = models.EmailField(
        "complaints email",
        blank=True,
        validators=[single_line_text],
        help_text="Where people can email a data protection complaint, if not through the form.",
    )
    complaint_address = models.TextField(
        "complaints postal address",
        blank=True,
        max_length=1000,
        validators=[staff_text],
        help_text="Where people can post a complaint. Leave empty to use the controller's "
        "postal address.",
    )

    embed_origins = models.TextField(
        "websites that may embed the notice",
        blank=True,
        max_length=5000,
        validators=[validate_embed_origins],
        help_text="One a line, such as https://www.example.gov.uk. Only pages on these sites can "
        "show the council's notice in a frame; leave empty to allow none.",
    )

    # Bumped (notices.publishing.stamps) whenever anything the public reads about this council
    # changes: its details, a publication, a shared block update. Cached public pages are keyed
    # on it, so a bump makes every stored copy unreachable in every worker at once.
    public_revision = models.PositiveIntegerField(default=1, editable=False)
    public_changed_at = models.DateTimeField(default=timezone.now, editable=False)
    # Bumped by each save of the details form, so a stale form is refused (councils.details).
    details_revision = models.PositiveIntegerField(default=0, editable=False)
    details_saved_at = models.DateTimeField(null=True, blank=True, editable=False)
    details_saved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )

    objects = CouncilQuerySet.as_manager()

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("councils:detail", kwargs={"slug": self.slug})

    def clean(self) -> None:
        super().clean()
        self.embed_origins = "\n".join(embed_origin_lines(self.embed_origins))

    @property
    def embed_origin_list(self) -> list[str]:
        return embed_origin_lines(self.embed_origins)


class Role(models.TextChoices):
    """What a member of a council's staff may do with that council's notice."""

    EDITOR = "editor", "Editor"
    PUBLISHER = "publisher", "Publisher"


class CouncilMembershipQuerySet(models.QuerySet):
    def for_user(self, user) -> "CouncilMembershipQuerySet":
        return self.filter(user=user)


class CouncilMembership(models.Model):
    """A person on a council's staff, and their role there. What each role may do is the
    permissions of its group (see councils.roles); which council it applies to is this row."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="council_memberships"
    )
    council = models.ForeignKey(Council, on_delete=models.CASCADE, related_name="memberships")
    role = models.CharField(
        max_length=20,
        choices=Role.choices,
        help_text="Editors change the draft; publishers also publish it and change the "
        "council's contact details.",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    objects = CouncilMembershipQuerySet.as_manager()

    class Meta:
        ordering = ["council__name", "user__username"]
        verbose_name = "council membership"
        constraints = [
            models.UniqueConstraint(fields=["user", "council"], name="one_role_per_council"),
        ]

    def __str__(self) -> str:
        return f"{self.user} – {self.get_role_display()} at {self.council}"

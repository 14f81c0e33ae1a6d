"""The shared libraries every council picks from: kinds of personal data, recipients, and
kinds of record."""

from django.db import models

from notices.text.input_policy import single_line_text, staff_text


class DataCategory(models.Model):
    """A kind of personal data, from the shared library that every council picks from."""

    name = models.CharField(max_length=200, unique=True, validators=[single_line_text])
    slug = models.SlugField(max_length=100, unique=True)
    description = models.TextField(blank=True, validators=[staff_text])
    is_special_category = models.BooleanField(
        "special category data",
        default=False,
        help_text="UK GDPR Article 9: health, ethnicity, religion, sexual orientation, "
        "biometric and genetic data and the like.",
    )
    is_criminal_offence = models.BooleanField(
        "criminal offence data",
        default=False,
        help_text="UK GDPR Article 10: allegations, offences and convictions.",
    )

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "data categories"

    def __str__(self) -> str:
        return self.name


class Recipient(models.Model):
    """An organisation, or kind of organisation, that councils share data with."""

    class Kind(models.TextChoices):
        GOVERNMENT = "government", "Central government"
        LOCAL_GOVERNMENT = "local-government", "Local government"
        HEALTH = "health", "Health"
        POLICE = "police", "Police"
        EDUCATION = "education", "Education"
        JUSTICE = "justice", "Courts and justice"
        REGULATOR = "regulator", "Regulator or inspectorate"
        CARE_PROVIDER = "care-provider", "Care provider"
        VOLUNTARY = "voluntary", "Voluntary sector"
        OTHER = "other", "Other"

    name = models.CharField(max_length=200, unique=True, validators=[single_line_text])
    slug = models.SlugField(max_length=100, unique=True)
    kind = models.CharField(max_length=30, choices=Kind.choices)
    description = models.TextField(blank=True, validators=[staff_text])

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class RecordKind(models.Model):
    """A kind of record councils keep (looked-after children's case records, adoption records),
    from the shared library, so that retention periods can be compared across councils."""

    name = models.CharField(max_length=200, unique=True, validators=[single_line_text])
    slug = models.SlugField(max_length=100, unique=True)
    description = models.TextField(blank=True, validators=[staff_text])

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

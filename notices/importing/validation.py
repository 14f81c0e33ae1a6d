"""The model's own validators, run on what an import would write, before anything is written.

An admin edit goes through the model's fields (lengths, choices, and any validators they carry);
an import writes rows in bulk, which skips them. So every value the import would write is first
cleaned by the same model field, and whatever does not fit is reported naming the part it came
from: 'The section "Who we share with" is 126,000 characters long; the limit is 50,000.'
"""

from django.core.exceptions import ValidationError
from django.core.validators import EMPTY_VALUES
from django.db import models

from notices.models import (
    LawfulBasis,
    Notice,
    NoticeDataCategory,
    NoticeRecipient,
    RetentionPeriod,
    Section,
)
from notices.publishing.restoring import LAWFUL_BASIS_FIELDS, RETENTION_FIELDS, SECTION_FIELDS

# The content's key, the model its rows become, the fields written, and what to call a row.
_CHECKED: tuple[tuple[str, type[models.Model], tuple[str, ...], str], ...] = (
    ("notice", Notice, ("title", "introduction", "young_people_summary"), "The notice"),
    ("sections", Section, SECTION_FIELDS, 'The section "{heading}"'),
    ("data_categories", NoticeDataCategory, ("detail",), 'The data category "{name}"'),
    ("recipients", NoticeRecipient, ("purpose", "frequency"), 'The recipient "{name}"'),
    ("lawful_bases", LawfulBasis, LAWFUL_BASIS_FIELDS, 'The lawful basis "{provision}"'),
    ("retention_periods", RetentionPeriod, RETENTION_FIELDS, 'The retention row "{record_type}"'),
)


def content_problems(content: dict) -> list[str]:
    """What in `content` (a snapshot-shaped dict, as restoring.write_draft_content takes) the
    model fields would refuse, one plain sentence each; empty when it all fits. Empty values are
    left to the checklist: a draft may be unfinished."""
    problems: list[str] = []
    for key, model, names, label in _CHECKED:
        rows = [content[key]] if key == "notice" else content[key]
        for row in rows:
            for name in names:
                value = row.get(name)
                if value in EMPTY_VALUES:
                    continue
                field = model._meta.get_field(name)
                where = label.format_map(_Shortened(row))
                try:
                    field.clean(value, None)
                    _text_length(field, value)
                except ValidationError as error:
                    problems += [_sentence(where, field, item) for item in error.error_list]
    return problems


def _text_length(field: models.Field, value: object) -> None:
    """A TextField's max_length binds only its form field; the admin's forms enforce it, so
    this does too."""
    if (
        isinstance(field, models.TextField)
        and field.max_length
        and len(str(value)) > field.max_length
    ):
        raise ValidationError(
            "",
            code="max_length",
            params={"limit_value": field.max_length, "show_value": len(str(value))},
        )


class _Shortened(dict):
    """A row's values, each cut to a length that reads well in a message."""

    def __getitem__(self, key: str) -> str:
        text = " ".join(str(super().get(key, "")).split())
        return text if len(text) <= 60 else text[:59] + "\u2026"


def _sentence(where: str, field: models.Field, error: ValidationError) -> str:
    params = error.params or {}
    if error.code == "max_length" and "limit_value" in params:
        what = where if field.name == "body" else f"{where}: its {field.verbose_name}"
        return (
            f"{what} is {params['show_value']:,} characters long; the limit is "
            f"{params['limit_value']:,}. Split it with more headings, or shorten it, and import "
            "again."
        )
    message = error.message % params if params else error.message
    return f"{where}, {field.verbose_name}: {message}"

"""The input policy (notices.text.input_policy) on every staff text field, and a pass over the
rows already stored: drafts, library rows and councils' details are cleaned (refused characters
removed, line endings made LF) and each cleaned field is reported; published versions are never
changed, only reported, since the feeds and pages drop such characters when they write XML."""

import django.core.validators
import notices.text.input_policy
from django.db import migrations, models

from notices.text.input_policy import StaffTextValidator, cleaned, first_refused

# Rows that may be cleaned: (app, model) of drafts, library rows and councils.
CLEANED_MODELS = (
    ("councils", "Council"),
    ("notices", "DataCategory"),
    ("notices", "Recipient"),
    ("notices", "RecordKind"),
    ("notices", "Notice"),
    ("notices", "Section"),
    ("notices", "NoticeDataCategory"),
    ("notices", "NoticeRecipient"),
    ("notices", "LawfulBasis"),
    ("notices", "RetentionPeriod"),
    ("notices", "SharedBlock"),
    ("notices", "SharedBlockPart"),
)
# Published versions: reported only, never changed.
REPORTED_MODELS = (("notices", "NoticeVersion"), ("notices", "SharedBlockVersion"))


def _policy_fields(model):
    """(field name, single_line) for each field of `model` that carries the policy."""
    for field in model._meta.concrete_fields:
        for validator in getattr(field, "validators", ()):
            if isinstance(validator, StaffTextValidator):
                yield field.name, validator.single_line


def clean_and_report(apps, schema_editor):
    lines = []
    for app_label, model_name in CLEANED_MODELS:
        model = apps.get_model(app_label, model_name)
        fields = list(_policy_fields(model))
        for row in model.objects.all().iterator():
            changed = []
            for name, single_line in fields:
                value = getattr(row, name) or ""
                if first_refused(value, single_line=single_line) or "\r" in value:
                    setattr(row, name, cleaned(value, single_line=single_line))
                    changed.append(name)
            if changed:
                # .update, not .save: no signal, no revision bump, only these fields.
                model.objects.filter(pk=row.pk).update(
                    **{name: getattr(row, name) for name in changed}
                )
                lines.append(f"cleaned {model_name} {row.pk}: {', '.join(changed)}")
    for app_label, model_name in REPORTED_MODELS:
        model = apps.get_model(app_label, model_name)
        fields = list(_policy_fields(model))
        for row in model.objects.all().iterator():
            refused = [
                name
                for name, single_line in fields
                if first_refused(getattr(row, name) or "", single_line=single_line)
            ]
            if refused:
                lines.append(
                    f"left as published: {model_name} {row.pk} has refused characters in "
                    f"{', '.join(refused)} (the feeds drop them when writing)"
                )
    if lines:
        print("\n  Input policy (notices 0008):\n    " + "\n    ".join(lines))


class Migration(migrations.Migration):

    dependencies = [
        ('notices', '0007_search_text_index'),
        ('councils', '0004_input_policy'),
    ]

    operations = [
        migrations.AlterField(
            model_name='datacategory',
            name='description',
            field=models.TextField(blank=True, validators=[notices.text.input_policy.StaffTextValidator()]),
        ),
        migrations.AlterField(
            model_name='datacategory',
            name='name',
            field=models.CharField(max_length=200, unique=True, validators=[notices.text.input_policy.StaffTextValidator(single_line=True)]),
        ),
        migrations.AlterField(
            model_name='lawfulbasis',
            name='explanation',
            field=models.TextField(blank=True, help_text='What processing this basis covers.', max_length=5000, validators=[notices.text.input_policy.StaffTextValidator()]),
        ),
        migrations.AlterField(
            model_name='lawfulbasis',
            name='legislation',
            field=models.TextField(blank=True, help_text='The Acts and regulations, one per line.', max_length=5000, validators=[notices.text.input_policy.StaffTextValidator()], verbose_name='legislation relied on'),
        ),
        migrations.AlterField(
            model_name='lawfulbasis',
            name='schedule_1_condition',
            field=models.CharField(blank=True, help_text="Required for Article 9(2)(b), (g), (h), (i), (j) and Article 10, e.g. 'Part 2, paragraph 18: safeguarding of children and individuals at risk'.", max_length=300, validators=[notices.text.input_policy.StaffTextValidator(single_line=True)], verbose_name='DPA 2018 Schedule 1 condition'),
        ),
        migrations.AlterField(
            model_name='notice',
            name='introduction',
            field=models.TextField(help_text='Who the notice is for and what it covers. Markdown: **bold**, lists starting with - or 1., [link text](https://...), ## subheadings. The preview below shows it as the public will see it.', validators=[django.core.validators.MaxLengthValidator(50000), notices.text.input_policy.StaffTextValidator()]),
        ),
        migrations.AlterField(
            model_name='notice',
            name='title',
            field=models.CharField(max_length=200, validators=[notices.text.input_policy.StaffTextValidator(single_line=True)]),
        ),
        migrations.AlterField(
            model_name='notice',
            name='young_people_summary',
            field=models.TextField(help_text='A short, plain-language version for the children and young people the notice is about: short sentences, everyday words. Markdown: **bold**, lists starting with - or 1., [link text](https://...), ## subheadings. The preview below shows it as the public will see it.', validators=[django.core.validators.MaxLengthValidator(50000), notices.text.input_policy.StaffTextValidator()], verbose_name='summary for children and young people'),
        ),
        migrations.AlterField(
            model_name='noticedatacategory',
            name='detail',
            field=models.TextField(blank=True, help_text='What exactly this council holds in this category.', max_length=5000, validators=[notices.text.input_policy.StaffTextValidator()]),
        ),
        migrations.AlterField(
            model_name='noticerecipient',
            name='purpose',
            field=models.TextField(max_length=5000, validators=[notices.text.input_policy.StaffTextValidator()], verbose_name='why the council shares'),
        ),
        migrations.AlterField(
            model_name='noticeversion',
            name='change_note',
            field=models.TextField(max_length=2000, validators=[notices.text.input_policy.StaffTextValidator()]),
        ),
        migrations.AlterField(
            model_name='noticeversion',
            name='title',
            field=models.CharField(max_length=200, validators=[notices.text.input_policy.StaffTextValidator(single_line=True)]),
        ),
        migrations.AlterField(
            model_name='recipient',
            name='description',
            field=models.TextField(blank=True, validators=[notices.text.input_policy.StaffTextValidator()]),
        ),
        migrations.AlterField(
            model_name='recipient',
            name='name',
            field=models.CharField(max_length=200, unique=True, validators=[notices.text.input_policy.StaffTextValidator(single_line=True)]),
        ),
        migrations.AlterField(
            model_name='recordkind',
            name='description',
            field=models.TextField(blank=True, validators=[notices.text.input_policy.StaffTextValidator()]),
        ),
        migrations.AlterField(
            model_name='recordkind',
            name='name',
            field=models.CharField(max_length=200, unique=True, validators=[notices.text.input_policy.StaffTextValidator(single_line=True)]),
        ),
        migrations.AlterField(
            model_name='retentionperiod',
            name='notes',
            field=models.TextField(blank=True, max_length=5000, validators=[notices.text.input_policy.StaffTextValidator()]),
        ),
        migrations.AlterField(
            model_name='retentionperiod',
            name='record_type',
            field=models.CharField(max_length=200, validators=[notices.text.input_policy.StaffTextValidator(single_line=True)]),
        ),
        migrations.AlterField(
            model_name='retentionperiod',
            name='source',
            field=models.CharField(blank=True, help_text='The law or guidance that sets the period.', max_length=300, validators=[notices.text.input_policy.StaffTextValidator(single_line=True)]),
        ),
        migrations.AlterField(
            model_name='section',
            name='body',
            field=models.TextField(help_text='Markdown: **bold**, lists starting with - or 1., [link text](https://...), ## subheadings. The preview below shows it as the public will see it.', validators=[django.core.validators.MaxLengthValidator(50000), notices.text.input_policy.StaffTextValidator()]),
        ),
        migrations.AlterField(
            model_name='section',
            name='heading',
            field=models.CharField(max_length=200, validators=[notices.text.input_policy.StaffTextValidator(single_line=True)]),
        ),
        migrations.AlterField(
            model_name='sharedblock',
            name='introduction',
            field=models.TextField(blank=True, help_text='Markdown: **bold**, lists starting with - or 1., [link text](https://...), ## subheadings. The preview below shows it as the public will see it.', validators=[django.core.validators.MaxLengthValidator(50000), notices.text.input_policy.StaffTextValidator()]),
        ),
        migrations.AlterField(
            model_name='sharedblock',
            name='title',
            field=models.CharField(max_length=200, validators=[notices.text.input_policy.StaffTextValidator(single_line=True)]),
        ),
        migrations.AlterField(
            model_name='sharedblockpart',
            name='body',
            field=models.TextField(help_text='Markdown: **bold**, lists starting with - or 1., [link text](https://...), ## subheadings. The preview below shows it as the public will see it.', validators=[django.core.validators.MaxLengthValidator(50000), notices.text.input_policy.StaffTextValidator()]),
        ),
        migrations.AlterField(
            model_name='sharedblockpart',
            name='heading',
            field=models.CharField(max_length=200, validators=[notices.text.input_policy.StaffTextValidator(single_line=True)]),
        ),
        migrations.AlterField(
            model_name='sharedblockversion',
            name='change_note',
            field=models.TextField(max_length=2000, validators=[notices.text.input_policy.StaffTextValidator()]),
        ),
        migrations.RunPython(clean_and_report, migrations.RunPython.noop),
    ]

"""The error summary at the top of every staff form that failed (GOV.UK's error summary pattern):
each problem in words, linked to the field it is about, so nobody has to scroll to find what a
refused save refused."""

from dataclasses import dataclass

from django import forms, template

register = template.Library()


@dataclass(frozen=True)
class ErrorItem:
    message: str
    # The id of the field to jump to; empty for a problem with the form as a whole.
    target: str = ""


@register.simple_tag(takes_context=True)
def error_summary_items(context: template.Context) -> list[ErrorItem]:
    """Every error on the page's forms: the admin's change form and its inlines, or the page's
    own `form` (sign-in, publish, import, restore, set password)."""
    items: list[ErrorItem] = []
    adminform = context.get("adminform")
    if adminform is not None:
        items += _form_items(adminform.form)
        for inline in context.get("inline_admin_formsets") or ():
            items += _formset_items(inline.formset, str(inline.opts.verbose_name))
    form = context.get("form")
    if isinstance(form, forms.BaseForm) and (adminform is None or form is not adminform.form):
        items += _form_items(form)
    return items


def _form_items(form: forms.BaseForm, row: str = "") -> list[ErrorItem]:
    if not form.is_bound:
        return []
    items = [ErrorItem(f"{row}{message}") for message in form.non_field_errors()]
    for name, messages in form.errors.items():
        if name == forms.forms.NON_FIELD_ERRORS or name not in form.fields:
            continue
        field = form[name]
        # A hidden field has nothing to jump to, and its label means nothing to the reader.
        if field.is_hidden:
            items += [ErrorItem(f"{row}{message}") for message in messages]
            continue
        label = field.label or name
        items += [
            ErrorItem(f"{row}{label}: {message}", field.id_for_label or field.auto_id or "")
            for message in messages
        ]
    return items


def _formset_items(formset: forms.BaseFormSet, name: str) -> list[ErrorItem]:
    if not formset.is_bound:
        return []
    items = [ErrorItem(f"{name.capitalize()}: {message}") for message in formset.non_form_errors()]
    for number, form in enumerate(formset.forms, start=1):
        items += _form_items(form, row=f"{name.capitalize()} {number}, ")
    return items

from django import forms
from django.contrib import admin
from django.db import models
from django.http import HttpRequest
from markdownx.widgets import AdminMarkdownxWidget

from councils import permissions
from notices.anchors import anchor_from_heading, unique_anchor
from notices.models import (
    DataCategory,
    LawfulBasis,
    Notice,
    NoticeDataCategory,
    NoticeRecipient,
    Recipient,
    RetentionPeriod,
    Section,
    SharedBlock,
    SharedBlockPart,
)

# django-markdownx wires its editors once, on page load; this wires rows added with "Add another".
MARKDOWN_INLINE_JS = "js/admin-markdown-inlines.js"


class MarkdownWidgetsMixin:
    """Gives the named fields django-markdownx's editor with a live, sanitised preview."""

    markdown_fields: tuple[str, ...] = ()

    class Media:
        js = [MARKDOWN_INLINE_JS]

    def formfield_for_dbfield(
        self, db_field: models.Field, request: HttpRequest, **kwargs
    ) -> forms.Field | None:
        if db_field.name in self.markdown_fields:
            kwargs["widget"] = AdminMarkdownxWidget
        return super().formfield_for_dbfield(db_field, request, **kwargs)


class OrderedPartFormSet(forms.BaseInlineFormSet):
    """Makes every part's anchor unique within the submission, not only against the database."""

    def clean(self) -> None:
        # Before Django's duplicate check, which would otherwise see two empty anchors as equal.
        if not any(self.errors):
            self._fill_empty_anchors()
        super().clean()

    def _fill_empty_anchors(self) -> None:
        live_forms = [
            form for form in self.forms if form.cleaned_data and not self._should_delete_form(form)
        ]
        taken = {form.cleaned_data["anchor"] for form in live_forms if form.cleaned_data["anchor"]}
        for form in live_forms:
            if not form.cleaned_data["anchor"]:
                anchor = unique_anchor(
                    anchor_from_heading(form.cleaned_data["heading"]), taken=taken
                )
                form.cleaned_data["anchor"] = form.instance.anchor = anchor
                taken.add(anchor)


class SectionInline(MarkdownWidgetsMixin, admin.StackedInline):
    model = Section
    formset = OrderedPartFormSet
    fields = [("position", "ico_item"), ("heading", "anchor"), "body"]
    markdown_fields = ("body",)
    extra = 0


class NoticeDataCategoryInline(admin.TabularInline):
    model = NoticeDataCategory
    fields = ["position", "category", "detail"]
    autocomplete_fields = ["category"]
    extra = 0


class NoticeRecipientInline(admin.TabularInline):
    model = NoticeRecipient
    fields = ["position", "recipient", "frequency", "purpose"]
    autocomplete_fields = ["recipient"]
    extra = 0


class LawfulBasisInline(admin.StackedInline):
    model = LawfulBasis
    fields = [("position", "provision"), "schedule_1_condition", "legislation", "explanation"]
    extra = 0


class RetentionPeriodInline(admin.TabularInline):
    model = RetentionPeriod
    fields = [
        "position",
        "record_type",
        "trigger",
        "years",
        "months",
        "is_minimum",
        "source",
        "notes",
    ]
    extra = 0


@admin.register(Notice)
class NoticeAdmin(MarkdownWidgetsMixin, admin.ModelAdmin):
    list_display = ["title", "council", "kind", "last_reviewed", "review_due", "updated_at"]
    list_filter = ["kind", "council__kind"]
    list_select_related = ["council"]
    search_fields = ["title", "council__name"]
    autocomplete_fields = ["council"]
    markdown_fields = ("introduction", "young_people_summary")
    fieldsets = [
        (None, {"fields": ["council", "kind", "title"]}),
        (
            "Introduction and young people's summary",
            {"fields": ["introduction", "young_people_summary"]},
        ),
        ("Review", {"fields": [("last_reviewed", "review_due")]}),
    ]
    inlines = [
        SectionInline,
        NoticeDataCategoryInline,
        NoticeRecipientInline,
        LawfulBasisInline,
        RetentionPeriodInline,
    ]


class SharedBlockPermissions:
    """Staff may read the shared block; only national maintainers change it or its parts."""

    def has_view_permission(self, request: HttpRequest, obj: SharedBlock | None = None) -> bool:
        return permissions.can_view_shared_block(request.user)

    def has_add_permission(self, request: HttpRequest, obj: SharedBlock | None = None) -> bool:
        return permissions.can_edit_shared_block(request.user)

    def has_change_permission(self, request: HttpRequest, obj: SharedBlock | None = None) -> bool:
        return permissions.can_edit_shared_block(request.user)

    def has_delete_permission(self, request: HttpRequest, obj: SharedBlock | None = None) -> bool:
        return permissions.can_edit_shared_block(request.user)


class SharedBlockPartInline(SharedBlockPermissions, MarkdownWidgetsMixin, admin.StackedInline):
    model = SharedBlockPart
    formset = OrderedPartFormSet
    fields = ["position", ("heading", "anchor"), "body"]
    markdown_fields = ("body",)
    extra = 0


@admin.register(SharedBlock)
class SharedBlockAdmin(SharedBlockPermissions, MarkdownWidgetsMixin, admin.ModelAdmin):
    list_display = ["title", "notice_kind", "updated_at"]
    fields = ["notice_kind", "title", "introduction"]
    markdown_fields = ("introduction",)
    inlines = [SharedBlockPartInline]


@admin.register(DataCategory)
class DataCategoryAdmin(admin.ModelAdmin):
    list_display = ["name", "is_special_category", "is_criminal_offence"]
    list_filter = ["is_special_category", "is_criminal_offence"]
    search_fields = ["name", "description"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Recipient)
class RecipientAdmin(admin.ModelAdmin):
    list_display = ["name", "kind"]
    list_filter = ["kind"]
    search_fields = ["name", "description"]
    prepopulated_fields = {"slug": ["name"]}

from functools import partial

from django import forms
from django.contrib import admin
from django.db import models
from django.http import HttpRequest, HttpResponse
from django.urls import URLPattern, path
from markdownx.widgets import AdminMarkdownxWidget

from councils import permissions
from notices import admin_views
from notices.anchors import anchor_from_heading, unique_anchor
from notices.drafts import display_name, mark_saved
from notices.forms import DraftAdminForm
from notices.models import (
    DataCategory,
    LawfulBasis,
    Notice,
    NoticeDataCategory,
    NoticeRecipient,
    NoticeVersion,
    Recipient,
    RetentionPeriod,
    Section,
    SharedBlock,
    SharedBlockPart,
    SharedBlockVersion,
)
from notices.publishing import draft_status

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


class DraftAdminMixin:
    """For the admin of a draft: the save-conflict check, the record of who saved, and the
    extra staff pages (`draft_views`: url suffix -> (name, view))."""

    form = DraftAdminForm
    draft_views: dict[str, tuple[str, object]] = {}

    def save_model(self, request: HttpRequest, obj, form, change: bool) -> None:
        mark_saved(obj, request.user)
        super().save_model(request, obj, form, change)

    def get_urls(self) -> list[URLPattern]:
        opts = self.model._meta
        extra = [
            path(
                f"<path:object_id>/{suffix}",
                self.admin_site.admin_view(partial(view, self)),
                name=f"{opts.app_label}_{opts.model_name}_{name}",
            )
            for suffix, (name, view) in self.draft_views.items()
        ]
        return extra + super().get_urls()

    def render_change_form(
        self, request: HttpRequest, context: dict, add=False, change=False, form_url="", obj=None
    ) -> HttpResponse:
        if obj is not None:
            context["draft_saved_by"] = display_name(obj.updated_by) if obj.updated_by_id else None
            context.update(self.draft_status_context(request, obj))
        return super().render_change_form(request, context, add, change, form_url, obj)

    def draft_status_context(self, request: HttpRequest, obj) -> dict:
        """What the change page says about the draft against what is published."""
        return {}


@admin.register(Notice)
class NoticeAdmin(DraftAdminMixin, MarkdownWidgetsMixin, admin.ModelAdmin):
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
        ("Review", {"fields": [("last_reviewed", "review_due"), "opened_revision"]}),
    ]
    inlines = [
        SectionInline,
        NoticeDataCategoryInline,
        NoticeRecipientInline,
        LawfulBasisInline,
        RetentionPeriodInline,
    ]
    draft_views = {
        "preview/": ("preview", admin_views.preview_notice_draft),
        "publish/": ("publish", admin_views.publish_notice_view),
        "versions/": ("versions", admin_views.notice_versions_view),
        "versions/<int:number>/restore/": ("restore", admin_views.restore_version_view),
    }

    def draft_status_context(self, request: HttpRequest, obj: Notice) -> dict:
        return {
            "publication": draft_status(obj),
            "can_publish": permissions.can_publish_notice(request.user, obj),
        }


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
class SharedBlockAdmin(
    DraftAdminMixin, SharedBlockPermissions, MarkdownWidgetsMixin, admin.ModelAdmin
):
    list_display = ["title", "notice_kind", "updated_at"]
    fields = ["notice_kind", "title", "introduction", "opened_revision"]
    markdown_fields = ("introduction",)
    inlines = [SharedBlockPartInline]
    draft_views = {"publish/": ("publish", admin_views.publish_shared_block_view)}

    def draft_status_context(self, request: HttpRequest, obj: SharedBlock) -> dict:
        return {
            "latest_version": SharedBlockVersion.objects.filter(block=obj)
            .order_by("-number")
            .first(),
            "can_publish": permissions.can_publish_shared_block(request.user),
        }


class PublishedVersionAdmin(admin.ModelAdmin):
    """Published versions can be read in the admin, never added, changed or deleted."""

    actions = None

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj=None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj=None) -> bool:
        return False


@admin.register(NoticeVersion)
class NoticeVersionAdmin(PublishedVersionAdmin):
    list_display = ["__str__", "published_at", "is_major", "is_shared_block_update"]
    list_filter = ["is_major", "is_shared_block_update", "notice__council"]
    list_select_related = ["notice__council"]
    search_fields = ["notice__council__name", "change_note"]
    exclude = ["snapshot", "rendered_html"]

    def get_queryset(self, request: HttpRequest):
        return super().get_queryset(request).without_content()


@admin.register(SharedBlockVersion)
class SharedBlockVersionAdmin(PublishedVersionAdmin):
    list_display = ["__str__", "block", "published_at", "is_major"]
    exclude = ["snapshot"]


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

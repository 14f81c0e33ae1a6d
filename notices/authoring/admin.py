from functools import partial

from django import forms
from django.contrib import admin
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models
from django.http import HttpRequest, HttpResponse
from django.urls import URLPattern, path
from markdownx.widgets import AdminMarkdownxWidget

from councils import permissions
from councils.admin_scoping import CouncilScopedAdminMixin, CouncilScopedInlineMixin
from notices.authoring import admin_views, import_views, refusals, review_views
from notices.authoring.editor_words import PLAIN_WORDS
from notices.authoring.forms import DraftAdminForm
from notices.models import (
    AuditEvent,
    DataCategory,
    LawfulBasis,
    Notice,
    NoticeDataCategory,
    NoticeRecipient,
    NoticeVersion,
    Recipient,
    RecordKind,
    RetentionPeriod,
    Section,
    SharedBlock,
    SharedBlockPart,
    SharedBlockVersion,
)
from notices.publishing import audit
from notices.publishing.checklist import check_completeness
from notices.publishing.drafts import display_name, mark_saved
from notices.publishing.nation_law_checks import nation_law_warnings
from notices.publishing.nations import block_review_due
from notices.publishing.publish import draft_status
from notices.publishing.readability import readability_context
from notices.publishing.review import latest_review
from notices.text.anchors import anchor_from_heading, unique_anchor

# django-markdownx wires its editors once, on page load; this wires rows added with "Add another".
MARKDOWN_INLINE_JS = "js/admin-markdown-inlines.js"
# Up and down buttons for rows, and the warning before leaving with unsaved changes.
EDITOR_JS = "js/admin-notice-editor.js"


class PlainWordsMixin:
    """Labels and help for a data protection officer (editor_words), and rows put in order with
    Up and Down buttons rather than by typing numbers: the position is a hidden field that the
    editor's script renumbers from the order on screen."""

    def formfield_for_dbfield(
        self, db_field: models.Field, request: HttpRequest, **kwargs
    ) -> forms.Field | None:
        if db_field.name == "position":
            kwargs["widget"] = forms.HiddenInput
        field = super().formfield_for_dbfield(db_field, request, **kwargs)
        if field is not None and db_field.name in PLAIN_WORDS:
            label, help_text = PLAIN_WORDS[db_field.name]
            field.label = label or field.label
            field.help_text = help_text if help_text is not None else field.help_text
        return field


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


class OwnRowsFormSet(forms.BaseInlineFormSet):
    """Refuses a submitted row that is not one of the parent's own, such as an id copied from
    another council's notice. Django would drop such a row silently and report success."""

    def clean(self) -> None:
        super().clean()
        for form in self.initial_forms:
            # The posted id matched none of the parent's rows, or was left out.
            if form.instance._state.adding:
                raise ValidationError(
                    "A row in this part of the form does not belong to this notice. Nothing was "
                    "saved. Reload the page and make your changes again."
                )


class OrderedPartFormSet(OwnRowsFormSet):
    """Makes every part's anchor unique within the submission, not only against the database,
    and lets one save swap or pass on anchors between parts."""

    def save_existing_objects(self, commit: bool = True) -> list:
        if commit:
            self._free_anchors_being_changed()
        return super().save_existing_objects(commit)

    def _free_anchors_being_changed(self) -> None:
        """The database checks each anchor is unique row by row, so saving A's new anchor while B
        still holds it would fail even when B is giving it up in the same save. Rows whose anchor
        changes, and rows being deleted, first take a placeholder no real anchor can be (anchors
        are slugs); the admin's transaction undoes it all if the save fails."""
        moving = [
            form.instance.pk
            for form in self.initial_forms
            if form.instance.pk
            and (self._should_delete_form(form) or "anchor" in form.changed_data)
        ]
        for pk in moving:
            self.model.objects.filter(pk=pk).update(anchor=f"~moving~{pk}")

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


class SectionInline(
    CouncilScopedInlineMixin, PlainWordsMixin, MarkdownWidgetsMixin, admin.StackedInline
):
    model = Section
    formset = OrderedPartFormSet
    fields = ["position", "heading", "body", ("ico_item", "anchor")]
    markdown_fields = ("body",)
    extra = 0


class NoticeDataCategoryInline(CouncilScopedInlineMixin, PlainWordsMixin, admin.StackedInline):
    model = NoticeDataCategory
    formset = OwnRowsFormSet
    fields = ["position", "category", "detail"]
    autocomplete_fields = ["category"]
    extra = 0


class NoticeRecipientInline(CouncilScopedInlineMixin, PlainWordsMixin, admin.StackedInline):
    model = NoticeRecipient
    formset = OwnRowsFormSet
    fields = ["position", ("recipient", "frequency"), "purpose"]
    autocomplete_fields = ["recipient"]
    extra = 0


class LawfulBasisInline(CouncilScopedInlineMixin, PlainWordsMixin, admin.StackedInline):
    model = LawfulBasis
    formset = OwnRowsFormSet
    fields = ["position", "provision", "schedule_1_condition", "legislation", "explanation"]
    extra = 0


class RetentionPeriodInline(CouncilScopedInlineMixin, PlainWordsMixin, admin.StackedInline):
    model = RetentionPeriod
    formset = OwnRowsFormSet
    # Stacked, a few fields a line, so a row fits a 1280 px screen.
    fields = [
        "position",
        ("record_type", "record_kind"),
        ("years", "months", "is_minimum", "trigger"),
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

    def log_addition(self, request: HttpRequest, obj, message) -> None:
        super().log_addition(request, obj, message)
        audit.record_draft_saved(
            draft=obj, by=request.user, summary=audit.admin_change_text(message), created=True
        )

    def log_change(self, request: HttpRequest, obj, message) -> None:
        super().log_change(request, obj, message)
        audit.record_draft_saved(
            draft=obj, by=request.user, summary=audit.admin_change_text(message), created=False
        )

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
class NoticeAdmin(
    CouncilScopedAdminMixin,
    DraftAdminMixin,
    PlainWordsMixin,
    MarkdownWidgetsMixin,
    admin.ModelAdmin,
):
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
        "import/": ("import", import_views.import_notice_view),
        "import/<str:token>/": ("import_review", import_views.import_review_view),
        "submit-for-review/": ("submit_for_review", review_views.submit_for_review_view),
        "review/": ("review", review_views.review_view),
    }

    def get_readonly_fields(self, request: HttpRequest, obj: Notice | None = None) -> list[str]:
        # A notice stays with the council it was made for: its published versions are that
        # council's history.
        return ["council"] if obj is not None else []

    def formfield_for_foreignkey(
        self, db_field: models.ForeignKey, request: HttpRequest, **kwargs
    ) -> forms.Field | None:
        if db_field.name == "council":
            # Set here because Django's own choices (and the autocomplete widget's) would list
            # every council.
            kwargs["queryset"] = permissions.councils_with_perm(request.user, "notices.add_notice")
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def save_model(self, request: HttpRequest, obj: Notice, form, change: bool) -> None:
        if not change and not permissions.can_add_notice_for(request.user, obj.council):
            raise PermissionDenied
        super().save_model(request, obj, form, change)

    class Media:
        js = [MARKDOWN_INLINE_JS, EDITOR_JS]

    def draft_status_context(self, request: HttpRequest, obj: Notice) -> dict:
        publication = draft_status(obj)
        return {
            "publication": publication,
            "completeness": check_completeness(publication.draft_snapshot),
            **readability_context(publication.draft_snapshot),
            "nation_law_warnings": nation_law_warnings(
                publication.draft_snapshot, nation=obj.council.nation
            ),
            "can_publish": permissions.can_publish_notice(request.user, obj),
            "can_submit_for_review": permissions.can_submit_for_review(request.user, obj),
            # The review waiting (the draft is locked), or the last one, whose comment the
            # editor reads here once it is sent back.
            "review": latest_review(obj),
            # A council has one notice of each kind: another is never what an editor wants.
            "show_save_and_add_another": False,
        }


class SharedBlockPermissions:
    """Staff may read every shared block; only national admins of a block's nation change it or
    its parts (an inline is handed its parent block)."""

    def has_view_permission(self, request: HttpRequest, obj: SharedBlock | None = None) -> bool:
        return permissions.can_view_shared_block(request.user)

    def has_add_permission(self, request: HttpRequest, obj: SharedBlock | None = None) -> bool:
        return permissions.can_edit_shared_block(request.user, obj)

    def has_change_permission(self, request: HttpRequest, obj: SharedBlock | None = None) -> bool:
        return permissions.can_edit_shared_block(request.user, obj)

    def has_delete_permission(self, request: HttpRequest, obj: SharedBlock | None = None) -> bool:
        return permissions.can_edit_shared_block(request.user, obj)


class SharedBlockPartInline(
    SharedBlockPermissions, PlainWordsMixin, MarkdownWidgetsMixin, admin.StackedInline
):
    model = SharedBlockPart
    formset = OrderedPartFormSet
    fields = ["position", ("heading", "anchor"), "body"]
    markdown_fields = ("body",)
    extra = 0


@admin.register(SharedBlock)
class SharedBlockAdmin(
    DraftAdminMixin, SharedBlockPermissions, MarkdownWidgetsMixin, admin.ModelAdmin
):
    list_display = ["title", "nation", "body_name", "notice_kind", "facts_checked_on", "review_due"]
    list_filter = ["nation"]
    fields = [
        ("nation", "notice_kind"),
        "body_name",
        "title",
        "introduction",
        "references",
        ("facts_checked_on", "review_due"),
        "opened_revision",
    ]
    readonly_fields = ["review_due"]
    markdown_fields = ("introduction", "references")
    inlines = [SharedBlockPartInline]

    @admin.display(description="review due")
    def review_due(self, obj: SharedBlock) -> str:
        due = block_review_due(obj)
        return due.strftime("%-d %B %Y") if due else "No date: the facts were never checked"

    def get_readonly_fields(self, request: HttpRequest, obj: SharedBlock | None = None):
        # A block's nation and kind say which notices embed it: fixed once it exists.
        if obj is not None:
            return [*self.readonly_fields, "nation", "notice_kind"]
        return self.readonly_fields

    def formfield_for_choice_field(self, db_field, request: HttpRequest, **kwargs):
        if db_field.name == "nation":
            nations = permissions.admin_nations(request.user)
            kwargs["choices"] = [c for c in db_field.choices if c[0] in nations]
        return super().formfield_for_choice_field(db_field, request, **kwargs)

    def save_model(self, request: HttpRequest, obj: SharedBlock, form, change: bool) -> None:
        if not permissions.can_edit_shared_block(request.user, obj):
            raise PermissionDenied(refusals.cannot_touch_block(obj))
        super().save_model(request, obj, form, change)

    class Media:
        js = [MARKDOWN_INLINE_JS, EDITOR_JS]

    draft_views = {"publish/": ("publish", admin_views.publish_shared_block_view)}

    def draft_status_context(self, request: HttpRequest, obj: SharedBlock) -> dict:
        return {
            "latest_version": SharedBlockVersion.objects.filter(block=obj)
            .order_by("-number")
            .first(),
            "can_publish": permissions.can_publish_shared_block(request.user, obj),
        }


class WrittenOnceAdmin(admin.ModelAdmin):
    """For rows written once (published versions, audit events): read in the admin, never
    added, changed or deleted there."""

    actions = None

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj=None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj=None) -> bool:
        return False


@admin.register(NoticeVersion)
class NoticeVersionAdmin(CouncilScopedAdminMixin, WrittenOnceAdmin):
    council_lookup = "notice__council"
    list_display = ["__str__", "published_at", "is_major", "is_shared_block_update"]
    # Only the councils in the person's own list, not every council's name.
    list_filter = [
        "is_major",
        "is_shared_block_update",
        ("notice__council", admin.RelatedOnlyFieldListFilter),
    ]
    list_select_related = ["notice__council"]
    search_fields = ["notice__council__name", "change_note"]
    exclude = ["snapshot", "rendered_html"]

    def get_queryset(self, request: HttpRequest):
        return super().get_queryset(request).without_content()


@admin.register(SharedBlockVersion)
class SharedBlockVersionAdmin(WrittenOnceAdmin):
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


@admin.register(RecordKind)
class RecordKindAdmin(admin.ModelAdmin):
    list_display = ["name", "slug"]
    search_fields = ["name", "description"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(AuditEvent)
class AuditEventAdmin(CouncilScopedAdminMixin, WrittenOnceAdmin):
    """The audit log: read by a council's publishers (their own council's events) and national
    admins (all, including the shared block's)."""

    list_display = ["at", "actor_name", "action", "object_repr", "summary"]
    list_filter = ["action", ("council", admin.RelatedOnlyFieldListFilter)]
    search_fields = ["summary", "object_repr", "actor_name"]
    date_hierarchy = "at"
    fields = ["at", "actor_name", "action", "council", "notice", "object_repr", "summary"]

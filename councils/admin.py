from django.contrib import admin
from django.contrib.auth.admin import UserAdmin
from django.contrib.auth.models import User
from django.db import models
from django.http import HttpRequest

from councils import notices_seam, permissions, staff
from councils.admin_scoping import CouncilScopedAdminMixin
from councils.details import CouncilDetailsForm, mark_details_saved
from councils.models import Council, CouncilMembership

# What identifies a council; only national admins change it (the slug is in every link to it).
IDENTITY_FIELDS = ["name", "slug", "kind", "nation"]


@admin.register(Council)
class CouncilAdmin(CouncilScopedAdminMixin, admin.ModelAdmin):
    council_lookup = "pk"
    form = CouncilDetailsForm
    list_display = ["name", "kind", "nation", "slug", "ico_registration_number"]
    list_filter = ["nation", "kind"]
    search_fields = ["name", "slug"]
    prepopulated_fields = {"slug": ["name"]}
    view_on_site = True
    # Council staff paste addresses without a scheme; every council site is served over HTTPS.
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    fieldsets = [
        (
            None,
            {
                "fields": [
                    "name",
                    "slug",
                    ("kind", "nation"),
                    "website",
                    "general_privacy_notice_url",
                ],
                # A published version keeps the contacts it was published with.
                "description": "Changes here show on the council's page at once, and in its "
                "notices when they are next published.",
            },
        ),
        (
            "Controller contact",
            {"fields": ["controller_email", "controller_phone", "controller_address"]},
        ),
        (
            "Data Protection Officer",
            {"fields": ["dpo_name", "dpo_email", "dpo_phone", "dpo_address"]},
        ),
        (
            "Data protection complaints",
            {
                "fields": ["complaint_form_url", "complaint_email", "complaint_address"],
                # The law's words: a form that can be completed electronically and by other means.
                "description": "Since 19 June 2026 the law requires the council to take "
                "complaints about its use of personal information itself, through a form that "
                "can be filled in online, and in other ways such as by post. Notices show this "
                "route before the right to complain to the Information Commissioner's Office.",
            },
        ),
        (
            "Information Commissioner's Office",
            {"fields": ["ico_registration_number", "opened_revision"]},
        ),
        (
            "Embedding",
            {
                "fields": ["embed_origins"],
                "description": "The council's own websites that may show its notice in a frame "
                "(see the developer page).",
            },
        ),
    ]

    def get_readonly_fields(self, request: HttpRequest, obj: Council | None = None) -> list[str]:
        if permissions.is_national_admin(request.user):
            return []
        return IDENTITY_FIELDS

    def get_prepopulated_fields(self, request: HttpRequest, obj: Council | None = None) -> dict:
        return self.prepopulated_fields if permissions.is_national_admin(request.user) else {}

    def save_model(self, request: HttpRequest, obj: Council, form, change: bool) -> None:
        mark_details_saved(obj, request.user)
        super().save_model(request, obj, form, change)

    def log_change(self, request: HttpRequest, obj: Council, message) -> None:
        super().log_change(request, obj, message)
        notices_seam.record_council_change(
            council=obj, by=request.user, summary=notices_seam.admin_change_text(message)
        )


class CouncilMembershipInline(admin.TabularInline):
    model = CouncilMembership
    fields = ["council", "role"]
    autocomplete_fields = ["council"]
    extra = 0


@admin.register(CouncilMembership)
class CouncilMembershipAdmin(admin.ModelAdmin):
    """Who holds which role at which council. National admins only (by their group's
    permissions); every change keeps the person's groups in step (councils.staff)."""

    list_display = ["user", "council", "role", "created_at"]
    list_filter = ["role", "council"]
    list_select_related = ["user", "council"]
    search_fields = ["user__username", "user__email", "council__name"]
    autocomplete_fields = ["user", "council"]

    def get_readonly_fields(self, request: HttpRequest, obj: CouncilMembership | None = None):
        # A membership changes role only; a role elsewhere is a new membership.
        return ["user", "council"] if obj is not None else []

    def save_model(self, request: HttpRequest, obj: CouncilMembership, form, change: bool) -> None:
        staff.set_council_role(user=obj.user, council=obj.council, role=obj.role, by=request.user)

    def delete_model(self, request: HttpRequest, obj: CouncilMembership) -> None:
        staff.remove_council_role(membership=obj, by=request.user)

    def delete_queryset(self, request: HttpRequest, queryset) -> None:
        for membership in queryset.select_related("user", "council"):
            staff.remove_council_role(membership=membership, by=request.user)


admin.site.unregister(User)


@admin.register(User)
class StaffUserAdmin(UserAdmin):
    """Django's user admin, with each person's council roles. Only superusers make superusers
    or grant permissions one by one; national admins manage accounts and roles."""

    inlines = [CouncilMembershipInline]

    def get_readonly_fields(self, request: HttpRequest, obj: User | None = None) -> list[str]:
        readonly = list(super().get_readonly_fields(request, obj))
        if not request.user.is_superuser:
            readonly += ["is_superuser", "user_permissions"]
        return readonly

    def has_change_permission(self, request: HttpRequest, obj: User | None = None) -> bool:
        # Otherwise a national admin could set a superuser's password and sign in as them.
        if obj is not None and obj.is_superuser and not request.user.is_superuser:
            return False
        return super().has_change_permission(request, obj)

    def save_formset(self, request: HttpRequest, form, formset, change: bool) -> None:
        if formset.model is not CouncilMembership:
            return super().save_formset(request, form, formset, change)
        # Through the staff service, so groups stay in step and each change is audited.
        memberships = formset.save(commit=False)
        for membership in formset.deleted_objects:
            staff.remove_council_role(membership=membership, by=request.user)
        for membership, changed_fields in formset.changed_objects:
            if "council" in changed_fields:  # a role moved to another council: end the old one
                stored = CouncilMembership.objects.select_related("user", "council")
                staff.remove_council_role(membership=stored.get(pk=membership.pk), by=request.user)
        for membership in memberships:
            staff.set_council_role(
                user=form.instance,
                council=membership.council,
                role=membership.role,
                by=request.user,
            )

    def save_related(self, request: HttpRequest, form, formsets, change: bool) -> None:
        super().save_related(request, form, formsets, change)
        # The groups field may have been edited by hand: the role groups follow the memberships.
        staff.sync_groups(form.instance)

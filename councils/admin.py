from django.contrib import admin

from councils.models import Council


@admin.register(Council)
class CouncilAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "slug", "ico_registration_number"]
    list_filter = ["kind"]
    search_fields = ["name", "slug"]
    prepopulated_fields = {"slug": ["name"]}
    view_on_site = True
    fieldsets = [
        (None, {"fields": ["name", "slug", "kind", "website", "general_privacy_notice_url"]}),
        (
            "Controller contact",
            {"fields": ["controller_email", "controller_phone", "controller_address"]},
        ),
        (
            "Data Protection Officer",
            {"fields": ["dpo_name", "dpo_email", "dpo_phone", "dpo_address"]},
        ),
        ("Information Commissioner's Office", {"fields": ["ico_registration_number"]}),
    ]

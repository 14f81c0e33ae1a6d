from django.contrib import admin
from django.db import models

from councils.models import Council


@admin.register(Council)
class CouncilAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "slug", "ico_registration_number"]
    list_filter = ["kind"]
    search_fields = ["name", "slug"]
    prepopulated_fields = {"slug": ["name"]}
    view_on_site = True
    # Council staff paste addresses without a scheme; every council site is served over HTTPS.
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    fieldsets = [
        (
            None,
            {
                "fields": ["name", "slug", "kind", "website", "general_privacy_notice_url"],
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
        ("Information Commissioner's Office", {"fields": ["ico_registration_number"]}),
    ]

"""The staff admin site: Django's admin, with a clear page for staff who hold no role yet."""

from functools import wraps

from django.contrib import admin
from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse

from councils import permissions
from councils.sign_in import EmailSignInForm

# Pages a signed-in person may always reach, role or not: to leave, or to change their password.
_ALWAYS_ALLOWED = {"logout", "password_change", "password_change_done", "i18n_javascript"}


class NoticeAdminSite(admin.AdminSite):
    site_header = "Council privacy notices: staff"
    site_title = "Council privacy notices"
    index_title = "Notices, councils and shared libraries"
    login_form = EmailSignInForm

    def admin_view(self, view, cacheable: bool = False):
        guarded = super().admin_view(view, cacheable)
        if getattr(view, "__name__", "") in _ALWAYS_ALLOWED:
            return guarded

        @wraps(view)
        def inner(request: HttpRequest, *args, **kwargs) -> HttpResponse:
            user = request.user
            if permissions.is_active_staff(user) and not permissions.has_staff_role(user):
                return self.no_council_assigned(request)
            return guarded(request, *args, **kwargs)

        return inner

    def each_context(self, request: HttpRequest) -> dict:
        context = super().each_context(request)
        # The sidebar is Django's list of models: a national admin's map, a council's clutter.
        if not permissions.is_national_admin(request.user):
            context["is_nav_sidebar_enabled"] = False
        return context

    def index(self, request: HttpRequest, extra_context: dict | None = None) -> HttpResponse:
        """The staff home. A council's staff see their council's notices, each with its state
        and next action; national admins see what needs attention across every council, and
        the full list of what the admin holds."""
        from notices.authoring.dashboard import dashboard_for
        from notices.authoring.staff_home import staff_home_for

        if permissions.is_national_admin(request.user):
            context = {"dashboard": dashboard_for(request.user)}
        else:
            context = {
                "staff_home": staff_home_for(request.user),
                "title": "Your council's notices",
            }
        return super().index(request, {**context, **(extra_context or {})})

    def no_council_assigned(self, request: HttpRequest) -> HttpResponse:
        """Staff with no council and no national role: say so, rather than show an empty admin."""
        context = {**self.each_context(request), "title": "No council assigned"}
        return TemplateResponse(request, "admin/no_council_assigned.html", context, status=403)

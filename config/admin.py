"""The staff admin site: Django's admin, with a clear page for staff who hold no role yet."""

import re
from functools import wraps

from django.contrib import admin
from django.contrib.contenttypes.models import ContentType
from django.contrib.contenttypes.views import shortcut
from django.http import Http404, HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.urls import URLPattern, path

from councils import permissions
from councils.sign_in import EmailSignInForm
from notices.public.addresses import is_canonical_id

# Pages a signed-in person may always reach, role or not: to leave, or to change their password.
_ALWAYS_ALLOWED = {"logout", "password_change", "password_change_done", "i18n_javascript"}
# The URL arguments that carry a database id.
_ID_ARGUMENTS = ("object_id", "id", "content_type_id")
# A path part that is a number written with a leading zero, or longer than any id: Django's
# `<int:...>` would take `07` for 7, so the check looks at the path as written.
_ODD_NUMBER_PART = re.compile(r"/(?:0[0-9]*|[0-9]{19,})(?=/)")


class NoticeAdminSite(admin.AdminSite):
    site_header = "Council privacy notices: staff"
    site_title = "Council privacy notices"
    index_title = "Notices, councils and shared libraries"
    login_form = EmailSignInForm

    def admin_view(self, view, cacheable: bool = False):
        guarded = super().admin_view(_canonical_ids_only(view), cacheable)
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
        from notices.authoring.library_proposals import proposal_queue
        from notices.authoring.staff_home import staff_home_for

        if permissions.is_national_admin(request.user):
            context = {
                "dashboard": dashboard_for(request.user),
                "library_proposals": proposal_queue(request.user),
            }
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

    def get_urls(self) -> list[URLPattern]:
        # Django's own view-on-site shortcut redirects for any object of any council, which says
        # that an id exists; this one answers 404 for objects outside the person's councils.
        own = path(
            "r/<int:content_type_id>/<path:object_id>/",
            self.admin_view(self.view_on_site),
            name="view_on_site",
        )
        from notices.authoring.library_proposals import decide_library_proposal

        decide = path(
            "library-proposals/<int:proposal_id>/",
            self.admin_view(decide_library_proposal),
            name="library_proposal_decide",
        )
        return [own, decide] + [
            url for url in super().get_urls() if getattr(url, "name", None) != "view_on_site"
        ]

    def view_on_site(
        self, request: HttpRequest, content_type_id: int, object_id: str
    ) -> HttpResponse:
        if not permissions.is_national_admin(request.user):
            try:
                model = ContentType.objects.get_for_id(content_type_id).model_class()
            except ContentType.DoesNotExist:
                model = None
            model_admin = self._registry.get(model) if model is not None else None
            if model_admin is None:
                raise Http404("Nothing to show for that.")
            obj = model_admin.get_queryset(request).filter(pk=object_id).first()
            if obj is None or not model_admin.has_view_or_change_permission(request, obj):
                raise Http404("Nothing to show for that.")
        return shortcut(request, content_type_id, object_id)


def _canonical_ids_only(view):
    """A 404 for an admin URL whose id is not written the one way the admin links it: `07`,
    `0007`, an Arabic-Indic `١` (Python's int() reads it as 1) or twenty digits are all refused
    before the view looks anything up."""

    @wraps(view)
    def inner(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        for name in _ID_ARGUMENTS:
            value = kwargs.get(name)
            if isinstance(value, str) and not is_canonical_id(value):
                raise Http404("No such id.")
        if _ODD_NUMBER_PART.search(request.path_info):
            raise Http404("No such id.")
        return view(request, *args, **kwargs)

    return inner

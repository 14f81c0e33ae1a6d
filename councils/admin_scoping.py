"""Keeps each council's staff to their own council's rows everywhere in the admin: change lists,
change, delete and history pages, inlines, foreign-key choices and bulk actions. Every answer
comes from councils.permissions.

A model admin names how its model leads to a council (`council_lookup`); a person may then
view, add, change or delete a row only where their role's group holds that permission at that
row's council. Another council's row is a 404, exactly as if it did not exist.
"""

from django.contrib import admin
from django.db.models import Model, QuerySet
from django.http import Http404, HttpRequest

from councils import permissions


def _perm(model_admin: admin.options.BaseModelAdmin, action: str) -> str:
    opts = model_admin.opts
    return f"{opts.app_label}.{action}_{opts.model_name}"


def _anywhere(request: HttpRequest, perm: str) -> bool:
    council_ids = permissions.council_ids_with_perm(request.user, perm)
    return council_ids is None or bool(council_ids)


class _CouncilPermissionChecks:
    """Django's model permission checks, each narrowed to the object's council."""

    # From the object the admin passes to the checks to its council's id: "council",
    # "notice__council", or "pk" for councils themselves.
    council_lookup = "council"

    def has_view_permission(self, request: HttpRequest, obj: Model | None = None) -> bool:
        return super().has_view_permission(request, obj) and self._allows(request, "view", obj)

    def has_change_permission(self, request: HttpRequest, obj: Model | None = None) -> bool:
        return super().has_change_permission(request, obj) and self._allows(request, "change", obj)

    def has_delete_permission(self, request: HttpRequest, obj: Model | None = None) -> bool:
        return super().has_delete_permission(request, obj) and self._allows(request, "delete", obj)

    def _allows(self, request: HttpRequest, action: str, obj: Model | None) -> bool:
        perm = _perm(self, action)
        if obj is None:
            return _anywhere(request, perm)
        council_id = permissions.council_id_of(obj, self.council_lookup)
        return permissions.has_council_perm(request.user, council_id, perm)


class CouncilScopedAdminMixin(_CouncilPermissionChecks):
    """For the admin of a model whose rows each belong to one council."""

    def get_queryset(self, request: HttpRequest) -> QuerySet:
        return permissions.limit_to_councils(
            super().get_queryset(request), request.user, self.council_lookup, _perm(self, "view")
        )

    def get_object(self, request: HttpRequest, object_id: str, from_field=None) -> Model:
        # Django would redirect to the admin's index with "doesn't exist"; a plain 404 says the
        # same without a page that differs for "not yours" and "not there".
        obj = super().get_object(request, object_id, from_field)
        if obj is None:
            raise Http404(f"No {self.opts.verbose_name} with that id that you may see.")
        return obj

    def has_add_permission(self, request: HttpRequest) -> bool:
        return super().has_add_permission(request) and self._allows(request, "add", None)


class CouncilScopedInlineMixin(_CouncilPermissionChecks):
    """For an inline on a council's object. Django passes the *parent* to the permission checks,
    so `council_lookup` leads from the parent ("council" for a notice's parts). Its rows need no
    narrowing: the formset holds only the parent's (see OwnRowsFormSet for rows forged into it),
    and the parent is already one of the person's councils'."""

    def has_add_permission(self, request: HttpRequest, obj: Model | None = None) -> bool:
        return super().has_add_permission(request, obj) and self._allows(request, "add", obj)

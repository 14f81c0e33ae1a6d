"""The admin's import pages: choose a notice file once, review what importing it would do (with
nothing written), then create the draft from the same file.

The upload page reads the file as a preview first, so a file that cannot be imported is a form
error and is never kept. A readable one is kept (notices.importing.uploads) and the person is
sent to its review screen, which reads the kept bytes again: the source with each piece marked
by where it went, the draft it would make, the library names, what was not imported, the DfE
drift and what is left to complete. "Create draft" imports those same bytes. Permissions come
from councils.permissions, like every other draft page.
"""

from django.contrib import admin, messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse

from councils import permissions
from notices.authoring import refusals
from notices.authoring.admin_views import _admin_context, _change_url, _notice_for
from notices.authoring.forms import CreateDraftForm, ImportUploadForm, what_they_changed
from notices.importing.drafting import ImportRefused, import_notice_file
from notices.importing.reading import MAX_IMPORT_BYTES
from notices.importing.review import source_pieces
from notices.importing.uploads import UploadGone, forget_upload, keep_upload, kept_upload
from notices.models import Notice
from notices.publishing.drafts import DraftChangedError


def import_notice_view(model_admin: admin.ModelAdmin, request: HttpRequest, object_id: str):
    """Choose the file. A readable file is kept and the person goes on to its review."""
    notice = _draft_to_edit(model_admin, request, object_id)
    form = ImportUploadForm(request.POST or None, request.FILES or None, max_bytes=MAX_IMPORT_BYTES)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        data = upload.read()
        try:
            _preview(notice, data, upload.name, request)
        except ImportRefused as problem:
            form.add_error("file", str(problem))
        else:
            kept = keep_upload(user=request.user, notice=notice, filename=upload.name, data=data)
            return redirect(_review_url(notice, str(kept.token)))
    return _upload_page(model_admin, request, notice, form)


def import_review_view(
    model_admin: admin.ModelAdmin, request: HttpRequest, object_id: str, token: str
) -> HttpResponse:
    """What importing the kept file would do, and the button that does it."""
    notice = _draft_to_edit(model_admin, request, object_id)
    try:
        upload = kept_upload(user=request.user, notice=notice, token=token)
    except UploadGone as gone:
        form = ImportUploadForm(max_bytes=MAX_IMPORT_BYTES)
        return _upload_page(model_admin, request, notice, form, gone=str(gone), status=404)
    data = bytes(upload.data)
    form = CreateDraftForm(request.POST or None, initial={"opened_revision": notice.revision})
    if request.method == "POST" and form.is_valid():
        try:
            import_notice_file(
                council=notice.council,
                data=data,
                filename=upload.filename,
                by=request.user,
                replace=True,
                opened_revision=form.cleaned_data["opened_revision"],
            )
        except DraftChangedError as conflict:
            form.data = form.data.copy()
            form.data["opened_revision"] = conflict.current_revision
            form.add_error(
                None,
                f"{conflict}{what_they_changed(notice)} Check the review against the draft "
                "as it is now; creating the draft again will replace their save.",
            )
        except ImportRefused as problem:
            form.add_error(None, f"{problem} Nothing was imported.")
        else:
            forget_upload(upload)
            messages.success(
                request,
                f"Created the draft from {upload.filename}. Complete what the checklist lists, "
                "then publish it as usual.",
            )
            return redirect(_change_url(notice))
    try:
        report = _preview(notice, data, upload.filename, request)
    except ImportRefused as problem:  # the libraries or the block changed since it was kept
        form = ImportUploadForm(max_bytes=MAX_IMPORT_BYTES)
        return _upload_page(model_admin, request, notice, form, gone=str(problem), status=400)
    context = _admin_context(
        model_admin,
        request,
        notice,
        f"Review the import of {upload.filename}",
        form=form,
        report=report,
        pieces=source_pieces(report),
        upload=upload,
        upload_url=reverse("admin:notices_notice_import", args=[notice.pk]),
    )
    return TemplateResponse(request, "admin/notices/notice/import_review.html", context)


def _draft_to_edit(model_admin: admin.ModelAdmin, request: HttpRequest, object_id: str) -> Notice:
    return _notice_for(
        model_admin, request, object_id, permissions.can_edit_draft, refusals.cannot_edit_draft
    )


def _preview(notice: Notice, data: bytes, filename: str, request: HttpRequest):
    return import_notice_file(
        council=notice.council,
        data=data,
        filename=filename,
        by=request.user,
        replace=True,
        dry_run=True,
    )


def _upload_page(
    model_admin: admin.ModelAdmin,
    request: HttpRequest,
    notice: Notice,
    form: ImportUploadForm,
    *,
    gone: str = "",
    status: int = 200,
) -> HttpResponse:
    context = _admin_context(
        model_admin,
        request,
        notice,
        f"Import a notice into the draft: {notice}",
        form=form,
        problem=gone,
        max_megabytes=MAX_IMPORT_BYTES // 1_048_576,
    )
    return TemplateResponse(request, "admin/notices/notice/import.html", context, status=status)


def _review_url(notice: Notice, token: str) -> str:
    return reverse("admin:notices_notice_import_review", args=[notice.pk, token])

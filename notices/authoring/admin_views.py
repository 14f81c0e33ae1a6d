"""The staff pages added to the admin: preview the draft, publish it, list its published versions
and copy one back into the draft; publish the shared block. Each view checks the permission in
councils.permissions and hands the work to the domain modules."""

from collections.abc import Callable

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.safestring import mark_safe

from councils import permissions
from notices.authoring import refusals
from notices.authoring.forms import PublishForm, RestoreForm, what_they_changed
from notices.models import Notice, NoticeVersion, SharedBlock, SharedBlockVersion
from notices.publishing import history
from notices.publishing.checklist import check_completeness
from notices.publishing.diffing.notice import NoticeDiff, diff_versions
from notices.publishing.drafts import DraftChangedError, DraftUnderReviewError, display_name
from notices.publishing.nation_law_checks import nation_law_warnings
from notices.publishing.publish import DraftStatus, PublishingError, draft_status, publish_notice
from notices.publishing.readability import readability_context
from notices.publishing.rendering import render_notice_html
from notices.publishing.restoring import restore_version_to_draft
from notices.publishing.review import pending_review
from notices.publishing.shared_block import publish_shared_block
from notices.publishing.snapshots import shared_block_snapshot


def _admin_context(
    model_admin: admin.ModelAdmin, request: HttpRequest, obj, title: str, **extra
) -> dict:
    return {
        **model_admin.admin_site.each_context(request),
        "opts": model_admin.model._meta,
        "original": obj,
        "title": title,
        **extra,
    }


def _notice_for(
    model_admin: admin.ModelAdmin,
    request: HttpRequest,
    object_id: str,
    may: Callable[[permissions.User, Notice], bool],
    refusal: Callable[[Notice], str],
) -> Notice:
    """The notice, if the person may see it, and may do this to it. Another council's notice is
    a 404 (the admin's own council-limited lookup), as if it did not exist, so its id tells them
    nothing; one they may see but not do this to is a 403 saying why (`refusal`)."""
    if not str(object_id).isdigit():
        raise Http404("No such notice.")
    visible = model_admin.get_queryset(request).select_related("council", "updated_by")
    notice = get_object_or_404(visible, pk=object_id)
    if not may(request.user, notice):
        raise PermissionDenied(refusal(notice))
    return notice


def _change_url(obj) -> str:
    opts = obj._meta
    return reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[obj.pk])


def _publish_form(request: HttpRequest, draft, *, first_version: bool) -> PublishForm:
    return PublishForm(
        request.POST or None,
        first_version=first_version,
        initial={"opened_revision": draft.revision, "change_kind": "major"},
    )


def _publish_if_valid(request: HttpRequest, form: PublishForm, publish: Callable, draft):
    """Publishes `draft` with `publish` when the form was posted and is valid; a refusal goes
    onto the form. Returns what `publish` returned, or None."""
    if request.method != "POST" or not form.is_valid():
        return None
    try:
        return publish(
            draft,
            by=request.user,
            change_note=form.cleaned_data["change_note"],
            is_major=form.is_major,
            opened_revision=form.cleaned_data["opened_revision"],
        )
    except DraftChangedError as conflict:
        form.add_error(
            None,
            f"{conflict}{what_they_changed(draft)} Look at the draft and the comparison again "
            "before publishing.",
        )
        return None
    except PublishingError as refusal:
        form.add_error(None, str(refusal))
        return None


def preview_notice_draft(
    model_admin: admin.ModelAdmin, request: HttpRequest, object_id: str
) -> HttpResponse:
    """The draft exactly as the public would see it if it were published now."""
    notice = _notice_for(
        model_admin, request, object_id, permissions.can_view_draft, refusals.cannot_view_draft
    )
    status = draft_status(notice)
    block = status.block_version
    context = {
        "notice": notice,
        "council": notice.council,
        "status": status,
        "notice_html": mark_safe(  # noqa: S308 (the renderer sanitises staff text)
            render_notice_html(status.draft_snapshot, block.snapshot if block else None)
        ),
        "change_url": _change_url(notice),
    }
    response = render(request, "notices/draft_preview.html", context)
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response


def draft_changes(status: DraftStatus) -> NoticeDiff | None:
    """What publishing the draft would change against the latest version (None if nothing or no
    version yet), for the pages that ask a publisher to decide."""
    if status.latest_version is None or not status.has_unpublished_changes:
        return None
    return diff_versions(
        history.version_side(status.latest_version),
        history.comparison_side(status.draft_snapshot, status.block_version, "the draft"),
    )


def stale_draft_message(conflict: DraftChangedError, notice: Notice, doing: str) -> str:
    """A refusal for a form opened before someone else saved the draft: who, what they changed,
    and what to do."""
    return f"{conflict}{what_they_changed(notice)} Look at the draft again before {doing}."


def publish_notice_view(
    model_admin: admin.ModelAdmin, request: HttpRequest, object_id: str
) -> HttpResponse:
    notice = _notice_for(
        model_admin,
        request,
        object_id,
        permissions.can_publish_notice,
        refusals.cannot_publish_notice,
    )
    if pending_review(notice) is not None:
        # The draft waits for review: it is published by approving that review.
        messages.info(request, "This draft is waiting for review: approve it here to publish it.")
        return redirect(reverse("admin:notices_notice_review", args=[notice.pk]))
    first_version = not NoticeVersion.objects.of_notice(notice).exists()
    form = _publish_form(request, notice, first_version=first_version)
    version = _publish_if_valid(request, form, publish_notice, notice)
    if version is not None:
        messages.success(
            request, f"Published version {version.number} of {notice}. The public now sees it."
        )
        return redirect(_change_url(notice))
    # Worked out only to show the page: publishing works it out again with the draft locked.
    status = draft_status(notice)
    diff = draft_changes(status)
    context = _admin_context(
        model_admin,
        request,
        notice,
        f"Publish {notice}",
        form=form,
        status=status,
        completeness=check_completeness(status.draft_snapshot),
        **readability_context(status.draft_snapshot),
        nation_law_warnings=nation_law_warnings(
            status.draft_snapshot, nation=notice.council.nation
        ),
        diff=diff,
        draft_saved_by=display_name(notice.updated_by) if notice.updated_by_id else None,
        preview_url=reverse("admin:notices_notice_preview", args=[notice.pk]),
    )
    return TemplateResponse(request, "admin/notices/notice/publish.html", context)


def notice_versions_view(
    model_admin: admin.ModelAdmin, request: HttpRequest, object_id: str
) -> HttpResponse:
    """The published versions, for staff: who published each, and a way to restore one."""
    notice = _notice_for(
        model_admin, request, object_id, permissions.can_view_draft, refusals.cannot_view_draft
    )
    versions = (
        NoticeVersion.objects.of_notice(notice)
        .without_content()
        .select_related("published_by", "shared_block_version")
        .order_by("-number")
    )
    context = _admin_context(
        model_admin,
        request,
        notice,
        f"Published versions of {notice}",
        versions=versions,
        can_restore=permissions.can_restore_version(request.user, notice),
    )
    return TemplateResponse(request, "admin/notices/notice/versions.html", context)


def restore_version_view(
    model_admin: admin.ModelAdmin, request: HttpRequest, object_id: str, number: int
) -> HttpResponse:
    notice = _notice_for(
        model_admin, request, object_id, permissions.can_restore_version, refusals.cannot_edit_draft
    )
    version = history.version_or_404(notice, number, for_comparison=True)
    form = RestoreForm(request.POST or None, initial={"opened_revision": notice.revision})
    if request.method == "POST" and form.is_valid():
        try:
            report = restore_version_to_draft(
                notice,
                version,
                by=request.user,
                opened_revision=form.cleaned_data["opened_revision"],
            )
        except DraftChangedError as conflict:
            form.add_error(None, stale_draft_message(conflict, notice, "restoring over it"))
        except DraftUnderReviewError as locked:
            form.add_error(None, str(locked))
        else:
            messages.success(
                request,
                f"Version {version.number} is now in the draft. It is not public until you "
                "publish it.",
            )
            for problem in report.not_restored:
                messages.warning(request, f"Not restored: {problem}")
            return redirect(_change_url(notice))
    status = draft_status(notice)
    diff = diff_versions(
        history.comparison_side(status.draft_snapshot, status.block_version, "the draft"),
        history.version_side(version),
    )
    context = _admin_context(
        model_admin,
        request,
        notice,
        f"Copy version {version.number} into the draft of {notice}",
        form=form,
        version=version,
        diff=diff,
        draft_saved_by=display_name(notice.updated_by) if notice.updated_by_id else None,
    )
    return TemplateResponse(request, "admin/notices/notice/restore.html", context)


def publish_shared_block_view(
    model_admin: admin.ModelAdmin, request: HttpRequest, object_id: str
) -> HttpResponse:
    if not permissions.can_publish_shared_block(request.user):
        raise PermissionDenied(refusals.CANNOT_PUBLISH_SHARED_BLOCK)
    if not str(object_id).isdigit():
        raise Http404("No such block.")
    block = get_object_or_404(SharedBlock.objects.select_related("updated_by"), pk=object_id)
    if not permissions.can_publish_shared_block(request.user, block):
        raise PermissionDenied(refusals.cannot_touch_block(block))
    latest = SharedBlockVersion.objects.filter(block=block).order_by("-number").first()
    form = _publish_form(request, block, first_version=latest is None)
    publication = _publish_if_valid(request, form, publish_shared_block, block)
    if publication is not None:
        messages.success(
            request,
            f"Published version {publication.block_version.number} of the {block.body_name} "
            f"block. {len(publication.notice_versions)} published notices in "
            f"{block.get_nation_display()} now embed it, each with a new version.",
        )
        return redirect(_change_url(block))
    context = _admin_context(
        model_admin,
        request,
        block,
        f"Publish {block}",
        form=form,
        latest=latest,
        draft=shared_block_snapshot(block),
        draft_saved_by=display_name(block.updated_by) if block.updated_by_id else None,
        published_notices=Notice.objects.of_kind(block.notice_kind)
        .in_nation(block.nation)
        .published()
        .count(),
    )
    return TemplateResponse(request, "admin/notices/sharedblock/publish.html", context)

"""The review pages added to a notice's admin: an editor submits the draft for review, and a
publisher approves it (publishing it) or sends it back. Each view checks councils.permissions and
hands the work to notices.publishing.review."""

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse

from councils import permissions
from notices.authoring import refusals
from notices.authoring.admin_views import (
    _admin_context,
    _change_url,
    _notice_for,
    draft_changes,
    stale_draft_message,
)
from notices.authoring.forms import (
    ApproveReviewForm,
    SendBackForm,
    SubmitForReviewForm,
)
from notices.models import NoticeReview, NoticeVersion
from notices.publishing.checklist import check_completeness
from notices.publishing.drafts import DraftChangedError
from notices.publishing.publish import PublishingError, draft_status
from notices.publishing.review import (
    ReviewError,
    approve_review,
    latest_review,
    pending_review,
    send_back,
    submit_for_review,
)

APPROVE, SEND_BACK = "approve", "send-back"


def review_url(notice) -> str:
    return reverse("admin:notices_notice_review", args=[notice.pk])


def submit_for_review_view(
    model_admin: admin.ModelAdmin, request: HttpRequest, object_id: str
) -> HttpResponse:
    notice = _notice_for(
        model_admin,
        request,
        object_id,
        permissions.can_submit_for_review,
        refusals.cannot_edit_draft,
    )
    waiting = pending_review(notice)
    if waiting is not None and request.method != "POST":
        messages.info(request, "This draft is already waiting for review.")
        return redirect(review_url(notice))
    form = SubmitForReviewForm(request.POST or None, initial={"opened_revision": notice.revision})
    if request.method == "POST" and form.is_valid():
        try:
            submit_for_review(
                notice=notice,
                by=request.user,
                message=form.cleaned_data["message"],
                opened_revision=form.cleaned_data["opened_revision"],
            )
        except DraftChangedError as conflict:
            form.add_error(None, stale_draft_message(conflict, notice, "submitting it"))
        except ReviewError as refusal:
            form.add_error(None, str(refusal))
        else:
            messages.success(
                request,
                f"Submitted the draft of {notice} for review. Its publishers have been emailed; "
                "the draft is locked until one of them approves it or sends it back.",
            )
            return redirect(_change_url(notice))
    context = _admin_context(
        model_admin,
        request,
        notice,
        f"Submit {notice} for review",
        form=form,
        status=draft_status(notice),
        publishers=refusals.publishers_to_ask(notice.council),
    )
    status = 400 if form.errors else 200
    return TemplateResponse(
        request, "admin/notices/notice/submit_for_review.html", context, status=status
    )


def review_view(
    model_admin: admin.ModelAdmin, request: HttpRequest, object_id: str
) -> HttpResponse:
    """The review waiting for a decision (or the last one decided): its message, what publishing
    it would change, and, for the council's publishers, Approve and Send back."""
    notice = _notice_for(
        model_admin, request, object_id, permissions.can_view_draft, refusals.cannot_view_draft
    )
    may_decide = permissions.can_decide_review(request.user, notice)
    review = latest_review(notice)
    first_version = not NoticeVersion.objects.of_notice(notice).exists()
    initial = {"review": review.pk if review else None, "change_kind": "major"}
    decision = request.POST.get("decision") if request.method == "POST" else None
    approve_form = ApproveReviewForm(
        request.POST if decision == APPROVE else None, first_version=first_version, initial=initial
    )
    send_back_form = SendBackForm(request.POST if decision == SEND_BACK else None, initial=initial)
    form = send_back_form if decision == SEND_BACK else approve_form
    if request.method == "POST":
        if not may_decide:
            raise PermissionDenied(refusals.cannot_publish_notice(notice))
        if decision not in (APPROVE, SEND_BACK):
            form = approve_form = ApproveReviewForm(
                request.POST, first_version=first_version, initial=initial
            )
            form.is_valid()
            form.add_error(None, "Choose Approve and publish, or Send back.")
        elif form.is_valid():
            done = _decide(request, notice, form, decision)
            if done:
                return redirect(_change_url(notice))
    status = draft_status(notice)
    diff = draft_changes(status)
    context = _admin_context(
        model_admin,
        request,
        notice,
        f"Review of {notice}",
        review=review,
        may_decide=may_decide and review is not None and review.is_pending,
        form=form,
        approve_form=approve_form,
        send_back_form=send_back_form,
        status=status,
        diff=diff,
        completeness=check_completeness(status.draft_snapshot),
        preview_url=reverse("admin:notices_notice_preview", args=[notice.pk]),
    )
    code = 400 if form.is_bound and form.errors else 200
    return TemplateResponse(request, "admin/notices/notice/review.html", context, status=code)


def _decide(request: HttpRequest, notice, form, decision: str) -> bool:
    """Approves or sends back the review the form names; a refusal goes onto the form."""
    review = NoticeReview.objects.of_notice(notice).filter(pk=form.cleaned_data["review"]).first()
    if review is None:
        form.add_error(None, "That review is not this draft's. Open the page again.")
        return False
    try:
        if decision == APPROVE:
            version = approve_review(
                review=review,
                by=request.user,
                change_note=form.cleaned_data["change_note"],
                is_major=form.is_major,
            )
            messages.success(
                request, f"Approved and published version {version.number} of {notice}."
            )
        else:
            send_back(review=review, by=request.user, comment=form.cleaned_data["comment"])
            messages.success(
                request,
                "Sent the draft back with your comment. The editor has been emailed, and the "
                "draft is unlocked.",
            )
    except DraftChangedError as conflict:
        form.add_error(None, f"{conflict} The review was not decided.")
        return False
    except (ReviewError, PublishingError) as refusal:
        form.add_error(None, str(refusal))
        return False
    return True

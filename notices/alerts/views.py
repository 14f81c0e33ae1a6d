"""The public alert pages: ask for alerts, confirm them, and stop them; and the site's privacy
page, which says what the alerts keep. The rules are in notices.alerts.subscribing."""

from axes.helpers import get_client_ip_address
from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_http_methods

from councils.models import Council
from notices.alerts import subscribing, tokens
from notices.alerts.forms import SubscribeForm
from notices.alerts.messages import following_words


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def subscribe(request: HttpRequest, council_slug: str | None = None) -> HttpResponse:
    council = get_object_or_404(Council, slug=council_slug) if council_slug else None
    form = SubscribeForm(request.POST if request.method == "POST" else None, council=council)
    if request.method == "POST":
        if not form.is_valid():
            return _form_page(request, form, council, status=400)
        try:
            subscribing.request_alerts(
                email=form.cleaned_data["email"],
                council=form.followed_council(),
                client=get_client_ip_address(request) or "unknown",
            )
        except subscribing.TooManyRequests:
            return render(request, "alerts/too_many.html", status=429)
        # The same page whatever the address's state: the form tells nobody who subscribes.
        return redirect("alerts:check-email")
    return _form_page(request, form, council)


def _form_page(request, form, council, status: int = 200) -> HttpResponse:
    return render(
        request, "alerts/subscribe.html", {"form": form, "council": council}, status=status
    )


@never_cache
@require_GET
def check_email(request: HttpRequest) -> HttpResponse:
    return render(request, "alerts/check_email.html", {"days": tokens.CONFIRM_FOR.days})


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def confirm(request: HttpRequest, token: str) -> HttpResponse:
    """GET shows a button and POST confirms: a mail scanner that opens every link in an email
    must not sign someone up who never pressed it."""
    try:
        if request.method == "POST":
            subscription = subscribing.confirm(token)
            template = "alerts/confirmed.html"
        else:
            subscription = subscribing.subscription_to_confirm(token)
            template = "alerts/confirm.html"
    except tokens.ExpiredToken:
        return _link_problem(request, "expired", status=400)
    except tokens.BadToken:
        return _link_problem(request, "bad", status=400)
    except subscribing.NoSuchSubscription:
        return _link_problem(request, "gone", status=404)
    return render(request, template, {"following": following_words(subscription)})


# Mail clients POST `List-Unsubscribe=One-Click` here with no cookie and no CSRF token (RFC
# 8058); the signed link is what authorises it, and unsubscribing is all it can do.
@csrf_exempt
@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def unsubscribe(request: HttpRequest, token: str) -> HttpResponse:
    try:
        if request.method == "POST":
            subscribing.unsubscribe(token)
            return render(request, "alerts/unsubscribed.html")
        subscription = subscribing.subscription_for_unsubscribe(token)
    except tokens.BadToken:
        return _link_problem(request, "bad", status=400)
    if subscription is None:
        return render(request, "alerts/unsubscribed.html")
    return render(
        request,
        "alerts/unsubscribe.html",
        {"following": following_words(subscription), "token": token},
    )


def _link_problem(request: HttpRequest, problem: str, *, status: int) -> HttpResponse:
    return render(
        request,
        "alerts/link_problem.html",
        {"problem": problem, "days": tokens.CONFIRM_FOR.days},
        status=status,
    )


@require_GET
def privacy(request: HttpRequest) -> HttpResponse:
    context = {
        "operator": settings.SITE_OPERATOR,
        "contact_email": settings.SITE_CONTACT_EMAIL,
        "days": tokens.CONFIRM_FOR.days,
        "email_provider": settings.EMAIL_PROVIDER,
    }
    return render(request, "privacy.html", context)

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render

from councils.models import Council
from notices.history import published_notices_prefetch


def _with_notices(councils):
    return councils.prefetch_related(published_notices_prefetch())


def council_index(request: HttpRequest) -> HttpResponse:
    councils = _with_notices(Council.objects.by_name())
    return render(request, "councils/index.html", {"councils": councils})


def council_detail(request: HttpRequest, slug: str) -> HttpResponse:
    council = get_object_or_404(_with_notices(Council.objects.all()), slug=slug)
    return render(request, "councils/detail.html", {"council": council})

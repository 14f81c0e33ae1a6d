"""The council index (with its name search and kind filter) and each council's page. They are
public pages like the notices': they list each council's published notices and are served through
the page cache, so they live here rather than in the councils app."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render

from councils.directory import filter_councils, read_filter
from councils.models import Council, Nation
from councils.sort_names import sort_key
from notices.public.page_cache import for_council, for_site, public_page
from notices.publishing.history import published_notices_prefetch


def _with_notices(councils):
    return councils.prefetch_related(published_notices_prefetch())


@public_page(for_site)
def council_index(request: HttpRequest) -> HttpResponse:
    chosen = read_filter(request.GET)
    if chosen.wants_northern_ireland:
        return redirect("councils:northern-ireland")
    councils = _with_notices(filter_councils(Council.objects.by_name(), chosen))
    context = {
        # Under their place names: "London Borough of Ashcombe Vale" under A (sort_names).
        "councils": sorted(councils, key=lambda council: sort_key(council.name)),
        "chosen": chosen,
        "kinds": Council.Kind.choices,
        "nations": Nation.choices,
        "council_count": Council.objects.count() if chosen.is_active else None,
    }
    return render(request, "councils/index.html", context, status=400 if chosen.problem else 200)


@public_page(for_council)
def council_detail(request: HttpRequest, slug: str) -> HttpResponse:
    council = get_object_or_404(_with_notices(Council.objects.all()), slug=slug)
    return render(request, "councils/detail.html", {"council": council})


@public_page(for_site)
def northern_ireland(request: HttpRequest) -> HttpResponse:
    """For visitors looking for a Northern Ireland council: the site has none, and says why."""
    return render(request, "councils/northern_ireland.html")

"""The public search page: councils by name and notices by their current published words."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from notices.public.page_cache import for_site, public_page
from notices.public.search import MAX_QUERY_LENGTH, search_site


@public_page(for_site)
def search(request: HttpRequest) -> HttpResponse:
    """`/search/?q=...`: any query, however odd, is a 200 page; an empty one shows the form."""
    results = search_site(request.GET.get("q", ""))
    context = {"results": results, "max_query_length": MAX_QUERY_LENGTH}
    return render(request, "notices/search.html", context)

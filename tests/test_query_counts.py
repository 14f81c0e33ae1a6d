"""Every public page asks the database the same number of questions with 5 councils as with 400,
however many sections and versions their notices have; and once rendered, one at most.

The counts are with an empty page cache (the page is rendered) and with the stamp read from the
database (as on SQLite, or on PostgreSQL before a process starts listening): the worst case.
"""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from notices.demo.synthetic.site import build_site

KIND = "childrens-social-care"


def page_urls(slug: str, versions: int) -> dict[str, str]:
    notice = f"/councils/{slug}/{KIND}/"
    return {
        "index": "/",
        "council": f"/councils/{slug}/",
        "notice": notice,
        "notice on a date": f"{notice}?at={timezone.localdate().isoformat()}",
        "history": f"{notice}history/",
        "version": f"{notice}versions/1/",
        "compare": f"{notice}compare/1...{versions}/",
        "council feed": f"/councils/{slug}/feed/",
        "all councils feed": "/feeds/updates/",
        "comparisons": "/compare/",
        "recipients table": "/compare/recipients/",
        "data categories table": "/compare/data-categories/",
        "retention table": "/compare/retention/",
        "one recipient": "/compare/recipients/police/",
        "one kind of record": "/compare/retention/looked-after-case-records/",
        "councils side by side": f"/compare/retention/?council={slug}",
        "search": "/search/?q=information",
        "notice JSON-LD": f"/councils/{slug}/{KIND}.jsonld",
        "version JSON-LD": f"{notice}versions/1.jsonld",
        "bulk download": "/data/notices.json",
        "sitemap": "/sitemap.xml",
    }


def queries_per_page(client, slug: str, versions: int) -> dict[str, tuple[int, int]]:
    """For each page: queries to render it, then queries to serve it again."""
    counts = {}
    for name, url in page_urls(slug, versions).items():
        with CaptureQueriesContext(connection) as rendering:
            first = client.get(url)
        assert first.status_code == 200, f"{name}: {url} answered {first.status_code}"
        with CaptureQueriesContext(connection) as serving_again:
            client.get(url)
        counts[name] = (len(rendering), len(serving_again))
    return counts


# (to render it, to serve it again). Rendering reads the stamp, then the page's own data in a fixed
# number of queries; serving again reads the stamp only. Pages with a query string are rendered
# every time (they are not stored), and /compare/ is fixed text.
EXPECTED = {
    "index": (3, 1),
    "council": (3, 1),
    "notice": (3, 1),
    "notice on a date": (3, 3),
    "history": (3, 1),
    "version": (3, 1),
    "compare": (4, 1),
    "council feed": (3, 1),
    "all councils feed": (2, 1),
    "comparisons": (0, 0),
    "recipients table": (2, 1),
    "data categories table": (2, 1),
    # Retention also reads the library's kinds of record, which a row may name in words.
    "retention table": (3, 1),
    "one recipient": (2, 1),
    "one kind of record": (3, 1),
    # Its councils and the chosen councils' rows, rendered every time (a query string).
    "councils side by side": (4, 4),
    # The stamp, the councils, the best part of each notice, those parts with their snippets (a
    # query of several words adds one, counting them: notices.public.search_ranking).
    "search": (4, 4),
    "notice JSON-LD": (3, 1),
    "version JSON-LD": (3, 1),
    "bulk download": (3, 1),  # with the blocks its notices embed, in one query
    "sitemap": (7, 1),
}


@pytest.mark.django_db
@pytest.mark.parametrize(
    "councils, versions, sections", [(5, 2, 6), (400, 6, 40)], ids=["5 councils", "400 councils"]
)
def test_every_public_page_asks_a_fixed_number_of_questions(client, councils, versions, sections):
    site = build_site(councils=councils, versions=versions, sections=sections)
    # The last council: found at the far end of every list.
    assert queries_per_page(client, site.slugs[-1], versions) == EXPECTED

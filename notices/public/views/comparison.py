"""The public cross-council comparison pages: an introduction, and one table each for recipients,
data categories and retention (built by notices.public.comparison)."""

from collections.abc import Callable
from dataclasses import dataclass

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from councils.models import Nation
from notices.public import comparison
from notices.public.page_cache import for_site, public_page

# Far longer than any library slug: a longer `item` is unknown without being looked for.
MAX_ITEM_LENGTH = 100

# Councils are compared with others of their own nation unless the visitor asks for every
# nation: the law, the returns and the government they report to differ between nations.
DEFAULT_NATION = Nation.ENGLAND
ALL_NATIONS = "all"


@dataclass(frozen=True)
class TablePage:
    url_name: str
    title: str
    summary: str  # what the table shows and where from, in one sentence
    item_noun: str  # what one column is: "recipient"
    items_noun: str  # and several: "recipients"
    build: Callable[..., comparison.ComparisonTable]
    note: str = ""  # how to read the table, when it needs saying


RECIPIENTS = TablePage(
    url_name="notices:compare-recipients",
    title="Who councils share information with",
    summary="Which organisations each council shares information about children and families "
    "with, and how often, as each council's current published notice says.",
    item_noun="recipient",
    items_noun="recipients",
    build=comparison.recipients_table,
)
DATA_CATEGORIES = TablePage(
    url_name="notices:compare-data-categories",
    title="What information councils keep",
    summary="Which kinds of information about children and families each council keeps, as "
    "each council's current published notice says.",
    item_noun="kind of information",
    items_noun="kinds of information",
    build=comparison.data_categories_table,
    note="Special category data (such as health or ethnicity) and criminal offence data have "
    "extra protection in law; their columns say so.",
)
RETENTION = TablePage(
    url_name="notices:compare-retention",
    title="How long councils keep records",
    summary="How long each council keeps each kind of record, and from when the time is "
    "counted, as each council's current published notice says.",
    item_noun="kind of record",
    items_noun="kinds of record",
    build=comparison.retention_table,
)


def comparisons(request: HttpRequest) -> HttpResponse:
    return render(
        request, "notices/comparisons.html", {"pages": (RECIPIENTS, DATA_CATEGORIES, RETENTION)}
    )


@public_page(for_site)
def compare_recipients(request: HttpRequest) -> HttpResponse:
    return _table_page(request, RECIPIENTS)


@public_page(for_site)
def compare_data_categories(request: HttpRequest) -> HttpResponse:
    return _table_page(request, DATA_CATEGORIES)


@public_page(for_site)
def compare_retention(request: HttpRequest) -> HttpResponse:
    return _table_page(request, RETENTION)


def _table_page(request: HttpRequest, page: TablePage) -> HttpResponse:
    """The whole table, or with `?item=<slug>` one column of it and the councils' own words."""
    item = request.GET.get("item", "").strip()
    nation = request.GET.get("nation", DEFAULT_NATION).strip()
    if len(item) > MAX_ITEM_LENGTH or nation not in (*Nation.values, ALL_NATIONS):
        return _unknown_item(request, page)
    try:
        table = page.build(item=item or None, nation=None if nation == ALL_NATIONS else nation)
    except comparison.UnknownItem:
        return _unknown_item(request, page)
    context = {
        "page": page,
        "table": table,
        "nation": nation,
        "nation_choices": [*Nation.choices, (ALL_NATIONS, "All nations")],
    }
    return render(request, "notices/comparison_table.html", context)


def _unknown_item(request: HttpRequest, page: TablePage) -> HttpResponse:
    context = {"page": page, "unknown_item": True}
    return render(request, "notices/comparison_table.html", context, status=404)

"""The public cross-council comparison pages: an introduction, and one table each for recipients,
data categories and retention (built by notices.public.comparison)."""

from collections.abc import Callable
from dataclasses import dataclass

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from councils.models import Nation
from notices.public import comparison
from notices.public.council_choice import choose_councils, select_options
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
    item_url_name: str  # one item's page
    build: Callable[..., comparison.ComparisonTable]
    note: str = ""  # how to read the table, when it needs saying


RECIPIENTS = TablePage(
    url_name="notices:compare-recipients",
    title="Who councils share information with",
    summary="Which organisations each council shares information about children and families "
    "with, and how often, as each council's current published notice says.",
    item_noun="recipient",
    items_noun="recipients",
    item_url_name="notices:compare-recipient",
    build=comparison.recipients_table,
)
DATA_CATEGORIES = TablePage(
    url_name="notices:compare-data-categories",
    title="What information councils keep",
    summary="Which kinds of information about children and families each council keeps, as "
    "each council's current published notice says.",
    item_noun="kind of information",
    items_noun="kinds of information",
    item_url_name="notices:compare-data-category",
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
    item_url_name="notices:compare-record-kind",
    build=comparison.retention_table,
)


def comparisons(request: HttpRequest) -> HttpResponse:
    return render(
        request, "notices/comparisons.html", {"pages": (RECIPIENTS, DATA_CATEGORIES, RETENTION)}
    )


@public_page(for_site)
def compare_recipients(request: HttpRequest) -> HttpResponse:
    return _topic_page(request, RECIPIENTS)


@public_page(for_site)
def compare_data_categories(request: HttpRequest) -> HttpResponse:
    return _topic_page(request, DATA_CATEGORIES)


@public_page(for_site)
def compare_retention(request: HttpRequest) -> HttpResponse:
    return _topic_page(request, RETENTION)


@public_page(for_site)
def compare_recipient(request: HttpRequest, item: str) -> HttpResponse:
    return _item_page(request, RECIPIENTS, item)


@public_page(for_site)
def compare_data_category(request: HttpRequest, item: str) -> HttpResponse:
    return _item_page(request, DATA_CATEGORIES, item)


@public_page(for_site)
def compare_record_kind(request: HttpRequest, item: str) -> HttpResponse:
    return _item_page(request, RETENTION, item)


def _topic_page(request: HttpRequest, page: TablePage) -> HttpResponse:
    """Every item as a link to its own page, and a choice of a few councils to put side by side
    (`?council=<slug>`, up to comparison.MAX_SIDE_BY_SIDE). The old `?item=<slug>` address
    moves to the item's own page."""
    item = request.GET.get("item", "").strip()
    if item:
        if len(item) > MAX_ITEM_LENGTH or not _is_item(page, item):
            return _unknown_item(request, page)
        return redirect(page.item_url_name, item=item, permanent=True)
    nation = _nation(request)
    if nation is None:
        return _unknown_item(request, page)
    in_nation = None if nation == ALL_NATIONS else nation
    values = request.GET.getlist("council")
    context = {
        "page": page,
        "max_side_by_side": comparison.MAX_SIDE_BY_SIDE,
        **_nation_context(nation),
    }
    if not values:
        # Every council's row is in the full table: the choice of councils comes from it.
        table = page.build(nation=in_nation)
        everyone = [(row.council_slug, row.council_name) for row in table.rows]
        chosen = choose_councils([], everyone)
        context |= {"table": table, "chosen": chosen}
        context["council_options"] = select_options(everyone, chosen.places)
        return render(request, "notices/comparison_table.html", context)
    everyone = comparison.councils_compared(in_nation)
    chosen = choose_councils(values, everyone)
    context |= {"chosen": chosen, "council_options": select_options(everyone, chosen.places)}
    if chosen.problem:
        context["table"] = page.build(nation=in_nation)
        return render(request, "notices/comparison_table.html", context, status=400)
    context["table"] = page.build(councils=chosen.slugs, nation=in_nation)
    return render(request, "notices/comparison_table.html", context)


def _item_page(request: HttpRequest, page: TablePage, item: str) -> HttpResponse:
    """One item: each council's answer and its own words, councils as rows."""
    nation = _nation(request)
    if len(item) > MAX_ITEM_LENGTH or nation is None:
        return _unknown_item(request, page)
    try:
        table = page.build(item=item, nation=None if nation == ALL_NATIONS else nation)
    except comparison.UnknownItem:
        return _unknown_item(request, page)
    context = {"page": page, "table": table, **_nation_context(nation)}
    return render(request, "notices/comparison_item.html", context)


def _nation(request: HttpRequest) -> str | None:
    """The nation asked for (`?nation=`), England's by default; None when it is not one."""
    nation = request.GET.get("nation", DEFAULT_NATION).strip()
    return nation if nation in (*Nation.values, ALL_NATIONS) else None


def _nation_context(nation: str) -> dict:
    return {"nation": nation, "nation_choices": [*Nation.choices, (ALL_NATIONS, "All nations")]}


def _is_item(page: TablePage, item: str) -> bool:
    try:
        page.build(item=item)
    except comparison.UnknownItem:
        return False
    return True


def _unknown_item(request: HttpRequest, page: TablePage) -> HttpResponse:
    context = {"page": page, "unknown_item": True}
    return render(request, "notices/comparison_item.html", context, status=404)

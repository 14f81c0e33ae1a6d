"""Finding councils: the public list narrowed by part of a name, by kind and by nation, and a
council by the slug someone typed."""

import difflib
from dataclasses import dataclass

from councils.models import Council, CouncilQuerySet, Nation

# Longer than any council's name; a longer query is cut, so a pasted page never reaches the
# database as one huge pattern.
MAX_NAME_QUERY_LENGTH = 100

# Chosen from the index's nation list: children's social care there is not run by councils, so
# the index sends the visitor to the page that says where to look instead.
NORTHERN_IRELAND = "northern-ireland"


@dataclass(frozen=True)
class CouncilFilter:
    name: str
    kind: str
    nation: str = ""
    # Set when the request asked for something the list cannot do; shown to the person, and
    # the id of the form field it is about.
    problem: str = ""
    problem_field: str = "council-kind"

    @property
    def is_active(self) -> bool:
        return bool(self.name or self.kind or self.nation)

    @property
    def kind_problem(self) -> str:
        return self.problem if self.problem_field == "council-kind" else ""

    @property
    def nation_problem(self) -> str:
        return self.problem if self.problem_field == "council-nation" else ""

    @property
    def wants_northern_ireland(self) -> bool:
        return self.nation == NORTHERN_IRELAND


def read_filter(params) -> CouncilFilter:
    """The filter the index's GET form asks for, with a `problem` for an unknown kind."""
    # PostgreSQL refuses a NUL character in a query string; it is never part of a name.
    name = " ".join(params.get("q", "").replace("\x00", " ").split())[:MAX_NAME_QUERY_LENGTH]
    kind = params.get("kind", "").strip()
    nation = params.get("nation", "").strip()
    if kind and kind not in Council.Kind.values:
        return CouncilFilter(name=name, kind="", problem="Choose a kind of council from the list.")
    if nation and nation not in (*Nation.values, NORTHERN_IRELAND):
        return CouncilFilter(
            name=name,
            kind=kind,
            problem="Choose England, Wales or Scotland from the list.",
            problem_field="council-nation",
        )
    return CouncilFilter(name=name, kind=kind, nation=nation)


def filter_councils(councils: CouncilQuerySet, chosen: CouncilFilter) -> CouncilQuerySet:
    """Councils whose name contains every word of `chosen.name`, of `chosen.kind` if given."""
    for word in chosen.name.split():
        councils = councils.filter(name__icontains=word)
    if chosen.kind:
        councils = councils.filter(kind=chosen.kind)
    if chosen.nation:
        councils = councils.filter(nation=chosen.nation)
    return councils


class UnknownCouncil(LookupError):
    """No council has the slug asked for; the message names the closest slugs there are."""


def council_by_slug(slug: str) -> Council:
    """The council with `slug`, or UnknownCouncil suggesting the slugs it may have meant."""
    council = Council.objects.filter(slug=slug).first()
    if council is None:
        close = difflib.get_close_matches(slug, Council.objects.values_list("slug", flat=True), n=3)
        hint = f" Did you mean: {', '.join(close)}?" if close else ""
        raise UnknownCouncil(f"No council has the slug {slug!r}.{hint}")
    return council

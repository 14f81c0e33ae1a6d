"""The place name a council is listed under: "London Borough of Ashcombe Vale" under A for
Ashcombe Vale, "Harrowmere County Council" under H, where someone looking for the place would
look. Councils are named by their kind as much as by their place, and the kind comes first in
some names and last in others, so sorting by the full name scatters them.

Only the words that name a kind of council are dropped, and only at the start or the end of the
name: "Council" inside "Councillor's Green" or "City" in "Kestrel City Harbour" stays.
"""

import re

# Longest first, so "County Council" goes before "Council" can leave "County".
_PREFIXES = (
    "the royal borough of",
    "royal borough of",
    "london borough of",
    "metropolitan borough of",
    "borough of",
    "city and county of",
    "city of",
    "county of",
    "county borough of",
    "the city of",
    "the",
)
_SUFFIXES = (
    "metropolitan borough council",
    "metropolitan district council",
    "metropolitan borough",
    "borough council",
    "county borough council",
    "county council",
    "district council",
    "city council",
    "city corporation",
    "corporation",
    "council",
)
_PREFIX = re.compile(
    r"^(?:" + "|".join(sorted(map(re.escape, _PREFIXES), key=len, reverse=True)) + r")\s+"
)
_SUFFIX = re.compile(
    r"\s+(?:" + "|".join(sorted(map(re.escape, _SUFFIXES), key=len, reverse=True)) + r")$"
)


def sort_name(name: str) -> str:
    """The council's place name, case-folded, to sort by: "ashcombe vale". A name that is
    nothing but kind words ("City Council") sorts by itself."""
    text = " ".join(name.split()).casefold()
    place = _SUFFIX.sub("", _PREFIX.sub("", text))
    return (place or text).strip()


def sort_key(name: str) -> tuple[str, str]:
    """Sorts by place name, then by the whole name when two councils share a place."""
    return (sort_name(name), " ".join(name.split()).casefold())

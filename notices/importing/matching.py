"""Matching the names a council's document uses to the shared libraries' items.

Councils name the same thing many ways ("the police", "Police forces"; "GPs and hospitals", "NHS
and health services"), so a name is compared after normalising it (case, punctuation, "and"/"&",
plurals, a leading "the", text in brackets) against each library item's name, its slug, the
synonyms the caller knows and the synonym table below. A match is only ever a proposal for a
person to check: nothing here adds to a library.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class LibraryItem:
    """One item of a shared library, as the caller passes it in."""

    slug: str
    name: str
    synonyms: tuple[str, ...] = ()  # extra names the caller knows, beside SYNONYMS


# The common names councils use for the shared libraries' items, keyed by the item's slug (the
# slugs of notices.demo.content, which seed the libraries). An item whose slug is not here is
# matched by its own name, slug and synonyms only.
SYNONYMS: Mapping[str, tuple[str, ...]] = {
    # Data categories.
    "personal-details": (
        "personal details",
        "personal identifiers",
        "identity details",
        "basic details",
        "contact details",
        "names and addresses",
        "name, date of birth and address",
        # Single details, as an inline list names them ("such as your name and address").
        "name",
        "address",
        "date of birth",
    ),
    "characteristics": (
        "personal characteristics",
        "characteristics",
        "ethnicity",
        "ethnic origin",
        "ethnic group",
        "race",
        "nationality",
        "first language",
        "language",
        "gender",
        "sex",
    ),
    "child-in-need-episodes": (
        "child in need",
        "children in need",
        "child in need information",
        "episodes of being a child in need",
        "referrals and assessments",
    ),
    "child-protection": (
        "child protection",
        "child protection information",
        "child protection plans",
        "section 47 enquiries",
        "safeguarding information",
    ),
    "looked-after-episodes": (
        "looked after",
        "looked after children",
        "children looked after",
        "looked after information",
        "episodes of being looked after",
        "children in care",
        "placements",
        "placement details",
    ),
    "looked-after-outcomes": (
        "outcomes for looked after children",
        "looked after children outcomes",
        "outcomes for children in care",
        "outcomes",
    ),
    "adoption": ("adoption", "adoption information", "adoptions"),
    "care-leavers": ("care leaver", "care leaver information", "leaving care"),
    "special-educational-needs-and-disability": (
        "special educational needs",
        "special educational needs and disabilities",
        "special educational needs information",
        "sen",
        "send",
        "education health and care plans",
        "ehcp",
    ),
    "health": (
        "health",
        "health information",
        "medical",
        "medical information",
        "medical conditions",
        "physical and mental health",
        "mental health",
        "physical health",
    ),
    "family-and-relationships": (
        "family",
        "family members",
        "family details",
        "family history",
        "relationships",
    ),
    "education": (
        "education",
        "education information",
        "educational information",
        "school",
        "school attendance",
        "attendance",
    ),
    "criminal-offence-data": (
        "criminal offences",
        "criminal offence information",
        "offending",
        "offending information",
        "offences",
        "criminal convictions",
        "convictions",
        "criminal history",
        "criminal records",
        "allegations",
        "youth justice",
    ),
    "biometric-data": (
        "biometric",
        "biometrics",
        "fingerprints",
        "fingerprint templates",
        "facial images",
        "face images",
        "facial recognition",
    ),
    "religion-or-belief": ("religion", "religious beliefs", "beliefs", "faith"),
    "sexual-orientation": ("sexual orientation", "sexuality", "sexual identity"),
    "immigration-status": (
        "immigration",
        "immigration status",
        "asylum",
        "asylum status",
        "age assessments",
    ),
    "financial-details": (
        "financial",
        "financial details",
        "finances",
        "bank details",
        "benefits",
        "allowances",
        "money",
    ),
    # Recipients.
    "department-for-education": ("dfe", "department for education"),
    "nhs-and-health-services": (
        "nhs",
        "health",
        "health services",
        "health service providers",
        "health professionals",
        "health partners",
        "nhs trusts",
        "gp",
        "gps",
        "doctors",
        "hospitals",
        "health visitors",
        "school nurses",
        "camhs",
        "child and adolescent mental health services",
        "integrated care boards",
        "clinical commissioning groups",
    ),
    "police": ("police", "police forces", "police force", "police service", "the police"),
    "schools-and-education-settings": (
        "schools",
        "academies",
        "colleges",
        "nurseries",
        "education",
        "education settings",
        "education providers",
        "schools and colleges",
        "virtual school",
    ),
    "courts-and-cafcass": (
        "courts",
        "court",
        "the courts",
        "family court",
        "cafcass",
        "children and family court advisory and support service",
    ),
    "other-local-authorities": (
        "other councils",
        "other local authorities",
        "local authorities",
        "councils",
    ),
    "youth-justice-service": (
        "youth justice",
        "youth justice service",
        "youth offending team",
        "youth offending service",
        "yot",
        "yjs",
    ),
    "ofsted": ("ofsted", "office for standards in education children's services and skills"),
    "foster-carers-and-residential-providers": (
        "foster carers",
        "fostering agencies",
        "independent fostering agencies",
        "children's homes",
        "residential care providers",
        "residential providers",
        "care providers",
        "placement providers",
    ),
    "voluntary-and-advocacy-organisations": (
        "voluntary organisations",
        "voluntary sector",
        "charities",
        "advocacy services",
        "advocates",
        "independent visitors",
    ),
    "regional-adoption-agency": (
        "regional adoption agency",
        "adoption agency",
        "adoption agencies",
        "raa",
    ),
    "housing-providers": ("housing", "housing providers", "housing associations"),
    "department-for-work-and-pensions": (
        "dwp",
        "department for work and pensions",
        "jobcentre plus",
    ),
    "solicitors-and-legal-advisers": (
        "solicitors",
        "legal advisers",
        "legal representatives",
        "lawyers",
        "barristers",
    ),
    "safeguarding-children-partnership": (
        "safeguarding children partnership",
        "local safeguarding children partnership",
        "safeguarding partnership",
        "safeguarding partners",
        "lscp",
        "local safeguarding children board",
        "lscb",
    ),
    "home-office": ("home office", "uk visas and immigration", "ukvi"),
    "local-government-and-social-care-ombudsman": (
        "local government and social care ombudsman",
        "local government ombudsman",
        "ombudsman",
        "lgsco",
    ),
    # Kinds of record (retention periods).
    "looked-after-case-records": (
        "looked after",
        "looked after children",
        "children looked after",
        "looked after children's records",
        "looked after children's case records",
        "children in care",
        "child in care",
        "lac",
    ),
    "adoption-records": (
        "adoption",
        "adoption case records",
        "adoption files",
        "adopters",
        "prospective adopters",
    ),
    "child-in-need-records": ("child in need", "children in need"),
    "child-protection-records": ("child protection", "safeguarding records"),
    "care-leaver-records": (
        "care leaver",
        "care leavers",
        "leaving care",
        "left care",
        "pathway plans",
    ),
    "foster-carer-records": ("foster carer", "foster carers", "fostering"),
    "contacts-without-referral": (
        "contacts not leading to a referral",
        "enquiries that did not lead to a referral",
        "no further action",
    ),
}

# Words that say nothing about which item is meant: "the police" is "police".
_DROPPED_WORDS = frozenset({"and", "or"})
_LEADING_WORDS = frozenset({"the", "a", "an"})
_IRREGULAR = {"children": "child", "childrens": "child", "people": "person"}
# A bracketed aside, e.g. "(DfE)", "(where relevant)"; and a link's URL, which reading text
# writes in brackets.
_BRACKETED = re.compile(r"\([^()]*\)|\[[^\[\]]*\]")
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")


def _singular(word: str) -> str:
    word = word.replace("’", "'").removesuffix("'s").replace("'", "")
    if word in _IRREGULAR:
        return _IRREGULAR[word]
    if word.endswith("ional") and len(word) > 7:
        word = word[:-2]  # "educational" reads as "education" for matching
    elif len(word) > 4 and word.endswith("ies"):
        word = word[:-3] + "y"
    elif len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        word = word[:-1]
    return _IRREGULAR.get(word, word)


@dataclass(frozen=True)
class _Word:
    key: str  # the normalised word
    end: int  # where the word ends in the original text


def _words(text: str) -> list[_Word]:
    """The words of `text` that matter for matching, each with where it ends in `text`."""
    words: list[_Word] = []
    for match in _WORD.finditer(_without_brackets(text).replace("&", " ")):
        key = _singular(match.group().casefold())
        if key in _DROPPED_WORDS or (not words and key in _LEADING_WORDS):
            continue
        words.append(_Word(key, match.end()))
    return words


def _without_brackets(text: str) -> str:
    """`text` with bracketed asides blanked out, keeping every other character where it was."""
    for _ in range(2):  # twice: "(a (b) c)" loses "(b)", then the rest
        if "(" not in text and "[" not in text:
            break
        text = _BRACKETED.sub(lambda found: " " * len(found.group()), text)
    return text


def normalise_name(text: str) -> str:
    """A name as matching compares it: 'The Police (local force)' → 'police'."""
    return " ".join(word.key for word in _words(text.replace("-", " ").replace("/", " ")))


@dataclass(frozen=True)
class NameMatch:
    """Where a library item's name was found in a piece of text."""

    slug: str
    how: str  # "exact" (the whole text), "prefix" (the text starts with it) or "contains"
    end: int  # where the name ends in the text; what follows is the council's detail


class LibraryMatcher:
    """Finds which item of one library a piece of text names."""

    def __init__(
        self, items: Iterable[LibraryItem], synonyms: Mapping[str, Sequence[str]] = SYNONYMS
    ) -> None:
        self._slugs: dict[tuple[str, ...], str] = {}
        # Names, slugs and the caller's synonyms first, so that the table's guesses never
        # take a name from the item that really bears it.
        items = list(items)
        for item in items:
            for name in (item.name, item.slug, *item.synonyms):
                self._add(name, item.slug)
        for item in items:
            for name in synonyms.get(item.slug, ()):
                self._add(name, item.slug)
        self._longest = max((len(key) for key in self._slugs), default=0)

    def _add(self, name: str, slug: str) -> None:
        key = tuple(normalise_name(name).split())
        if key:
            self._slugs.setdefault(key, slug)

    def match(self, text: str) -> NameMatch | None:
        """The item `text` names: the whole text, else the longest name it starts with, else
        the first name found in it (the longest there)."""
        words = _words(text.replace("-", " ").replace("/", " "))
        keys = [word.key for word in words]
        if not keys:
            return None
        whole = self._slugs.get(tuple(keys))
        if whole:
            return NameMatch(whole, "exact", len(text))
        for start in range(len(keys)):
            for size in range(min(self._longest, len(keys) - start), 0, -1):
                slug = self._slugs.get(tuple(keys[start : start + size]))
                if slug:
                    how = "prefix" if start == 0 else "contains"
                    return NameMatch(slug, how, words[start + size - 1].end)
        return None

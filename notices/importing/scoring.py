"""Scores an import report (notices.importing.json_report) against a golden file: recall and
precision per kind of thing found, and the failures issue 17 counts. `make import-report` runs it
over the import corpus (notices/importing/tests/corpus/).

Matching rules:

- Text is compared normalised: Unicode NFKC, case folded, every run of characters that are not
  letters or digits made one space. A heading also loses its numbering ("3.", "2.1", "1)",
  "Section 3 -").
- Sections match by normalised heading, one to one; the ICO item is counted apart (`ico_wrong`).
- DfE (national) parts match by normalised heading and the shared block part aligned to.
- Data categories and recipients match by name, one to one: the normalised names are equal, or
  the found name starts with the golden name and a space (the found text may carry the purpose
  after the name). The match must also agree on where it goes: the same library slug, or both
  proposed. Never by substring anywhere else.
- Lawful bases match by provision code ("A6-1-e").
- Retention rules match when years, months and trigger agree and either the record kind (a
  library slug) or the normalised record type is the same.
- A hidden merge is two different golden bodies (by golden library entry, or proposed name, or a
  DfE item) whose found counterparts, matched by name, went to one library entry: each extra
  body merged into an entry counts one.
- Furniture kept is a golden `not_imported` line that is a whole line (Markdown markers aside)
  of the found title, introduction or a section, normalised.
- A DfE item taken as the council's is a found section headed like a golden DfE part (and like
  no golden section), or a found category or recipient named like a DfE list item.
- Unaccounted words are the words of the source (its visible text: a web page without its
  <head>, scripts and styles; a Word file's text runs; a text file without the bullets and
  numbers that start its list items and headings, which become Markdown structure as HTML's
  <li> and <h2> do) in none of the found title,
  introduction, young people's summary, sections, DfE parts or `not_imported`, counted with
  repeats.
- Recall is found/expected, precision found/given; with nothing expected (or given) it is
  reported as "-" and left out of the totals' division, which add up the counts.
"""

import html
import re
import unicodedata
import zipfile
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from bs4 import BeautifulSoup

from notices.models import IcoItem, RetentionPeriod

# The report's lists (all empty when an import is refused).
KINDS_IN_REPORT = (
    "sections",
    "data_categories",
    "recipients",
    "lawful_bases",
    "retention_periods",
    "national_parts",
    "not_imported",
    "drift",
)
KINDS = ("sections", "national_parts", "data_categories", "recipients", "lawful_bases", "retention")
LABELS = {
    "sections": "sections",
    "national_parts": "DfE parts",
    "data_categories": "categories",
    "recipients": "recipients",
    "lawful_bases": "lawful bases",
    "retention": "retention",
}

_NOT_WORD = re.compile(r"[\W_]+")
_WORD = re.compile(r"\w+")
_MARKDOWN_MARKER = re.compile(r"^\s*(?:#{1,6}|[-*+]|\d{1,9}[.)])\s+")
_NUMBERING = re.compile(r"^(?:section\s+\d+\s*[-:.]?\s*|\d{1,3}(?:\.\d{1,3})*[.):]?\s+)", re.I)


def normalise(text: str) -> str:
    return _NOT_WORD.sub(" ", unicodedata.normalize("NFKC", text).casefold()).strip()


def normalise_heading(text: str) -> str:
    return normalise(_NUMBERING.sub("", unicodedata.normalize("NFKC", text).strip()))


def names_match(found: str, golden: str) -> bool:
    found, golden = normalise(found), normalise(golden)
    return bool(golden) and (found == golden or found.startswith(golden + " "))


@dataclass
class Count:
    found: int = 0  # golden things the report has
    expected: int = 0  # golden things
    given: int = 0  # things the report has

    def __iadd__(self, other: "Count") -> "Count":
        self.found += other.found
        self.expected += other.expected
        self.given += other.given
        return self

    @property
    def recall(self) -> float | None:
        return self.found / self.expected if self.expected else None

    @property
    def precision(self) -> float | None:
        return self.found / self.given if self.given else None


@dataclass
class Score:
    counts: dict[str, Count] = field(default_factory=lambda: {kind: Count() for kind in KINDS})
    title_right: int = 0
    ico_wrong: int = 0
    hidden_merges: int = 0
    dfe_taken_as_council: int = 0
    furniture_kept: int = 0
    unaccounted_words: int = 0
    source_words: int = 0
    notices: int = 0

    def __iadd__(self, other: "Score") -> "Score":
        for kind in KINDS:
            self.counts[kind] += other.counts[kind]
        for name in (
            "title_right",
            "ico_wrong",
            "hidden_merges",
            "dfe_taken_as_council",
            "furniture_kept",
            "unaccounted_words",
            "source_words",
            "notices",
        ):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        return self


def _pair(golden: list, found: list, same) -> tuple[int, list[tuple[int, int]]]:
    """Matches golden and found items one to one, in order: (count, [(golden i, found j)])."""
    used: set[int] = set()
    pairs = []
    for i, expected in enumerate(golden):
        for j, given in enumerate(found):
            if j not in used and same(expected, given):
                used.add(j)
                pairs.append((i, j))
                break
    return len(pairs), pairs


def _count(golden: list, found: list, same) -> Count:
    matched, _pairs = _pair(golden, found, same)
    return Count(matched, len(golden), len(found))


def _same_target(expected: dict, given: dict) -> bool:
    if expected.get("matched_to"):
        return given.get("matched_to") == expected["matched_to"]
    return not given.get("matched_to")


def _same_entry(expected: dict, given: dict) -> bool:
    return names_match(given.get("name", ""), expected["name"]) and _same_target(expected, given)


def _same_retention(expected: dict, given: dict) -> bool:
    if (expected["years"], expected["months"], expected["trigger"]) != (
        given.get("years"),
        given.get("months"),
        given.get("trigger"),
    ):
        return False
    if expected.get("record_kind") and expected["record_kind"] == given.get("record_kind"):
        return True
    return normalise(expected["record_type"]) == normalise(given.get("record_type", ""))


def hidden_merges(golden_items: list[dict], dfe_items: list[str], found: list[dict]) -> int:
    """Extra golden bodies merged into one library entry (see the module's rules)."""
    bodies: dict[str, set[str]] = {}
    for given in found:
        slug = given.get("matched_to")
        if not slug:
            continue
        named = [item for item in golden_items if names_match(given.get("name", ""), item["name"])]
        # One line naming two categories is two golden items of one name: the found entry is
        # the one whose library entry it went to, if there is one.
        named = [item for item in named if item.get("matched_to") == slug] or named
        for expected in named:
            body = expected.get("matched_to") or "proposed:" + normalise(expected["name"])
            bodies.setdefault(slug, set()).add(body)
        for item in dfe_items:
            if names_match(given.get("name", ""), item):
                bodies.setdefault(slug, set()).add("dfe:" + normalise(item))
    return sum(len(found_bodies) - 1 for found_bodies in bodies.values() if found_bodies)


def dfe_taken_as_council(golden: dict, report: dict) -> int:
    council_headings = {normalise_heading(s["heading"]) for s in golden["sections"]}
    dfe_headings = {normalise_heading(p["heading"]) for p in golden["national_parts"]}
    dfe_headings -= council_headings
    taken = sum(1 for s in report["sections"] if normalise_heading(s["heading"]) in dfe_headings)
    for given in report["data_categories"] + report["recipients"]:
        if any(names_match(given.get("name", ""), item) for item in golden.get("dfe_items", [])):
            taken += 1
    return taken


def furniture_kept(furniture: list[str], report: dict) -> int:
    """Lines of page furniture kept as a line of their own in the title, introduction, a heading
    or a section's body. Line by line, because a site's name ("Ivymoor Council") or a
    breadcrumb's last step ("Privacy") is furniture on its own but also words of the notice."""
    texts = [report.get("title", ""), report.get("introduction", "")]
    texts += [s["heading"] + "\n" + s.get("body", "") for s in report["sections"]]
    kept = {
        normalise(_MARKDOWN_MARKER.sub("", line)) for text in texts for line in text.split("\n")
    }
    return sum(1 for text in furniture if normalise(text) and normalise(text) in kept)


def words(text: str) -> Counter:
    return Counter(_WORD.findall(unicodedata.normalize("NFKC", text).casefold()))


def source_text(path: Path) -> str:
    """The visible text of a corpus file, as a reader of it would see it."""
    data = path.read_bytes()
    if path.suffix == ".docx":
        with zipfile.ZipFile(path) as docx:
            document = docx.read("word/document.xml").decode("utf-8")
        runs = re.findall(r"<w:t(?:\s[^>]*)?>([^<]*)</w:t>", document)
        return " ".join(html.unescape(run) for run in runs)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("cp1252")
    if path.suffix in (".html", ".htm"):
        soup = BeautifulSoup(text, "html.parser")
        for tag in soup.find_all(["head", "script", "style", "template"]):
            tag.decompose()
        return soup.get_text(" ")
    return text


# A list's bullet or number, or a heading's number, at the start of a line of the source: the
# reader turns them into Markdown structure ("- ", "## "), as it does HTML's <li> and <h2>.
_LINE_MARKER = re.compile(
    # Bullet characters are no words; the letter "o" used as one, numbers and letters are.
    r"^[ \t]*(?:o(?=[ \t])|\(?(?:\d{1,3}(?:\.\d{1,3})*[.):]|\d{1,3}\.\d{1,3})(?=\s)"
    r"|\(?(?:[a-z]|[ivx]{1,4})\)(?=\s))",
    re.M,
)


def without_line_markers(text: str) -> str:
    return _LINE_MARKER.sub(" ", text)


def accounted_text(report: dict) -> str:
    pieces = [report.get("title", ""), report.get("introduction", "")]
    pieces.append(report.get("young_people_summary", ""))
    for section in report["sections"]:
        pieces += [section["heading"], section.get("body", "")]
    for part in report["national_parts"]:
        pieces += [part["heading"], part.get("text", "")]
    pieces += report["not_imported"]
    return "\n".join(pieces)


def score(golden: dict, report: dict, source: str) -> Score:
    """`report` is the JSON report for the file whose visible text is `source`."""
    result = Score(notices=1)
    matched, pairs = _pair(
        golden["sections"],
        report["sections"],
        lambda e, g: normalise_heading(e["heading"]) == normalise_heading(g["heading"]),
    )
    result.counts["sections"] = Count(matched, len(golden["sections"]), len(report["sections"]))
    result.ico_wrong = sum(
        1
        for i, j in pairs
        if golden["sections"][i]["ico_item"] != report["sections"][j]["ico_item"]
    )
    result.counts["national_parts"] = _count(
        golden["national_parts"],
        report["national_parts"],
        lambda e, g: (
            normalise_heading(e["heading"]) == normalise_heading(g["heading"])
            and e["aligned_to"] == g.get("aligned_to")
        ),
    )
    for kind in ("data_categories", "recipients"):
        result.counts[kind] = _count(golden[kind], report[kind], _same_entry)
        result.hidden_merges += hidden_merges(
            golden[kind], golden.get("dfe_items", []), report[kind]
        )
    result.counts["lawful_bases"] = _count(
        golden["lawful_bases"], report["lawful_bases"], lambda e, g: e == g
    )
    result.counts["retention"] = _count(
        golden["retention_periods"], report["retention_periods"], _same_retention
    )
    result.title_right = int(normalise(golden["title"]) == normalise(report.get("title", "")))
    result.dfe_taken_as_council = dfe_taken_as_council(golden, report)
    result.furniture_kept = furniture_kept(golden["not_imported"], report)
    source_words = words(without_line_markers(source))
    result.source_words = sum(source_words.values())
    result.unaccounted_words = sum((source_words - words(accounted_text(report))).values())
    return result


# --- The golden files' schema ---------------------------------------------------------------

_STRING_LISTS = ("lawful_bases", "not_imported", "dfe_items")
_LISTS = ("sections", "data_categories", "recipients", "retention_periods", "national_parts")


def golden_problems(golden: object) -> list[str]:
    """What is wrong with a golden file's structure; empty when it is valid."""
    if not isinstance(golden, dict):
        return ["the golden file is not a JSON object"]
    problems = [
        f"`{key}` is not text"
        for key in ("source", "shape", "title")
        if not isinstance(golden.get(key), str) or not golden.get(key)
    ]
    problems += [
        f"`{key}` is not a list of text" for key in _STRING_LISTS if not _all(golden.get(key), str)
    ]
    problems += [
        f"`{key}` is not a list of objects"
        for key in _LISTS + ("drift",)
        if not _all(golden.get(key), dict)
    ]
    if problems:
        return problems
    items = set(IcoItem.values)
    for section in golden["sections"]:
        if not isinstance(section.get("heading"), str) or section.get("ico_item") not in items:
            problems.append(f"section {section!r} needs a heading and a known ico_item")
    for kind in ("data_categories", "recipients"):
        for entry in golden[kind]:
            targets = [key for key in ("matched_to", "proposed") if entry.get(key)]
            if not isinstance(entry.get("name"), str) or len(targets) != 1:
                problems.append(f"{kind} entry {entry!r} needs a name and matched_to or proposed")
    triggers = set(RetentionPeriod.Trigger.values)
    for rule in golden["retention_periods"]:
        if (
            not isinstance(rule.get("record_type"), str)
            or rule.get("trigger") not in triggers
            or not isinstance(rule.get("years"), int)
            or not isinstance(rule.get("months"), int)
        ):
            problems.append(f"retention rule {rule!r} needs a record type, trigger and period")
    for part in golden["national_parts"]:
        if (
            not isinstance(part.get("heading"), str)
            or not isinstance(part.get("aligned_to"), str)
            or part.get("status") not in ("identical", "reworded")
        ):
            problems.append(f"DfE part {part!r} needs a heading, aligned_to and status")
    return problems


def _all(value: object, kind: type) -> bool:
    return isinstance(value, list) and all(isinstance(item, kind) for item in value)


# --- Printing ----------------------------------------------------------------------------------


def _percent(value: float | None) -> str:
    return "-" if value is None else f"{value:.0%}"


def score_line(name: str, result: Score) -> str:
    figures = "  ".join(
        f"{LABELS[kind]} R {_percent(result.counts[kind].recall)} "
        f"P {_percent(result.counts[kind].precision)}"
        for kind in KINDS
    )
    return (
        f"{name}\n    {figures}\n    titles right {result.title_right}/{result.notices}, "
        f"ICO items wrong {result.ico_wrong}, hidden merges {result.hidden_merges}, "
        f"DfE items taken as the council's {result.dfe_taken_as_council}, furniture kept "
        f"{result.furniture_kept}, unaccounted words {result.unaccounted_words} of "
        f"{result.source_words}"
    )


def report_lines(results: Iterable[tuple[str, Score]]) -> list[str]:
    total = Score()
    lines = []
    for name, result in results:
        lines.append(score_line(name, result))
        total += result
    lines.append(score_line(f"TOTAL ({total.notices} notices)", total))
    return lines

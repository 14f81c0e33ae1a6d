"""The DfE text recogniser: which parts of the document are the council's copy of the shared
DfE/NPD block, each aligned with the part of the current block it is most like.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from difflib import SequenceMatcher

from notices.importing.dfe_passages import DFE_DATA
from notices.importing.markdown_blocks import _Part
from notices.importing.matching import normalise_name
from notices.importing.national_blocks import has_national_passages, names_a_national_body
from notices.importing.parsed import SharedTextMatch
from notices.importing.section_tags import _heading_tag, _keyword_text
from notices.publishing.diffing.blocks import reading_text
from notices.publishing.diffing.results import DELETE, INSERT
from notices.publishing.diffing.words import markdown_diff

# --- The shared DfE/NPD text ----------------------------------------------------------------

# A heading this alike to a block part's heading (difflib ratio) is that part.
SHARED_HEADING_RATIO = 0.8
# A body this alike (difflib ratio of words) to a block part's body is that part; less alike,
# it is compared with the whole block.
SHARED_BODY_RATIO = 0.5
# A DfE part less alike than that to any block part is still aligned with the most alike if it
# reaches this, unless it is as long as most of the block (WHOLE_BLOCK_SHARE of its words).
LOOSE_BODY_RATIO = 0.2
WHOLE_BLOCK_SHARE = 0.6
# Words of a body compared no further than this: a bound on difflib's work.
_COMPARED_WORDS = 3000

# "The Department" is how notices name the DfE once they have named it in full; a council's own
# department is "our" or "the children's services department", never "the Department" alone.
_DFE_HEADING = re.compile(
    r"\bdepartment for education\b|\bdfe\b|\bnational pupil database\b|\bnpd\b"
    r"|(?<!local )\bgovernment\b|\bthe department\b(?! of\b)"
)
_DFE_PASSAGE = re.compile(DFE_DATA)
_DFE_NAME = re.compile(r"\bdepartment for education\b|\bdfe\b")
_DFE_COLLECTION = re.compile(
    r"\bdata collections?\b|\bcollects\b|\bshares\b|\bhow to request\b"
    r"|\bfind out more about the data collection requirements\b"
)
_HEADING_STOPWORDS = frozenset(
    {"a", "an", "the", "and", "or", "of", "for", "to", "in", "on", "by", "with", "about", "from"}
    | {"at", "we", "us", "our", "you", "your", "it", "its", "this", "that", "how", "what", "why"}
    | {"who", "where", "when", "do", "does", "is", "are", "be", "data", "information"}
)


# Abbreviations headings use for the block's words.
_HEADING_ABBREVIATIONS = {
    "dfe": ("department", "education"),
    "npd": ("national", "pupil", "database"),
}


def _content_words(text: str) -> set[str]:
    words: set[str] = set()
    for word in normalise_name(text.replace("-", " ")).split():
        words.update(_HEADING_ABBREVIATIONS.get(word, (word,)))
    return words - _HEADING_STOPWORDS


def _body_words(text: str) -> list[str]:
    return _keyword_text(reading_text(text)).split()[:_COMPARED_WORDS]


@dataclass(frozen=True)
class _Candidate:
    """The block's title (standing for the whole block) or one of its parts, ready to compare."""

    heading: str
    normal: str
    words: frozenset[str]
    body: str  # the block text it stands for, in Markdown
    body_words: list[str]
    is_whole_block: bool


class _SharedBlockText:
    """The shared block, prepared once per document, and the test of whether an imported
    section is a copy of it."""

    def __init__(self, block: dict) -> None:
        parts = [
            (str(part.get("heading") or ""), str(part.get("body") or ""))
            for part in (block.get("parts") or [])
            if isinstance(part, dict) and part.get("heading")
        ]
        texts = [str(block.get("introduction") or "")]
        texts += [f"### {heading}\n\n{body}" for heading, body in parts]
        whole = "\n\n".join(text for text in texts if text.strip())
        title = str(block.get("title") or "")
        # The title first: a heading as like the title as a part's means the whole block.
        entries = [(title, whole, True)] if title else []
        entries += [(heading, body, False) for heading, body in parts]
        self.candidates = [
            _Candidate(
                heading,
                normalise_name(heading)[:300],
                frozenset(_content_words(heading)),
                body,
                _body_words(body),
                is_whole,
            )
            for heading, body, is_whole in entries
        ]
        self.whole = whole
        self.whole_words = _body_words(whole)

    def match(self, part: _Part) -> SharedTextMatch | None:
        """The block text `part` is a copy of, or None when it is the council's own text.

        A section is shared text when its heading is like the block's title or a part's heading
        (difflib ratio, or most of its words), or names the Department for Education, the
        National Pupil Database or the government, or (under a heading about no checklist item)
        its text has the DfE returns' key passages."""
        closest = self._closest_heading(part.heading)
        if closest is not None and closest.is_whole_block:
            # A heading like the block's title over only part of its text: the part it is like,
            # so that part is not reported as the whole block with most of it "removed".
            return self.passage(part, f'heading like "{closest.heading}"')
        if closest is not None:
            return self._drift(part, closest, f'heading like "{closest.heading}"')
        heading = _keyword_text(part.heading)
        if _DFE_HEADING.search(heading) or names_a_national_body(heading):
            reason = "heading names the Department for Education or its data"
        elif _heading_tag(part.heading) is None and (
            _has_dfe_passages(body := _keyword_text(part.body)) or has_national_passages(body)
        ):
            reason = "text has the DfE data collection passages"
        else:
            return None
        return self.passage(part, reason)

    def passage(
        self, part: _Part, reason: str = "text has the DfE data collection passages"
    ) -> SharedTextMatch:
        """`part`, known to be DfE text, aligned with the block part its body is most like."""
        words = _body_words(part.body)
        best, best_ratio = None, 0.0
        for candidate in self.candidates:
            if candidate.is_whole_block or not words or not candidate.body_words:
                continue
            ratio = SequenceMatcher(None, words, candidate.body_words, autojunk=False).ratio()
            if ratio > best_ratio:
                best, best_ratio = candidate, ratio
        if best_ratio < SHARED_BODY_RATIO and (
            len(words) >= WHOLE_BLOCK_SHARE * len(self.whole_words) or best_ratio < LOOSE_BODY_RATIO
        ):
            # As long as most of the block, it is compared with all of it; a shorter part that
            # is like none of the block's parts is compared with all of it too, as before.
            best = None
        return self._drift(part, best, reason)

    def aligned(self, match: SharedTextMatch, level: int) -> list[SharedTextMatch]:
        """`match` cut where its paragraphs turn to another part of the block: one DfE heading
        over several of the block's parts gives one aligned part each, and paragraphs like no
        part of the block are the council's copy's own, never compared with the whole block."""
        paragraphs = _paragraphs(match.imported_text)
        parts = [candidate for candidate in self.candidates if not candidate.is_whole_block]
        if not paragraphs or not parts:
            return [match if match.block_part_heading else self._own_text(match)]
        # Paragraphs like no part stay with the part the heading is like, if it is like one.
        default = next(
            (part for part in parts if part.heading == match.block_part_heading and part.heading),
            None,
        )
        choices = [self._paragraph_part(paragraph, parts, default) for paragraph in paragraphs]
        if all(choice is default for choice in choices):
            return [match if default is not None else self._own_text(match)]
        # A heading or a line too short to tell goes with the paragraph after it (or before).
        for index in reversed(range(len(choices) - 1)):
            if _is_heading_line(paragraphs[index]):
                told = choices[index] is not default
            else:
                told = len(_body_words(paragraphs[index])) >= _SHORTEST_TOLD
            if not told:
                choices[index] = choices[index + 1]
        for index in range(1, len(choices)):
            if len(_body_words(paragraphs[index])) < _SHORTEST_TOLD and choices[index] is None:
                choices[index] = choices[index - 1]
        # A sentence or two with few telling words ("All data is sent securely.") stays with
        # the part before it unless it is plainly from another.
        for index in range(1, len(choices)):
            stems = _stems(_body_words(paragraphs[index]))
            choice = choices[index]
            if (
                choice is not choices[index - 1]
                and not _is_heading_line(paragraphs[index])
                and len(stems) < _FEW_STEMS
                and (choice is None or _share(stems, choice) < _PLAIN_SHARE)
            ):
                choices[index] = choices[index - 1]
        runs: list[tuple[_Candidate | None, list[str]]] = []
        for paragraph, choice in zip(paragraphs, choices, strict=True):
            if runs and runs[-1][0] is choice:
                runs[-1][1].append(paragraph)
            else:
                runs.append((choice, [paragraph]))
        found = []
        for choice, texts in runs:
            body = "\n\n".join(texts)
            if choice is None:
                found.append(self._own_text(replace(match, imported_text=body)))
                continue
            # The council's sub-heading naming the part is not a difference from its text.
            compared = "\n\n".join(text for text in texts if not _is_heading_line(text))
            part = _Part(match.heading, level, compared.split("\n"), compared)
            found.append(replace(self._drift(part, choice, match.reason), imported_text=body))
        return found

    def _paragraph_part(
        self, paragraph: str, parts: list[_Candidate], default: _Candidate | None
    ) -> _Candidate | None:
        if _is_heading_line(paragraph):
            closest = self._closest_heading(paragraph.lstrip("#").strip())
            return closest if closest is not None and not closest.is_whole_block else default
        return _closest_part(paragraph, parts) or default

    def _own_text(self, match: SharedTextMatch) -> SharedTextMatch:
        """DfE text like no part of the block: only in the council's copy, with no diff."""
        return replace(match, block_part_heading="", drift=markdown_diff("", ""), has_drifted=True)

    def _closest_heading(self, heading: str) -> _Candidate | None:
        normal = normalise_name(heading)[:300]
        if not normal:
            return None
        words = _content_words(heading)
        matcher = SequenceMatcher(None)
        matcher.set_seq2(
            normal
        )  # difflib caches the second sequence: the heading, compared 7 times
        best, best_score = None, 0.0
        for candidate in self.candidates:
            if not candidate.normal:
                continue
            overlap = len(words & candidate.words) / len(words) if len(words) >= 2 else 0.0
            matcher.set_seq1(candidate.normal)
            ratio = 0.0
            # Cheapest bound first: each is an upper bound of the next.
            if (
                matcher.real_quick_ratio() >= SHARED_HEADING_RATIO
                and matcher.quick_ratio() >= SHARED_HEADING_RATIO
            ):
                ratio = matcher.ratio()
            score = max(ratio, overlap)
            if score > best_score:
                best, best_score = candidate, score
        return best if best_score >= SHARED_HEADING_RATIO else None

    def _drift(self, part: _Part, candidate: _Candidate | None, reason: str) -> SharedTextMatch:
        whole = candidate is None or candidate.is_whole_block
        drift = markdown_diff(self.whole if whole else candidate.body, part.body)
        has_drifted = any(
            segment.kind in (INSERT, DELETE) for diff in drift.blocks for segment in diff.segments
        )
        return SharedTextMatch(
            heading=part.heading,
            imported_text=part.body,
            block_part_heading="" if whole else candidate.heading,
            drift=drift,
            has_drifted=has_drifted,
            reason=reason,
        )


# Words a paragraph needs before it can be told which part of the block it is like.
_SHORTEST_TOLD = 6
# A paragraph with this share of its content words in a part of the block is from that part.
# Councils reword the DfE's text, so words are compared, not their order; a word is its first
# six letters, so that "shares" and "sharing" or "collection" and "collects" are alike.
_PART_SHARE = 0.4
_STEM = 6
_CLEAR_SHARE = 0.2
_CLEAR_WORDS = 3
# Fewer telling words than this, and less alike than _PLAIN_SHARE, do not start a new part.
_FEW_STEMS = 10
_PLAIN_SHARE = 0.6
_DFE_WORDS = frozenset({"department", "education", "dfe", "dfe's", "departments"})
_COMMON_WORDS = _HEADING_STOPWORDS | frozenset(
    {"is", "it", "as", "be", "can", "may", "has", "have", "they", "them", "their", "these"}
    | {"not", "also", "which", "will", "would", "any", "all", "some", "such", "than", "then"}
)


def _paragraphs(markdown: str) -> list[str]:
    """The text's paragraphs, a lead-in ("DfE uses the data to:") kept with the list after it
    and a list broken by a blank line kept whole: each is one point of the text, told apart
    from the block's parts together."""
    found: list[str] = []
    for text in re.split(r"\n\s*\n", markdown):
        text = text.strip()
        if not text:
            continue
        if (
            found
            and _LIST_START.match(text)
            and (found[-1].endswith(":") or _LIST_START.match(found[-1].split("\n")[-1]))
        ):
            found[-1] = f"{found[-1]}\n\n{text}"
        else:
            found.append(text)
    return found


_LIST_START = re.compile(r"\s*(?:[-*+]|\d{1,9}[.)])\s")
_URL = re.compile(r"<?https?://\S+|www\.\S+")


def _is_heading_line(paragraph: str) -> bool:
    return paragraph.startswith("#") and "\n" not in paragraph


def _stems(words: list[str]) -> frozenset[str]:
    """The words that tell one part of the DfE's text from another: not its name, which every
    part has, nor common words, punctuation or addresses."""
    cleaned = (re.sub(r"[^\w']+", "", word) for word in words if not _URL.match(word))
    return frozenset(
        word[:_STEM]
        for word in cleaned
        if len(word) > 2 and word not in _COMMON_WORDS and word not in _DFE_WORDS
    )


def _share(stems: frozenset[str], part: _Candidate) -> float:
    return len(stems & _stems(part.body_words)) / len(stems) if stems else 0.0


def _closest_part(paragraph: str, parts: list[_Candidate]) -> _Candidate | None:
    own = _stems(_body_words(paragraph))
    if not own:
        return None
    shares = sorted(((_share(own, part), index) for index, part in enumerate(parts)), reverse=True)
    best_share, best = shares[0]
    runner_up = shares[1][0] if len(shares) > 1 else 0.0
    # Reworded text shares fewer words; a part far ahead of every other still tells.
    clear = best_share >= _CLEAR_SHARE and best_share >= 2 * runner_up
    if best_share >= _PART_SHARE or (clear and best_share * len(own) >= _CLEAR_WORDS):
        return parts[best]
    return None


def _has_dfe_passages(text: str) -> bool:
    return bool(
        _DFE_PASSAGE.search(text) or (_DFE_NAME.search(text) and _DFE_COLLECTION.search(text))
    )

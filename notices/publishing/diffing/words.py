"""Two texts compared block by block, and word by word inside blocks that are alike."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from difflib import Match, SequenceMatcher

from notices.publishing.diffing.blocks import TextBlock, markdown_blocks, plain_blocks
from notices.publishing.diffing.results import (
    CHANGED,
    DELETE,
    EQUAL,
    INSERT,
    LIST_ITEM,
    BlockDiff,
    BlockGroup,
    Segment,
    TextDiff,
)

# Replaced blocks at least this alike (difflib ratio of their words) are diffed word by word;
# less alike, the old block is shown deleted and the new one inserted.
SIMILAR_BLOCK_RATIO = 0.4
# Unchanged blocks shown either side of a change inside a changed text; longer unchanged runs
# are summed up as a count.
CONTEXT_BLOCKS = 1
# How far ahead, in a replaced run of blocks, an old block looks for its new counterpart: bounds
# the work when a whole text is rewritten.
PAIRING_WINDOW = 6


# difflib's matcher is cubic in the worst case: texts of a few repeated words (1,000 words of "a"
# against "a b a b...") took 10 s. Each search for a longest match is charged, before it runs,
# the lookups it may make; one comparison (a whole notice, or one text) may spend this many, about
# half a second, after which whatever is left is shown as replaced whole.
MATCHING_BUDGET = 10_000_000
_budget: ContextVar[list[int] | None] = ContextVar("diff_matching_budget", default=None)


class _OverBudget(Exception):
    pass


@contextmanager
def matching_budget(units: int = MATCHING_BUDGET) -> Iterator[None]:
    """Share one budget among every text compared inside; an enclosing budget, if any, wins."""
    if _budget.get() is not None:
        yield
        return
    token = _budget.set([units])
    try:
        yield
    finally:
        _budget.reset(token)


class _BudgetedMatcher(SequenceMatcher):
    def find_longest_match(self, alo=0, ahi=None, blo=0, bhi=None) -> Match:  # noqa: ANN001
        remaining = _budget.get()
        if remaining is not None:
            ahi = len(self.a) if ahi is None else ahi
            # The most lookups this search can make: every position in b of each element of a.
            remaining[0] -= sum(len(self.b2j.get(element, ())) for element in self.a[alo:ahi])
            if remaining[0] < 0:
                raise _OverBudget
        return super().find_longest_match(alo, ahi, blo, bhi)


def _opcodes_within_budget(matcher: SequenceMatcher) -> list[tuple]:
    """The matcher's opcodes, or, once the budget is spent, its two sides as one replacement."""
    try:
        return matcher.get_opcodes()
    except _OverBudget:
        size_a, size_b = len(matcher.a), len(matcher.b)
        if not size_a and not size_b:
            return []
        tag = "replace" if size_a and size_b else ("delete" if size_a else "insert")
        return [(tag, 0, size_a, 0, size_b)]


# --- Word and block diffs -------------------------------------------------------------------

# A token is a word or a punctuation mark, with the whitespace after it. Words are compared
# without their whitespace: a space is in nearly every position, and matching it would both
# make unlike sentences look alike and make difflib slow.
_TOKEN = re.compile(r"(^\s+|\w+(?:['’]\w+)*|[^\w\s])(\s*)")


@dataclass(frozen=True)
class _Tokens:
    words: list[str]  # the words and punctuation marks, compared
    spaces: list[str]  # the whitespace after each, kept for the text

    @classmethod
    def of(cls, text: str) -> _Tokens:
        pairs = _TOKEN.findall(text)
        return cls([word for word, _ in pairs], [space for _, space in pairs])

    def text(self, start: int, end: int) -> str:
        return "".join(map(str.__add__, self.words[start:end], self.spaces[start:end]))


def word_segments(old: str, new: str) -> tuple[Segment, ...]:
    """Word-level diff of two strings: tokens are words, whitespace and punctuation marks.

    Joining the EQUAL and DELETE segments gives `old` back, and EQUAL and INSERT `new`, except
    that where both sides have the same words with different whitespace between them, the new
    side's whitespace is used: a diff of reading text does not mark changed spacing."""
    if old == new:
        return (Segment(EQUAL, old),) if old else ()
    a, b = _Tokens.of(old), _Tokens.of(new)
    with matching_budget():
        return _segments_from(a, b, _word_opcodes(a.words, b.words, None) or [])


def _word_opcodes(a: list[str], b: list[str], threshold: float | None) -> list[tuple] | None:
    """difflib opcodes from `a` to `b`, or None when their likeness (difflib's ratio) is at most
    `threshold`. The common head and tail are matched first, by hand: an edited paragraph is
    mostly those, and difflib is slow on long runs of common words."""
    size, limit = len(a) + len(b), min(len(a), len(b))
    head = 0
    while head < limit and a[head] == b[head]:
        head += 1
    tail = 0
    while tail < limit - head and a[-1 - tail] == b[-1 - tail]:
        tail += 1
    middle_a, middle_b = a[head : len(a) - tail], b[head : len(b) - tail]
    matcher = _BudgetedMatcher(None, middle_a, middle_b, autojunk=False)
    if threshold is not None and size:
        known, rest = 2 * (head + tail), len(middle_a) + len(middle_b)
        # Cheapest bound first; each one is an upper bound of the next.
        for bound in (matcher.real_quick_ratio, matcher.quick_ratio, matcher.ratio):
            if known / size > threshold:
                break
            try:
                likeness = bound()
            except _OverBudget:
                return None  # too costly to tell: shown as one block deleted, another inserted
            if (known + likeness * rest) / size <= threshold:
                return None
    opcodes: list[tuple] = [("equal", 0, head, 0, head)] if head else []
    opcodes += [
        (tag, i1 + head, i2 + head, j1 + head, j2 + head)
        for tag, i1, i2, j1, j2 in _opcodes_within_budget(matcher)
    ]
    if tail:
        opcodes.append(("equal", len(a) - tail, len(a), len(b) - tail, len(b)))
    return opcodes


def _segments_from(a: _Tokens, b: _Tokens, opcodes: Sequence[tuple]) -> tuple[Segment, ...]:
    # One short word or mark left equal between two changes is folded into them:
    # "<del>a b c</del><ins>x b z</ins>" reads better than four interleaved marks.
    runs: list[list] = []
    for position, (tag, i1, i2, j1, j2) in enumerate(opcodes):
        if (
            tag == "equal"
            and 0 < position < len(opcodes) - 1
            and i2 - i1 == 1
            and len(a.words[i1]) <= 3
        ):
            tag = "replace"
        if runs and tag != "equal" and runs[-1][0] != "equal":
            runs[-1][2], runs[-1][4] = i2, j2
        else:
            runs.append([tag, i1, i2, j1, j2])
    segments: list[Segment] = []
    # Whitespace after an equal run that differs between the sides goes with the next change.
    old_carry = new_carry = ""
    for tag, i1, i2, j1, j2 in runs:
        if tag == "equal":
            last_old, last_new = a.spaces[i2 - 1], b.spaces[j2 - 1]
            shared = last_old if last_old == last_new else ""
            _append(segments, EQUAL, b.text(j1, j2 - 1) + b.words[j2 - 1] + shared)
            old_carry, new_carry = last_old[len(shared) :], last_new[len(shared) :]
            continue
        old_text, new_text = old_carry + a.text(i1, i2), new_carry + b.text(j1, j2)
        old_carry = new_carry = ""
        # The same space after both sides of a change is not part of the change.
        old_space = old_text[len(old_text.rstrip()) :]
        shared = old_space if old_space and new_text.endswith(old_space) else ""
        if shared:
            old_text, new_text = old_text[: -len(shared)], new_text[: -len(shared)]
        _append(segments, DELETE, old_text)
        _append(segments, INSERT, new_text)
        _append(segments, EQUAL, shared)
    _append(segments, DELETE, old_carry)  # trailing whitespace only one side has
    _append(segments, INSERT, new_carry)
    return tuple(segments)


def _append(segments: list[Segment], kind: str, text: str) -> None:
    if not text:
        return
    if segments and segments[-1].kind == kind:
        segments[-1] = Segment(kind, segments[-1].text + text)
    else:
        segments.append(Segment(kind, text))


def _whole(block: TextBlock, change: str) -> BlockDiff:
    """A block kept as it was (EQUAL), or inserted or deleted whole."""
    return BlockDiff(block.kind, change, (Segment(change, block.text),), block.ordered)


def _changed_pair(
    old: TextBlock, new: TextBlock, tokens: Callable[[str], _Tokens]
) -> BlockDiff | None:
    """The word diff of two blocks, or None when they are too unlike to read as one edit."""
    a, b = tokens(old.text), tokens(new.text)
    opcodes = _word_opcodes(a.words, b.words, SIMILAR_BLOCK_RATIO)
    if opcodes is None:
        return None
    return BlockDiff(new.kind, CHANGED, _segments_from(a, b, opcodes), new.ordered)


def _diff_blocks(old: Sequence[TextBlock], new: Sequence[TextBlock]) -> list[BlockDiff]:
    matcher = _BudgetedMatcher(None, list(old), list(new), autojunk=False)
    result: list[BlockDiff] = []
    for tag, i1, i2, j1, j2 in _opcodes_within_budget(matcher):
        if tag == "equal":
            result.extend(_whole(block, EQUAL) for block in new[j1:j2])
        elif tag == "delete":
            result.extend(_whole(block, DELETE) for block in old[i1:i2])
        elif tag == "insert":
            result.extend(_whole(block, INSERT) for block in new[j1:j2])
        else:
            result.extend(_pair_blocks(old[i1:i2], new[j1:j2]))
    return result


def _pair_blocks(old: Sequence[TextBlock], new: Sequence[TextBlock]) -> Iterable[BlockDiff]:
    """In a run of replaced blocks, pair each old block with the next new one alike enough to
    be the same paragraph edited; the rest were deleted or inserted."""
    memo: dict[str, _Tokens] = {}  # a new block may be tried against several old ones

    def tokens(text: str) -> _Tokens:
        if text not in memo:
            memo[text] = _Tokens.of(text)
        return memo[text]

    start = 0
    for block in old:
        for position in range(start, min(len(new), start + PAIRING_WINDOW)):
            pair = _changed_pair(block, new[position], tokens)
            if pair is not None:
                yield from (_whole(inserted, INSERT) for inserted in new[start:position])
                yield pair
                start = position + 1
                break
        else:
            yield _whole(block, DELETE)
    yield from (_whole(inserted, INSERT) for inserted in new[start:])


def _text_diff(
    old: Sequence[TextBlock], new: Sequence[TextBlock], *, context: int | None = CONTEXT_BLOCKS
) -> TextDiff:
    with matching_budget():
        blocks = _diff_blocks(old, new)
    has_changes = any(block.change != EQUAL for block in blocks)
    return TextDiff(tuple(blocks), _group(blocks, context if has_changes else None), has_changes)


def markdown_diff(old: str, new: str) -> TextDiff:
    return _text_diff(markdown_blocks(old), markdown_blocks(new))


def plain_diff(old: str, new: str) -> TextDiff:
    return _text_diff(plain_blocks(old), plain_blocks(new))


def whole_text_diff(blocks: Sequence[TextBlock], change: str) -> TextDiff:
    """An added text, all inserted, or a removed one, all deleted."""
    diffs = [_whole(block, change) for block in blocks]
    return TextDiff(tuple(diffs), _group(diffs, None), bool(diffs))


def changed_markdown(old: dict, new: dict, key: str) -> TextDiff | None:
    """The diff of a Markdown field, or None when a reader would see no difference. A diff
    without changed blocks means only the formatting changed (bold, a link's layout...)."""
    old_text, new_text = old.get(key) or "", new.get(key) or ""
    if old_text == new_text:
        return None
    diff = markdown_diff(old_text, new_text)
    if not diff.has_changes and old_text.split() == new_text.split():
        return None  # only spacing or line endings changed
    return diff


def _group(blocks: Sequence[BlockDiff], context: int | None) -> tuple[BlockGroup, ...]:
    """Lay blocks out for the partial: runs of list items become one list, and (with `context`)
    unchanged blocks further than `context` blocks from a change become one gap."""
    shown = [True] * len(blocks)
    if context is not None:
        changed = [index for index, block in enumerate(blocks) if block.change != EQUAL]
        shown = [False] * len(blocks)
        for index in changed:
            for near in range(max(0, index - context), min(len(blocks), index + context + 1)):
                shown[near] = True
        # A gap standing for one block saves nothing: show the block.
        for index in range(len(blocks)):
            if (
                not shown[index]
                and (index == 0 or shown[index - 1])
                and (index + 1 == len(blocks) or shown[index + 1])
            ):
                shown[index] = True
    groups: list[BlockGroup] = []
    hidden = 0
    for index, block in enumerate(blocks):
        if not shown[index]:
            hidden += 1
            continue
        if hidden:
            groups.append(BlockGroup("", (), hidden))
            hidden = 0
        list_tag = ("ol" if block.ordered else "ul") if block.kind == LIST_ITEM else ""
        previous = groups[-1] if groups else None
        if list_tag and previous and previous.list_tag == list_tag:
            groups[-1] = BlockGroup(list_tag, (*previous.blocks, block))
        else:
            groups.append(BlockGroup(list_tag, (block,)))
    if hidden:
        groups.append(BlockGroup("", (), hidden))
    return tuple(groups)

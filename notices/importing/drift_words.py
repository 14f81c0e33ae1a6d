"""A DfE part's drift from the shared block, in words for the report: each difference as a
sentence ("the council's copy says ... where the shared block says ..."), or as marked-up lines."""

from notices.publishing.diffing.results import DELETE, EQUAL, INSERT, TextDiff


def drift_sentences(drift: TextDiff) -> list[str]:
    """Each difference in words: 'the council's copy says "..." where the shared block says
    "..."', or what the copy adds or leaves out. The diff runs from the block to the copy."""
    sentences = []
    for block in drift.blocks:
        if block.change == EQUAL:
            continue
        removed: list[str] = []
        added: list[str] = []
        for segment in (*block.segments, None):
            if segment is not None and segment.kind in (DELETE, INSERT):
                (removed if segment.kind == DELETE else added).append(segment.text)
                continue
            old, new = " ".join("".join(removed).split()), " ".join("".join(added).split())
            if old and new:
                sentences.append(
                    f'the council\'s copy says "{new}" where the shared block says "{old}"'
                )
            elif new:
                sentences.append(f'the council\'s copy adds "{new}"')
            elif old:
                sentences.append(f'the council\'s copy leaves out "{old}"')
            removed, added = [], []
    return sentences


def drift_lines(drift: TextDiff) -> list[str]:
    """A drift diff as text: each changed block with [-removed-] and {+added+} words."""
    marks = {DELETE: "[-{}-]", INSERT: "{{+{}+}}"}
    return [
        "".join(
            marks.get(segment.kind, "{}").format(segment.text) for segment in block.segments
        ).strip()
        for block in drift.blocks
        if block.change != EQUAL
    ]

"""The lines of one contact block, each said once.

Councils type their postal address in full, so it usually starts with the name already shown
above it ("Harrowmere County Council" over "Harrowmere County Council, County Hall..."), and a
DPO with no name of their own is called "Data Protection Officer" beside the label "Data
Protection Officer". Read aloud or printed, the repeat looks like a mistake; here it is dropped.
"""

import re

_TRAILING = re.compile(r"[\s,.;:]+$")


def _same(line: str) -> str:
    return _TRAILING.sub("", " ".join(line.split())).casefold()


def contact_lines(*, label: str, name: str, address: str) -> list[str]:
    """The name (unless it only repeats the label), then the address lines that do not repeat
    a line already shown in the block; blank lines dropped."""
    shown = {_same(label)}
    lines = []
    for line in [name, *(address or "").splitlines()]:
        line = line.strip()
        if not line or _same(line) in shown:
            continue
        shown.add(_same(line))
        lines.append(line)
    return lines

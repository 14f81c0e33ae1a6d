"""The Department for Education's own text inside one of the council's sections.

Councils often put the DfE's text (the returns it collects, the National Pupil Database, who the
Department shares with) under their own heading, such as "Who we share your information with",
after the council's own paragraphs. Read as the council's, its researchers and government
departments would become the council's recipients: a misstatement of who the council shares
with. This finds those paragraphs, so the parser aligns them with the shared block instead.

A run starts at a paragraph that names the DfE's data (the National Pupil Database, a census or
return) or names the Department with what it does with the data (collects, shares), and goes on
through the lists under it and the paragraphs that still talk about the Department, its data or
the people it shares with; it ends at the first paragraph that does not.
"""

import re

# The DfE's returns and the law that requires them: section 83 of the Children Act 1989 and the
# Education (Information About Individual Pupils) (England) Regulations are cited for the returns
# alone, never for a council's own work with a family.
DFE_DATA = (
    r"\bnational pupil database\b|\bssda ?903\b|\bchild(?:ren)? in need census\b"
    r"|\b(?:looked[ -]after children|children looked[ -]after) (?:return|census)\b"
    r"|\bsection 83 of the children act 1989\b|\binformation about individual pupils\b"
)
_STARTS = re.compile(DFE_DATA, re.I)
_DEPARTMENT = re.compile(r"\bdepartment for education\b|\bdfe\b", re.I)
_DEPARTMENT_DOES = re.compile(
    r"\b(collects?|shares?|sharing|uses|holds|data collections?|statutory returns?|"
    r"research|researchers)\b",
    re.I,
)
_GOES_ON = re.compile(
    r"\bdepartment\b|\bdfe\b|\bnational pupil database\b|\bnpd\b|\bresearch\w*\b"
    r"|\bgovernment\b|\bcensus\b|\breturns?\b|\bgov\.uk\b|\bthird part(?:y|ies)\b",
    re.I,
)
_LIST_ITEM = re.compile(r"^\s*(?:[-*+]|\d{1,9}[.)])\s")


def _groups(lines: list[str]) -> list[list[str]]:
    """Runs of non-blank lines (paragraphs, lists, tables), each with the blank lines after."""
    groups: list[list[str]] = []
    current: list[str] = []
    for line in lines:
        if line.strip() and current and not current[-1].strip():
            groups.append(current)
            current = []
        current.append(line)
    if current:
        groups.append(current)
    return groups


def _text(group: list[str]) -> str:
    return " ".join(line.strip() for line in group if line.strip())


def _starts_run(group: list[str]) -> bool:
    text = _text(group)
    if not text or _LIST_ITEM.match(group[0]) or text.startswith("#"):
        return False
    return bool(
        _STARTS.search(text) or (_DEPARTMENT.search(text) and _DEPARTMENT_DOES.search(text))
    )


def _goes_on(group: list[str]) -> bool:
    text = _text(group)
    return bool(_LIST_ITEM.match(group[0]) or text.startswith("|") or _GOES_ON.search(text))


def split_dfe_paragraphs(lines: list[str]) -> tuple[list[str], list[str]]:
    """(the council's own lines, the DfE's lines) of a section's body, in order within each."""
    own: list[str] = []
    dfe: list[str] = []
    in_run = False
    for group in _groups(lines):
        if in_run and not _goes_on(group):
            in_run = False
        if not in_run and _starts_run(group):
            in_run = True
        (dfe if in_run else own).extend(group)
    return own, dfe

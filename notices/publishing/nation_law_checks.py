"""Warnings for a notice whose law does not fit its council's nation.

A Welsh council acts under the Social Services and Well-being (Wales) Act 2014 as well as the
Children Act 1989, so a Welsh notice that cites only English law misstates its legal basis. A
Scottish council acts under Scottish Acts, to which the Children Act 1989's social care
provisions do not extend. The statutes and where they apply are in notices.publishing.legislation.

These are warnings, shown beside the checklist, not checklist items: publishing is not refused,
because the library cannot know every statute a council may rightly cite.
"""

from dataclasses import dataclass
from typing import Any

from councils.models import Nation
from notices.publishing.legislation import (
    NATIONAL_ACTS,
    UK,
    legislation_text,
    nations_named_in_titles,
    statutes_cited,
)


@dataclass(frozen=True)
class LawWarning:
    key: str
    message: str  # one sentence or two for the council's Data Protection Officer


def nation_law_warnings(snapshot: dict[str, Any], *, nation: str) -> list[LawWarning]:
    """The warnings for a notice snapshot of a council in `nation`."""
    text = legislation_text(snapshot)
    cited = statutes_cited(text)
    label = Nation(nation).label
    warnings = []
    own_acts = NATIONAL_ACTS.get(nation)
    if own_acts and not any(statute.title in own_acts for statute in cited):
        examples = _join(sorted(own_acts), "or")
        # Without its own nation's Acts, any nation-specific statute cited is England's.
        english = [statute for statute in cited if statute.nations != UK]
        found = "only English law" if english else f"no {label} children's social care law"
        warnings.append(
            LawWarning(
                key="no-national-law",
                message=(
                    f"The notice cites {found}. A council in {label} acts under {examples}: "
                    "name it where the notice gives its legal basis."
                ),
            )
        )
    foreign = [statute.title for statute in cited if not statute.applies_in(nation)]
    if foreign:
        warnings.append(
            LawWarning(
                key="law-of-another-nation",
                message=(
                    f"The notice cites {_join(foreign)}, which "
                    f"{'does' if len(foreign) == 1 else 'do'} not apply to children's social "
                    f"care in {label}. Check whether {label}'s own law is meant."
                ),
            )
        )
    named = sorted(nations_named_in_titles(text) - {nation})
    if named:
        places = _join([Nation(other).label for other in named])
        warnings.append(
            LawWarning(
                key="regulations-of-another-nation",
                message=(
                    f"The notice cites regulations made for {places} (named in their titles), "
                    f"but the council is in {label}."
                ),
            )
        )
    return warnings


def _join(words: list[str], conjunction: str = "and") -> str:
    return words[0] if len(words) == 1 else f"{', '.join(words[:-1])} {conjunction} {words[-1]}"

"""The law behind each item of the completeness checklist (notices.publishing.checklist), and the
date that law took effect.

The checklist shows both beside each item, so a council's Data Protection Officer can see why an
item is asked for and since when. An item whose law had not yet taken effect on a version's
publication date is not applied to it: a version published in April 2026 was not bound by the
complaints duty of 19 June 2026. Dates are the ones we could confirm; where a later Act changed
the rules behind an item without changing what a notice must say, the note names the Act but no
date (docs/law.md lists the sources).
"""

from dataclasses import dataclass
from datetime import date

# The GDPR applied from 25 May 2018; it has been UK law, as the UK GDPR, since the end of the
# Brexit transition period (11pm on 31 December 2020, so from 1 January 2021).
GDPR_APPLIED = date(2018, 5, 25)
UK_GDPR_NOTE = "UK law, as the UK GDPR, since 1 January 2021."
# Data (Use and Access) Act 2025 s.103, commenced on 19 June 2026.
COMPLAINTS_DUTY = date(2026, 6, 19)


@dataclass(frozen=True)
class Law:
    """Where a checklist item comes from: a citation in words, the date it took effect, and a
    short note of whole sentences (a later change, or how it became UK law)."""

    citation: str
    took_effect: date
    note: str = ""

    def in_force_on(self, day: date) -> bool:
        return day >= self.took_effect


def _uk_gdpr(articles: str, note: str = "") -> Law:
    return Law(
        f"UK GDPR {articles}", GDPR_APPLIED, f"{UK_GDPR_NOTE} {note}" if note else UK_GDPR_NOTE
    )


# By checklist item key, in the checklist's order.
LAW_BY_ITEM: dict[str, Law] = {
    "controller": _uk_gdpr("Articles 13(1)(a) and 14(1)(a)"),
    "representative": _uk_gdpr("Articles 13(1)(a), 14(1)(a) and 27"),
    "dpo": _uk_gdpr("Articles 13(1)(b), 14(1)(b) and 37"),
    "purposes": _uk_gdpr("Articles 13(1)(c) and 14(1)(c)"),
    "lawful-basis": _uk_gdpr("Articles 13(1)(c), 14(1)(c), 6, 9 and 10"),
    "legitimate-interests": _uk_gdpr(
        "Article 6(1), the words after point (f)",
        "Point (ea), recognised legitimate interests, was added by the Data (Use and Access) "
        "Act 2025 and is closed to public authorities' tasks in the same way.",
    ),
    "categories": _uk_gdpr("Article 14(1)(d)"),
    "recipients": _uk_gdpr("Articles 13(1)(e) and 14(1)(e)"),
    "transfers-abroad": _uk_gdpr("Articles 13(1)(f) and 14(1)(f)"),
    "retention": _uk_gdpr("Articles 13(2)(a) and 14(2)(a)"),
    "rights": _uk_gdpr("Articles 13(2)(b) and 14(2)(c)"),
    "withdrawing-consent": _uk_gdpr("Articles 13(2)(c) and 14(2)(d)"),
    "council-complaints": Law(
        "Data Protection Act 2018 section 164A, inserted by the Data (Use and Access) Act 2025 "
        "section 103",
        COMPLAINTS_DUTY,
    ),
    "complaints": _uk_gdpr("Articles 13(2)(d), 14(2)(e) and 77"),
    "sources": _uk_gdpr("Article 14(2)(f)"),
    "statutory-requirement": _uk_gdpr("Article 13(2)(e)"),
    "automated-decisions": _uk_gdpr(
        "Articles 13(2)(f) and 14(2)(g)",
        "The rules on such decisions are now Articles 22A to 22D, inserted by the Data (Use and "
        "Access) Act 2025.",
    ),
}

"""The councils someone chose to put side by side on a comparison page: read from the form's
`council` fields (one select per place, so empty ones are skipped), checked against the councils
that can be compared, with a message in GOV.UK's words for a choice the page cannot show."""

from dataclasses import dataclass

from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe

from notices.public.comparison import MAX_SIDE_BY_SIDE

# One label per select, in the order they appear on the form.
CHOICE_LABELS = ("First council", "Second council", "Third council", "Fourth council")
assert len(CHOICE_LABELS) == MAX_SIDE_BY_SIDE

# Far longer than any council's slug: a longer value is refused before it is looked for.
MAX_SLUG_LENGTH = 100


@dataclass(frozen=True)
class CouncilChoice:
    slugs: tuple[str, ...] = ()  # the chosen councils' slugs, each once, in the form's order
    problem: str = ""  # why the choice cannot be shown, for the error summary

    @property
    def places(self) -> tuple[tuple[str, str], ...]:
        """(label, chosen slug or "") for each select: to show the form as it was sent."""
        values = self.slugs + ("",) * (MAX_SIDE_BY_SIDE - len(self.slugs))
        return tuple(zip(CHOICE_LABELS, values, strict=True))


def select_options(
    councils: list[tuple[str, str]], places: tuple[tuple[str, str], ...]
) -> list[tuple[str, SafeString]]:
    """(label, options HTML) for each select: the councils' options made once and reused, since
    four selects of 400 councils are 1,600 options, too slow to loop over in a template."""
    options = format_html_join("", '<option value="{}">{}</option>', councils)
    choices = []
    for label, value in places:
        html = options
        if value:
            plain = format_html('<option value="{}">', value)
            chosen = format_html('<option value="{}" selected>', value)
            # The slug is escaped the same way in both, so this marks exactly its option.
            html = mark_safe(options.replace(plain, chosen, 1))  # noqa: S308
        choices.append((label, html))
    return choices


def choose_councils(values: list[str], councils: list[tuple[str, str]]) -> CouncilChoice:
    """The councils chosen in `values` (slugs), given `councils` (slug, name) that can be shown."""
    known = {slug for slug, _name in councils}
    chosen: list[str] = []
    # Bounded: more values than the form has selects is a problem, whatever they are.
    if len(values) > MAX_SIDE_BY_SIDE * 2:
        return CouncilChoice(problem=f"Choose up to {MAX_SIDE_BY_SIDE} councils")
    for value in values:
        slug = value.strip()
        if not slug or slug in chosen:
            continue
        if len(slug) > MAX_SLUG_LENGTH or slug not in known:
            return CouncilChoice(problem="Choose councils from the lists")
        chosen.append(slug)
    if values and not chosen:
        return CouncilChoice(problem="Choose at least one council")
    if len(chosen) > MAX_SIDE_BY_SIDE:
        return CouncilChoice(problem=f"Choose up to {MAX_SIDE_BY_SIDE} councils")
    return CouncilChoice(slugs=tuple(chosen))

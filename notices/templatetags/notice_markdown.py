from django import template
from django.utils.safestring import SafeString, mark_safe

from notices.text.markdown import DEFAULT_TOP_HEADING_LEVEL, render_markdown

register = template.Library()


@register.filter(name="markdown")
def markdown_filter(text: str, top_heading_level: int = DEFAULT_TOP_HEADING_LEVEL) -> SafeString:
    """`{{ section.body|markdown }}` or `{{ part.body|markdown:4 }}`; safe: it is sanitised."""
    return mark_safe(render_markdown(text, top_heading_level=int(top_heading_level)))  # noqa: S308


@register.filter(name="lines")
def lines_filter(text: str) -> list[str]:
    """The non-blank lines of `text`, stripped: `{% for law in basis.legislation|lines %}`."""
    return [line.strip() for line in (text or "").splitlines() if line.strip()]

"""Lines of Markdown that both the diff (notices.publishing.diffing) and the import
(notices.importing.parsing) must recognise the same way. Use with `.match`, which anchors them at
the start of the line."""

import re

# "---", "***", "_ _ _": a horizontal rule.
THEMATIC_BREAK = re.compile(r" {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$")
# "===" or "---" under a line of text, making it a heading.
SETEXT_UNDERLINE = re.compile(r" {0,3}(=+|-+)[ \t]*$")
# "|---|:--:|" under a table's header row. No two runs of spaces may meet without a "|" between
# them: a line of spaces would otherwise be split between them in every way before failing.
TABLE_SEPARATOR = re.compile(
    r"[ \t]*(?:\|[ \t]*)?:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*(?:\|[ \t]*)?$"
)

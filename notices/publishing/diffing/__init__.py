"""What changed between two versions of a notice, section by section and word by word.

Used by the public compare page and by the staff publish page (draft against current version).
The inputs are snapshots (see notices.publishing.snapshots); the output is a tree of frozen
dataclasses made of plain strings, numbers and tuples (`results`), which
`templates/notices/_notice_diff.html` renders with auto-escaping: nothing here produces HTML.

Speed matters (a 60-section notice must diff in well under 100 ms), so Markdown bodies are never
rendered: they are cut into text blocks (paragraphs, list items, headings, table rows) and their
inline markup is stripped to reading text with a few regular expressions (`blocks`). Equal text
is compared as strings and never parsed.

- `notice`: `diff_versions`, the whole comparison, its groups and its summary in words
- `parts`: sections and shared block parts matched and compared; the structured lists
- `words`: two texts compared block by block, and word by word inside alike blocks
- `blocks`: Markdown read as text blocks, as a reader sees it
- `results`: what a comparison gives
"""

"""Demo and synthetic data: the five demo councils that `load_demo` creates, with their published
history (`loading`, `content`, `history`), and the large synthetic site that `make bench` and the
query-count tests build (`synthetic`).

May import `notices.publishing`, `notices.importing`, `notices.models`, `notices.text` and
`councils.models`; nothing else in `notices` imports from here.
"""

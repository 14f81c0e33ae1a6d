"""Demo and synthetic data: the five demo councils that `load_demo` creates, with their published
history, and the large synthetic site that `make bench` and the query-count tests build
(`synthetic`).

The demo content is files: `councils/<slug>/notice.md` (a notice as Markdown, with the council's
details and the notice's tables as front matter) and `history.toml` beside it, `libraries/` and
`shared-block/`. `reader` reads them, `content` holds what it read, `history` replays the
histories and `loading` puts it all in the database. `welcome` is what `make run` prints.

May import `notices.publishing`, `notices.importing`, `notices.models`, `notices.text` and
`councils.models`; nothing else in `notices` imports from here.
"""

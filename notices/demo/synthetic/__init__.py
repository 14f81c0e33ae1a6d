"""A large synthetic site for `make bench` and the query-count tests (`site.build_site`).

- `site`: build_site, and storing each batch of councils as publishing would
- `versions`: what a version says, its snapshot and its page, rendered once per variant
- `edits`: each variant's history, version by version
- `wording`: the words, in the project's own
- `council_values`: a council's own values, and the stand-ins that take their place
"""

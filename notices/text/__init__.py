"""Text rules that every area may use: rendering staff Markdown safely, the `#anchors` of headed
parts, the Markdown lines the diff and the import must read alike, and the search's vocabulary
(`search_words`).

Pure functions over text. Imports nothing from `notices` outside `notices.text`, nor from
`councils`, so that models, publishing and the pages can all build on it.
"""

"""Text rules that every area may use: rendering staff Markdown safely, the `#anchors` of headed
parts, and the Markdown lines the diff and the import must read alike.

Pure functions over text. Imports nothing from `notices` outside `notices.text`, nor from
`councils`, so that models, publishing and the pages can all build on it.
"""

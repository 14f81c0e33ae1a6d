"""Importing: a council's existing notice (a web page, a Word document, text) becomes the draft of
its notice here, with a report of what was found: reading the file into Markdown (`reading`),
parsing it into sections, library items, retention, lawful bases and contacts (`parsing`),
matching names to the shared libraries (`matching`), and writing the draft (`drafting`, with
`draft_content`) and its report (`import_report`, `drift_words`).

May import `notices.publishing`, `notices.models`, `notices.text` and `councils.models`; only the
staff pages (authoring), the demo and the `import_notice` command import from here.
"""

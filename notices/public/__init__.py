"""The public site: what anyone can read, and the cache it is served from.

The council index and council pages, each notice with its history, versions and comparisons
(`views`, `urls`, `council_urls`; a date asked in GOV.UK's day, month and year boxes:
`date_input`), the cross-council tables (`comparison`, with the kinds of record a retention row
names in words, `record_kind_words`, and the councils chosen to put side by side,
`council_choice`), the search (`search`, the query side: `search_terms` reads a query,
`search_ranking` finds the part of each notice that answers it), the JSON-LD and bulk JSON
(`linked_data`), the Atom feeds (`feeds`),
the sitemap (`sitemaps`), and the page cache with its ETags, which reads the council stamps that
publishing keeps (`page_cache`).

May import `notices.publishing`, `notices.models`, `notices.text` and `councils`; nothing else in
`notices` imports from here (the app's `apps.py` wires the page cache to publishing's signal).
"""

"""The read-only public API under /api/v1/: councils, notices, their versions (structured content
and stored HTML), the version in force at a moment, shared block versions, comparisons as data and
the change feed, with an OpenAPI 3.1 schema generated from the code (`endpoints`, `schemas`), and
the HTTP rules every answer follows: ETags, cache headers, CORS on GET and RFC 9457 problem
bodies (`responses`).

May import `notices.publishing`, `notices.models`, `notices.text` and `councils.models`; nothing
else in `notices` imports from here.
"""

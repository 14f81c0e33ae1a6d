"""The notices app: councils' privacy notices, from the draft staff edit to the pages anyone reads.

It is split into areas, each a sub-package whose docstring says what it is and what it may
import. Dependencies run one way, from the areas people use down to the text rules:

    authoring (the staff side)  ->  importing  ->  publishing  ->  models  ->  text
    public (the public site)    ->                 publishing
    demo                        ->  importing, publishing
    site_archive                ->                 publishing

Outside the areas: `apps.py` (wiring, such as the page cache listening to publishing),
`admin.py` (the name Django's admin looks for), `management/commands/` (thin commands),
`templatetags/`, `migrations/`, and `testing/` (helpers for the tests). tests/test_architecture.py
keeps the direction.
"""

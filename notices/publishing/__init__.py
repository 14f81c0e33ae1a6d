"""Publishing: the versioned core that the public pages, the staff pages, the import, the demo and
the site archive build on.

A draft (a council's notice, or the shared DfE/NPD block) becomes a numbered, immutable version:
its snapshot (`snapshots`), edit conflicts (`drafts`), the ICO checklist it must meet
(`checklist`, its results in `checklist_results` and the law and date behind each item in
`checklist_law`), publishing a notice (`publish`) and the shared block with its cascade into every
notice (`shared_block`), the HTML stored with each version (`rendering`), which version is public
when (`history`), comparing two versions (`diffing`), copying one back into the draft
(`restoring`), a publisher's review before publishing (`review`), the audit log (`audit`), the
search entries kept in step (`search_index`, one per headed part of the page: `search_sections`),
and the council stamps that tell the page cache a council's pages changed (`stamps`).

Imports only `notices.models`, `notices.text`, `councils.models` and `councils.permissions`;
nothing here imports the areas built on it (public, authoring, importing, demo, site_archive).
"""

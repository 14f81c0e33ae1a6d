"""The whole site as one JSON file, and back again: `export_site` and `import_site`.

- `records`: what an archive holds (its format, its tables in order, the summary of a run)
- `export`: writing the site to an archive
- `restore`: reading an archive into an empty database, all or nothing
- `loader`: each record checked and written, in batches
- `checks`: the archive as untrusted input: model validators, dates, versions re-derived
- `signing`: exports signed with SITE_ARCHIVE_KEY, and this site's cache keys cleared

May import `notices.publishing`, `notices.models` and `councils`; nothing else in `notices`
imports from here but its two management commands.
"""

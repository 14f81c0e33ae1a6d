"""Hostile archives for `import_site` (finding 15.3): huge, deep, many-recorded and forged files,
each refused or read within the budget. Archives are plain JSON, never zipped, so there is no
zip bomb to unpack; a file's size is bounded by its lines (restore.MAX_LINE_BYTES) and read once
to check its signature, a megabyte at a time."""

import json
import tempfile
from pathlib import Path

from benchmarks.hostile import Case
from benchmarks.hostile.site import configure_django

HEADER = (
    '{"format": "council-privacy-notices-site", "format_version": 1, '
    '"exported_at": "2026-01-31T09:30:00+00:00", "signature": %s, "records": [\n'
)
COUNCIL = {
    "name": "Council %d",
    "slug": "council-%d",
    "kind": "unitary",
    "website": "",
    "general_privacy_notice_url": "",
    "controller_email": "",
    "controller_phone": "",
    "controller_address": "",
    "dpo_name": "",
    "dpo_email": "",
    "dpo_phone": "",
    "dpo_address": "",
    "ico_registration_number": "",
    "embed_origins": "",
    "public_revision": 1,
    "public_changed_at": "2026-01-31T09:00:00+00:00",
    "details_revision": 0,
    "details_saved_at": None,
    "details_saved_by": None,
}


def _file(name: str, *parts: bytes, repeat: int = 1, signature: str = "null") -> Path:
    """The header, then `parts[0]` once, `parts[1]` `repeat` times, and `parts[2]` once: written
    piece by piece, so that building the file does not raise the peak the case is measured by."""
    head, middle, tail = parts
    path = Path(tempfile.mkdtemp(prefix="hostile-archive-")) / name
    with path.open("wb") as stream:
        stream.write((HEADER % signature).encode() + head)
        for _ in range(repeat):
            stream.write(middle)
        stream.write(tail)
    return path


def _migrated(path: Path) -> Path:
    configure_django()
    from django.core.management import call_command

    call_command("migrate", verbosity=0, interactive=False)
    return path


def _import(path: Path, *, trust_unsigned: bool = True) -> object:
    from notices.site_archive.restore import import_site_from

    # A refusal is raised, and the runner shows it.
    return import_site_from(path, trust_unsigned=trust_unsigned)


def huge_line() -> Path:
    # One 70 MB "record": longer than any line an export writes.
    return _migrated(
        _file("huge-line.json", b'{"model": "', b"x" * 1_000_000, b'"}\n]}\n', repeat=70)
    )


def deep_json() -> Path:
    return _migrated(_file("deep.json", b"[" * 1_000_000, b"]" * 1_000_000, b"\n]}\n"))


def many_councils(count: int) -> Path:
    lines = []
    for number in range(1, count + 1):
        fields = {
            key: (value % number if isinstance(value, str) and "%d" in value else value)
            for key, value in COUNCIL.items()
        }
        lines.append(json.dumps({"model": "councils.council", "pk": number, "fields": fields}))
    return _migrated(_file("many.json", (",\n".join(lines)).encode(), b"", b"\n]}\n"))


def forged_signature() -> Path:
    # 100 MB of padding under a signature that cannot match: read once, a megabyte at a time.
    signature = '"hmac-sha256:' + "0" * 64 + '"'
    return _migrated(
        _file("forged.json", b"", b" " * 1_000_000, b"\n]}\n", repeat=100, signature=signature)
    )


def _import_signed_only(path: Path) -> object:
    return _import(path, trust_unsigned=False)


CASES = [
    Case("archive: a 70 MB line, unsigned, refused", "15.3", _import_signed_only, huge_line),
    Case("archive: a 70 MB line, --trust-unsigned, refused", "15.3", _import, huge_line),
    Case("archive: 1,000,000-deep JSON, --trust-unsigned", "15.3", _import, deep_json),
    Case(
        "archive: 2,000 councils, --trust-unsigned, each validated",
        "15.3",
        _import,
        lambda: many_councils(2_000),
    ),
    Case("archive: 100 MB under a forged signature", "15.3", _import_signed_only, forged_signature),
]

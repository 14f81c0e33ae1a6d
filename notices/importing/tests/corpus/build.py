"""Writes the corpus files and golden files from notices.py:
`python -m notices.importing.tests.corpus.build` (run it after changing a notice)."""

import json

from notices.importing.tests.corpus import FILES
from notices.importing.tests.corpus.notices import NOTICES
from notices.importing.tests.corpus.render import extension, render


def built() -> dict[str, bytes]:
    """Each file of the corpus (its path under the corpus folder) and its bytes."""
    out = {}
    for notice in NOTICES:
        source = f"{notice.slug}.{extension(notice)}"
        out[f"files/{source}"] = render(notice)
        golden = json.dumps(notice.golden(source), ensure_ascii=False, indent=2) + "\n"
        out[f"golden/{notice.slug}.json"] = golden.encode("utf-8")
    return out


def main() -> None:
    for name, data in built().items():
        (FILES.parent / name).write_bytes(data)
    print(f"Wrote {len(NOTICES)} notices and their golden files to {FILES.parent}.")


if __name__ == "__main__":
    main()

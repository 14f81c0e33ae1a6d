"""The import corpus (issue 17): council notices in every shape they arrive in, each beside a
golden file of what the importer should find, and the bad inputs it must refuse.

`files/` holds the notices as a council would upload them and `golden/` their expected structure
(the JSON report's schema, notices.importing.json_report, with `source`, `shape` and `dfe_items`
added). Both are built from notices.py by `python -m notices.importing.tests.corpus.build`; the
corpus test checks the committed files are what the build gives. `make import-report` scores the
importer against them (notices.importing.scoring).
"""

import io
import json
import os
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).parent
FILES = HERE / "files"
GOLDEN = HERE / "golden"


# Real councils' notices, kept outside the repository (their text is the councils', not ours):
# ../shared/reference beside the checkout, or IMPORT_REFERENCE_DIR. Their golden files, which
# hold only headings, item names and codes, are in tests/reference.
REFERENCE_GOLDEN = HERE.parent / "reference"


def reference_folder() -> Path:
    configured = os.environ.get("IMPORT_REFERENCE_DIR")
    return Path(configured) if configured else HERE.parents[4] / "shared" / "reference"


def reference_cases() -> Iterator[tuple[Path, dict]]:
    """(source file, golden structure) for every reference notice; the source may be missing."""
    for path in sorted(REFERENCE_GOLDEN.glob("*.json")):
        golden = json.loads(path.read_text(encoding="utf-8"))
        yield reference_folder() / golden["source"], golden


def golden_files() -> list[Path]:
    return sorted(GOLDEN.glob("*.json"))


def cases() -> Iterator[tuple[Path, dict]]:
    """(source file, golden structure) for every corpus notice."""
    for path in golden_files():
        golden = json.loads(path.read_text(encoding="utf-8"))
        yield FILES / golden["source"], golden


@dataclass(frozen=True)
class BadInput:
    name: str
    filename: str
    data: bytes
    message: str  # what the refusal says (a regular expression)


def zip_bomb_docx() -> bytes:
    """A small .docx whose document unpacks to far more than any notice (60 MB of spaces)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as docx:
        docx.writestr("[Content_Types].xml", "<Types/>")
        with docx.open("word/document.xml", "w") as document:
            chunk = b" " * 1_048_576
            for _ in range(60):
                document.write(chunk)
    return buffer.getvalue()


def bad_inputs() -> list[BadInput]:
    from notices.importing.reading import MAX_IMPORT_BYTES

    return [
        BadInput("empty", "notice.txt", b"", "empty"),
        BadInput("blank", "notice.txt", b" \r\n\t\n", "empty"),
        BadInput("binary", "notice.txt", bytes(range(256)) * 8, "binary|encoding"),
        BadInput("pdf-named-txt", "notice.txt", b"%PDF-1.7\n%\xe2\xe3\n1 0 obj", "PDF"),
        BadInput(
            "zip-bomb", "notice.docx", zip_bomb_docx(), r"unpacks to \d+ MB; the limit is 5 MB"
        ),
        BadInput(
            "over-the-limit",
            "notice.txt",
            b"Notice\n\n" + b"a" * MAX_IMPORT_BYTES,
            "the limit is",
        ),
    ]

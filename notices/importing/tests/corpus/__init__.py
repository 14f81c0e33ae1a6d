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
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).parent
FILES = HERE / "files"
GOLDEN = HERE / "golden"


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
        BadInput("zip-bomb", "notice.docx", zip_bomb_docx(), "unpacks to 60 MB; the limit is 5 MB"),
        BadInput(
            "over-the-limit",
            "notice.txt",
            b"Notice\n\n" + b"a" * MAX_IMPORT_BYTES,
            "the limit is",
        ),
    ]

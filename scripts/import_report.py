"""`make import-report`: imports every notice of the import corpus with
`import_notice --dry-run --json` and scores each report against its golden file
(notices.importing.scoring, whose docstring gives the matching rules), then checks that every bad
input is refused.

It runs on a throwaway SQLite database in a temporary folder, loaded with the demo's shared
libraries and shared DfE block (notices.demo), so nothing of the checkout's own data is read or
changed. `python -m scripts.import_report NAME...` scores only the notices whose file names
contain a NAME. The real councils' reference notices (notices.importing.tests.corpus.
reference_folder) are scored after the corpus, apart from it, when they are there.
"""

import io
import json
import os
import sys
import tempfile
from pathlib import Path


def main(names: list[str]) -> int:
    with tempfile.TemporaryDirectory(prefix="import-report-") as folder:
        os.environ["DATABASE_URL"] = f"sqlite:///{Path(folder) / 'import-report.sqlite3'}"
        os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.test_settings")
        import django

        django.setup()
        return _run(names, Path(folder))


def _run(names: list[str], folder: Path) -> int:
    from django.core.management import CommandError, call_command

    from councils.models import Council
    from notices.demo.loading import load_demo_data
    from notices.importing import scoring
    from notices.importing.tests.corpus import (
        bad_inputs,
        cases,
        reference_cases,
        reference_folder,
    )

    call_command("migrate", verbosity=0)
    load_demo_data()
    council = Council(
        name="Corpus Test Council",
        slug="corpus-test-council",
        kind=Council.Kind.UNITARY,
        controller_email="info@corpus-test.example",
        dpo_name="Data Protection Officer",
        dpo_email="dpo@corpus-test.example",
        ico_registration_number="Z7654321",
    )
    council.full_clean()
    council.save()

    results = _scored(cases(), names, council.slug)
    if results is None:
        return 1
    print("\n".join(scoring.report_lines(results)))

    present = [(path, golden) for path, golden in reference_cases() if path.is_file()]
    if not present:
        print(f"Reference notices: skipped, none found in {reference_folder()}")
    else:
        print(f"Reference notices (real councils' notices from {reference_folder()}):")
        results = _scored(iter(present), names, council.slug)
        if results is None:
            return 1
        if results:
            print("\n".join(scoring.report_lines(results)))

    refused = 0
    cases_to_refuse = bad_inputs()
    for case in cases_to_refuse:
        path = folder / case.filename
        path.write_bytes(case.data)
        try:
            call_command(
                "import_notice",
                str(path),
                "--council",
                council.slug,
                "--dry-run",
                "--json",
                stdout=io.StringIO(),
            )
        except CommandError:
            refused += 1
        else:
            print(f"Bad input not refused: {case.name}")
    print(f"Bad inputs refused: {refused} of {len(cases_to_refuse)}")
    return 0


def _scored(found, names: list[str], council: str) -> list | None:
    """(file name, Score) for each case whose name has one of `names` (all when none); None
    when a golden file is broken."""
    from django.core.management import CommandError, call_command

    from notices.importing import scoring

    results = []
    for path, golden in found:
        if names and not any(name in path.name for name in names):
            continue
        problems = scoring.golden_problems(golden)
        if problems or not path.is_file():
            print(f"{path.name}: golden file is not valid: {problems or 'no source file'}")
            return None
        output = io.StringIO()
        try:
            call_command(
                "import_notice",
                str(path),
                "--council",
                council,
                "--dry-run",
                "--json",
                stdout=output,
            )
            report = json.loads(output.getvalue())
        except CommandError as refused:
            print(f"{path.name}: refused: {refused}")
            report = {key: [] for key in scoring.KINDS_IN_REPORT}
        results.append((path.name, scoring.score(golden, report, scoring.source_text(path))))
    return results


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

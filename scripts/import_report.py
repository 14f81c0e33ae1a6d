"""`make import-report`: imports every notice of the import corpus with
`import_notice --dry-run --json` and scores each report against its golden file
(notices.importing.scoring, whose docstring gives the matching rules), then checks that every bad
input is refused.

It runs on a throwaway SQLite database in a temporary folder, loaded with the demo's shared
libraries and shared DfE block (notices.demo), so nothing of the checkout's own data is read or
changed. `python -m scripts.import_report NAME...` scores only the notices whose file names
contain a NAME.
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
    from notices.importing.tests.corpus import bad_inputs, cases

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

    results = []
    for path, golden in cases():
        if names and not any(name in path.name for name in names):
            continue
        problems = scoring.golden_problems(golden)
        if problems or not path.is_file():
            print(f"{path.name}: golden file is not valid: {problems or 'no source file'}")
            return 1
        output = io.StringIO()
        try:
            call_command(
                "import_notice",
                str(path),
                "--council",
                council.slug,
                "--dry-run",
                "--json",
                stdout=output,
            )
            report = json.loads(output.getvalue())
        except CommandError as refused:
            print(f"{path.name}: refused: {refused}")
            report = {key: [] for key in scoring.KINDS_IN_REPORT}
        results.append((path.name, scoring.score(golden, report, scoring.source_text(path))))
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


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

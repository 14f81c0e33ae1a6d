"""Makes the PDF of every published version that has none: versions published before PDFs were
made, or whose PDF failed when they were published. A PDF already made is never made again."""

import time

from django.core.management.base import BaseCommand

from notices.printing.pdf import store_pdfs_of, versions_without_pdf


class Command(BaseCommand):
    help = "Makes the PDF of each published version that has none yet."

    def handle(self, *args, **options) -> None:
        started = time.perf_counter()
        missing = list(versions_without_pdf())
        made = store_pdfs_of(missing)
        seconds = time.perf_counter() - started
        per_version = seconds / made if made else 0
        self.stdout.write(
            f"Made {made} of {len(missing)} missing PDFs in {seconds:.1f} s "
            f"({per_version:.2f} s per version)."
        )
        if made < len(missing):
            self.stderr.write("Some PDFs could not be made; the log says why.")

"""`make bench-alerts`: a shared block update cascaded into every council's notice, with
subscribers following each council, sent through a real task worker (`manage.py db_worker`) to a
real SMTP server on 127.0.0.1 (aiosmtpd, in this process).

Reports the time to publish the update, to queue its alert emails (the worker's `queue_alerts`
writing one delivery record each) and to drain the queue (every email received), and checks that
every email arrived exactly once and that every council's page stamp moved (the page cache
serves the new versions). Default: 400 councils, 10 subscribers each (4,000 emails), on a
throwaway PostgreSQL database on 127.0.0.1:5432; `--sqlite` on a throwaway SQLite file.
"""

import argparse
import os
import secrets
import subprocess
import sys
import tempfile
import time
from collections import Counter
from datetime import timedelta
from pathlib import Path

from benchmarks.site_benchmark import (
    ROOT,
    BenchmarkError,
    throwaway_database,
    throwaway_sqlite,
)


def parse_arguments(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--councils", type=int, default=400)
    parser.add_argument("--subscribers", type=int, default=10, help="per council")
    parser.add_argument("--sqlite", action="store_true", help="a SQLite file, not PostgreSQL")
    return parser.parse_args(argv)


def wait_for(condition, timeout: float, what: str) -> float:
    """Seconds until `condition()` holds; BenchmarkError after `timeout`."""
    start = time.perf_counter()
    while not condition():
        if time.perf_counter() - start > timeout:
            raise BenchmarkError(f"Gave up waiting for {what} after {timeout:.0f} s.")
        time.sleep(0.05)
    return time.perf_counter() - start


def run(arguments: argparse.Namespace, database_url: str, temporary: Path) -> int:
    os.environ |= {
        "DJANGO_SETTINGS_MODULE": "config.settings",
        "DATABASE_URL": database_url,
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
        "DJANGO_HTTPS": "false",
        "DJANGO_LOG_LEVEL": "WARNING",
        "DJANGO_SITE_URL": "http://127.0.0.1:8000",
    }
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.utils import timezone

    from councils.models import Council
    from notices.alerts.tests.worker import SmtpSink, env_for
    from notices.demo.synthetic.site import build_site
    from notices.models import AlertDelivery, AlertSubscription, SharedBlockPart
    from notices.publishing.shared_block import publish_shared_block

    # Only the alerts are measured: the cascade's PDFs would keep the worker busy for an hour.
    settings.PDF_ON_PUBLISH = False
    call_command("migrate", verbosity=0)
    started = time.perf_counter()
    site = build_site(councils=arguments.councils, versions=1, sections=5)
    councils = list(Council.objects.filter(slug__in=site.slugs))
    confirmed = timezone.now() - timedelta(hours=1)
    AlertSubscription.objects.bulk_create(
        AlertSubscription(
            email=f"reader{n}@{council.slug}.example.org", council=council, confirmed_at=confirmed
        )
        for council in councils
        for n in range(arguments.subscribers)
    )
    expected = len(councils) * arguments.subscribers
    print(
        f"{len(councils)} councils, {arguments.subscribers} subscribers each ({expected:,} "
        f"emails), on {django.db.connection.vendor}; built in "
        f"{time.perf_counter() - started:.1f} s."
    )
    revisions = dict(Council.objects.values_list("pk", "public_revision"))

    sink = SmtpSink().start()
    log = (temporary / "worker.log").open("wb")
    worker = subprocess.Popen(
        [sys.executable, "manage.py", "db_worker", "--interval", "0.1", "--no-startup-delay"],
        cwd=ROOT,
        env=env_for(sink, database_url, DJANGO_SECRET_KEY=os.environ["DJANGO_SECRET_KEY"]),
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    try:
        part = SharedBlockPart.objects.order_by("position", "pk").first()
        part.body += "\n\nThe Department lists the requests for data it has approved."
        part.save()
        began = time.perf_counter()
        publication = publish_shared_block(
            part.block, by=None, change_note="Approved requests listed.", is_major=True
        )
        published = time.perf_counter() - began
        queued = wait_for(
            lambda: AlertDelivery.objects.count() >= expected, 600, "the delivery records"
        )
        drained = wait_for(lambda: sink.count() >= expected, 1800, "every email")
        time.sleep(1)  # anything sent twice would have arrived by now
    finally:
        worker.terminate()
        worker.wait(timeout=30)
        sink.stop()
        log.close()

    received = sink.count()
    per_address = Counter(m["To"] for m in sink.messages)
    ids = {m["Message-ID"] for m in sink.messages}
    unsent = AlertDelivery.objects.filter(sent_at__isnull=True).count()
    stale = [
        pk
        for pk, revision in Council.objects.values_list("pk", "public_revision")
        if pk in revisions and revision == revisions[pk]
    ]
    total = queued + drained
    print(
        f"Published the update to {len(publication.notice_versions)} notices in "
        f"{published:.1f} s.\n"
        f"Queued {expected:,} alert emails in {queued:.1f} s after publishing; received all in "
        f"{drained:.1f} s more ({expected / drained:.0f} a second).\n"
        f"Received {received:,} emails, {len(ids):,} distinct Message-IDs, "
        f"{max(per_address.values()) if per_address else 0} most to one address; "
        f"{unsent} records unsent; {len(stale)} councils' page stamps unchanged."
    )
    ok = (
        received == expected == len(ids)
        and set(per_address.values()) == {1}
        and unsent == 0
        and not stale
    )
    print(f"{total:.1f} s from publishing to the last email.")
    print(f"{'PASS' if ok else 'FAIL'}: every email once, every page stamp moved.")
    return 0 if ok else 1


def main(argv: list[str]) -> int:
    arguments = parse_arguments(argv)
    try:
        with tempfile.TemporaryDirectory(prefix="notices-bench-alerts-") as temporary:
            database = (
                throwaway_sqlite(Path(temporary)) if arguments.sqlite else throwaway_database()
            )
            with database as database_url:
                return run(arguments, database_url, Path(temporary))
    except BenchmarkError as error:
        print(f"The benchmark could not finish: {error}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

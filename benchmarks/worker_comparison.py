"""Which gunicorn worker settings to ship: the measurement behind config/gunicorn.conf.py.

    .venv/bin/python -m benchmarks.worker_comparison [--runs 2]

On one throwaway database filled like `make bench`'s, each setting in turn serves the notice page
(after a warm-up request) to:

- wrk alone, and with 1,000 connections;
- wrk while 200 clients send their request headers a byte at a time over 6 seconds;
- wrk while 50 clients take 40 seconds over theirs (longer than the worker timeout);
- wrk while 200 connections stay open and send nothing.

It prints requests per second and p99 for each, and each setting's peak worker memory over the
whole run. About five minutes per run of every setting; the figures vary from run to run on a
shared machine, so look at several runs (docs/performance.md has ours).
"""

import argparse
import os
import socket
import sys
import tempfile
import threading
import time
from pathlib import Path

from benchmarks import site_benchmark as bench

SETTINGS = [
    ("sync", {"GUNICORN_WORKER_CLASS": "sync"}),
    ("gthread, 2 threads", {"GUNICORN_WORKER_CLASS": "gthread", "GUNICORN_THREADS": "2"}),
    ("gthread, 4 threads", {"GUNICORN_WORKER_CLASS": "gthread", "GUNICORN_THREADS": "4"}),
    ("gthread, 8 threads", {"GUNICORN_WORKER_CLASS": "gthread", "GUNICORN_THREADS": "8"}),
]
SECONDS = 8


def while_slow(server: bench.Server, path: str, *, clients: int, over: float) -> bench.Load:
    """wrk on `path` while `clients` send their headers a byte at a time over `over` seconds."""
    result = bench.SlowClients()
    sender = threading.Thread(
        target=bench.send_slowly, args=(server.port, path, clients, over, result), daemon=True
    )
    sender.start()
    time.sleep(min(over / 8, 5.0))
    load = bench.wrk(server.base + path, seconds=SECONDS)
    sender.join(timeout=over + 60)
    return load


def while_idle(server: bench.Server, path: str, *, clients: int) -> bench.Load:
    """wrk on `path` while `clients` connections are open and send nothing."""
    idle = [socket.create_connection(("127.0.0.1", server.port)) for _ in range(clients)]
    try:
        time.sleep(1)
        return bench.wrk(server.base + path, seconds=SECONDS)
    finally:
        for connection in idle:
            connection.close()


def measure(server: bench.Server, path: str) -> list[tuple[str, bench.Load]]:
    server.get(path)
    return [
        ("alone", bench.wrk(server.base + path, seconds=SECONDS)),
        ("1,000 connections", bench.wrk(server.base + path, seconds=SECONDS, connections=1000)),
        ("200 slow (6 s)", while_slow(server, path, clients=200, over=6.0)),
        ("50 slow (40 s)", while_slow(server, path, clients=50, over=40.0)),
        ("200 idle", while_idle(server, path, clients=200)),
    ]


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=2, help="runs of every setting (default 2)")
    arguments = parser.parse_args(argv)
    if not 1 <= arguments.runs <= 10:
        parser.error("--runs must be between 1 and 10.")
    try:
        with (
            tempfile.TemporaryDirectory(prefix="notices-workers-") as temporary,
            bench.throwaway_database() as database_url,
        ):
            compare(Path(temporary), database_url, arguments.runs)
    except bench.BenchmarkError as error:
        print(f"The comparison could not finish: {error}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("\nComparison stopped; cleaned up.", file=sys.stderr)
        return 130
    return 0


def compare(temporary: Path, database_url: str, runs: int) -> None:
    env = bench.production_environment(database_url, temporary / "static")
    os.environ.update(env)
    import django

    django.setup()
    from django.core.management import call_command

    from notices.demo.synthetic.site import build_site

    call_command("migrate", verbosity=0)
    site = build_site(councils=bench.COUNCILS, versions=bench.VERSIONS, sections=bench.SECTIONS)
    call_command("collectstatic", interactive=False, verbosity=0)
    path = f"/councils/{site.slugs[len(site.slugs) // 2]}/childrens-social-care/"
    for run in range(1, runs + 1):
        for number, (name, extra) in enumerate(SETTINGS):
            server = bench.Server(env | extra, temporary / f"gunicorn-{run}-{number}.log")
            watch = bench.MemoryWatch(server)
            try:
                server.start()
                watch.start()
                figures = measure(server, path)
                watch.stop()
                events = bench.WorkerEvents.read(server.log_since(0))
            finally:
                watch.stop()
                server.stop()
            cells = " | ".join(
                f"{what} {load.rps:5.0f}/s p99 {load.p99_ms:5.0f} ms" for what, load in figures
            )
            peak = max(watch.peaks.values(), default=0) / 1024
            print(
                f"run {run}, {name:<18}: {cells} | peak worker {peak:.0f} MB, "
                f"{events.timed_out} timed out",
                flush=True,
            )


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

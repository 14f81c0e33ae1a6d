"""`make bench`: the site under load on a large synthetic data set, and how long publishing, the
shared block's cascade and the diff take. docs/performance.md has the latest figures.

In order:

1. creates a throwaway PostgreSQL database (notices_bench_<random>) on 127.0.0.1:5432 as user
   postgres, migrates it and fills it with notices.demo.synthetic.site.build_site (400 councils, 10
   versions each, 40 sections per notice);
2. collects the static files into a temporary STATIC_ROOT (benchmarks.settings), plus a copy of
   a notice page's bytes as a static file, so that WhiteNoise serves a file of the same size;
3. starts gunicorn with config/gunicorn.conf.py and production settings (a random secret key,
   HTTPS on, behind a proxy: wrk sends `X-Forwarded-Proto: https` as a TLS-terminating proxy
   would) on 127.0.0.1 and a free port;
4. loads each page with wrk after one warm-up request (the pages are cached after the first),
   then: random slugs and version numbers (no 5xx allowed; worker memory before and after),
   1,000 connections on the notice page, and slow clients sending their headers a byte at a time
   while wrk measures the notice page (did a worker die?);
5. stops gunicorn, then in this process, against the same database: publishing a 60-section
   notice, the shared block's cascade to every notice, and the diff (benchmarks.diff_benchmark);
6. prints the table and a PASS or FAIL line for each target.

The database is dropped and the temporary files removed whatever happens, Ctrl-C included.
Targets are reported, not enforced: the exit status is non-zero only if the benchmark itself
fails. `--redis` measures the pages a second time with the cache in Redis
(redis://127.0.0.1:6379/15, flushed first). `--sqlite` runs it all on a throwaway SQLite file
instead of PostgreSQL, the embedded default that small councils run on. DJANGO_PAGE_CACHE_LISTEN
is passed through (no other DJANGO_ variable is): `false` shows the cost of reading the stamps
on every request.
"""

import argparse
import contextlib
import os
import re
import resource
import runpy
import secrets
import select
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import psycopg
from psycopg import sql

ROOT = Path(__file__).resolve().parent.parent
WRK_SCRIPTS = Path(__file__).resolve().parent / "wrk"
PG_ADMIN = "postgres://postgres@127.0.0.1:5432/postgres"
REDIS_URL = "redis://127.0.0.1:6379/15"

COUNCILS, VERSIONS, SECTIONS = 400, 10, 40
PUBLISH_SECTIONS = 60
PUBLISH_RUNS = 5

# The same wrk settings for every page, so that each page's figures compare with the static
# file's. Two threads: the machine has two cores, shared with gunicorn.
WRK_THREADS = 2
WRK_CONNECTIONS = 32
WRK_TIMEOUT = "10s"
MANY_CONNECTIONS = 1000
SLOW_CLIENTS = 200
SLOW_CLIENT_SECONDS = 6.0

TARGET_STATIC_RATIO = 0.75
TARGET_PUBLISH_MS = 200.0
TARGET_CASCADE_S = 30.0
TARGET_TOTAL_S = 300.0

PROXY_HEADER = "X-Forwarded-Proto: https"
# The one setting a run may vary from outside, to compare the page cache with and without
# remembered stamps.
PASSED_THROUGH = {"DJANGO_PAGE_CACHE_LISTEN"}
STATIC_COPY = "bench/notice-page.html"


class Interrupted(Exception):
    """SIGTERM, turned into an exception so that every clean-up below still runs."""


class BenchmarkError(Exception):
    """The benchmark cannot go on; the message says why, in words."""


def _on_sigterm(signum, frame):
    raise Interrupted("stopped by SIGTERM")


# --- The throwaway database -----------------------------------------------------------------


@contextlib.contextmanager
def throwaway_database() -> Iterator[str]:
    """A new, empty database; dropped on the way out, with any connection still open to it."""
    name = f"notices_bench_{secrets.token_hex(4)}"
    try:
        with psycopg.connect(PG_ADMIN, autocommit=True, connect_timeout=5) as admin:
            admin.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    except psycopg.Error as error:
        raise BenchmarkError(
            f"Cannot create a database on PostgreSQL at 127.0.0.1:5432 as user postgres: {error}"
        ) from None
    try:
        yield f"postgres://postgres@127.0.0.1:5432/{name}"
    finally:
        # Django's connection would keep the database in use; FORCE ends it (PostgreSQL 13+).
        drop = sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
        with signals_held(), psycopg.connect(PG_ADMIN, autocommit=True) as admin:
            admin.execute(drop)
        print(f"Dropped the database {name}.")


@contextlib.contextmanager
def throwaway_sqlite(directory: Path) -> Iterator[str]:
    """A new SQLite file in the run's temporary directory, which goes with it."""
    path = directory / "bench.sqlite3"
    try:
        yield f"sqlite:///{path}"
    finally:
        for leftover in (
            path,
            path.with_name(f"{path.name}-wal"),
            path.with_name(f"{path.name}-shm"),
        ):
            leftover.unlink(missing_ok=True)


@contextlib.contextmanager
def signals_held() -> Iterator[None]:
    """SIGINT and SIGTERM are ignored until the block is done: the run is ending anyway, and a
    second Ctrl-C must not stop the clean-up half way."""
    previous = {sig: signal.signal(sig, signal.SIG_IGN) for sig in (signal.SIGINT, signal.SIGTERM)}
    try:
        yield
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)


def production_environment(database_url: str, static_root: Path) -> dict[str, str]:
    """The environment of a production server behind a TLS-terminating proxy, on 127.0.0.1."""
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith("DJANGO_") or key in PASSED_THROUGH
    }
    env.pop("REDIS_URL", None)
    env |= {
        "DJANGO_SETTINGS_MODULE": "benchmarks.settings",
        "BENCH_STATIC_ROOT": str(static_root),
        "DATABASE_URL": database_url,
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
        "DJANGO_HTTPS": "true",
        "DJANGO_BEHIND_PROXY": "true",
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
        "DJANGO_LOG_LEVEL": "WARNING",
        "PYTHONPATH": str(ROOT),
    }
    return env


# --- gunicorn ---------------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Server:
    """gunicorn with the project's config file, its log in a file."""

    def __init__(self, env: dict[str, str], log_path: Path) -> None:
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.log_path = log_path
        self.env = env | {"HOST": "127.0.0.1", "PORT": str(self.port)}
        self.process: subprocess.Popen | None = None

    def start(self) -> None:
        command = [
            str(ROOT / ".venv/bin/gunicorn"),
            "--config",
            str(ROOT / "config/gunicorn.conf.py"),
            "config.wsgi:application",
        ]
        with open(self.log_path, "ab") as log:
            self.process = subprocess.Popen(  # noqa: S603 (a fixed command)
                command, cwd=ROOT, env=self.env, stdout=log, stderr=subprocess.STDOUT
            )
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise BenchmarkError(f"gunicorn exited at start; see {self.log_path}")
            if self.answers("/healthz") or self.answers("/robots.txt"):
                return
            time.sleep(0.25)
        raise BenchmarkError(f"gunicorn did not answer within 60 seconds; see {self.log_path}")

    def get(self, path: str) -> tuple[int, bytes]:
        # Always http://127.0.0.1:<port>/..., never a scheme from outside.
        url, headers = self.base + path, {"X-Forwarded-Proto": "https"}
        request = urllib.request.Request(url, headers=headers)  # noqa: S310
        try:
            with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310
                return response.status, response.read()
        except urllib.error.HTTPError as error:
            return error.code, error.read()

    def answers(self, path: str) -> bool:
        try:
            return self.get(path)[0] == 200
        except OSError:
            return False

    def worker_pids(self) -> set[int]:
        return children_of(self.process.pid) if self.process else set()

    def log_since(self, offset: int) -> str:
        with open(self.log_path, "rb") as log:
            log.seek(offset)
            return log.read().decode("utf-8", "replace")

    def log_size(self) -> int:
        return self.log_path.stat().st_size

    def stop(self) -> None:
        if self.process is None or self.process.poll() is not None:
            return
        self.process.terminate()
        try:
            self.process.wait(timeout=40)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


def children_of(parent: int) -> set[int]:
    pids = set()
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            with contextlib.suppress(OSError):
                # The parent's pid is the fourth field, after the name in brackets.
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
                if int(fields[1]) == parent:
                    pids.add(int(entry.name))
    return pids


def memory_kb(pid: int, field_name: str) -> int | None:
    """VmRSS (now) or VmHWM (peak) of a process, in kB; None once it has gone."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith(f"{field_name}:"):
                return int(line.split()[1])
    except OSError:
        return None
    return None


class MemoryWatch(threading.Thread):
    """Samples every worker's peak memory (VmHWM) twice a second, so that the peak of a worker
    replaced meanwhile (max_requests) is not lost."""

    def __init__(self, server: Server) -> None:
        super().__init__(daemon=True)
        self.server = server
        self.peaks: dict[int, int] = {}
        self.stopping = threading.Event()

    def run(self) -> None:
        while not self.stopping.wait(0.5):
            self.sample()

    def sample(self) -> None:
        for pid in self.server.worker_pids():
            peak = memory_kb(pid, "VmHWM")
            if peak is not None:
                self.peaks[pid] = max(peak, self.peaks.get(pid, 0))

    def stop(self) -> None:
        self.sample()
        self.stopping.set()


@dataclass(frozen=True)
class WorkerEvents:
    """What gunicorn's log says happened to workers. A worker that timed out, was killed or
    exited with an error died; any other new worker replaced one that reached max_requests."""

    started: int
    timed_out: int
    died: int

    @classmethod
    def read(cls, log: str) -> "WorkerEvents":
        return cls(
            started=log.count("Booting worker with pid"),
            timed_out=log.count("WORKER TIMEOUT"),
            died=len(re.findall(r"was sent SIG|exited with code", log)),
        )

    def replaced_as_planned(self, *, initial: int = 0) -> int:
        return max(self.started - initial - self.timed_out - self.died, 0)


# --- wrk ----------------------------------------------------------------------------------------


@dataclass
class Load:
    """One wrk run."""

    requests: int
    seconds: float
    bytes: int
    p50_ms: float
    p99_ms: float
    status_errors: int  # non-2xx or 3xx responses
    socket_errors: int  # connect, read, write and timeout
    statuses: dict[str, int] = field(default_factory=dict)

    @property
    def rps(self) -> float:
        return self.requests / self.seconds if self.seconds else 0.0

    @property
    def errors(self) -> int:
        return self.status_errors + self.socket_errors


def _raise_file_limit() -> None:
    # Each connection is a file descriptor; the usual soft limit of 1,024 is below 1,000 sockets
    # plus wrk's own.
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    wanted = MANY_CONNECTIONS * 4
    if soft < wanted:
        ceiling = wanted if hard == resource.RLIM_INFINITY else min(wanted, hard)
        resource.setrlimit(resource.RLIMIT_NOFILE, (ceiling, hard))


def wrk(
    url: str,
    *,
    seconds: float,
    connections: int = WRK_CONNECTIONS,
    script: str = "report.lua",
    script_args: tuple[str, ...] = (),
) -> Load:
    command = [
        "wrk",
        f"--threads={WRK_THREADS}",
        f"--connections={connections}",
        f"--duration={int(seconds)}s",
        f"--timeout={WRK_TIMEOUT}",
        "--latency",
        f"--header={PROXY_HEADER}",
        f"--script={WRK_SCRIPTS / script}",
        url,
    ]
    if script_args:
        command += ["--", *script_args]
    finished = subprocess.run(  # noqa: S603 (a fixed command)
        command, capture_output=True, text=True, preexec_fn=_raise_file_limit, check=False
    )
    found = re.search(r"^wrk-result (.*)$", finished.stdout, re.MULTILINE)
    if finished.returncode != 0 or not found:
        raise BenchmarkError(f"wrk failed on {url}:\n{finished.stdout}{finished.stderr}")
    figures = {key: int(value) for key, value in re.findall(r"(\w+)=(\d+)", found.group(1))}
    return Load(
        requests=figures["requests"],
        seconds=figures["duration_us"] / 1e6,
        bytes=figures["bytes"],
        p50_ms=figures["p50_us"] / 1000,
        p99_ms=figures["p99_us"] / 1000,
        status_errors=figures["status_errors"],
        socket_errors=sum(figures[kind] for kind in ("connect", "read", "write", "timeout")),
        statuses={key: value for key, value in figures.items() if re.fullmatch(r"s\d\w\w", key)},
    )


# --- Slow clients -------------------------------------------------------------------------------


@dataclass
class SlowClients:
    connected: int = 0
    answered: int = 0  # a complete status line came back
    refused: int = 0  # could not connect, or the server closed the socket first


def send_slowly(port: int, path: str, clients: int, seconds: float, result: SlowClients) -> None:
    """Opens `clients` sockets and sends each one's request headers a byte at a time, all of
    them spread over `seconds`, then waits for the answers: a slowloris, politely."""
    request = (
        f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n{PROXY_HEADER}\r\n"
        "Connection: close\r\n\r\n"
    ).encode()
    sockets = []
    for _ in range(clients):
        try:
            sockets.append(socket.create_connection(("127.0.0.1", port), timeout=5))
        except OSError:
            result.refused += 1
    result.connected = len(sockets)
    pause = seconds / len(request)
    for byte in range(len(request)):
        for client in list(sockets):
            try:
                client.send(request[byte : byte + 1])
            except OSError:
                result.refused += 1
                sockets.remove(client)
                client.close()
        time.sleep(pause)
    replies = {client: b"" for client in sockets}
    deadline = time.monotonic() + 30
    while replies and time.monotonic() < deadline:
        readable, _, _ = select.select(list(replies), [], [], 1.0)
        for client in readable:
            try:
                chunk = client.recv(65536)
            except OSError:
                chunk = b""
            replies[client] += chunk
            if not chunk or b"\r\n" in replies[client]:
                if replies[client].startswith(b"HTTP/1.1 200"):
                    result.answered += 1
                elif not replies[client]:
                    result.refused += 1
                del replies[client]
                client.close()
    for client in replies:
        client.close()


# --- In-process timings ----------------------------------------------------------------------


def publish_times(first_council: int) -> list[float]:
    """Publishing a 60-section notice, in ms: separate notices, each with a sentence added; the
    first run warms up and is not counted."""
    from notices.demo.synthetic.site import build_site
    from notices.models import Notice, Section
    from notices.publishing.publish import publish_notice

    site = build_site(
        councils=PUBLISH_RUNS + 1, versions=1, sections=PUBLISH_SECTIONS, first=first_council
    )
    times = []
    for slug in site.slugs:
        notice = Notice.objects.get(council__slug=slug)
        section = Section.objects.filter(notice=notice).order_by("position").first()
        section.body += "\n\nWe now also record which languages a family speaks at home."
        section.save()
        start = time.perf_counter()
        publish_notice(notice, by=None, change_note="A sentence added.", is_major=False)
        times.append((time.perf_counter() - start) * 1000)
    return times[1:]


def cascade_time() -> tuple[float, int]:
    """Publishing a change to the shared block: seconds, and how many notices it reached."""
    from notices.models import SharedBlockPart
    from notices.publishing.shared_block import publish_shared_block

    part = SharedBlockPart.objects.order_by("position", "pk").first()
    part.body += "\n\nDfE publishes a list of the requests for data it has approved."
    part.save()
    start = time.perf_counter()
    publication = publish_shared_block(
        part.block, by=None, change_note="A sentence about approved requests.", is_major=True
    )
    return time.perf_counter() - start, len(publication.notice_versions)


def pdf_times(runs: int = 5) -> list[float]:
    """Making the PDF of a version (notices.printing), in ms: the latest versions, which
    publish_times made from 60-section notices; the first run warms up and is not counted."""
    from notices.models import NoticeVersion
    from notices.printing.pdf import make_pdf

    versions = NoticeVersion.objects.select_related("notice__council").order_by("-pk")[: runs + 1]
    times = []
    for version in versions:
        start = time.perf_counter()
        make_pdf(version)
        times.append((time.perf_counter() - start) * 1000)
    return times[1:]


@dataclass(frozen=True)
class DiffTimes:
    realistic_median_ms: float
    realistic_p95_ms: float
    worst_median_ms: float
    worst_p95_ms: float


def diff_times() -> DiffTimes:
    """benchmarks.diff_benchmark's two cases (60 sections), timed the same way."""
    import random

    from benchmarks import diff_benchmark as bench
    from notices.publishing.diffing.notice import diff_versions
    from notices.publishing.diffing.results import NoticeSide

    rng = random.Random(2025)  # noqa: S311 (made-up text, not secrets)
    old, old_block = bench.notice_snapshot(rng), bench.block_snapshot(rng)
    figures = []
    for edit in (bench.realistic_edit, bench.worst_edit):
        new, new_block = edit(old, old_block, random.Random(7))  # noqa: S311
        old_side = NoticeSide(old, old_block, "version 1")
        new_side = NoticeSide(new, new_block, "version 2")
        times = bench.timings(lambda o=old_side, n=new_side: diff_versions(o, n))
        figures += [statistics.median(times), bench.p95(times)]
    return DiffTimes(*figures)


# --- The run ---------------------------------------------------------------------------------


@dataclass
class PageFigures:
    name: str
    path: str
    size: int
    load: Load


def measure_pages(server: Server, pages: list[tuple[str, str]], seconds: float) -> list:
    figures = []
    for name, path in pages:
        status, body = server.get(path)  # the warm-up: the page is cached from now on
        if status != 200:
            raise BenchmarkError(f"{name} ({path}) answered {status} before the load")
        load = wrk(server.base + path, seconds=seconds)
        figures.append(PageFigures(name, path, len(body), load))
        print(f"  {name:<22} {load.rps:8.0f} requests/s", flush=True)
    return figures


def print_page_table(title: str, figures: list[PageFigures]) -> None:
    static = next(figure for figure in figures if figure.name == "static file")
    print(f"\n{title}")
    print(
        f"{'page':<22} {'bytes':>8} {'req/s':>8} {'p50 ms':>8} {'p99 ms':>8} {'errors':>7} "
        f"{'vs static':>9}"
    )
    for figure in figures:
        load = figure.load
        print(
            f"{figure.name:<22} {figure.size:>8,} {load.rps:>8.0f} {load.p50_ms:>8.1f} "
            f"{load.p99_ms:>8.1f} {load.errors:>7} {load.rps / static.load.rps:>9.0%}"
        )


def redis_ready() -> bool:
    import redis

    try:
        client = redis.Redis.from_url(REDIS_URL, socket_connect_timeout=2)
        client.flushdb()
        return True
    except redis.RedisError:
        return False


def parse_arguments(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--redis",
        action="store_true",
        help=f"measure the pages a second time with the page cache in Redis ({REDIS_URL})",
    )
    parser.add_argument(
        "--sqlite",
        action="store_true",
        help="run on a throwaway SQLite file instead of PostgreSQL at 127.0.0.1:5432",
    )
    parser.add_argument(
        "--seconds", type=int, default=8, help="how long wrk loads each page (default 8)"
    )
    arguments = parser.parse_args(argv)
    if not 1 <= arguments.seconds <= 60:
        parser.error("--seconds must be between 1 and 60.")
    return arguments


def main(argv: list[str]) -> int:
    arguments = parse_arguments(argv)
    began = time.monotonic()
    if shutil.which("wrk") is None:
        print("wrk is not installed: apt-get install -y wrk (make bench does it).", file=sys.stderr)
        return 2
    if arguments.redis and not redis_ready():
        print(f"--redis: no Redis answers at {REDIS_URL}.", file=sys.stderr)
        return 2
    previous_sigterm = signal.signal(signal.SIGTERM, _on_sigterm)
    try:
        if not (ROOT / "static/build").is_dir():
            subprocess.run(["make", "assets"], cwd=ROOT, check=True)  # noqa: S607 (make on PATH)
        with tempfile.TemporaryDirectory(prefix="notices-bench-") as temporary:
            database = (
                throwaway_sqlite(Path(temporary)) if arguments.sqlite else throwaway_database()
            )
            with database as database_url:
                return run(arguments, database_url, Path(temporary), began)
    except (KeyboardInterrupt, Interrupted) as stop:
        print(f"\nBenchmark stopped ({str(stop) or 'Ctrl-C'}); cleaned up.", file=sys.stderr)
        return 130
    except (BenchmarkError, subprocess.CalledProcessError, OSError) as error:
        # OSError: gunicorn went away under a request, say.
        print(f"The benchmark could not finish: {error}", file=sys.stderr)
        return 1
    finally:
        signal.signal(signal.SIGTERM, previous_sigterm)


def run(arguments: argparse.Namespace, database_url: str, temporary: Path, began: float) -> int:
    env = production_environment(database_url, temporary / "static")
    os.environ.update(env)
    for name in [key for key in os.environ if key.startswith("DJANGO_") and key not in env]:
        del os.environ[name]

    import django

    django.setup()
    from django.conf import settings

    # PDFs are timed on their own (pdf_times), not inside publishing and the cascade.
    settings.PDF_ON_PUBLISH = False
    pages = prepare_site(temporary / "static")
    server = Server(env, temporary / "gunicorn.log")
    load = put_under_load(server, pages, arguments.seconds)
    redis_figures = None
    if arguments.redis:
        redis_figures = measure_with_redis(env, temporary, pages, arguments.seconds)
    print("\nIn-process timings (gunicorn stopped):", flush=True)
    timings = time_in_process()
    print_report(load, redis_figures, timings, arguments.seconds)
    print_targets(load, timings, total=time.monotonic() - began)
    return 0


def prepare_site(static_root: Path) -> list[tuple[str, str]]:
    """Fills the database and the static files; the pages to load, as (name, path)."""
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client

    from notices.demo.synthetic.site import build_site

    print(
        f"Machine: {os.cpu_count()} cores. Data: {COUNCILS} councils x {VERSIONS} versions x "
        f"{SECTIONS} sections, on {connection.vendor}; stamps remembered: "
        f"{os.environ.get('DJANGO_PAGE_CACHE_LISTEN', 'true')}."
    )
    call_command("migrate", verbosity=0)
    start = time.perf_counter()
    site = build_site(councils=COUNCILS, versions=VERSIONS, sections=SECTIONS)
    print(
        f"Built the data set in {time.perf_counter() - start:.1f} s "
        f"({site.notice_versions:,} versions)."
    )
    slug = site.slugs[len(site.slugs) // 2]
    notice = f"/councils/{slug}/childrens-social-care/"
    call_command("collectstatic", interactive=False, verbosity=0)
    page = Client().get(notice, secure=True, headers={"host": "127.0.0.1"})
    if page.status_code != 200:
        raise BenchmarkError(f"The notice page answered {page.status_code} in process.")
    copy = static_root / STATIC_COPY
    copy.parent.mkdir(parents=True, exist_ok=True)
    copy.write_bytes(page.content)
    return [
        ("index", "/"),
        ("notice", notice),
        ("history", f"{notice}history/"),
        (f"compare 1...{VERSIONS}", f"{notice}compare/1...{VERSIONS}/"),
        ("council feed", f"/councils/{slug}/feed/"),
        ("recipients table", "/compare/recipients/"),
        ("one recipient", "/compare/recipients/police/"),
        ("static file", f"/static/{STATIC_COPY}"),
    ]


@dataclass
class UnderLoad:
    """Everything measured against gunicorn."""

    pages: list[PageFigures]
    random_paths: Load
    random_memory: list[dict[int, int | None]]  # RSS before, after one run, after two
    random_events: WorkerEvents
    many: Load
    many_events: WorkerEvents
    during_slow: Load
    slow: SlowClients
    slow_events: WorkerEvents
    same_workers_after_slow: bool
    initial_workers: int
    whole_run: WorkerEvents
    peaks_kb: dict[int, int]

    def page(self, name: str) -> PageFigures:
        return next(figure for figure in self.pages if figure.name == name)


def put_under_load(server: Server, pages: list[tuple[str, str]], seconds: float) -> UnderLoad:
    notice = dict(pages)["notice"]
    watch = MemoryWatch(server)
    try:
        server.start()
        initial_workers = len(server.worker_pids())
        print(f"gunicorn on {server.base}: {server_summary()}.")
        watch.start()
        print(f"Loading each page for {seconds} s:")
        figures = measure_pages(server, pages, seconds)

        print("Random slugs and version numbers, twice:", flush=True)
        offset = server.log_size()
        memory = [worker_rss(server)]
        random_loads = []
        for _ in range(2):
            random_loads.append(
                wrk(
                    server.base + "/",
                    seconds=seconds,
                    script="random_paths.lua",
                    script_args=(str(COUNCILS), str(VERSIONS)),
                )
            )
            memory.append(worker_rss(server))
        random_events = WorkerEvents.read(server.log_since(offset))

        print(f"{MANY_CONNECTIONS:,} connections on the notice page:", flush=True)
        offset = server.log_size()
        many = wrk(server.base + notice, seconds=seconds, connections=MANY_CONNECTIONS)
        many_events = WorkerEvents.read(server.log_since(offset))

        print(f"{SLOW_CLIENTS} slow clients while loading the notice page:", flush=True)
        offset = server.log_size()
        workers_before = server.worker_pids()
        slow = SlowClients()
        sender = threading.Thread(
            target=send_slowly,
            args=(server.port, notice, SLOW_CLIENTS, SLOW_CLIENT_SECONDS, slow),
            daemon=True,
        )
        sender.start()
        time.sleep(0.5)
        during_slow = wrk(server.base + notice, seconds=seconds)
        sender.join(timeout=60)
        slow_events = WorkerEvents.read(server.log_since(offset))
        same_workers = workers_before == server.worker_pids()
        watch.stop()
        return UnderLoad(
            pages=figures,
            random_paths=combined(random_loads),
            random_memory=memory,
            random_events=random_events,
            many=many,
            many_events=many_events,
            during_slow=during_slow,
            slow=slow,
            slow_events=slow_events,
            same_workers_after_slow=same_workers,
            initial_workers=initial_workers,
            whole_run=WorkerEvents.read(server.log_since(0)),
            peaks_kb=dict(watch.peaks),
        )
    finally:
        watch.stop()
        server.stop()


def worker_rss(server: Server) -> dict[int, int | None]:
    return {pid: memory_kb(pid, "VmRSS") for pid in server.worker_pids()}


@dataclass(frozen=True)
class InProcess:
    cascade_seconds: float
    cascade_notices: int
    publish_ms: list[float]
    pdf_ms: list[float]
    diff: DiffTimes

    @property
    def median_publish_ms(self) -> float:
        return statistics.median(self.publish_ms)


def time_in_process() -> InProcess:
    seconds, reached = cascade_time()
    return InProcess(
        cascade_seconds=seconds,
        cascade_notices=reached,
        publish_ms=publish_times(first_council=COUNCILS + 1),
        pdf_ms=pdf_times(),
        diff=diff_times(),
    )


def print_report(
    load: UnderLoad,
    redis_figures: list[PageFigures] | None,
    timings: InProcess,
    seconds: float,
) -> None:
    print_page_table(
        f"Pages: wrk -t{WRK_THREADS} -c{WRK_CONNECTIONS} -d{seconds}s; gunicorn {server_summary()}",
        load.pages,
    )
    if redis_figures:
        print_page_table("The same with the page cache in Redis", redis_figures)
    print()
    random, statuses = load.random_paths, load.random_paths.statuses
    print(
        f"Random slugs and version numbers: {random.requests:,} requests, {random.rps:.0f}/s; "
        f"answers 2xx {statuses.get('s2xx', 0):,}, 3xx {statuses.get('s3xx', 0):,}, "
        f"404 {statuses.get('s404', 0):,}, other 4xx {statuses.get('s4xx', 0):,}, "
        f"5xx {statuses.get('s5xx', 0):,}; socket errors {random.socket_errors}"
    )
    print(
        "  worker memory (RSS, MB) before -> after one run -> after two: "
        + memory_change(load.random_memory)
    )
    print(f"  workers: {describe(load.random_events)}")
    many = load.many
    print(
        f"{MANY_CONNECTIONS:,} connections, notice page: {many.rps:.0f} requests/s, "
        f"p50 {many.p50_ms:.0f} ms, p99 {many.p99_ms:.0f} ms, "
        f"errors {many.errors} ({many.status_errors} non-2xx/3xx, {many.socket_errors} socket)"
        f"; workers: {describe(load.many_events)}"
    )
    during, alone = load.during_slow, load.page("notice").load
    print(
        f"{SLOW_CLIENTS} slow clients ({SLOW_CLIENT_SECONDS:.0f} s to send their headers): notice "
        f"page {during.rps:.0f} requests/s meanwhile ({during.rps / alone.rps:.0%} of its rate "
        f"alone), p99 {during.p99_ms:.0f} ms, errors {during.errors}; slow clients answered "
        f"{load.slow.answered}/{SLOW_CLIENTS}, refused or dropped {load.slow.refused}"
    )
    print(
        f"  workers: {describe(load.slow_events)}; the same workers before and after: "
        f"{'yes' if load.same_workers_after_slow else 'no'}"
    )
    print(f"Workers over the whole load: {describe(load.whole_run, initial=load.initial_workers)}")
    peak_mb = [peak / 1024 for peak in load.peaks_kb.values()] or [0.0]
    print(
        f"Peak memory per worker (VmHWM): max {max(peak_mb):.0f} MB, median "
        f"{statistics.median(peak_mb):.0f} MB over {len(load.peaks_kb)} worker processes"
    )
    print(
        f"Publishing a {PUBLISH_SECTIONS}-section notice: median "
        f"{timings.median_publish_ms:.0f} ms "
        f"(runs: {', '.join(f'{ms:.0f}' for ms in timings.publish_ms)} ms)"
    )
    print(
        f"PDF of a {PUBLISH_SECTIONS}-section version: median "
        f"{statistics.median(timings.pdf_ms):.0f} ms per version "
        f"(runs: {', '.join(f'{ms:.0f}' for ms in timings.pdf_ms)} ms)"
    )
    print(
        f"Shared block cascade: {timings.cascade_seconds:.1f} s for "
        f"{timings.cascade_notices} notices"
    )
    diff = timings.diff
    print(
        f"Diff of two 60-section versions: realistic median {diff.realistic_median_ms:.1f} ms "
        f"(p95 {diff.realistic_p95_ms:.1f}), every section changed median "
        f"{diff.worst_median_ms:.1f} ms (p95 {diff.worst_p95_ms:.1f})"
    )


def print_targets(load: UnderLoad, timings: InProcess, *, total: float) -> None:
    notice_rps = load.page("notice").load.rps
    static_rps = load.page("static file").load.rps
    page_errors = sum(figure.load.errors for figure in load.pages)
    server_errors = load.random_paths.statuses.get("s5xx", 0)
    lost_workers = load.whole_run.timed_out + load.whole_run.died
    targets = [
        (
            f"notice page at {notice_rps / static_rps:.0%} of the static file's requests/s",
            notice_rps >= TARGET_STATIC_RATIO * static_rps,
            f"at least {TARGET_STATIC_RATIO:.0%}",
        ),
        (
            f"{page_errors} errors on the pages, {server_errors} 5xx on random addresses",
            page_errors == 0 and server_errors == 0,
            "none",
        ),
        (
            f"{lost_workers} workers timed out, killed or dead",
            lost_workers == 0,
            "none",
        ),
        (
            f"publish {timings.median_publish_ms:.0f} ms",
            timings.median_publish_ms < TARGET_PUBLISH_MS,
            f"under {TARGET_PUBLISH_MS:.0f} ms",
        ),
        (
            f"cascade to {timings.cascade_notices} notices {timings.cascade_seconds:.1f} s",
            timings.cascade_seconds < TARGET_CASCADE_S,
            f"under {TARGET_CASCADE_S:.0f} s",
        ),
        (f"whole run {total:.0f} s", total < TARGET_TOTAL_S, "under 5 minutes"),
    ]
    print()
    for what, met, target in targets:
        print(f"{'PASS' if met else 'FAIL'}  {what} (target: {target})")


def measure_with_redis(
    env: dict[str, str], temporary: Path, pages: list[tuple[str, str]], seconds: float
) -> list[PageFigures]:
    redis_ready()  # flushes the database again
    server = Server(env | {"REDIS_URL": REDIS_URL}, temporary / "gunicorn-redis.log")
    try:
        server.start()
        print(f"With the page cache in Redis ({REDIS_URL}):")
        return measure_pages(server, pages, seconds)
    finally:
        server.stop()


def server_summary() -> str:
    """The gunicorn settings the server runs with: the config file read with this environment."""
    config = runpy.run_path(str(ROOT / "config/gunicorn.conf.py"))
    threads = f" x {config['threads']} threads" if config["worker_class"] == "gthread" else ""
    return (
        f"{config['workers']} {config['worker_class']} workers{threads}, max_requests "
        f"{config['max_requests']:,} + up to {config['max_requests_jitter']:,}"
    )


def memory_change(samples: list[dict[int, int | None]]) -> str:
    """Each worker's RSS at each sample, for the workers present in all of them."""
    kept = sorted(pid for pid in samples[0] if all(sample.get(pid) for sample in samples))
    changes = [" -> ".join(f"{sample[pid] / 1024:.0f}" for sample in samples) for pid in kept]
    replaced = len(samples[0]) - len(kept)
    return ", ".join(changes) + (f" ({replaced} replaced meanwhile)" if replaced else "")


def combined(loads: list[Load]) -> Load:
    """Several wrk runs as one: counts added, latencies the worst of them."""
    statuses: dict[str, int] = {}
    for load in loads:
        for status, count in load.statuses.items():
            statuses[status] = statuses.get(status, 0) + count
    return Load(
        requests=sum(load.requests for load in loads),
        seconds=sum(load.seconds for load in loads),
        bytes=sum(load.bytes for load in loads),
        p50_ms=max(load.p50_ms for load in loads),
        p99_ms=max(load.p99_ms for load in loads),
        status_errors=sum(load.status_errors for load in loads),
        socket_errors=sum(load.socket_errors for load in loads),
        statuses=statuses,
    )


def describe(events: WorkerEvents, *, initial: int = 0) -> str:
    return (
        f"{events.timed_out} timed out, {events.died} killed or died, "
        f"{events.replaced_as_planned(initial=initial)} replaced after max_requests"
    )


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

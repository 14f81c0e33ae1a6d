"""The site benchmark's own parts: refusing to start without what it needs, reading wrk's and
gunicorn's output, the slow clients, and dropping its database whatever happens.

The benchmark itself runs with `make bench`; these tests need no database of Django's.
"""

import socket
import subprocess
import threading

import psycopg
import pytest

from benchmarks import site_benchmark as bench

WRK_OUTPUT = (
    "Running 8s test @ http://127.0.0.1:8000/\n"
    "wrk-result requests=24000 duration_us=8000000 bytes=2000000000 p50_us=9500 p99_us=41250 "
    "max_us=90000 status_errors=3 connect=0 read=2 write=0 timeout=1\n"
)


def finished(stdout: str, returncode: int = 0) -> subprocess.CompletedProcess:
    return subprocess.CompletedProcess(
        args=["wrk"], returncode=returncode, stdout=stdout, stderr=""
    )


def test_wrk_figures_are_read_from_the_scripts_line(monkeypatch):
    monkeypatch.setattr(bench.subprocess, "run", lambda *args, **kwargs: finished(WRK_OUTPUT))

    load = bench.wrk("http://127.0.0.1:8000/", seconds=8)

    assert load.requests == 24_000
    assert load.rps == 3_000
    assert (load.p50_ms, load.p99_ms) == (9.5, 41.25)
    assert (load.status_errors, load.socket_errors, load.errors) == (3, 3, 6)


def test_the_random_paths_answers_are_counted_by_status(monkeypatch):
    line = WRK_OUTPUT.strip() + " s2xx=10 s3xx=2 s404=50 s4xx=7 s5xx=1\n"
    monkeypatch.setattr(bench.subprocess, "run", lambda *args, **kwargs: finished(line))

    load = bench.wrk("http://127.0.0.1:8000/", seconds=8, script="random_paths.lua")

    assert load.statuses == {"s2xx": 10, "s3xx": 2, "s404": 50, "s4xx": 7, "s5xx": 1}


@pytest.mark.parametrize(
    "result",
    [finished("unable to connect to 127.0.0.1:8000 Connection refused\n", 1), finished("")],
)
def test_a_failed_wrk_run_stops_the_benchmark_with_its_output(monkeypatch, result):
    monkeypatch.setattr(bench.subprocess, "run", lambda *args, **kwargs: result)

    with pytest.raises(bench.BenchmarkError, match="wrk failed on http://127.0.0.1:8000/"):
        bench.wrk("http://127.0.0.1:8000/", seconds=8)


def test_runs_added_together_keep_the_worst_latency():
    first = bench.Load(100, 1.0, 10, 5.0, 50.0, 1, 0, {"s5xx": 0, "s404": 10})
    second = bench.Load(300, 1.0, 30, 7.0, 20.0, 0, 2, {"s5xx": 1, "s404": 5})

    both = bench.combined([first, second])

    assert (both.requests, both.rps, both.p50_ms, both.p99_ms) == (400, 200.0, 7.0, 50.0)
    assert both.errors == 3
    assert both.statuses == {"s5xx": 1, "s404": 15}


def test_gunicorns_log_tells_planned_restarts_from_deaths():
    log = "\n".join(
        [
            "[INFO] Booting worker with pid: 101",
            "[INFO] Booting worker with pid: 102",
            "[INFO] Autorestarting worker after current request.",
            "[INFO] Autorestarting worker after current request.",
            "[INFO] Booting worker with pid: 103",
            '127.0.0.1 - - "GET / HTTP/1.1" 200 255114',
        ]
    )
    deaths = "\n".join(
        [
            "[CRITICAL] WORKER TIMEOUT (pid:101)",
            "[ERROR] Worker (pid:101) was sent SIGKILL! Perhaps out of memory?",
            "[ERROR] Worker (pid:103) exited with code 1.",
            "[INFO] Booting worker with pid: 104",
            "[INFO] Booting worker with pid: 105",
        ]
    )

    planned = bench.WorkerEvents.read(log)
    unplanned = bench.WorkerEvents.read(deaths)

    assert planned == bench.WorkerEvents(started=3, timed_out=0, died=0)
    assert planned.replaced_as_planned(initial=2) == 1
    assert unplanned == bench.WorkerEvents(started=2, timed_out=1, died=2)
    assert unplanned.replaced_as_planned() == 0


def test_memory_is_compared_for_the_workers_that_lived_through_every_sample():
    samples = [{1: 102_400, 2: 51_200}, {1: 102_400, 2: 51_200}, {1: 104_448, 3: 40_000}]

    assert bench.memory_change(samples) == "100 -> 100 -> 102 (1 replaced meanwhile)"


@pytest.mark.parametrize("seconds", ["0", "61", "eight"])
def test_an_impossible_duration_is_refused_with_a_message(capsys, seconds):
    with pytest.raises(SystemExit) as stopped:
        bench.parse_arguments(["--seconds", seconds])

    assert stopped.value.code == 2
    assert "--seconds" in capsys.readouterr().err


def test_without_wrk_it_says_so_and_touches_nothing(monkeypatch, capsys):
    monkeypatch.setattr(bench.shutil, "which", lambda name: None)
    monkeypatch.setattr(bench, "throwaway_database", pytest.fail)

    assert bench.main([]) == 2
    assert "wrk is not installed" in capsys.readouterr().err


def test_with_redis_asked_for_but_not_answering_it_says_so(monkeypatch, capsys):
    monkeypatch.setattr(bench.shutil, "which", lambda name: "/usr/bin/wrk")
    monkeypatch.setattr(bench, "REDIS_URL", "redis://127.0.0.1:1/15")
    monkeypatch.setattr(bench, "throwaway_database", pytest.fail)

    assert bench.main(["--redis"]) == 2
    assert "no Redis answers" in capsys.readouterr().err


def test_without_postgresql_it_says_so_and_exits_non_zero(monkeypatch, capsys):
    monkeypatch.setattr(bench.shutil, "which", lambda name: "/usr/bin/wrk")
    monkeypatch.setattr(bench, "PG_ADMIN", "postgres://postgres@127.0.0.1:1/postgres")
    monkeypatch.setattr(bench, "run", pytest.fail)

    assert bench.main([]) == 1
    assert "Cannot create a database on PostgreSQL" in capsys.readouterr().err


def postgresql_or_skip() -> None:
    try:
        psycopg.connect(bench.PG_ADMIN, connect_timeout=2).close()
    except psycopg.Error:
        pytest.skip("No PostgreSQL at 127.0.0.1:5432 as user postgres.")


def database_exists(url: str) -> bool:
    name = url.rsplit("/", 1)[1]
    with psycopg.connect(bench.PG_ADMIN) as admin:
        found = admin.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone()
    return found is not None


@pytest.mark.parametrize("stop", [RuntimeError("the benchmark crashed"), KeyboardInterrupt()])
def test_the_throwaway_database_is_dropped_on_a_crash_or_ctrl_c(stop):
    postgresql_or_skip()
    with pytest.raises(type(stop)), bench.throwaway_database() as url:
        # A connection left open, as Django's is, does not keep it.
        held = psycopg.connect(url)
        assert database_exists(url)
        raise stop
    assert not database_exists(url)
    held.close()


def test_slow_clients_are_counted_when_answered():
    server = socket.create_server(("127.0.0.1", 0))
    port = server.getsockname()[1]

    def answer_each() -> None:
        for _ in range(3):
            client, _ = server.accept()
            request = b""
            while not request.endswith(b"\r\n\r\n"):
                request += client.recv(1)
            client.sendall(b"HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n")
            client.close()

    answering = threading.Thread(target=answer_each, daemon=True)
    answering.start()
    result = bench.SlowClients()

    bench.send_slowly(port, "/", clients=3, seconds=0.2, result=result)

    answering.join(timeout=5)
    server.close()
    assert (result.connected, result.answered, result.refused) == (3, 3, 0)


def under_load(*, notice_rps: float, static_rps: float, server_errors: int = 0) -> bench.UnderLoad:
    def load(rps: float) -> bench.Load:
        return bench.Load(int(rps * 8), 8.0, 1000, 9.0, 40.0, 0, 0)

    quiet = bench.WorkerEvents(started=0, timed_out=0, died=0)
    return bench.UnderLoad(
        pages=[
            bench.PageFigures("notice", "/n/", 85_000, load(notice_rps)),
            bench.PageFigures("static file", "/s", 85_000, load(static_rps)),
        ],
        random_paths=bench.Load(800, 8.0, 1, 1.0, 2.0, 700, 0, {"s5xx": server_errors}),
        random_memory=[{}],
        random_events=quiet,
        many=load(100),
        many_events=quiet,
        during_slow=load(50),
        slow=bench.SlowClients(connected=200, answered=200),
        slow_events=quiet,
        same_workers_after_slow=True,
        initial_workers=5,
        whole_run=bench.WorkerEvents(started=5, timed_out=0, died=0),
        peaks_kb={1: 80_000},
    )


def in_process(*, publish_ms: float, cascade_seconds: float) -> bench.InProcess:
    return bench.InProcess(
        cascade_seconds=cascade_seconds,
        cascade_notices=400,
        publish_ms=[publish_ms] * 5,
        diff=bench.DiffTimes(3.0, 3.1, 31.0, 32.0),
    )


def test_every_target_met_is_a_pass(capsys):
    bench.print_targets(
        under_load(notice_rps=800, static_rps=1000),
        in_process(publish_ms=75, cascade_seconds=13.5),
        total=134,
    )

    lines = capsys.readouterr().out.strip().splitlines()
    assert len(lines) == 6
    assert all(line.startswith("PASS  ") for line in lines)
    assert "PASS  notice page at 80% of the static file's requests/s" in lines[0]


def test_each_target_missed_is_a_fail_that_says_by_how_much(capsys):
    bench.print_targets(
        under_load(notice_rps=700, static_rps=1000, server_errors=3),
        in_process(publish_ms=250, cascade_seconds=31),
        total=301,
    )

    out = capsys.readouterr().out
    assert "FAIL  notice page at 70% of the static file's requests/s (target: at least 75%)" in out
    assert "FAIL  0 errors on the pages, 3 5xx on random addresses (target: none)" in out
    assert "FAIL  publish 250 ms (target: under 200 ms)" in out
    assert "FAIL  cascade to 400 notices 31.0 s (target: under 30 s)" in out
    assert "FAIL  whole run 301 s (target: under 5 minutes)" in out
    assert "PASS  0 workers timed out, killed or dead" in out


def test_with_sqlite_it_never_asks_postgresql_and_runs_on_a_file(monkeypatch, tmp_path):
    monkeypatch.setattr(bench.shutil, "which", lambda name: "/usr/bin/wrk")
    monkeypatch.setattr(bench, "throwaway_database", pytest.fail)
    seen = []
    monkeypatch.setattr(
        bench, "run", lambda arguments, url, temporary, began: seen.append(url) or 0
    )

    assert bench.main(["--sqlite"]) == 0
    assert len(seen) == 1 and seen[0].startswith("sqlite:///")
    assert seen[0].endswith("/bench.sqlite3")


@pytest.mark.parametrize("stop", [RuntimeError("the benchmark crashed"), KeyboardInterrupt()])
def test_the_throwaway_sqlite_file_is_removed_on_a_crash_or_ctrl_c(tmp_path, stop):
    with pytest.raises(type(stop)), bench.throwaway_sqlite(tmp_path) as url:
        path = tmp_path / "bench.sqlite3"
        path.write_bytes(b"")
        (tmp_path / "bench.sqlite3-wal").write_bytes(b"")
        assert url == f"sqlite:///{path}"
        raise stop
    assert list(tmp_path.iterdir()) == []


def test_only_the_page_cache_switch_passes_through_to_the_server(monkeypatch, tmp_path):
    monkeypatch.setenv("DJANGO_PAGE_CACHE_LISTEN", "false")
    monkeypatch.setenv("DJANGO_DEBUG", "true")
    env = bench.production_environment("sqlite:///x", tmp_path)
    assert env["DJANGO_PAGE_CACHE_LISTEN"] == "false"
    assert "DJANGO_DEBUG" not in env

"""Issue 15.B: an import is read in a child process with CPU, memory and wall-clock limits, so a
file that costs too much ends the child with a clear refusal, never the web worker."""

import logging
import time

import pytest

from notices.importing.isolation import IsolatedRefusal, run_isolated
from notices.models import DataCategory


class Refused(ValueError):
    pass


def add(left: int, right: int) -> int:
    return left + right


def refuse(message: str) -> None:
    raise Refused(message)


def spin() -> None:
    while True:
        pass


def hoard() -> list[bytes]:
    kept = []
    while True:
        kept.append(b"x" * (10 * 1024 * 1024))


def sleep() -> None:
    time.sleep(60)


def break_down() -> None:
    raise KeyError("a bug")


def test_the_result_comes_back_from_the_child():
    assert run_isolated(add, 2, 3) == 5


def test_a_refusal_in_the_child_keeps_its_message():
    with pytest.raises(IsolatedRefusal, match="^The file is empty.$"):
        run_isolated(refuse, "The file is empty.", passed_back=(Refused,))


def test_a_child_that_runs_out_of_cpu_time_is_stopped(settings):
    settings.IMPORT_CHILD_CPU_SECONDS = 1
    settings.IMPORT_CHILD_TIMEOUT_SECONDS = 120
    started = time.monotonic()
    with pytest.raises(IsolatedRefusal, match="took more time than any notice needs"):
        run_isolated(spin)
    assert time.monotonic() - started < 120  # the CPU limit ended it, not the clock


def test_a_child_that_runs_out_of_memory_is_stopped(settings):
    settings.IMPORT_CHILD_MEMORY_BYTES = 100 * 1024 * 1024
    with pytest.raises(IsolatedRefusal, match="took more memory than any notice needs"):
        run_isolated(hoard)


def test_a_child_that_takes_too_long_on_the_clock_is_killed(settings):
    settings.IMPORT_CHILD_TIMEOUT_SECONDS = 1
    started = time.monotonic()
    with pytest.raises(IsolatedRefusal, match="took more time"):
        run_isolated(sleep)
    assert time.monotonic() - started < 30  # the child sleeps for 60


def test_a_failure_in_the_child_is_logged_and_refused_in_plain_words(caplog):
    with caplog.at_level(logging.ERROR), pytest.raises(IsolatedRefusal, match="has been logged"):
        run_isolated(break_down)
    assert "KeyError: 'a bug'" in caplog.text


@pytest.mark.django_db
def test_the_workers_database_connection_still_works_after_a_child(settings):
    DataCategory.objects.create(slug="health", name="Health")
    settings.IMPORT_CHILD_CPU_SECONDS = 1
    with pytest.raises(IsolatedRefusal):
        run_isolated(spin)
    assert run_isolated(add, 1, 1) == 2
    assert DataCategory.objects.get().name == "Health"

"""Reading an import in a child process, so that no file can cost the web worker its time or its
memory.

`run_isolated(function, *args)` forks; the child lowers its own limits (RLIMIT_CPU, RLIMIT_AS,
no core file), calls the function, and sends back its result pickled through a pipe; the parent
waits at most a wall-clock timeout and kills the child if it is still running. The child touches
no database (the caller passes everything in) and leaves with os._exit, so it never closes or
flushes anything it shares with the parent, such as a database connection.

A fork, rather than a fresh interpreter, costs a few milliseconds instead of half a second of
start-up. In a threaded worker, a lock another thread held at the fork stays held in the child;
the wall-clock timeout covers that case as it covers a slow file.

Each limit is a setting (`IMPORT_CHILD_...`, docs/importing.md).
"""

import contextlib
import logging
import os
import pickle
import resource
import select
import signal
import time
import traceback
from collections.abc import Callable
from typing import Any

from django.conf import settings

logger = logging.getLogger(__name__)

DEFAULTS: dict[str, int] = {
    "IMPORT_CHILD_CPU_SECONDS": 5,
    # Added to the address space the child starts with (the worker's own, shared until written).
    "IMPORT_CHILD_MEMORY_BYTES": 400 * 1024 * 1024,
    "IMPORT_CHILD_TIMEOUT_SECONDS": 15,
}

# Far more than any notice's result; a child sending more is not believed.
_MOST_RESULT_BYTES = 64 * 1024 * 1024

_TOO_MUCH_WORK = (
    "Reading this file took more {} than any notice needs, so it was stopped. Check that it is "
    "the notice itself; if it is, save it as plain text (.txt) and upload that."
)


class IsolatedRefusal(Exception):
    """The function raised one of the exceptions it was told to pass back, or the child ran out
    of time or memory; str(error) says what happened, in plain words."""


def _setting(name: str) -> int:
    return int(getattr(settings, name, DEFAULTS[name]))


def run_isolated(
    function: Callable[..., Any], *args: Any, passed_back: tuple[type[Exception], ...] = ()
) -> Any:
    """`function(*args)` run in a child process with CPU, memory and wall-clock limits.

    Returns its result. An exception of a type in `passed_back` raised in the child becomes an
    IsolatedRefusal with the same message; running out of time or memory, or failing in any
    other way, becomes an IsolatedRefusal saying so (the failure is logged with its traceback).
    """
    if not hasattr(os, "fork"):  # no fork, no isolation: run it here
        return _outcome_here(function, args, passed_back)[1]
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child
        try:
            os.close(read_end)
            _limit_this_process()
            payload = pickle.dumps(_outcome_here(function, args, passed_back))
            with os.fdopen(write_end, "wb") as pipe:
                pipe.write(payload)
        finally:
            os._exit(0)
    os.close(write_end)
    payload = None
    try:
        payload = _read_until(read_end, time.monotonic() + _setting("IMPORT_CHILD_TIMEOUT_SECONDS"))
    finally:
        os.close(read_end)
        status = _reap(pid, killed=payload is None)
    return _result(payload, status)


def _outcome_here(
    function: Callable[..., Any], args: tuple, passed_back: tuple[type[Exception], ...]
) -> tuple[str, Any]:
    try:
        return ("result", function(*args))
    except passed_back as refusal:
        return ("refused", str(refusal))
    except MemoryError:
        return ("memory", "")
    except Exception:
        return ("failed", traceback.format_exc())


def _limit_this_process() -> None:
    cpu = _setting("IMPORT_CHILD_CPU_SECONDS")
    # The soft limit sends SIGXCPU (which ends the process); the hard one, a second on, SIGKILL.
    resource.setrlimit(resource.RLIMIT_CPU, (cpu, cpu + 1))
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    try:
        with open("/proc/self/statm") as statm:
            address_space = int(statm.read().split()[0]) * resource.getpagesize()
    except OSError:  # not Linux: the CPU and wall-clock limits still hold
        return
    most = address_space + _setting("IMPORT_CHILD_MEMORY_BYTES")
    resource.setrlimit(resource.RLIMIT_AS, (most, most))


def _read_until(descriptor: int, deadline: float) -> bytes | None:
    """All the child writes before it closes the pipe, or None when the deadline passes first
    or it writes more than any result needs."""
    chunks: list[bytes] = []
    size = 0
    while True:
        left = deadline - time.monotonic()
        if left <= 0:
            return None
        ready, _, _ = select.select([descriptor], [], [], left)
        if not ready:
            return None
        chunk = os.read(descriptor, 1024 * 1024)
        if not chunk:
            return b"".join(chunks)
        size += len(chunk)
        if size > _MOST_RESULT_BYTES:
            return None
        chunks.append(chunk)


def _reap(pid: int, *, killed: bool) -> int:
    """The child's wait status, killing it first if it is still at work."""
    if killed:
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signal.SIGKILL)
    _, status = os.waitpid(pid, 0)
    return status


def _result(payload: bytes | None, status: int) -> Any:
    if payload is None:
        raise IsolatedRefusal(_TOO_MUCH_WORK.format("time"))
    if not payload:  # ended without a word: the kernel stopped it (CPU or memory limit)
        signal_number = os.WTERMSIG(status) if os.WIFSIGNALED(status) else 0
        what = "time" if signal_number in (signal.SIGXCPU, signal.SIGKILL) else "memory"
        raise IsolatedRefusal(_TOO_MUCH_WORK.format(what))
    kind, value = pickle.loads(payload)  # noqa: S301 (our own child wrote it)
    if kind == "result":
        return value
    if kind == "refused":
        raise IsolatedRefusal(value)
    if kind == "memory":
        raise IsolatedRefusal(_TOO_MUCH_WORK.format("memory"))
    logger.error("Reading an import failed in its child process:\n%s", value)
    raise IsolatedRefusal(
        "The site could not read this file: something in it made the import fail. Save the "
        "notice as plain text (.txt) and upload that; the failure has been logged."
    )

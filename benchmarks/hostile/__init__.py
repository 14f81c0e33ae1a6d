"""The hostile-input benchmark: every known way to make one request or command do too much work.

Each `cases_<area>.py` module beside this one lists `CASES`, a list of `Case`. `make bench-hostile`
runs every case in a fresh child process (`python -m benchmarks.hostile.run`) and reports the CPU
seconds and the memory the case itself used, against the budget one request may use: about 2 s of
CPU and 200 MB. Timings live here, never in timed tests; the tests pin the same inputs by size.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

CPU_BUDGET_SECONDS = 2.0
MEMORY_BUDGET_MB = 200.0


@dataclass(frozen=True)
class Case:
    """One hostile input: `setup` builds what the case needs (not measured), `run` is measured."""

    name: str
    finding: str  # the issue finding it reproduces, such as "15.A" or "15.2"
    run: Callable[[Any], object]
    setup: Callable[[], Any] = field(default=lambda: None)

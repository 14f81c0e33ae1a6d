"""Run every hostile case in its own child process and report CPU seconds and memory.

    python -m benchmarks.hostile.run              # every case
    python -m benchmarks.hostile.run markdown     # the cases of cases_markdown.py only
    python -m benchmarks.hostile.run --case NAME  # (internal) run one case in this process

The child measures its own CPU time (user + system) and the growth of its peak resident set
across `run`, after `setup`; the parent prints a table and exits 1 if any case is over budget.
"""

import importlib
import json
import pkgutil
import resource
import subprocess
import sys
from pathlib import Path

from benchmarks import hostile
from benchmarks.hostile import CPU_BUDGET_SECONDS, MEMORY_BUDGET_MB, Case


def case_modules(only: str | None = None) -> list[str]:
    names = [
        info.name
        for info in pkgutil.iter_modules(hostile.__path__)
        if info.name.startswith("cases_")
    ]
    if only:
        names = [name for name in names if name == f"cases_{only}"]
    return [f"benchmarks.hostile.{name}" for name in sorted(names)]


def cases_of(module_name: str) -> list[Case]:
    return list(importlib.import_module(module_name).CASES)


def _cpu_seconds() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux reports KiB


def run_one(module_name: str, case_name: str) -> dict:
    """Run one case here and return its measurements (called in the child)."""
    case = next(case for case in cases_of(module_name) if case.name == case_name)
    state = case.setup()
    cpu_before, peak_before = _cpu_seconds(), _peak_mb()
    error = ""
    try:
        case.run(state)
    except Exception as exc:  # a refusal raised as an exception is still a bounded answer
        error = f"{type(exc).__name__}: {exc}"[:120]
    return {
        "cpu_seconds": round(_cpu_seconds() - cpu_before, 3),
        "memory_mb": round(max(0.0, _peak_mb() - peak_before), 1),
        "raised": error,
    }


def run_in_child(module_name: str, case: Case) -> dict:
    completed = subprocess.run(  # noqa: S603 (our own interpreter and module)
        [sys.executable, "-m", "benchmarks.hostile.run", "--case", module_name, case.name],
        capture_output=True,
        text=True,
        cwd=Path(__file__).resolve().parents[2],
        timeout=600,
    )
    lines = completed.stdout.strip().splitlines()
    if completed.returncode != 0 or not lines:
        return {"cpu_seconds": None, "memory_mb": None, "raised": completed.stderr[-300:]}
    return json.loads(lines[-1])


def main(argv: list[str]) -> int:
    if argv[:1] == ["--case"]:
        print(json.dumps(run_one(argv[1], argv[2])))
        return 0
    only = argv[0] if argv else None
    over = 0
    print(f"{'finding':8} {'case':58} {'CPU s':>7} {'MB':>7}  result")
    for module_name in case_modules(only):
        for case in cases_of(module_name):
            result = run_in_child(module_name, case)
            cpu, memory = result["cpu_seconds"], result["memory_mb"]
            within = cpu is not None and cpu <= CPU_BUDGET_SECONDS and memory <= MEMORY_BUDGET_MB
            over += not within
            verdict = "ok" if within else "OVER BUDGET"
            if result["raised"]:
                verdict += f" (raised {result['raised']})"
            print(
                f"{case.finding:8} {case.name:58} {cpu if cpu is not None else '-':>7} "
                f"{memory if memory is not None else '-':>7}  {verdict}"
            )
    print(f"\nBudget per case: {CPU_BUDGET_SECONDS} s of CPU, {MEMORY_BUDGET_MB} MB.")
    return 1 if over else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

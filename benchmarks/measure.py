"""One build in its own process: wall seconds by the clock, peak memory by the kernel (os.wait4)."""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Run:
    seconds: float  # wall time
    cpu_seconds: float  # user + system time of the process: less disturbed by other load on the machine
    peak_mb: float  # the process's peak resident memory, in MB (10^6 bytes)


class BuildError(Exception):
    """A build under measurement failed; the message holds its command and error output."""


def measure(command: Sequence[str], cwd: Path, output: Path) -> Run:
    """Run `command` once, into an empty `output` folder (emptied before the clock starts)."""
    shutil.rmtree(output, ignore_errors=True)
    with tempfile.TemporaryFile() as errors:
        started = time.perf_counter()
        process = subprocess.Popen(command, cwd=cwd, stdout=subprocess.DEVNULL, stderr=errors)
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - started
        process.returncode = os.waitstatus_to_exitcode(status)  # reaped here, not by Popen
        if process.returncode != 0:
            errors.seek(0)
            raise BuildError(f"failed: {' '.join(command)}\n{errors.read().decode(errors='replace')}")
    cpu = usage.ru_utime + usage.ru_stime
    return Run(seconds, cpu, usage.ru_maxrss * 1024 / 1e6)  # ru_maxrss is in KiB on Linux


def median_run(runs: Sequence[Run]) -> Run:
    return Run(
        statistics.median(r.seconds for r in runs),
        statistics.median(r.cpu_seconds for r in runs),
        statistics.median(r.peak_mb for r in runs),
    )


def html_pages(folder: Path) -> list[Path]:
    return sorted(folder.rglob("*.html"))

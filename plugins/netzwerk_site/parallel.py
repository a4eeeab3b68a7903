"""Independent work (pages, calendar files) shared out to forked processes, one share each.

Every item is done by exactly one process and each item's output depends only on the item, so a
build with several processes writes the same bytes as a build with one. A child sends back what it
logged (warnings and errors: the build's failures) and any exception, as text through a pipe; the
parent logs them again, so the build reports them exactly as if it had done the work itself.
Without os.fork (Windows) or with one process, the work runs here, in order.
"""

from __future__ import annotations

import json
import logging
import os
import sys
from collections.abc import Callable, Sequence
from typing import TypeVar

Item = TypeVar("Item")
log = logging.getLogger(__name__)


def available_processes(setting: object = None) -> int:
    """BUILD_PROCESSES, or the CPUs this process may use (None or 0: all of them)."""
    if isinstance(setting, int) and not isinstance(setting, bool) and setting > 0:
        return setting
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def run_shared(items: Sequence[Item], work: Callable[[Item], None], processes: int) -> None:
    """Call work(item) for every item, shared round-robin over `processes` processes (this one included)."""
    processes = min(processes, len(items))
    if processes <= 1 or not hasattr(os, "fork"):
        for item in items:
            work(item)
        return
    children = [_start_child(items[number::processes], work) for number in range(1, processes)]
    failure: BaseException | None = None
    try:
        for item in items[0::processes]:
            work(item)
    except BaseException as error:  # the children are reaped before it is raised again
        failure = error
    for pid, pipe in children:
        _finish_child(pid, pipe)
    if failure is not None:
        raise failure


class _Captured(logging.Handler):
    """A child's warnings and errors, kept to be sent to the parent."""

    def __init__(self) -> None:
        super().__init__(level=logging.WARNING)
        self.records: list[tuple[int, str, str]] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append((record.levelno, record.name, record.getMessage()))


def _start_child(share: Sequence[Item], work: Callable[[Item], None]) -> tuple[int, int]:
    sys.stdout.flush()  # what is buffered now must not be printed twice
    sys.stderr.flush()
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid != 0:
        os.close(write_end)
        return pid, read_end
    # The child: never returns into the build; os._exit skips the parent's exit handlers.
    os.close(read_end)
    code = 1
    try:
        code = _child(share, work, write_end)
    finally:
        os._exit(code)


def _child(share: Sequence[Item], work: Callable[[Item], None], write_end: int) -> int:
    captured = _Captured()
    root = logging.getLogger()
    for handler in list(root.handlers):  # the parent prints and collects what the child logged
        root.removeHandler(handler)
    root.addHandler(captured)
    error = None
    try:
        for item in share:
            work(item)
    except Exception as exception:  # reported to the parent as its own exception would be
        error = f"{type(exception).__name__}: {exception}"
    with os.fdopen(write_end, "w", encoding="utf-8") as pipe:
        json.dump({"records": captured.records, "error": error}, pipe)
    return 0


def _finish_child(pid: int, read_end: int) -> None:
    with os.fdopen(read_end, encoding="utf-8") as pipe:
        text = pipe.read()
    _, status = os.waitpid(pid, 0)
    try:
        report = json.loads(text)
    except ValueError:
        report = {"records": [], "error": f"a build process stopped unexpectedly (exit status {status})"}
    for level, name, message in report["records"]:
        logging.getLogger(name).log(level, "%s", message)
    if report["error"]:
        log.error("%s", report["error"])

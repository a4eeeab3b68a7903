"""One build at a time per output folder, across processes (make build while make serve rebuilds)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from filelock import FileLock, Timeout

# A build of the 20-year corpus takes well under a minute; waiting longer means something hangs.
WAIT_SECONDS = 600


class BuildBusy(Exception):
    """Another build into the same folder did not finish in time."""


def lock_path(output: Path) -> Path:
    return output.parent / f".{output.name}.lock"


@contextmanager
def build_lock(output: Path, say: Callable[[str], None], wait: float = WAIT_SECONDS) -> Iterator[None]:
    """Hold the output folder's lock; say so when another build has it and wait for it."""
    output.parent.mkdir(parents=True, exist_ok=True)
    lock = FileLock(str(lock_path(output)))
    try:
        lock.acquire(timeout=0)
    except Timeout:
        say(f"Another build into {output} is running; waiting for it to finish …")
        try:
            lock.acquire(timeout=wait)
        except Timeout:
            raise BuildBusy(
                f"another build into {output} has been running for more than {int(wait)} s; "
                f"stop it, or remove {lock_path(output)} if no build is running"
            ) from None
    try:
        yield
    finally:
        lock.release()

"""An editor's loop, measured: `invoke serve` on a corpus, one event file saved with a new title, and the
time serve says the rebuild took until the change is shown (its own "(took X s: …)" line).

The corpus is edited in place and restored afterwards. Serve runs in its own process on a free port; the
figure is the median over `edits` saves, each after serve has finished the previous one (PDFs and search
index included), so the background work of one edit does not slow the next.
"""

from __future__ import annotations

import re
import signal
import socket
import statistics
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path

REBUILT = re.compile(r"\(took (\d+\.\d) s: (\d+) files made, (\d+) reused\)")
FINISHED = " ready: "  # serve's line once the PDFs and the search index of a build are done
TITLE = re.compile(r'^title: "', re.MULTILINE)


@dataclass(frozen=True)
class EditLoop:
    first_build: float  # seconds, serve's first (full) build
    shown: float  # seconds from the save's rebuild start until serve shows it (median)
    made: int  # files made again by that rebuild
    reused: int  # files kept from the build before


class ServeFailed(Exception):
    """serve stopped or did not answer in time; the message holds its output."""


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def upcoming_event_file(data: Path, today: str) -> Path:
    """A single (not repeating) event file of the build's year that starts after `today`."""
    year = today[:4]
    for path in sorted((data / "events" / year).glob("*.yaml")):
        text = path.read_text(encoding="utf-8")
        start = re.search(r'^start: "(\d{4}-\d{2}-\d{2})', text, re.MULTILINE)
        if start and start.group(1) > today and "recurrence:" not in text and TITLE.search(text):
            return path
    raise ServeFailed(f"no single upcoming event with a one-line title in {data}/events/{year}")


class ServeProcess:
    """`invoke serve` in its own process, its output lines read in a thread (also the serve test's)."""

    def __init__(self, command: list[str], cwd: Path) -> None:
        self.process = subprocess.Popen(
            command, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, bufsize=1
        )
        self.lines: list[str] = []
        stream = self.process.stdout
        assert stream is not None
        threading.Thread(target=lambda: self.lines.extend(stream), daemon=True).start()

    def text(self) -> str:
        return "".join(self.lines)

    def wait_for(self, builds: int, timeout: float) -> tuple[float, int, int]:
        """The figures of the builds-th build, once it and its background work are done."""
        deadline = time.monotonic() + timeout
        while True:
            found = REBUILT.findall(self.text())
            if len(found) >= builds and self.text().count(FINISHED) >= builds:
                seconds, made, reused = found[builds - 1]
                return float(seconds), int(made), int(reused)
            if self.process.poll() is not None or time.monotonic() > deadline:
                raise ServeFailed("serve stopped or took too long:\n" + self.text()[-3000:])
            time.sleep(0.05)

    def stop(self) -> int:
        """Ctrl-C, as an editor stops it; its exit code."""
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGINT)
        try:
            return self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()
            return self.process.wait(timeout=10)


def measure_edit_loop(
    root: Path, data: Path, content: Path, output: Path, today: str, edits: int = 3, timeout: float = 900
) -> EditLoop:
    """Serve the corpus, save one event with a new title `edits` times; serve's own timings."""
    event = upcoming_event_file(data, today)
    original = event.read_text(encoding="utf-8")
    paths = ["--data", str(data), "--content", str(content), "--output", str(output), "--today", today]
    command = [sys.executable, "-m", "invoke", "serve", *paths, "--port", str(_free_port())]
    serve = ServeProcess(command, root)
    try:
        first, _made, _reused = serve.wait_for(1, timeout)
        shown: list[tuple[float, int, int]] = []
        for number in range(edits):
            edited = TITLE.sub(f'title: "Edit {number + 1}: ', original, count=1)
            partial = data.parent / f".{event.name}.part"  # outside the watched folders, same file system
            partial.write_text(edited, encoding="utf-8")
            partial.replace(event)  # one save, as an editor's: serve sees one change
            shown.append(serve.wait_for(number + 2, timeout))
    finally:
        event.write_text(original, encoding="utf-8")
        serve.stop()
    seconds = statistics.median(s for s, _m, _r in shown)
    _s, made, reused = shown[-1]
    return EditLoop(first, seconds, made, reused)

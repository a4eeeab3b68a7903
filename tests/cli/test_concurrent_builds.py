"""`invoke build` while `invoke serve` rebuilds into the same output folder: they take turns.

A real `invoke serve` serves a workspace's output; a data edit triggers its rebuild while an
`invoke build` of the same data into the same folder starts at the same moment. Meanwhile
readers poll index.html, over HTTP and on disk. Afterwards both commands are fine (the build
exited 0, serve still serves the new page and stops cleanly on Ctrl-C), the output is complete,
sealed and byte-identical to a clean build of the same inputs, and no reader ever missed
index.html.
"""

from __future__ import annotations

import hashlib
import os
import queue
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

from filelock import FileLock, Timeout

ROOT = Path(__file__).resolve().parents[2]
FIXTURE = ROOT / "tests" / "fixtures" / "site"
TODAY = "2026-11-24"
MARKER = ".netzwerk-build"
EDITED = "Kultur, Begegnung und Beratung (geändert während des Rennens)."


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _digest(folder: Path) -> dict[str, str]:
    found = {}
    for path in sorted(folder.rglob("*")):
        key = path.relative_to(folder).as_posix()
        found[key] = "dir" if path.is_dir() else hashlib.sha256(path.read_bytes()).hexdigest()
    return found


def _site_args(data: Path, content: Path, output: Path) -> list[str]:
    return ["--data", str(data), "--content", str(content), "--output", str(output), "--today", TODAY]


class _Lines:
    """A process's output lines, read in a thread; wait for one that contains a text."""

    def __init__(self, process: subprocess.Popen[str]) -> None:
        self.lines: list[str] = []
        self._queue: queue.Queue[str] = queue.Queue()
        assert process.stdout is not None
        stream = process.stdout

        def read() -> None:
            for line in stream:
                self.lines.append(line)
                self._queue.put(line)

        threading.Thread(target=read, daemon=True).start()

    def count(self, text: str) -> int:
        return sum(text in line for line in list(self.lines))

    def wait_for(self, text: str, times: int, timeout: float) -> None:
        deadline = time.monotonic() + timeout
        while self.count(text) < times:
            if time.monotonic() > deadline:
                raise AssertionError(f"no {times}× {text!r} within {timeout} s:\n{''.join(self.lines)}")
            time.sleep(0.05)


def _lock_is_free(output: Path) -> bool:
    lock = FileLock(str(output.parent / f".{output.name}.lock"))
    try:
        lock.acquire(timeout=0)
    except Timeout:
        return False
    lock.release()
    return True


def test_build_while_serve_rebuilds_takes_turns_and_never_breaks_the_output(tmp_path: Path) -> None:
    data, content, output = tmp_path / "data", tmp_path / "content", tmp_path / "output"
    shutil.copytree(FIXTURE / "data", data)
    shutil.copytree(FIXTURE / "content", content)
    port = _free_port()
    serve_command = [sys.executable, "-m", "invoke", "serve", *_site_args(data, content, output), "--port", str(port)]
    serve = subprocess.Popen(
        serve_command, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, bufsize=1
    )
    try:
        serve_out = _Lines(serve)
        serve_out.wait_for("Serving", 1, timeout=60)
        home = f"http://127.0.0.1:{port}/index.html"
        with urllib.request.urlopen(home, timeout=5) as response:
            assert response.status == 200

        # Readers: index.html over HTTP and on disk, as fast as they can, for the whole race.
        missed: list[str] = []
        reads = [0]
        stop = threading.Event()

        def read_over_http() -> None:
            while not stop.is_set():
                try:
                    with urllib.request.urlopen(home, timeout=5) as response:
                        if response.status != 200 or b"</html>" not in response.read():
                            missed.append(f"HTTP {response.status} or a cut page")
                except (urllib.error.URLError, OSError) as error:
                    missed.append(f"HTTP: {error}")
                reads[0] += 1

        def read_from_disk() -> None:
            while not stop.is_set():
                try:
                    if b"</html>" not in (output / "index.html").read_bytes():
                        missed.append("disk: a cut index.html")
                except OSError as error:
                    missed.append(f"disk: {error}")
                reads[0] += 1

        readers = [threading.Thread(target=r, daemon=True) for r in (read_over_http, read_from_disk)]
        for reader in readers:
            reader.start()

        # The race: an edit that serve rebuilds for, and `invoke build` of the same data at once.
        member = data / "members" / "verein.yaml"
        text = member.read_text(encoding="utf-8")
        member.write_text(text.replace("Kultur und Begegnung.", EDITED), encoding="utf-8")
        build = subprocess.run(
            [sys.executable, "-m", "invoke", "build", *_site_args(data, content, output)],
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
        assert build.returncode == 0, build.stdout + build.stderr
        serve_out.wait_for("Built", 2, timeout=60)  # the first build and the rebuild after the edit
        deadline = time.monotonic() + 30
        while not _lock_is_free(output) and time.monotonic() < deadline:
            time.sleep(0.1)
        time.sleep(1.0)  # a rebuild for a second file event would have started by now
        assert _lock_is_free(output), "a build still holds the output's lock"
        stop.set()
        for reader in readers:
            reader.join(timeout=10)

        waited = build.stdout + "".join(serve_out.lines)
        assert "Another build into" in waited and "waiting" in waited, (
            "the two builds did not overlap, so the race was not tested:\n" + waited
        )
        assert "Traceback" not in waited + build.stderr, waited + build.stderr
        assert serve.poll() is None, "serve stopped:\n" + "".join(serve_out.lines)
        assert reads[0] > 50 and missed == [], f"{len(missed)} of {reads[0]} reads missed index.html: {missed[:5]}"
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/members/verein/", timeout=5) as response:
            assert EDITED in response.read().decode("utf-8"), "serve does not serve the rebuilt site"
    finally:
        if serve.poll() is None:
            serve.send_signal(signal.SIGINT)  # Ctrl-C, as an editor stops it
        try:
            code = serve.wait(timeout=20)
        except subprocess.TimeoutExpired:
            serve.kill()
            code = serve.wait(timeout=10)
    assert code == 0, f"serve did not stop cleanly on Ctrl-C (exit {code})"

    # Complete and sealed: the marker lists exactly what is there; no staging folder is left over.
    manifest = (output / MARKER).read_text(encoding="utf-8").splitlines()
    listed = manifest[manifest.index(next(line for line in manifest if line.startswith("Made by the build"))) + 1 :]
    assert sorted(listed) == sorted(p.name for p in output.iterdir() if p.name != MARKER)
    assert sorted(p.name for p in tmp_path.iterdir()) == [".output.lock", "content", "data", "output"]
    # Byte-identical to a clean build of the same (edited) inputs.
    clean = tmp_path / "clean" / "output"
    result = subprocess.run(
        [sys.executable, "-m", "invoke", "build", *_site_args(data, content, clean)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        env={**os.environ},
    )
    assert result.returncode == 0, result.stdout + result.stderr
    raced, fresh = _digest(output), _digest(clean)
    differing = sorted(k for k in raced.keys() | fresh.keys() if raced.get(k) != fresh.get(k))
    assert differing == [], f"the raced output differs from a clean build in {differing[:20]}"
    assert EDITED in (output / "members" / "verein" / "index.html").read_text(encoding="utf-8")

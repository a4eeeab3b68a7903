"""`invoke serve` rebuilds only what an edit changed, and its output is that of a full build.

A real `invoke serve` builds the example site, then the test edits its data the way editors do:
an event's title and its date (moved into another two-month period), a new event and a removed
one, then a member's name (shared by many pages: everything is made again). After each edit, once
serve says the rebuild, the new calendar PDFs and the search index are done, its output folder must
be byte for byte what a clean `invoke build` of the same files writes, and serve must have said how
long the rebuild took and how many files it made again: fewer than all of them, for an edit of one
event.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

from benchmarks.edit_loop import ServeProcess
from tests.cli.test_concurrent_builds import FIXTURE, ROOT, TODAY, _free_port

REBUILT = re.compile(r"\(took (\d+\.\d) s: (\d+) files made, (\d+) reused\)")
INDEXED = "calendar PDFs and search index ready:"  # serve finishes these in the background


def _files(folder: Path) -> dict[str, str]:
    return {
        path.relative_to(folder).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


class _Serve(ServeProcess):
    """`invoke serve` on the test's folders, with the waits the test needs."""

    def __init__(self, data: Path, content: Path, output: Path) -> None:
        args = ["--data", str(data), "--content", str(content), "--output", str(output), "--today", TODAY]
        super().__init__([sys.executable, "-m", "invoke", "serve", *args, "--port", str(_free_port())], ROOT)

    def rebuilds(self) -> list[tuple[float, int, int]]:
        return [(float(s), int(made), int(reused)) for s, made, reused in REBUILT.findall("".join(self.lines))]

    def wait_for_rebuild(self, number: int, timeout: float = 120) -> tuple[float, int, int]:
        """The number-th build (1: the first) and its search index are done; its figures."""
        deadline = time.monotonic() + timeout
        while len(self.rebuilds()) < number or "".join(self.lines).count(INDEXED) < number:
            assert self.process.poll() is None, "serve stopped:\n" + "".join(self.lines)
            assert time.monotonic() < deadline, f"no rebuild {number} within {timeout} s:\n" + "".join(self.lines)
            time.sleep(0.05)
        return self.rebuilds()[number - 1]

    def quiet(self, after: int, settle: float = 4.0, timeout: float = 180) -> tuple[float, int, int]:
        """Wait until serve has rebuilt (at least once more than `after` builds) and indexed for every
        change and nothing more comes; the last rebuild's figures (an edit saved as two changes may take
        two rebuilds; watchfiles waits 1.6 s for more changes before it reports them)."""
        deadline = time.monotonic() + timeout
        seen, since = -1, time.monotonic()
        while True:
            assert self.process.poll() is None, "serve stopped:\n" + "".join(self.lines)
            assert time.monotonic() < deadline, "serve did not settle:\n" + "".join(self.lines)
            done = len(self.rebuilds())
            if done != seen:
                seen, since = done, time.monotonic()
            indexed = "".join(self.lines).count(INDEXED)
            if done > after and indexed == done and time.monotonic() - since > settle:
                return self.rebuilds()[-1]
            time.sleep(0.1)


def _clean_build(data: Path, content: Path, output: Path) -> dict[str, str]:
    args = ["--data", str(data), "--content", str(content), "--output", str(output), "--today", TODAY]
    result = subprocess.run(
        [sys.executable, "-m", "invoke", "build", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
        env={**os.environ},
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return _files(output)


def _replace(path: Path, old: str, new: str) -> None:
    """One atomic write, as an editor's save: serve sees one change."""
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{path} has no {old!r}"
    temporary = path.with_name(f".{path.name}.tmp")
    temporary.write_text(text.replace(old, new), encoding="utf-8")
    os.replace(temporary, path)


def test_serve_rebuilds_only_what_an_edit_changed_and_writes_what_a_full_build_writes(tmp_path: Path) -> None:
    data, content, output = tmp_path / "data", tmp_path / "content", tmp_path / "output"
    shutil.copytree(FIXTURE / "data", data)
    shutil.copytree(FIXTURE / "content", content)
    serve = _Serve(data, content, output)
    try:
        _seconds, first_made, first_reused = serve.wait_for_rebuild(1)
        assert first_reused == 0 and first_made > 100, serve.lines

        events = data / "events"

        def move_event() -> None:
            """Another title, and a date in the next two-month period (it leaves one period page and
            calendar and joins another)."""
            event = events / "2026" / "ag-sprache-oktober.yaml"
            _replace(event, '"Treffen AG Sprache"', '"Treffen AG Sprache (verlegt)"')
            time.sleep(0.3)
            _replace(event, "2026-10-15T", "2026-12-03T")

        def add_and_remove_events() -> None:
            added = events / "2026" / "ag-sprache-extra.yaml"
            text = (events / "2026" / "ag-sprache-oktober.yaml").read_text(encoding="utf-8")
            added.write_text(text.replace("(verlegt)", "(zusätzlich)"), encoding="utf-8")
            (events / "2027" / "abgesagt.yaml").unlink()

        def rename_member() -> None:
            _replace(data / "members" / "verein.yaml", '"Syrischer Kulturverein"', '"Syrischer Kulturverein (neu)"')

        edits = [
            ("one event, retitled and moved", move_event, True),
            ("an event added, another removed", add_and_remove_events, True),
            ("a member renamed (on many pages)", rename_member, False),
        ]
        for index, (what, edit, of_events) in enumerate(edits):
            builds = len(serve.rebuilds())
            edit()
            _seconds, made, reused = serve.quiet(after=builds)
            served = _files(output)
            clean = _clean_build(data, content, tmp_path / f"clean-{index}")
            differing = sorted(k for k in served.keys() | clean.keys() if served.get(k) != clean.get(k))
            assert differing == [], f"{what}: serve's output differs from a full build in {differing[:20]}"
            if of_events:  # most files are reused (in this small site, lists are a large part of it)
                assert 0 < made < (made + reused) / 2, f"{what}: {made} files made again, {reused} reused"
            else:  # the shared inputs changed: everything is made again
                assert made >= first_made * 0.9, f"{what}: only {made} files made again"
    finally:
        code = serve.stop()
    assert code == 0, "".join(serve.lines)
    assert "Traceback" not in "".join(serve.lines), "".join(serve.lines)
    assert not list(output.glob(".pagefind-*")), "a search index was left half made"

"""Helpers of the hostile-input suite: a workspace with data, content and output side by side,
the build command run on it as editors run it, and a byte-exact picture of the workspace."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
FIXTURE = ROOT / "tests" / "fixtures" / "site"
TODAY = "2026-11-24"
# A hostile case may fail, but never by hanging: every build gets this long.
BUILD_TIMEOUT_S = 120


def invoke(*args: str, cwd: Path = ROOT, timeout: float = BUILD_TIMEOUT_S) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "invoke", *args], cwd=cwd, capture_output=True, text=True, timeout=timeout, check=False
    )


def tree_digest(folder: Path, skip: tuple[Path, ...] = ()) -> dict[str, str]:
    """Every file and folder below `folder` (not following links) with a hash of its bytes."""
    digest: dict[str, str] = {}
    for current, dirs, files in os.walk(folder):
        here = Path(current)
        if any(here == s or s in here.parents for s in skip):
            dirs[:] = []
            continue
        for name in dirs:
            digest[(here / name).relative_to(folder).as_posix() + "/"] = "dir"
        for name in files:
            path = here / name
            if path in skip or name.endswith(".lock"):
                continue
            key = path.relative_to(folder).as_posix()
            if path.is_symlink():
                digest[key] = "link:" + os.readlink(path)
            else:
                digest[key] = hashlib.sha256(path.read_bytes()).hexdigest()
    return digest


@dataclass
class Workspace:
    """data/, content/ and output/ side by side in a temporary folder."""

    root: Path

    @property
    def data(self) -> Path:
        return self.root / "data"

    @property
    def content(self) -> Path:
        return self.root / "content"

    @property
    def output(self) -> Path:
        return self.root / "output"

    def write(self, relative: str, text: str | bytes) -> Path:
        """Write a file under the workspace (data/..., content/...)."""
        path = self.root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(text, encoding="utf-8")
        return path

    def edit(self, relative: str, old: str, new: str) -> None:
        path = self.root / relative
        text = path.read_text(encoding="utf-8")
        assert old in text, f"{old!r} not in {relative}"
        path.write_text(text.replace(old, new, 1), encoding="utf-8")

    def build(self, *extra: str, output: Path | None = None) -> subprocess.CompletedProcess[str]:
        args = ["--data", str(self.data), "--content", str(self.content), "--output", str(output or self.output)]
        if "--today" not in extra:
            args += ["--today", TODAY]
        return invoke("build", *args, *extra)

    def validate(self) -> subprocess.CompletedProcess[str]:
        return invoke("validate", "--data", str(self.data), "--content", str(self.content))

    def snapshot(self) -> dict[str, str]:
        """The whole workspace, output included, to compare before and after a refused build."""
        return tree_digest(self.root)


def assert_refused(space: Workspace, result: subprocess.CompletedProcess[str], before: dict[str, str], *expected: str):
    """Exit 1, every expected fragment said, no traceback, and not one byte changed anywhere."""
    message = result.stdout + result.stderr
    assert result.returncode == 1, f"exit {result.returncode}:\n{message}"
    assert "Traceback" not in message, message
    for fragment in expected:
        assert fragment in message, f"{fragment!r} not in:\n{message}"
    assert space.snapshot() == before, "files changed although the build was refused"
    return message

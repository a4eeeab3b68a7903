"""Files made once and kept under a digest of everything they are made from (in .cache/): the calendar
PDFs (about a second each to print) and the QR codes (segno tries all eight masks of each code).

The same inputs give the same bytes, so a kept file is the file the build would make. Each folder
keeps a bounded number of entries and drops the ones used longest ago; builds side by side may share
a folder (a file is written whole or not at all).
"""

from __future__ import annotations

import os
from pathlib import Path


class KeptFiles:
    def __init__(self, folder: Path, suffix: str, entries: int) -> None:
        self.folder = folder
        self.suffix = suffix
        self.entries = entries

    def get(self, key: str) -> bytes | None:
        kept = self.folder / f"{key}{self.suffix}"
        try:
            os.utime(kept)  # used now: the entries used longest ago go first
            return kept.read_bytes()
        except OSError:  # not made before (or just dropped by a build beside this one)
            return None

    def keep(self, key: str, data: bytes) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        partial = self.folder / f".{key}.{os.getpid()}.part"
        partial.write_bytes(data)
        os.replace(partial, self.folder / f"{key}{self.suffix}")  # whole or not at all
        with os.scandir(self.folder) as found:
            names = [entry.name for entry in found if entry.name.endswith(self.suffix)]
        if len(names) <= self.entries:
            return
        entries = sorted((self.folder / name for name in names), key=lambda entry: entry.stat().st_mtime)
        for stale in entries[: -self.entries]:
            stale.unlink(missing_ok=True)

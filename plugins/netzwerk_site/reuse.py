"""Files of the last build reused by the next one, when nothing they are made from has changed.

Only `make serve` keeps an OutputCache (one per process, across its rebuilds); `make build` and
publishing always write every file. Each page and calendar file gets a key: a digest of everything
it is made from. That is the site's *shared* inputs (every data record except events, every content
and document file, the day, the menu, the settings the pages read) plus the events it *shows*: an
event's page shows that event, a period's page the events in that period, the homepage all of them.
When a file's key equals the key of the file the last successful build wrote, the file is linked
from that build's output instead of written again. Edit one event and only the pages and calendars
that show it are made again; the output is byte for byte that of a full build (tests/output).
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

ALL_EVENTS = None  # a page that shows any event (lists, the homepage): made again when any event changes
# The settings pages and calendars are made with (a change restarts `make serve` anyway; named for safety).
SETTINGS_READ = (
    "SITEURL",
    "SITE_TODAY",
    "EVENT_HORIZON_DAYS",
    "CALENDAR_PAST_MONTHS",
    "PERIOD_PDFS",
    "SEARCH_INDEX",
    "SIGN_LANGUAGE_VIDEO",
    "DEFAULT_LANG",
)


class OutputCache:
    """The keys of the files in the output folder, as the last successful build left it."""

    def __init__(self) -> None:
        self._committed: dict[str, str] = {}  # file below the output folder -> key
        self._pending: dict[str, str] = {}
        self._previous: Path | None = None
        # Parts of files (an event's calendar lines) by their key, for files that must be made again.
        self._parts: dict[str, bytes] = {}
        self._parts_before: dict[str, bytes] = {}
        self._identity: tuple[int, int] | None = None
        self._output: Path | None = None
        self._folders: set[Path] = set()  # made in this build's folder
        self.reused = 0
        self.written = 0

    def begin(self, output: Path) -> None:
        """A build starts; `output` holds what the last successful build wrote (or nothing yet)."""
        self._pending, self.reused, self.written = {}, 0, 0
        self._folders = set()
        self._parts = {}  # _parts_before: those of the last successful build
        self._output = output
        # Reuse only from the very folder this cache's last build swapped in: another build (e.g. `make
        # build` in another terminal) replaces the folder, and its files may come from other inputs.
        same = self._committed and _identity(output) == self._identity
        self._previous = output if same else None

    def part(self, key: str, make: Callable[[], bytes]) -> bytes:
        """A part of a file by its key: from the last build when it was made there, else made now."""
        found = self._parts.get(key)
        if found is None:
            found = self._parts_before.get(key)
            self._parts[key] = found if found is not None else make()
        return self._parts[key]

    def reuse(self, files: Sequence[str], key: str, staging: Path) -> bool:
        """Link `files` from the last build into `staging` when their key is unchanged; else False
        (the caller writes them)."""
        self._pending.update(dict.fromkeys(files, key))
        previous = self._previous
        if previous is None or any(self._committed.get(name) != key for name in files):
            self.written += len(files)
            return False
        try:
            for name in files:
                target = staging / name
                if target.parent not in self._folders:
                    target.parent.mkdir(parents=True, exist_ok=True)
                    self._folders.add(target.parent)
                os.link(previous / name, target)
        except OSError:  # a file removed by hand, or no hard links here: write it
            self.written += len(files)
            return False
        self.reused += len(files)
        return True

    def reuse_folder(self, folder: str, staging: Path) -> None:
        """Link a whole folder of the last build (the search index, made again after the rebuild)."""
        if self._previous is None or not (self._previous / folder).is_dir():
            return
        for directory, _dirs, files in os.walk(self._previous / folder):
            below = Path(directory).relative_to(self._previous)
            (staging / below).mkdir(parents=True, exist_ok=True)
            for name in files:
                os.link(Path(directory) / name, staging / below / name)

    def commit(self) -> None:
        """The build succeeded and its folder is in place: the next build reuses from it."""
        self._committed, self._pending = self._pending, {}
        self._identity = _identity(self._output)
        self._parts_before, self._parts = self._parts, {}  # the parts this build's files hold

    def abandon(self) -> None:
        """The build failed: the output is still the last successful one, with its keys."""
        self._pending = {}
        self._parts = {}


def _identity(folder: Path | None) -> tuple[int, int] | None:
    try:
        found = os.stat(folder) if folder is not None else None
    except OSError:
        return None
    return (found.st_dev, found.st_ino) if found else None


def digest(*parts: Any) -> str:
    """A short key of values whose repr is stable within a process (str, numbers, tuples of them)."""
    return hashlib.sha256(repr(parts).encode("utf-8", "surrogatepass")).hexdigest()[:32]


class InputKeys:
    """The keys of this build's files: its shared inputs, and each event's own."""

    def __init__(self, shared: str, events: Mapping[str, Any]) -> None:
        self.shared = shared
        self._event_keys = {event_id: repr(event) for event_id, event in events.items()}  # every field, nested
        self._all_events = digest(sorted(self._event_keys.items()))

    def events(self, event_ids: Iterable[str] | None) -> str:
        if event_ids is ALL_EVENTS:
            return self._all_events
        return digest(sorted((i, self._event_keys.get(i)) for i in set(event_ids)))

    def of(self, kind: str, address: str, event_ids: Iterable[str] | None, *also: Any) -> str:
        """The key of one file: what it is, where, which events it shows, anything else it is made from."""
        return digest(self.shared, kind, address, self.events(event_ids), also)


def folder_state(folder: Path) -> tuple[tuple[str, int, int], ...]:
    """Every file below `folder` with its size and modification time (content and documents)."""
    if not folder.is_dir():
        return ()
    found = []
    for directory, _dirs, files in os.walk(folder):
        for name in files:
            stat = os.stat(os.path.join(directory, name))
            found.append((os.path.relpath(os.path.join(directory, name), folder), stat.st_size, stat.st_mtime_ns))
    return tuple(sorted(found))


def content_state(content: Any) -> tuple[tuple[str, str], ...]:
    """What a Pelican article or page (and each translation) is shown with: its HTML and metadata."""
    return tuple(
        (str(item.lang), str(item._content), repr(sorted((key, str(value)) for key, value in item.metadata.items())))
        for item in (content, *getattr(content, "translations", []))
    )

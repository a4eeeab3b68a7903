"""Files of the last build reused by the next one, when nothing they are made from has changed.

Only `make serve` keeps an OutputCache (one per process, across its rebuilds); `make build` and
publishing always write every file. Each page and calendar file gets a key: a digest of everything
it is made from. That is the site's *shared* inputs (every data record except events, every content
and document file, the day, the menu, the settings the pages read) plus the events it *shows*: an
event's page shows that event, a period's page the events in that period, the homepage all of them.
When a file's key equals the key of the file the last successful build wrote, the file is kept as
it is in the output folder instead of written again. Edit one event and only the pages and calendars
that show it are made again; the output is byte for byte that of a full build (tests/output).
"""

from __future__ import annotations

import hashlib
import os
import shutil
from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

from jinja2.bccache import Bucket, BytecodeCache

from netzwerk_data.memo import LoadMemo

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
    """The keys of the files in the output folder, as the last successful build left it.

    The first build of `make serve` is written whole into a staging folder and swapped in. A later
    build writes only the files whose key changed (and the few files no key covers) into its staging
    folder; once it succeeded, `merge` moves them into the output folder and removes the files the
    build no longer makes. An unchanged file is never touched, so a rebuild costs what the edit changed.
    """

    def __init__(self) -> None:
        self._committed: dict[str, str] = {}  # file below the output folder -> key
        self._pending: dict[str, str] = {}
        self._previous: Path | None = None  # the output folder, when this build may keep its files
        # Parts of files (an event's calendar lines) by their key, for files that must be made again.
        self._parts: dict[str, bytes] = {}
        self._parts_before: dict[str, bytes] = {}
        self._identity: tuple[int, int] | None = None
        self._output: Path | None = None
        self._made: set[str] = set()  # every file the last successful build left in the output folder
        self._kept_folders: set[str] = set()  # folders kept whole (the search index, made again later)
        self._kept_files: set[str] = set()  # files no key covers, kept with what they are made from
        # Slow work whose result nothing else in the build reads (printing a PDF, removing the replaced
        # folder): `make serve` shows the new output first and does this in the background.
        self._deferred: list[Callable[[Path], None]] = []
        self._after_swap: list[Callable[[Path], None]] = []
        self.templates = TemplateCode()
        self.data = LoadMemo()  # the data files as the last build read them
        self.reused = 0
        self.written = 0

    def begin(self, output: Path) -> None:
        """A build starts; `output` holds what the last successful build wrote (or nothing yet)."""
        self._pending, self.reused, self.written = {}, 0, 0
        self._parts = {}  # _parts_before: those of the last successful build
        self._deferred, self._kept_folders, self._kept_files = [], set(), set()
        self._output = output
        # Keep files only in the very folder this cache's last build left: another build (e.g. `make
        # build` in another terminal) replaces the folder, and its files may come from other inputs.
        same = self._committed and _identity(output) == self._identity
        self._previous = output if same else None

    @property
    def merges(self) -> bool:
        """This build keeps the unchanged files where they are and merges its own into the output."""
        return self._previous is not None

    def part(self, key: str, make: Callable[[], bytes]) -> bytes:
        """A part of a file by its key: from the last build when it was made there, else made now."""
        found = self._parts.get(key)
        if found is None:
            found = self._parts_before.get(key)
            self._parts[key] = found if found is not None else make()
        return self._parts[key]

    def reuse(self, files: Sequence[str], key: str) -> bool:
        """True when `files` are in the output folder with this key (the caller need not write them into
        the build's folder); else False: the caller writes them."""
        self._pending.update(dict.fromkeys(files, key))
        previous = self._previous
        if (
            previous is None
            or any(self._committed.get(name) != key for name in files)
            or not all(os.path.isfile(previous / name) for name in files)  # removed by hand: written again
        ):
            self.written += len(files)
            return False
        self.reused += len(files)
        return True

    def reuse_folder(self, folder: str) -> bool:
        """Keep a whole folder of the output (the search index, made again after the rebuild); False
        when there is none to keep."""
        if self._previous is None or not (self._previous / folder).is_dir():
            return False
        self._kept_folders.add(folder)
        return True

    def keep(self, name: str) -> bool:
        """Keep a file no key covers (the PDF of a kept page) as it is; False when it is not there."""
        if self._previous is None or not (self._previous / name).is_file():
            return False
        self._kept_files.add(name)
        return True

    def will_make(self, names: Iterable[str]) -> None:
        """Files the deferred work of this build makes (in the output folder, after the build)."""
        self._kept_files.update(names)

    def merge(self, staging: Path) -> None:
        """Move what this build wrote into `staging` into the output folder, replacing the files there,
        and remove the files it no longer makes. Only when `merges`."""
        assert self._previous is not None
        output = self._previous
        written = _files_below(staging)
        made = written | set(self._pending) | self._kept_files
        try:
            for name in sorted(self._made - made):  # first: a folder no longer made may become a file
                if not any(name.startswith(f"{folder}/") for folder in self._kept_folders):
                    _remove_file(output, name)
            for name in written:
                _place(staging, output, name)
        except BaseException:
            self._committed, self._identity = {}, None  # half merged: the next build makes every file
            raise
        self._made = made

    def defer(self, work: Callable[[Path], None]) -> None:
        """Do `work(output folder)` after this build's folder is in place (finish_deferred), if it succeeds."""
        self._deferred.append(work)

    def finish_deferred(self) -> None:
        """The work the last successful build deferred, on the output folder it swapped in."""
        work, self._after_swap = self._after_swap, []
        for item in work:
            if self._output is not None:
                item(self._output)

    def commit(self, swapped: Path | None = None) -> None:
        """The build succeeded and its files are in place; `swapped`: the output folder, when the build
        swapped in a whole new one instead of merging. The next build keeps what it can of this one."""
        if swapped is not None:
            self._made = _files_below(swapped) | self._kept_files
        self._after_swap += self._deferred
        self._deferred = []
        self._committed, self._pending = self._pending, {}
        self._identity = _identity(self._output)
        self._parts_before, self._parts = self._parts, {}  # the parts this build's files hold

    def abandon(self) -> None:
        """The build failed: the output is still the last successful one, with its keys."""
        self._pending = {}
        self._deferred = []
        self._parts = {}

    def made_files(self, suffix: str) -> int:
        """How many files with this ending the last successful build left (without kept folders)."""
        return sum(1 for name in self._made if name.endswith(suffix))


class TemplateCode(BytecodeCache):
    """Compiled templates kept in memory across the rebuilds of `make serve` (Jinja checks each one
    against its source, so an edited template is compiled again)."""

    def __init__(self) -> None:
        self._code: dict[str, bytes] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        if bucket.key in self._code:
            bucket.bytecode_from_string(self._code[bucket.key])

    def dump_bytecode(self, bucket: Bucket) -> None:
        self._code[bucket.key] = bucket.bytecode_to_string()


def _files_below(folder: Path) -> set[str]:
    found = set()
    for directory, _dirs, files in os.walk(folder):
        below = os.path.relpath(directory, folder)
        prefix = "" if below == "." else below.replace(os.sep, "/") + "/"
        found.update(prefix + name for name in files)
    return found


def _place(staging: Path, output: Path, name: str) -> None:
    """Move a file from `staging` to where its older version is in `output` (one rename: readers see
    the old or the new file)."""
    target = output / name
    if target.is_dir() and not target.is_symlink():
        shutil.rmtree(target)  # a folder became a file
    parts = name.split("/")[:-1]
    for depth in range(1, len(parts) + 1):
        folder = output.joinpath(*parts[:depth])
        if folder.is_file() or folder.is_symlink():
            folder.unlink()  # a file became a folder
            break
    target.parent.mkdir(parents=True, exist_ok=True)
    os.replace(staging / name, target)


def _remove_file(output: Path, name: str) -> None:
    """Remove a file the build no longer makes, and the folders it leaves empty."""
    path = output / name
    try:
        path.unlink(missing_ok=True)
    except NotADirectoryError:  # a folder on its way became a file: nothing left to remove
        return
    for parent in path.parents:
        if parent == output:
            break
        try:
            parent.rmdir()
        except OSError:  # not empty
            break


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
        # Every field, nested; a short digest each, so a file that shows many events hashes little.
        self._event_keys = {event_id: digest(repr(event)) for event_id, event in events.items()}
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

"""What subscribers must notice, derived from the data's git history: SEQUENCE and LAST-MODIFIED.

Calendar programs show a changed event only when its SEQUENCE rises. Editors should not count,
so the build counts for them: every commit in which an event's time, place, status or title
changed raises its sequence by one, and that commit's time is its LAST-MODIFIED. Nothing comes
from the build's clock, so the same repository gives the same calendar.

Without git (a plain folder) there is no history: every event has sequence 0, and its
LAST-MODIFIED is its `updated` field, if any. A folder in a repository git cannot read (another
owner, no git installed) or a shallow clone gives too small a count: `history_note` says so, for
the build to tell the maintainer (calendar programs ignore an update whose SEQUENCE went down).
"""

from __future__ import annotations

import hashlib
import json
import subprocess
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from .yaml_source import parse_yaml

# The fields whose change a subscriber must see (the rest, e.g. a description, may change quietly).
WATCHED_FIELDS = (
    "title",
    "start",
    "end",
    "timezone",
    "venue",
    "location",
    "online",
    "status",
    "recurrence",
    "exceptions",
    "changed",
)
_GIT_TIMEOUT_S = 120


@dataclass(frozen=True)
class EventHistory:
    sequence: int = 0
    last_modified: datetime | None = None  # UTC


def fingerprint(value: Any) -> str | None:
    """A digest of an event's watched fields as written in its file (None if it is not a record)."""
    if not isinstance(value, dict):
        return None
    watched = {name: value[name] for name in WATCHED_FIELDS if name in value}
    return hashlib.sha256(json.dumps(watched, sort_keys=True, default=str).encode()).hexdigest()


def _git(repository: Path, *args: str, stdin: bytes | None = None) -> bytes | None:
    try:
        result = subprocess.run(
            ["git", "-C", str(repository), *args],
            input=stdin,
            capture_output=True,
            timeout=_GIT_TIMEOUT_S,
            check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return None
    return result.stdout if result.returncode == 0 else None


def _repository_of(folder: Path) -> Path | None:
    top = _git(folder, "rev-parse", "--show-toplevel")
    return Path(top.decode().strip()) if top else None


def _inside_a_work_tree(folder: Path) -> bool:
    """Whether a folder or one above it has a .git (whether or not git can read it)."""
    return any((candidate / ".git").exists() for candidate in (folder, *folder.parents))


def history_note(events_folder: Path) -> str | None:
    """Why the history of a folder that is under git cannot be counted in full, or None."""
    folder = events_folder if events_folder.is_dir() else events_folder.parent
    if not _inside_a_work_tree(folder.resolve()):
        return None  # a plain folder: sequence 0 by design (README)
    repository = _repository_of(folder)
    if repository is None:
        return (
            f"git cannot read the history of {folder} (is git installed, and does the repository belong to the "
            "user who builds? see `git config --global --add safe.directory`): the calendar's SEQUENCE of every "
            "event is 0, so calendar programs may miss changes"
        )
    if (_git(repository, "rev-parse", "--is-shallow-repository") or b"").strip() == b"true":
        return (
            f"{repository} is a shallow clone: the calendar's SEQUENCE counts only the commits it has, so calendar "
            "programs may miss changes; build from a full clone (e.g. `fetch-depth: 0` in CI)"
        )
    return None


def _timeline(repository: Path, events_folder: Path) -> dict[str, list[tuple[int, str | None]]]:
    """event id -> [(commit time, blob id of its file or None when deleted)], oldest first."""
    relative = events_folder.resolve().relative_to(repository.resolve()).as_posix()
    log = _git(repository, "log", "--reverse", "--raw", "--no-renames", "--no-abbrev", "--format=@%ct", "--", relative)
    timeline: dict[str, list[tuple[int, str | None]]] = {}
    when = 0
    for line in (log or b"").decode("utf-8", "replace").splitlines():
        if line.startswith("@"):
            when = int(line[1:])
        elif line.startswith(":") and "\t" in line:
            meta, path = line.split("\t", 1)
            blob, status = meta.split()[3], meta.split()[4]
            if not path.endswith(".yaml"):
                continue
            event_id = path.rsplit("/", 1)[-1].removesuffix(".yaml")
            timeline.setdefault(event_id, []).append((when, None if status.startswith("D") else blob))
    return timeline


def _blobs(repository: Path, blob_ids: Iterable[str]) -> dict[str, bytes]:
    """The contents of many blobs with one `git cat-file --batch`."""
    wanted = sorted(set(blob_ids))
    if not wanted:
        return {}
    output = _git(repository, "cat-file", "--batch", stdin="".join(f"{b}\n" for b in wanted).encode())
    contents: dict[str, bytes] = {}
    position = 0
    while output and position < len(output):
        header_end = output.index(b"\n", position)
        blob, kind, size = output[position:header_end].decode().split(" ")
        start = header_end + 1
        if kind == "blob":
            contents[blob] = output[start : start + int(size)]
        position = start + int(size) + 1
    return contents


def event_histories(events_folder: Path, current: Mapping[str, Any]) -> dict[str, EventHistory]:
    """History of every event id in `current` (id -> its YAML value as now in the folder)."""
    repository = _repository_of(events_folder) if events_folder.is_dir() else None
    if repository is None:
        return {event_id: EventHistory() for event_id in current}
    timeline = _timeline(repository, events_folder)
    contents = _blobs(repository, (blob for steps in timeline.values() for _when, blob in steps if blob))
    prints: dict[str, str | None] = {}
    for blob, raw in contents.items():
        document = parse_yaml(raw.decode("utf-8-sig", "replace"))
        prints[blob] = fingerprint(document.value) if not document.problems else None
    result = {}
    for event_id, value in current.items():
        sequence, modified, previous = 0, None, None
        for when, blob in timeline.get(event_id, []):
            print_ = prints.get(blob) if blob else None
            if print_ is None:
                continue  # deleted, or not readable then: nothing a subscriber saw
            if previous is not None and print_ != previous:
                sequence += 1
                modified = when
            elif previous is None:
                modified = when
            previous = print_
        now = fingerprint(value)
        if previous is not None and now != previous:
            sequence += 1  # changed in the folder but not yet committed: a preview shows it already
        result[event_id] = EventHistory(sequence, datetime.fromtimestamp(modified, UTC) if modified else None)
    return result

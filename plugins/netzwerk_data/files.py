"""Listing the editors' folders safely.

Every file the build reads comes from here: real files inside the folder, never a
symbolic link (it could lead anywhere, or in a circle), with unreadable entries
reported instead of raising. Hidden files (a leading dot: .gitkeep, .DS_Store) are skipped.
"""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass, field
from pathlib import Path

from .problems import Problem, did_you_mean, relative

# Far more than a network's data after decades; a bound so a hostile tree cannot stall the build.
MAX_ENTRIES = 200_000
MAX_DEPTH = 8


@dataclass
class FolderScan:
    """The regular files below a folder, and what could not be listed or is not allowed."""

    files: list[Path] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    # Folders (relative to the scanned one, "" for itself) that could not be read.
    unreadable: list[str] = field(default_factory=list)

    def under(self, folder: str) -> list[Path]:
        """Files whose first path part below the scanned folder is `folder`."""
        return [path for path in self.files if path.parts and path.parts[0] == folder]


def _why(error: OSError) -> str:
    if isinstance(error, PermissionError):
        return "permission denied; check the folder's permissions"
    return error.strerror or type(error).__name__


def scan_folder(root: Path, project: Path) -> FolderScan:
    """All regular files below `root` as paths relative to it, sorted, without following links."""
    scan = FolderScan()
    pending: list[tuple[Path, int]] = [(Path(), 0)]
    seen = 0
    while pending:
        folder, depth = pending.pop()
        shown = relative(root / folder, project)
        try:
            with os.scandir(root / folder) as entries:
                listed = sorted(entries, key=lambda entry: entry.name)
        except OSError as error:
            scan.unreadable.append(folder.as_posix() if folder.parts else "")
            scan.problems.append(Problem(shown, 1, "(folder)", f"the folder cannot be read: {_why(error)}"))
            continue
        for entry in listed:
            seen += 1
            if seen > MAX_ENTRIES:
                scan.problems.append(
                    Problem(
                        relative(root, project),
                        1,
                        "(folder)",
                        f"more than {MAX_ENTRIES} files: remove what is not site data",
                    )
                )
                return scan
            if entry.name.startswith("."):
                continue
            path = folder / entry.name
            shown_entry = relative(root / path, project)
            if entry.is_symlink():
                scan.problems.append(
                    Problem(
                        shown_entry,
                        1,
                        "(file)",
                        "this is a symbolic link; the build only reads real files inside the folder: "
                        "replace the link by a copy of the file or folder",
                    )
                )
            elif entry.is_dir(follow_symlinks=False):
                if depth + 1 >= MAX_DEPTH:
                    scan.problems.append(
                        Problem(shown_entry, 1, "(folder)", f"folders are nested more than {MAX_DEPTH} levels deep")
                    )
                else:
                    pending.append((path, depth + 1))
            elif entry.is_file(follow_symlinks=False):
                scan.files.append(path)
            else:
                scan.problems.append(Problem(shown_entry, 1, "(file)", "this is not a regular file; remove it"))
    scan.files.sort()
    return scan


@dataclass(frozen=True)
class ReadProblem:
    """Why a file's text cannot be used, and on which line (1 when it is the whole file)."""

    line: int
    message: str


def read_text(path: Path, max_bytes: int, what: str) -> tuple[str, ReadProblem | None]:
    """A file's text (UTF-8, a leading BOM allowed), at most `max_bytes`, or why it cannot be read.

    `what` says what such a file holds, for the message when it is too large.
    """
    raw, problem = _read_bytes(path, max_bytes, what)
    if problem is not None:
        return "", problem
    try:
        return raw.decode("utf-8-sig"), None
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        message = (
            f"the file is not saved as UTF-8 (a byte on line {line} cannot be read); save it as UTF-8 in your editor"
        )
        return "", ReadProblem(line, message)


def _read_bytes(path: Path, max_bytes: int, what: str) -> tuple[bytes, ReadProblem | None]:
    try:
        # O_NONBLOCK: opening a named pipe must not wait for a writer; it is refused below.
        descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
        with os.fdopen(descriptor, "rb") as file:
            info = os.fstat(file.fileno())
            if stat.S_ISDIR(info.st_mode):
                return b"", ReadProblem(1, "this is a folder, not a file: move or rename the folder")
            if not stat.S_ISREG(info.st_mode):
                return b"", ReadProblem(1, "this is not a regular file (e.g. a pipe or a device); replace it by a file")
            # One byte more than allowed: the size may have changed since fstat.
            raw = file.read(max_bytes + 1)
            size = max(info.st_size, len(raw))
    except PermissionError:
        return b"", ReadProblem(1, "the file cannot be read: permission denied; check the file's permissions")
    except IsADirectoryError:
        return b"", ReadProblem(1, "this is a folder, not a file: move or rename the folder")
    except OSError as error:
        reason = error.strerror or type(error).__name__
        return b"", ReadProblem(1, f"the file cannot be read: {reason}; check that it exists and can be opened")
    if len(raw) > max_bytes:
        return b"", ReadProblem(
            1,
            f"the file has {size:,} bytes, more than the limit of {max_bytes:,}: {what}; check that this is the "
            "right file and shorten it",
        )
    return raw, None


def names_in(folder: Path, most: int = 10_000) -> list[str]:
    """The names in a folder (at most `most`), for "did you mean"; none when it cannot be read."""
    try:
        with os.scandir(folder) as entries:
            return [entry.name for _, entry in zip(range(most), entries, strict=False)]
    except OSError:
        return []


@dataclass(frozen=True)
class FileWords:
    """How a file check names the file it looks for, in the editor's words."""

    add: str  # what to do when it is missing, e.g. "add the image to"
    copy: str  # the link's replacement, e.g. "a copy of the image"
    not_a_file: str  # e.g. "is not an image file (it is a folder or a special file); name an image file"
    missing_folder: str = "fix the path"


def real_file_problem(root: Path, shown_root: str, relative_path: str, words: FileWords) -> str | None:
    """Why `root/relative_path` is not a real file inside `root`, or None.

    Each step is looked up without following symbolic links: every step a real folder, the last a
    regular file, so nothing from outside the folder can be published through a link.
    """
    shown = f"{shown_root}/{relative_path}"
    if root.is_symlink():
        return f"{shown_root} is a symbolic link; the site only publishes real files: replace it by a real folder"
    parts = relative_path.split("/")
    for index, part in enumerate(parts):
        last = index == len(parts) - 1
        folder = root.joinpath(*parts[:index])
        step = "/".join([shown_root, *parts[: index + 1]])
        try:
            mode = os.lstat(folder / part).st_mode
        except OSError:
            names = names_in(folder)
            same = [name for name in names if name.casefold() == part.casefold()]
            hint = f" did you mean '{same[0]}'?" if same else did_you_mean(part, names)
            if not last:
                return f"there is no folder {step};{hint} {words.missing_folder}"
            where = "/".join([shown_root, *parts[:index]])
            return f"there is no file {shown};{hint} {words.add} {where}/ or fix the path"
        if stat.S_ISLNK(mode):
            return (
                f"{step} is a symbolic link; the site only publishes real files inside {shown_root}/: "
                f"replace the link by {words.copy}"
            )
        if not last and not stat.S_ISDIR(mode):
            return f"{step} is not a folder; fix the path"
        if last and not stat.S_ISREG(mode):
            return f"{shown} {words.not_a_file}"
    return None

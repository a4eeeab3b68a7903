"""The output folder: refused when it would overwrite something else, replaced atomically.

A build writes into a fresh staging folder next to the output folder and then swaps it
in. The output folder carries a marker file, so a later build knows it may replace it;
a folder without the marker was not made by a build and is never deleted.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import shutil
import sys
import tempfile
from pathlib import Path

MARKER = ".netzwerk-build"
MARKER_TEXT = "This folder was made by the site kit's build and is replaced by the next build.\n"
# The marker lists what the build put into the folder: anything else was added by hand, and the
# next build stops and names it instead of deleting it unseen.
_MANIFEST_HEADING = "Made by the build (anything else here stops the next build):\n"
STAGING_INFIX = ".building-"
PREVIOUS_INFIX = ".previous-"


class UnsafeOutput(Exception):
    """The output folder would overwrite or contain something the build must not touch."""


def _inside(path: Path, folder: Path) -> bool:
    return path == folder or folder in path.parents


def check_output_folder(output: Path, protected: dict[str, Path]) -> None:
    """Refuse an output folder that is, contains or lies inside a protected folder.

    `protected` names the folders the build reads (project, data, content, theme, ...), all resolved.
    The project folder itself may contain the output (output/ is the default), the others may not.
    """
    output = output.resolve()
    for name, folder in protected.items():
        if _inside(folder, output):
            raise UnsafeOutput(
                f"the output folder {output} is or contains the {name} folder {folder}; "
                "the build replaces the whole output folder, so choose a folder of its own, e.g. output"
            )
        if name != "project" and _inside(output, folder):
            raise UnsafeOutput(
                f"the output folder {output} lies inside the {name} folder {folder}; "
                "choose a folder outside it, e.g. output in the project folder"
            )
    if output.exists() and not output.is_dir():
        raise UnsafeOutput(f"{output} exists and is not a folder; choose another output folder")
    if output.is_dir() and not is_build_output(output) and any(output.iterdir()):
        raise UnsafeOutput(
            f"the folder {output} exists, is not empty and was not made by this build (it has no {MARKER} file); "
            "the build replaces its output folder completely, so choose a new or empty folder, "
            "or delete this one yourself if it is an old build"
        )
    added = added_by_hand(output) if output.is_dir() and is_build_output(output) else []
    if added:
        shown = ", ".join(added[:10]) + (f" and {len(added) - 10} more" if len(added) > 10 else "")
        raise UnsafeOutput(
            f"the output folder {output} holds {shown}, which the build did not make; the build replaces "
            "the whole folder, so move them somewhere else (or delete them) and build again"
        )


def is_build_output(folder: Path) -> bool:
    return (folder / MARKER).is_file() and not (folder / MARKER).is_symlink()


def added_by_hand(folder: Path) -> list[str]:
    """Names at the top of a build's output folder that its build did not put there, sorted."""
    text = (folder / MARKER).read_text(encoding="utf-8", errors="replace")
    if _MANIFEST_HEADING not in text:
        return []  # marked by a build from before the list was kept: the whole folder is the build's
    made = set(text.split(_MANIFEST_HEADING, 1)[1].splitlines())
    return sorted(entry.name for entry in folder.iterdir() if entry.name != MARKER and entry.name not in made)


def seal(staging: Path) -> None:
    """Record in the marker what the finished build put into `staging`."""
    names = sorted(entry.name for entry in staging.iterdir() if entry.name != MARKER)
    (staging / MARKER).write_text(MARKER_TEXT + _MANIFEST_HEADING + "".join(f"{n}\n" for n in names), "utf-8")


def new_staging_folder(output: Path) -> Path:
    """A fresh, uniquely named folder beside `output` (same file system, so the swap is a rename)."""
    output.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{output.name}{STAGING_INFIX}", dir=output.parent))
    staging.chmod(0o755)  # mkdtemp makes it private; the site is for everyone to read
    (staging / MARKER).write_text(MARKER_TEXT, encoding="utf-8")
    return staging


def remove_build_folder(folder: Path | None) -> None:
    """Delete a folder only if a build made it."""
    if folder is not None and folder.is_dir() and not folder.is_symlink() and is_build_output(folder):
        shutil.rmtree(folder, ignore_errors=True)


def remove_leftovers(output: Path) -> None:
    """Staging and previous folders of builds that were interrupted (their owner held the same lock)."""
    for candidate in output.parent.glob(f".{output.name}.*"):
        if STAGING_INFIX in candidate.name or PREVIOUS_INFIX in candidate.name:
            remove_build_folder(candidate)


def swap_into_place(staging: Path, output: Path) -> Path | None:
    """Make `staging` the output folder; `output` never disappears while readers look at it.

    Returns the folder that now holds the previous output (a leftover name: remove_build_folder it,
    now or later; the next build's remove_leftovers does otherwise), or None when there was none."""
    if not output.exists():
        staging.rename(output)
        return None
    if _exchange(staging, output):
        return staging  # now holds the previous output
    # No atomic exchange on this system: two renames, the gap is a few microseconds.
    previous = Path(tempfile.mkdtemp(prefix=f".{output.name}{PREVIOUS_INFIX}", dir=output.parent))
    previous.rmdir()
    output.rename(previous)
    staging.rename(output)
    return previous


_RENAME_EXCHANGE = 2
_AT_FDCWD = -100


def _exchange(first: Path, second: Path) -> bool:
    """Swap two folders in one step (Linux renameat2 RENAME_EXCHANGE); False where not available."""
    if not sys.platform.startswith("linux"):
        return False
    libc_name = ctypes.util.find_library("c")
    if libc_name is None:
        return False
    libc = ctypes.CDLL(libc_name, use_errno=True)
    renameat2 = getattr(libc, "renameat2", None)
    if renameat2 is None:
        return False
    result = renameat2(_AT_FDCWD, os.fsencode(first), _AT_FDCWD, os.fsencode(second), _RENAME_EXCHANGE)
    return result == 0

"""Editor-facing problems: where, what, and how to fix it."""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass
from difflib import get_close_matches
from pathlib import Path


@dataclass(frozen=True, order=True)
class Problem:
    """One mistake in one file, reported as `file:line: field: message`."""

    file: str
    line: int
    field: str
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.field}: {self.message}"


# A file with thousands of mistakes would bury the first ones: show this many, then the count.
REPORT_LIMIT = 50


class DataError(Exception):
    """Raised when the data has problems; carries all of them, sorted."""

    def __init__(self, problems: Iterable[Problem], network: object | None = None) -> None:
        self.problems = sorted(set(problems))
        # The network record when it was valid, so later checks can still use its languages.
        self.network = network
        super().__init__(self.report())

    def report(self, limit: int = REPORT_LIMIT) -> str:
        return report(self.problems, limit)


def report(problems: Iterable[Problem], limit: int = REPORT_LIMIT, subject: str = "The data has") -> str:
    """Problems as editors read them, sorted by file and line, the first `limit` of them."""
    found = sorted(set(problems))
    count = len(found)
    lines = [f"{subject} {count} problem{'s' if count != 1 else ''}:"]
    lines += [f"  {problem}" for problem in found[:limit]]
    if count > limit:
        lines.append(f"  … and {count - limit} more; fix these first and check again.")
    return "\n".join(lines)


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    """' did you mean 'x'?' for the closest choice, or ''."""
    matches = get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f" did you mean '{matches[0]}'?" if matches else ""


def relative(path: Path, root: Path) -> str:
    """A path as the editor sees it: relative to the project folder where possible.

    The path itself is not resolved: a symbolic link is named where it lies, not where it leads.
    """
    for base in (Path(os.path.normpath(root.absolute())), root.resolve()):
        try:
            return Path(os.path.normpath(path.absolute())).relative_to(base).as_posix()
        except ValueError:
            continue
    return path.as_posix()

"""Editor-facing problems: where, what, and how to fix it."""

from __future__ import annotations

import os
import re
import unicodedata
from collections.abc import Iterable, Iterator
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
        message = _LONG_QUOTE.sub(lambda m: f"'{m[1][:60]}…'", self.message)
        return shown_safely(f"{self.file}:{self.line}: {self.field}: {message}")


# A value quoted in a message is shortened: a 5,000-digit number need not be shown whole to be found.
_LONG_QUOTE = re.compile(r"'([^'\s]{120,})'")


def shown_safely(text: str) -> str:
    """`text` with invisible and control characters written as <U+XXXX>: a direction override in a
    file name or value would otherwise turn the message around on the editor's screen."""
    if text.isascii() and text.isprintable():
        return text
    return "".join(
        f"<U+{ord(char):04X}>" if unicodedata.category(char) in _UNSHOWN and char not in _SHOWN else char
        for char in text
    )


# Control, format, separator, private-use and surrogate characters; the direction marks that right-
# to-left text in a message needs stay as they are.
_UNSHOWN = frozenset({"Cc", "Cf", "Zl", "Zp", "Co", "Cs"})
_SHOWN = frozenset({"\u200e", "\u200f", "\u061c"})


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
    """Problems as editors read them, sorted by file and line: the first `limit` of them, and of a file
    with many, only its first few when other files have problems too (so every file gets a say)."""
    found = sorted(set(problems))
    count = len(found)
    by_file: dict[str, list[Problem]] = {}
    for problem in found:
        by_file.setdefault(problem.file, []).append(problem)
    per_file = limit if len(by_file) == 1 else max(1, limit // 5)
    lines = [f"{subject} {count} problem{'s' if count != 1 else ''}:"]
    shown = 0
    for file, file_problems in by_file.items():
        if shown >= limit:
            break
        taken = file_problems[: min(per_file, limit - shown)]
        lines += [f"  {problem}" for problem in taken]
        shown += len(taken)
        if len(file_problems) > len(taken):
            lines.append(f"    ({len(file_problems) - len(taken)} more in {shown_safely(file)})")
    if count > shown:
        lines.append(f"  … and {count - shown} more; fix these first and check again.")
    return "\n".join(lines)


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    """' did you mean 'x'?' for the closest choice, or ''."""
    matches = get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f" did you mean '{matches[0]}'?" if matches else ""


def relative(path: Path, root: Path) -> str:
    """A path as the editor sees it: relative to the project folder where possible.

    The path itself is not resolved: a symbolic link is named where it lies, not where it leads.
    """
    shown = Path(os.path.normpath(path.absolute()))
    for base in _bases(root):
        try:
            return shown.relative_to(base).as_posix()
        except ValueError:
            continue
    return path.as_posix()


def _bases(root: Path) -> Iterator[Path]:
    """The project folder as written, then with its links resolved (only if needed: resolving is slow)."""
    yield Path(os.path.normpath(root.absolute()))
    yield root.resolve()

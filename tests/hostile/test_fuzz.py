"""Property: whatever an editor does to a valid file, the build either succeeds or lists problems.

Hypothesis mutates the fixture site's data and content files (random edits, lines lost or
doubled, hostile values); the check and the build run in this process under an alarm, so a
hang fails the test instead of stalling CI. Bounded by max_examples to keep the suite short.
"""

from __future__ import annotations

import shutil
import signal
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from workspace import FIXTURE, ROOT, TODAY

import netzwerk_build
from netzwerk_build import BuildFailed, Project, SitePaths

PROJECT = Project(ROOT)
FILES = sorted(
    [p.relative_to(FIXTURE).as_posix() for p in (FIXTURE / "data").rglob("*.yaml")]
    + [p.relative_to(FIXTURE).as_posix() for p in (FIXTURE / "content").rglob("*.md")]
)
SECONDS_PER_EXAMPLE = 20

HOSTILE_VALUES = [
    "*alias", "&anchor x", "!!python/object:os.system", "<<: *a", "9" * 5000, "1." + "9" * 400, "[" * 500,
    "{a: [b, {c: d}]}", '"unclosed', "\t- tab", "2026-02-30", "9999-12-31", "0001-01-01", "2026-13-01T25:61",
    "FREQ=SECONDLY;INTERVAL=0", "FREQ=DAILY;INTERVAL=0;COUNT=3", "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30;COUNT=2",
    "javascript:alert(1)", "https://x.example/\u202e", "a\u200bb", "\x00", "\u202eevil", "../../../etc/passwd",
    "x" * 20000, "<script>alert(1)</script>", "[x](javascript:alert(1))", "{static}../../etc/passwd",
    "a@b.example " * 200, "yes", "no", "~", "null", "-", "? x", "|", ">", "%YAML 1.1", "---", "...",
]  # fmt: skip
ALPHABET = st.characters(codec="utf-8", exclude_categories=("Cs",)) | st.sampled_from(list(":{}[]&*!|>'\"#-\t\n %@,"))


@st.composite
def mutation(draw: st.DrawFn) -> tuple[str, str]:
    """A file of the fixture and its new text."""
    name = draw(st.sampled_from(FILES))
    text = (FIXTURE / name).read_text(encoding="utf-8")
    lines = text.splitlines(keepends=True)
    kinds = ["replace-value", "splice", "drop-line", "double-line", "indent", "truncate", "append-text"]
    kind = draw(st.sampled_from(kinds))
    index = draw(st.integers(0, max(len(lines) - 1, 0)))
    if kind == "replace-value" and lines:
        key, _, _ = lines[index].partition(":")
        value = draw(st.sampled_from(HOSTILE_VALUES) | st.text(ALPHABET, max_size=40))
        quoted = draw(st.booleans())
        lines[index] = f"{key}: {value!r}\n".replace("'", '"') if quoted else f"{key}: {value}\n"
    elif kind == "splice":
        at = draw(st.integers(0, len(text)))
        cut = draw(st.integers(0, 20))
        return name, text[:at] + draw(st.text(ALPHABET, max_size=30)) + text[at + cut :]
    elif kind == "drop-line" and lines:
        del lines[index]
    elif kind == "double-line" and lines:
        lines.insert(index, lines[index])
    elif kind == "indent" and lines:
        lines[index] = draw(st.sampled_from(["\t", "  ", "    ", " "])) + lines[index]
    elif kind == "append-text" and name.endswith(".md"):
        # Body text passes the check more often, so the build itself gets exercised.
        extra = draw(st.lists(st.sampled_from(HOSTILE_VALUES) | st.text(ALPHABET, max_size=60), max_size=5))
        return name, text + "\n" + "\n".join(extra) + "\n"
    elif kind == "truncate":
        return name, text[: draw(st.integers(0, len(text)))]
    return name, "".join(lines)


@contextmanager
def alarm(seconds: int) -> Iterator[None]:
    def hung(_signum: int, _frame: object) -> None:
        raise TimeoutError(f"the check or build took longer than {seconds} s")

    previous = signal.signal(signal.SIGALRM, hung)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


@contextmanager
def mutated_site(changes: list[tuple[str, str]]) -> Iterator[Path]:
    with tempfile.TemporaryDirectory() as scratch:
        root = Path(scratch)
        shutil.copytree(FIXTURE, root, dirs_exist_ok=True)
        for name, text in changes:
            (root / name).write_text(text, encoding="utf-8")
        yield root


@settings(max_examples=300, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow])
@given(changes=st.lists(mutation(), min_size=1, max_size=3))
def test_the_check_of_mutated_files_lists_problems_or_passes(changes: list[tuple[str, str]]) -> None:
    with mutated_site(changes) as root, alarm(SECONDS_PER_EXAMPLE):
        check = netzwerk_build.check(PROJECT, root / "data", root / "content")
        assert check.ok or check.report().strip(), "a failed check must say why"


@settings(max_examples=100, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow])
@given(changes=st.lists(mutation(), min_size=1, max_size=2))
def test_mutated_files_that_pass_the_check_build(changes: list[tuple[str, str]]) -> None:
    """What the check lets through, the build must build (or explain): never an exception."""
    with mutated_site(changes) as root, alarm(SECONDS_PER_EXAMPLE):
        paths = SitePaths(root / "data", root / "content", root / "output")
        try:
            pages = netzwerk_build.build(PROJECT, paths, TODAY, ROOT / "pelicanconf.py", say=lambda _message: None)
            assert pages > 0
            event("built")
        except BuildFailed as failure:
            assert "Error:" not in str(failure) and "Traceback" not in str(failure), str(failure)

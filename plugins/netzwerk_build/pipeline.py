"""The build as editors run it: check everything, build into a staging folder, swap it in.

On any problem the previous output stays exactly as it was, and the message says what
to fix; nothing outside the output folder (and its lock and staging siblings) is written.
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from netzwerk_data import Dataset
from netzwerk_data.memo import LoadMemo
from netzwerk_data.values import MAX_YEAR, MIN_YEAR
from netzwerk_site.reuse import OutputCache

from .folders import (
    UnsafeOutput,
    check_output_folder,
    new_staging_folder,
    remove_build_folder,
    remove_leftovers,
    seal,
    swap_into_place,
)
from .lock import BuildBusy, build_lock
from .pelican_run import run_pelican
from .sources import SourceCheck, check_sources


class BuildFailed(Exception):
    """What went wrong, in the editor's words; the output folder was left as it was."""


@dataclass(frozen=True)
class Project:
    """The kit's own folders: read by every build, never written."""

    root: Path

    @property
    def theme(self) -> Path:
        return self.root / "theme"

    @property
    def translations(self) -> Path:
        return self.theme / "translations"

    @property
    def plugins(self) -> Path:
        return self.root / "plugins"


@dataclass(frozen=True)
class SitePaths:
    data: Path
    content: Path
    output: Path


def parse_today(text: str | None) -> str | None:
    """--today as a real date (YYYY-MM-DD), or a clear message."""
    if text is None or text == "":
        return None
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        raise BuildFailed(f"--today {text}: write the date as YYYY-MM-DD, e.g. --today 2026-11-24")
    try:
        day = date.fromisoformat(text)
    except ValueError:
        raise BuildFailed(f"--today {text}: there is no such day; check the month and day") from None
    if not MIN_YEAR <= day.year <= MAX_YEAR:
        raise BuildFailed(f"--today {text}: the site shows the years {MIN_YEAR} to {MAX_YEAR}; give a day in them")
    return text


def check(project: Project, data: Path, content: Path, memo: LoadMemo | None = None) -> SourceCheck:
    return check_sources(data.resolve(), content.resolve(), project.translations, memo)


def stale_data_warnings(dataset: Dataset, today: str | None) -> list[str]:
    """Warnings about data that is consistent but probably out of date, for the day the site is built for."""
    from datetime import datetime
    from zoneinfo import ZoneInfo

    from netzwerk_data.stale import stale_warnings, warning_lines

    day = date.fromisoformat(today) if today else datetime.now(ZoneInfo(dataset.network.timezone)).date()
    return warning_lines(stale_warnings(dataset, day))


def refuse_unsafe_output(project: Project, paths: SitePaths) -> None:
    protected = {
        "project": project.root.resolve(),
        "data": paths.data.resolve(),
        "content": paths.content.resolve(),
        "theme": project.theme.resolve(),
        "plugins": project.plugins.resolve(),
        "git": (project.root / ".git").resolve(),
    }
    try:
        check_output_folder(paths.output, protected)
    except UnsafeOutput as error:
        raise BuildFailed(f"Not building: {error}.") from None


def build(
    project: Project,
    paths: SitePaths,
    today: str | None,
    settings_file: Path,
    say: Callable[[str], None] = print,
    extra_settings: dict | None = None,
    cache: OutputCache | None = None,
) -> int:
    """Build the site into paths.output; return the number of pages. Raises BuildFailed.

    cache: kept across the builds of one process (`make serve`), it lets a build reuse the files of
    the last one that nothing they show has changed (netzwerk_site.reuse); without it every file is
    written."""
    today = parse_today(today)
    refuse_unsafe_output(project, paths)  # before anything is read or written
    output = paths.output.resolve()
    kept = f"{paths.output} was left as it was."
    sources = check(project, paths.data, paths.content, cache.data if cache is not None else None)
    if not sources.ok:
        raise BuildFailed(f"{sources.report()}\nFix them and build again; {kept}")
    assert sources.dataset is not None
    for line in stale_data_warnings(sources.dataset, today):
        say(line)
    overrides = {
        "PATH": str(paths.content.resolve()),
        "NETWORK_DATA": str(paths.data.resolve()),
        **(extra_settings or {}),
    }
    if today:
        overrides["SITE_TODAY"] = today
    if cache is not None:
        overrides["NETWORK_OUTPUT_CACHE"] = cache
    try:
        with build_lock(output, say):
            refuse_unsafe_output(project, paths)  # again: another build may have changed it meanwhile
            remove_leftovers(output)
            staging = new_staging_folder(output)
            swapped = False
            if cache is not None:
                cache.begin(output)
            try:
                failures, notes = run_pelican(
                    settings_file, {**overrides, "OUTPUT_PATH": str(staging)}, sources.dataset
                )
                if failures:
                    # Name the output folder the editor chose, not the staging folder beside it.
                    failures = [line.replace(str(staging), str(output)) for line in failures]
                    raise BuildFailed("\n".join(["The build failed:", *(f"  {line}" for line in failures), kept]))
                if cache is not None and cache.merges:  # `make serve`: only the changed files move
                    cache.merge(staging)
                    seal(output)
                    cache.commit()
                else:
                    seal(staging)
                    replaced = swap_into_place(staging, output)
                    swapped = True
                    if cache is None:
                        remove_build_folder(replaced)
                    else:  # `make serve` shows the new output first and removes the old one afterwards
                        cache.defer(lambda _output: remove_build_folder(replaced))
                        cache.commit(swapped=output)
                for note in notes:
                    say(note)
            finally:
                if cache is not None:
                    cache.abandon()  # after commit(): nothing left to abandon
                if not swapped and staging.exists():
                    shutil.rmtree(staging, ignore_errors=True)
    except BuildBusy as error:
        raise BuildFailed(f"Not building: {error}.") from None
    if cache is not None:
        return cache.made_files(".html")  # without walking the whole folder again
    return sum(1 for _ in output.rglob("*.html"))

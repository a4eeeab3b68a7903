"""The benchmark's printed report: one row per build, growth exponents, feed sizes, the ratio."""

from __future__ import annotations

import math
from dataclasses import dataclass

from .edit_loop import EditLoop
from .measure import Run


@dataclass(frozen=True)
class Measured:
    """Both builds of one corpus: the medians of the rounds."""

    label: str  # e.g. "20 years, scale 1"
    years: int
    scale: int
    pages: int  # HTML pages, the same for both builds
    kit: Run
    plain: Run
    kit_page_kb: float  # average size of an output HTML page
    plain_page_kb: float
    feeds: dict[str, int]  # published calendar and feed files of the kit's build: path -> bytes
    edit: EditLoop | None = None  # `make serve` after one event's title changed (when measured)


def human_size(size: int) -> str:
    if size >= 1_000_000:
        return f"{size / 1e6:.2f} MB"
    return f"{size / 1e3:.1f} kB"


def rows(results: list[Measured]) -> list[str]:
    lines = [
        f"{'corpus':<20} {'build':<14} {'pages':>6} {'wall s':>8} {'CPU s':>8} {'peak MB':>8} {'ms/page':>8} "
        f"{'kB/page':>8}",
    ]
    for result in results:
        for name, run, size in (
            ("kit", result.kit, result.kit_page_kb),
            ("plain Pelican", result.plain, result.plain_page_kb),
        ):
            label = result.label if name == "kit" else ""
            ms = 1000 * run.seconds / result.pages
            lines.append(
                f"{label:<20} {name:<14} {result.pages:>6} {run.seconds:>8.2f} {run.cpu_seconds:>8.2f} "
                f"{run.peak_mb:>8.0f} {ms:>8.2f} {size:>8.1f}"
            )  # fmt: skip
    return lines


def exponent(small: Measured, large: Measured, build: str, clock: str = "seconds") -> float:
    """How time grows with pages between two corpora: log(t_large / t_small) / log(p_large / p_small).
    `build` is "kit" or "plain"; `clock` "seconds" (wall) or "cpu_seconds"."""
    t_small, t_large = getattr(getattr(small, build), clock), getattr(getattr(large, build), clock)
    return math.log(t_large / t_small) / math.log(large.pages / small.pages)


def growth(results: list[Measured], years: int) -> list[str]:
    """The exponent from the smallest to the largest scale of the many-year corpus (1 → 4 by default)."""
    many = sorted((r for r in results if r.years == years), key=lambda r: r.scale)
    if len(many) < 2 or many[0].pages == many[-1].pages:
        return ["growth exponent: needs two scales of the same number of years (e.g. --scales 1,4)"]
    small, large = many[0], many[-1]
    return [
        f"growth exponent of time against pages, {years} years, scale {small.scale} → {large.scale} "
        f"({small.pages} → {large.pages} pages; 1.00 is linear): "
        f"kit {exponent(small, large, 'kit'):.2f}, plain Pelican {exponent(small, large, 'plain'):.2f}",
        f"  the same for CPU seconds: kit {exponent(small, large, 'kit', 'cpu_seconds'):.2f}, "
        f"plain Pelican {exponent(small, large, 'plain', 'cpu_seconds'):.2f}",
    ]


def feed_sizes(results: list[Measured]) -> list[str]:
    lines = ["published calendar and feed files of the kit's build (the German ones, at the site root):"]
    for result in results:
        sizes = ", ".join(f"{path} {human_size(size)}" for path, size in result.feeds.items()) or "none"
        lines.append(f"  {result.label}: {sizes}")
    return lines


def edit_loops(results: list[Measured]) -> list[str]:
    """How long `make serve` takes to show an edit of one event file (serve's own figure)."""
    lines = []
    for result in results:
        if result.edit is not None:
            edit = result.edit
            lines.append(
                f"edit loop, {result.label}: `make serve` shows one event's new title after {edit.shown:.1f} s "
                f"(median of its rebuilds; {edit.made} files made again, {edit.reused} kept; its first build "
                f"{edit.first_build:.1f} s)"
            )
    return lines


def ratio_line(results: list[Measured], years: int) -> tuple[str, str]:
    """The note on which corpus the ratio is for, and the last line: `ratio: <kit s / plain Pelican s>`."""
    chosen = next((r for r in results if r.years == years and r.scale == 1), None)
    note = ""
    if chosen is None:
        chosen = results[0]
        note = f" (scale 1 of {years} years was not run)"
    cpu = chosen.kit.cpu_seconds / chosen.plain.cpu_seconds
    line = f"ratio of wall seconds, kit / plain Pelican, for {chosen.label}{note} (of CPU seconds: {cpu:.2f}):"
    return line, f"ratio: {chosen.kit.seconds / chosen.plain.seconds:.2f}"

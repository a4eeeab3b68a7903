"""Benchmark: this site kit against plain Pelican building the same number of pages, in the same run.

Speed and memory are reported as ratios (kit / plain Pelican), so the figures mean the same on any
machine. Each build runs in its own process; wall time by the clock, peak memory by the kernel's
accounting for that process (os.wait4). Run with `invoke bench`.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TODAY = "2026-11-24"


def measure(command: list[str]) -> tuple[float, float]:
    """(seconds, peak resident MiB) of one process."""
    started = time.perf_counter()
    process = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - started
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"failed: {' '.join(command)}\n{process.stderr.read().decode() if process.stderr else ''}")
    return seconds, usage.ru_maxrss / 1024


def kit_command(data: Path, content: Path, output: Path) -> list[str]:
    settings = {"NETWORK_DATA": str(data), "SITE_TODAY": TODAY}
    extra = [f"{key}={json.dumps(value)}" for key, value in settings.items()]
    return [sys.executable, "-m", "pelican", str(content), "-s", str(ROOT / "pelicanconf.py"), "-o", str(output),
            "-q", "-e", *extra]  # fmt: skip


def plain_site(folder: Path, pages: int) -> list[str]:
    """A plain Pelican site with `pages` Markdown pages of similar length, default theme, no plugins."""
    content = folder / "content"
    (content / "pages").mkdir(parents=True)
    body = "\n\n".join(f"Paragraph {n} with **some** text and [a link](https://example.org/)." for n in range(6))
    for number in range(pages):
        (content / "pages" / f"page-{number}.md").write_text(f"Title: Page {number}\n\n{body}\n")
    settings = folder / "plainconf.py"
    settings.write_text(
        "SITENAME = 'Plain'\nTIMEZONE = 'Europe/Berlin'\nDEFAULT_LANG = 'de'\nFEED_ALL_ATOM = None\n"
        "CATEGORY_FEED_ATOM = None\nDIRECT_TEMPLATES = []\nPAGE_URL = PAGE_SAVE_AS = '{slug}/index.html'\n"
        "CACHE_CONTENT = False\nLOAD_CONTENT_CACHE = False\n"
    )
    return [sys.executable, "-m", "pelican", str(content), "-s", str(settings), "-o", str(folder / "output"), "-q"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=ROOT / "data")
    parser.add_argument("--content", type=Path, default=ROOT / "content")
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        work = Path(scratch)
        kit = kit_command(args.data.resolve(), args.content.resolve(), work / "kit")
        measure(kit)  # warm-up, and to count the pages
        pages = sum(1 for _ in (work / "kit").rglob("*.html"))
        plain = plain_site(work / "plain", pages)
        results: dict[str, list[tuple[float, float]]] = {"kit": [], "plain": []}
        for _ in range(args.rounds):  # alternate, so both see the same machine load
            results["plain"].append(measure(plain))
            results["kit"].append(measure(kit))
        plain_pages = sum(1 for _ in (work / "plain" / "output").rglob("*.html"))
    seconds = {name: statistics.median(s for s, _ in runs) for name, runs in results.items()}
    memory = {name: statistics.median(m for _, m in runs) for name, runs in results.items()}
    print(f"pages: kit {pages}, plain Pelican {plain_pages} (median of {args.rounds} rounds)")
    for label, values, unit in (("time", seconds, "s"), ("memory", memory, "MiB")):
        ratio = values["kit"] / values["plain"]
        print(f"{label}: kit {values['kit']:.2f} {unit}, plain Pelican {values['plain']:.2f} {unit}, ratio {ratio:.2f}")


if __name__ == "__main__":
    main()

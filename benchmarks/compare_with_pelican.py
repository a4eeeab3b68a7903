"""Benchmark: the site kit against plain Pelican on the same number of pages, in the same run.

For each corpus (a seeded synthetic network of many years: benchmarks/corpus), the kit's real build
command (`invoke build`: checks, then Pelican with the kit's plugins) and plain Pelican (no plugins,
benchmarks/baseline_theme with a fixed five-link menu) building ordinary Markdown pages that yield the
same number of HTML pages. Builds alternate, each in its own process into an empty folder; wall time by
the clock, peak memory by the kernel (os.wait4); the median of --rounds rounds is reported. For the
many-year corpus at scale 1 it then measures the editor's loop (benchmarks/edit_loop.py): how long
`make serve` takes to show one event file's change. The last line is
`ratio: <kit seconds / plain Pelican seconds>` for the 20-year corpus at scale 1.

    .venv/bin/python benchmarks/compare_with_pelican.py --rounds 3            # scales 1, 2 and 4
    .venv/bin/python benchmarks/compare_with_pelican.py --scales 1 --rounds 1 # a quick look
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # run as a script: make the benchmarks package importable

from benchmarks.baseline import MENU, write_plain_site  # noqa: E402
from benchmarks.corpus import Corpus, CorpusSpec, generate  # noqa: E402
from benchmarks.edit_loop import ServeFailed, measure_edit_loop  # noqa: E402
from benchmarks.measure import BuildError, Run, html_pages, measure, median_run  # noqa: E402
from benchmarks.report import Measured, edit_loops, feed_sizes, growth, ratio_line, rows  # noqa: E402

# The files subscribers download again and again: their size matters as history grows.
FEED_FILES = ("calendar/netzwerk.ics", "calendar/archive.ics")
FEED_FOLDER = "feeds"
# --no-pdfs: the kit's own settings without the calendar PDFs (WeasyPrint), to see what the rest costs.
NO_PDF_SETTINGS = """\
import runpy

globals().update({{key: value for key, value in runpy.run_path({settings!r}).items() if key.isupper()}})
PERIOD_PDFS = "none"
"""


def kit_command(corpus: Corpus, output: Path, settings: Path | None = None) -> list[str]:
    """The editor's build, as `make build` runs it (with other settings when given)."""
    paths = ["--data", str(corpus.data), "--content", str(corpus.content), "--output", str(output)]
    command = [sys.executable, "-m", "invoke", "build", *paths, "--today", corpus.today.isoformat()]
    return [*command, "--settings", str(settings)] if settings else command


def settings_without_pdfs(folder: Path) -> Path:
    path = folder / "kit_without_pdfs.py"
    path.write_text(NO_PDF_SETTINGS.format(settings=str(ROOT / "pelicanconf.py")), encoding="utf-8")
    return path


def published_feeds(output: Path) -> dict[str, int]:
    found = {name: (output / name).stat().st_size for name in FEED_FILES if (output / name).is_file()}
    for path in sorted((output / FEED_FOLDER).glob("*.xml")):
        found[path.relative_to(output).as_posix()] = path.stat().st_size
    return found


def average_kb(pages: list[Path]) -> float:
    return sum(p.stat().st_size for p in pages) / len(pages) / 1000 if pages else 0.0


def say(message: str) -> None:
    """Progress, on stderr: stdout carries only the report."""
    print(message, file=sys.stderr, flush=True)


def bench_corpus(work: Path, spec: CorpusSpec, rounds: int, pdfs: bool, edit_loop: bool) -> Measured:
    started = time.perf_counter()
    corpus = generate(work / "corpus", spec)
    counts = ", ".join(f"{value} {name.replace('_', ' ')}" for name, value in corpus.counts.items())
    say(f"{spec.describe()}: generated in {time.perf_counter() - started:.1f} s ({counts}); today {corpus.today}")
    kit_output, plain_folder = work / "kit", work / "plain"
    kit = kit_command(corpus, kit_output, None if pdfs else settings_without_pdfs(work))
    warm = measure(kit, ROOT, kit_output)  # warm-up: fills the file cache, counts the pages
    pages = html_pages(kit_output)
    feeds, kit_kb = published_feeds(kit_output), average_kb(pages)
    plain = write_plain_site(plain_folder, len(pages), spec.seed)
    plain_output = plain_folder / "output"
    measure(plain, ROOT, plain_output)
    plain_pages = html_pages(plain_output)
    if len(plain_pages) != len(pages):
        raise BuildError(f"plain Pelican built {len(plain_pages)} pages, the kit {len(pages)}")
    say(f"  {len(pages)} pages each; warm-up kit build {warm.seconds:.1f} s")
    runs: dict[str, list[Run]] = {"kit": [], "plain": []}
    builds = {"kit": (kit, kit_output), "plain": (plain, plain_output)}
    for number in range(rounds):
        order = ("kit", "plain") if number % 2 == 0 else ("plain", "kit")  # alternate: the same load for both
        for name in order:
            command, output = builds[name]
            runs[name].append(measure(command, ROOT, output))
        kit_run, plain_run = runs["kit"][-1], runs["plain"][-1]
        say(
            f"  round {number + 1}: kit {kit_run.seconds:.1f} s ({kit_run.cpu_seconds:.1f} s CPU), "
            f"plain Pelican {plain_run.seconds:.1f} s ({plain_run.cpu_seconds:.1f} s CPU)"
        )
    kit_median, plain_median = median_run(runs["kit"]), median_run(runs["plain"])
    plain_kb = average_kb(plain_pages)
    edit = None
    if edit_loop:
        say("  the edit loop: make serve, one event's title changed three times")
        try:
            edit = measure_edit_loop(ROOT, corpus.data, corpus.content, work / "serve", corpus.today.isoformat())
        except ServeFailed as error:
            raise BuildError(str(error)) from None
        say(f"  shown after {edit.shown:.1f} s ({edit.made} files made, {edit.reused} kept)")
    return Measured(
        spec.describe(), spec.years, spec.scale, len(pages), kit_median, plain_median, kit_kb, plain_kb, feeds, edit
    )


def method(args: argparse.Namespace) -> str:
    import pelican

    version = pelican.__version__
    pdfs = "without its calendar PDFs (--no-pdfs)" if args.no_pdfs else "calendar PDFs included"
    load = ", ".join(f"{value:.1f}" for value in os.getloadavg())
    return (
        f"The site kit (invoke build: checks, then Pelican {version} with the kit's plugins; {pdfs})\n"
        f"against plain Pelican {version} (no plugins) on Markdown pages of similar length, as many HTML pages.\n"
        f"Plain Pelican uses benchmarks/baseline_theme, whose menu is a fixed list of {len(MENU)} links and does not "
        "grow with the site,\nso it stays linear (Pelican's default theme lists every page on every page: "
        "quadratic).\n"
        f"Alternating builds, each in its own process into an empty folder; median of {args.rounds} round(s); "
        f"{os.cpu_count()} CPUs, load average {load} at the start; corpus seed {args.seed}."
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3, help="alternating rounds per corpus; the median is reported")
    parser.add_argument("--years", type=int, default=20, help="years of the large corpus (default 20)")
    parser.add_argument("--scales", default="1,2,4", help="scales of the large corpus, comma-separated (default 1,2,4)")
    parser.add_argument("--one-year", action="store_true", help="also the 1-year corpus at scale 1")
    parser.add_argument("--seed", type=int, default=1, help="the corpus generator's seed (default 1)")
    parser.add_argument("--keep", type=Path, help="keep corpora and outputs in this new folder")
    parser.add_argument("--no-pdfs", action="store_true", help="build the kit without its calendar PDFs")
    parser.add_argument("--no-edit-loop", action="store_true", help="skip the `make serve` edit loop (scale 1)")
    args = parser.parse_args()
    scales = sorted({int(s) for s in args.scales.split(",") if s.strip()})
    specs = [CorpusSpec(1, 1, args.seed)] if args.one_year else []
    specs += [CorpusSpec(args.years, scale, args.seed) for scale in scales]

    print(method(args))
    results: list[Measured] = []
    with tempfile.TemporaryDirectory(prefix="netzwerk-bench-") as scratch:
        work = args.keep or Path(scratch)
        for spec in specs:
            try:
                folder = work / f"{spec.years}y-scale{spec.scale}"
                edit_loop = not args.no_edit_loop and spec.years == args.years and spec.scale == 1
                results.append(bench_corpus(folder, spec, args.rounds, not args.no_pdfs, edit_loop))
            except BuildError as error:
                raise SystemExit(str(error)) from None
    load = ", ".join(f"{value:.1f}" for value in os.getloadavg())
    print(f"\n(load average at the end: {load}; wall times scatter on a busy machine, CPU seconds less)\n")
    print("\n".join(rows(results)))
    print()
    print("\n".join(growth(results, args.years)))
    print("\n".join(feed_sizes(results)))
    print("\n".join(edit_loops(results)))
    note, ratio = ratio_line(results, args.years)
    print(note)
    print(ratio)


if __name__ == "__main__":
    main()

"""Where a kit build's time goes: cProfile of one build of a synthetic corpus, in this process.

    .venv/bin/python benchmarks/profile_build.py --years 20 --scale 1 --top 15 [--save build.prof]

Prints the top functions by cumulative time, then by own time. The build is the editor's
(`netzwerk_build.build`, as `invoke build` calls it, in one process: the profiler does not follow
forked ones); the profiler slows it down about twofold. The search index (Pagefind) is a child process
and not in the profile.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import pstats
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "plugins")]

import netzwerk_build  # noqa: E402
from benchmarks.corpus import CorpusSpec, generate  # noqa: E402
from netzwerk_build import Project, SitePaths  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--years", type=int, default=20)
    parser.add_argument("--scale", type=int, default=1)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--top", type=int, default=15, help="how many functions to list (default 15)")
    parser.add_argument("--save", type=Path, help="also write the raw profile here (for snakeviz, pstats)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="netzwerk-profile-") as scratch:
        corpus = generate(Path(scratch) / "corpus", CorpusSpec(args.years, args.scale, args.seed))
        paths = SitePaths(corpus.data, corpus.content, Path(scratch) / "output")
        profiler = cProfile.Profile()
        started = time.perf_counter()
        profiler.enable()
        pages = netzwerk_build.build(
            Project(ROOT),
            paths,
            corpus.today.isoformat(),
            ROOT / "pelicanconf.py",
            say=lambda _: None,
            extra_settings={"BUILD_PROCESSES": 1},  # one process: the profiler sees only its own
        )
        profiler.disable()
        seconds = time.perf_counter() - started
    print(f"{corpus.spec.describe()}: {pages} pages in {seconds:.1f} s under the profiler")
    if args.save:
        profiler.dump_stats(args.save)
    for order in ("cumulative", "tottime"):
        out = io.StringIO()
        stats = pstats.Stats(profiler, stream=out)
        stats.sort_stats(order).print_stats(args.top)
        text = out.getvalue()
        print(f"\n--- top {args.top} by {order} time ---")
        print(text[max(0, text.find("   ncalls")) :].rstrip())  # without pstats' preamble


if __name__ == "__main__":
    main()

"""python -m benchmarks.corpus OUT [--years N] [--scale K] [--seed S]: write a synthetic corpus."""

from __future__ import annotations

import argparse
from pathlib import Path

from . import CorpusSpec, generate


def main() -> None:
    parser = argparse.ArgumentParser(description="Write a seeded synthetic corpus (data/ and content/) into OUT.")
    parser.add_argument("out", type=Path, help="a new folder")
    parser.add_argument("--years", type=int, default=20)
    parser.add_argument("--scale", type=int, default=1, help="1, 2, 4 …: multiplies members, groups, events, mails")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    corpus = generate(args.out, CorpusSpec(args.years, args.scale, args.seed))
    counts = ", ".join(f"{value} {name.replace('_', ' ')}" for name, value in corpus.counts.items())
    print(f"{corpus.spec.describe()}: {counts}; build with --today {corpus.today.isoformat()}")
    print(f"  make validate DATA={corpus.data} CONTENT={corpus.content}")


if __name__ == "__main__":
    main()

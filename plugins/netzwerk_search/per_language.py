"""Pagefind once per site language, one after the other: the same index with half the memory.

Pagefind keeps every page it reads in memory until it writes the index: 1.4 GB for the 19,000 pages
of the benchmark's 20-year corpus at scale 4. It indexes each language apart anyway (by `<html lang>`),
and its files of one language do not depend on the others, so indexing the languages one at a time
into the same folder writes the same files; only `pagefind-entry.json`, which names the languages, is
written by each run for its own, and is merged here. netzwerk_search runs this, as its own process,
for sites of SPLIT_FROM_PAGES pages or more, with one --glob per language (language_globs):

    python -m netzwerk_search.per_language SITE BUNDLE GLOB...

It imports nothing of the kit: a process that starts quickly.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ENTRY = "pagefind-entry.json"


def index(site: Path, bundle: Path, globs: list[str]) -> int:
    """Index `site` into `bundle`, one --glob (a language's pages) after the other; Pagefind's exit code."""
    languages: dict[str, object] = {}
    entry: dict[str, object] = {}
    for glob in globs:
        command = [sys.executable, "-m", "pagefind", "--site", str(site), "--output-path", str(bundle)]
        done = subprocess.run([*command, "--glob", glob, "--silent"], check=False)
        if done.returncode != 0:
            return done.returncode
        entry = json.loads((bundle / ENTRY).read_text(encoding="utf-8"))
        found = entry.get("languages")
        if isinstance(found, dict):
            languages.update(found)
    if entry:
        entry["languages"] = dict(sorted(languages.items()))  # sorted: the same site, the same bytes
        (bundle / ENTRY).write_text(json.dumps(entry, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    return 0


if __name__ == "__main__":
    site_arg, bundle_arg, *glob_args = sys.argv[1:]
    sys.exit(index(Path(site_arg), Path(bundle_arg), glob_args))

"""Pagefind once per site language, one after the other: the same index with half the memory.

Pagefind keeps every page it reads in memory until it writes the index: 1.4 GB for the 19,000 pages
of the benchmark's 20-year corpus at scale 4. It indexes each language apart anyway (by `<html lang>`),
and its files of one language do not depend on the others, so indexing the languages one at a time
into the same folder writes the same files; only `pagefind-entry.json`, which names the languages, is
written by each run for its own, and is merged here. Run as its own process by netzwerk_search:

    python -m netzwerk_search.per_language SITE BUNDLE
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from netzwerk_data.values import language_codes

ENTRY = "pagefind-entry.json"


def language_globs(site: Path, bundle: Path) -> list[str]:
    """One Pagefind --glob per language part of the site: each `<code>/` folder of another language,
    then everything else (the default language, at the site root)."""
    codes = language_codes()
    others, default = [], []
    for entry in sorted(site.iterdir()):
        name = entry.name
        if name.startswith(".") or entry == bundle:
            continue
        if entry.is_dir() and name in codes and (entry / "index.html").is_file():
            others.append(f"{name}/**/*.html")
        elif entry.is_dir():
            default.append(f"{name}/**/*.html")
        elif name.endswith(".html"):
            default.append(name)
    if not others:
        return ["**/*.html"]  # one language: Pagefind's own default
    return [*others, "{" + ",".join(default) + "}"] if default else others


def index(site: Path, bundle: Path) -> int:
    """Index `site` into `bundle` one language after the other; Pagefind's exit code."""
    languages: dict[str, object] = {}
    entry: dict[str, object] = {}
    for glob in language_globs(site, bundle):
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
    site_arg, bundle_arg = sys.argv[1:3]
    sys.exit(index(Path(site_arg), Path(bundle_arg)))

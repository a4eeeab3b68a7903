"""Pagefind once per site language, one after the other, and a large language in parts: the index of a
20-year site at scale 4 within 400 MB.

Pagefind keeps every page it reads in memory until it writes the index: about 100 kB a page, 1.4 GB for
the 19,000 pages of the benchmark's 20-year corpus at scale 4. It indexes each language apart anyway
(by `<html lang>`), and its files of one language do not depend on the others, so indexing the
languages one at a time into the same folder writes the same files; only `pagefind-entry.json`, which
names the languages, is written by each run for its own, and is merged here.

A language of more than PAGES_PER_RUN pages to index (those marked `data-pagefind-body`) is indexed in
parts of equal size (its pages in path order):
the first part into the bundle, each further one into a bundle of its own under `more/`, listed in
`more.json` ({"en": ["more/en-2/", ...]}). The search page merges them into its language's index
(Pagefind's mergeIndex). Each part is indexed from a folder of hard links to its pages, so Pagefind
sees them at their addresses in the site.

netzwerk_search runs this, as its own process, for sites of SPLIT_FROM_PAGES pages or more, with one
--glob per language (language_globs):

    python -m netzwerk_search.per_language SITE BUNDLE GLOB...

It imports nothing of the kit: a process that starts quickly.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

ENTRY = "pagefind-entry.json"
MORE = "more"  # bundle/more/<lang>-<n>/: the further parts of a large language
MORE_LIST = "more.json"
# Pages per Pagefind run: about 300 MB of its memory.
PAGES_PER_RUN = 2500
# A page Pagefind indexes when a site marks its content: a tag with data-pagefind-body (in text, "<" is "&lt;").
_MARKED = re.compile(rb"<[a-zA-Z][^<>]*\sdata-pagefind-body[\s>=]")


def index(site: Path, bundle: Path, globs: list[str], pages_per_run: int = PAGES_PER_RUN) -> int:
    """Index `site` into `bundle`, one --glob (a language's pages) after the other; Pagefind's exit code."""
    languages: dict[str, object] = {}
    entry: dict[str, object] = {}
    more: dict[str, list[str]] = {}
    for number, glob in enumerate(globs, start=1):
        pages = matching(site, glob)
        if len(pages) > pages_per_run:
            # Only the pages Pagefind would index: a part without any would be indexed whole.
            pages = [page for page in pages if _MARKED.search(page.read_bytes())] or pages
        if len(pages) <= pages_per_run:
            code = _pagefind(site, bundle, glob)
        else:
            code = _in_parts(site, bundle, pages, pages_per_run, str(number), more)
        if code != 0:
            return code
        entry = _entry(bundle)
        found = entry.get("languages")
        if isinstance(found, dict):
            languages.update(found)
    if entry:
        entry["languages"] = dict(sorted(languages.items()))  # sorted: the same site, the same bytes
        (bundle / ENTRY).write_text(json.dumps(entry, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    (bundle / MORE_LIST).write_text(json.dumps(dict(sorted(more.items())), separators=(",", ":")), encoding="utf-8")
    return 0


def matching(site: Path, glob: str) -> list[Path]:
    """The pages a glob of language_globs names, in path order: `**/*.html`, `<folder>/**/*.html`, or
    `{...}` of those and single files."""
    found: set[Path] = set()
    for part in glob.removeprefix("{").removesuffix("}").split(","):
        folder, _, rest = part.rpartition("**/")
        if rest == "*.html":  # a folder's pages, at any depth
            base = site / folder
            found.update(p for p in base.rglob("*.html") if not _hidden(p.relative_to(site)))
        elif (site / part).is_file():
            found.add(site / part)
    return sorted(found)


def _hidden(path: Path) -> bool:
    return any(name.startswith(".") for name in path.parts)


def _entry(bundle: Path) -> dict[str, object]:
    return json.loads((bundle / ENTRY).read_text(encoding="utf-8"))


def _pagefind(site: Path, bundle: Path, glob: str) -> int:
    command = [sys.executable, "-m", "pagefind", "--site", str(site), "--output-path", str(bundle)]
    return subprocess.run([*command, "--glob", glob, "--silent"], check=False).returncode


def _in_parts(
    site: Path, bundle: Path, pages: list[Path], pages_per_run: int, label: str, more: dict[str, list[str]]
) -> int:
    """Index `pages` (one language) in parts of equal size: the first into `bundle`, the others into
    more/<label>-<n>/, noted in `more` under the language Pagefind found. Pagefind's exit code."""
    count = -(-len(pages) // pages_per_run)
    size = -(-len(pages) // count)
    links = bundle.parent / f".{bundle.name}-part"  # beside the bundle: the same file system
    for number in range(count):
        target = bundle if number == 0 else bundle / MORE / f"{label}-{number + 1}"
        shutil.rmtree(links, ignore_errors=True)
        for page in pages[number * size : (number + 1) * size]:
            link = links / page.relative_to(site)
            link.parent.mkdir(parents=True, exist_ok=True)
            try:
                os.link(page, link)
            except OSError:  # a file system without hard links
                shutil.copyfile(page, link)
        try:
            code = _pagefind(links, target, "**/*.html")
        finally:
            shutil.rmtree(links, ignore_errors=True)
        if code != 0:
            return code
        if number > 0:
            for language in sorted(_entry(target).get("languages") or {}):
                more.setdefault(language, []).append(target.relative_to(bundle).as_posix() + "/")
    return 0


if __name__ == "__main__":
    site_arg, bundle_arg, *glob_args = sys.argv[1:]
    sys.exit(index(Path(site_arg), Path(bundle_arg), glob_args))

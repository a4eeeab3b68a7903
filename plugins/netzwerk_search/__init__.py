"""The site's search index, made at build time by Pagefind over the written pages.

Pagefind (the `pagefind` package ships its binary) reads every page marked `data-pagefind-body`
(records and content pages, not lists or filters), keeps one index per page language (from
`<html lang>`; a large site's languages are indexed one after the other, and a large language in
parts, see per_language.py), and writes it with the small script that queries it under pagefind/ at
the site root. The search page asks only that folder: no request
goes to another host. SEARCH_INDEX = False in the settings builds without it (the search page then
offers its links only).
"""

from __future__ import annotations

import json
import logging
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

from pelican import signals

from netzwerk_data.values import language_codes
from netzwerk_site.generator import pages_written

log = logging.getLogger(__name__)

# Pagefind takes about a second for a thousand pages; anything near this means it is stuck.
TIMEOUT_S = 600
# Pagefind's ready-made search interfaces: the search page has its own (theme/static/js/search.js),
# so these are not published.
UNUSED = ("pagefind-ui.*", "pagefind-component-ui.*", "pagefind-modular-ui.*", "pagefind-highlight.js")


BUNDLE = "pagefind"  # the index's folder below the site root
# From this many pages on, Pagefind runs once per language, and a language of more than
# per_language.PAGES_PER_RUN pages in parts (bounded memory); below, once (each run has a start-up cost
# of about half a second, more than a small site's whole index).
SPLIT_FROM_PAGES = 3000


def start_index(site: Path, bundle: Path | None = None) -> subprocess.Popen[str]:
    """Start indexing the pages of `site` into `bundle` (default: site/pagefind); `finish_index` waits.
    A large site is indexed one language after the other, a large language in parts (per_language.py:
    Pagefind's memory stays within about 300 MB)."""
    target = site / BUNDLE if bundle is None else bundle
    globs = language_globs(site, target)
    if _pages(site) < SPLIT_FROM_PAGES:
        command = [sys.executable, "-m", "pagefind", "--site", str(site), "--output-path", str(target), "--silent"]
        return subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    command = [sys.executable, "-m", "netzwerk_search.per_language", str(site), str(target), *globs]
    plugins = str(Path(__file__).resolve().parents[1])  # the helper's own package, installed or not
    path = os.pathsep.join(filter(None, [plugins, os.environ.get("PYTHONPATH")]))
    environment = {**os.environ, "PYTHONPATH": path}
    return subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=environment)


def _pages(site: Path) -> int:
    return sum(1 for _ in site.rglob("*.html"))


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


def finish_index(process: subprocess.Popen[str], bundle: Path) -> str | None:
    """Wait for the index written to `bundle`; the problem in words when it failed, else None."""
    try:
        stdout, stderr = process.communicate(timeout=TIMEOUT_S)
    except subprocess.TimeoutExpired:
        process.kill()
        process.communicate()
        return f"the search index (Pagefind) did not finish within {TIMEOUT_S} s"
    if process.returncode != 0:
        detail = (stderr or stdout).strip().splitlines()[-5:]
        return "the search index (Pagefind) could not be made: " + " / ".join(detail or ["no message"])
    for pattern in UNUSED:
        for unused in bundle.rglob(pattern):  # the bundle's and its further parts' (per_language.py)
            unused.unlink()
    _sort_entry(bundle / "pagefind-entry.json")
    from .per_language import MORE_LIST  # not at the top: `python -m` runs that module as the helper

    more = bundle / MORE_LIST
    if not more.exists():  # the search page asks for it: one part per language
        more.write_text("{}", encoding="utf-8")
    return None


def index_in_place(site: Path) -> str | None:
    """Index a site that is already being served (`make serve`, after a rebuild that reused the last
    index): the new index is made beside the old one, then takes its place."""
    fresh, old = site / f".{BUNDLE}-new", site / f".{BUNDLE}-old"
    for leftover in (fresh, old):
        shutil.rmtree(leftover, ignore_errors=True)
    problem = finish_index(start_index(site, fresh), fresh)
    if problem:
        shutil.rmtree(fresh, ignore_errors=True)
        return problem
    current = site / BUNDLE
    if current.exists():
        current.rename(old)
    fresh.rename(current)
    shutil.rmtree(old, ignore_errors=True)
    return None


def _sort_entry(entry: Path) -> None:
    """Pagefind writes its languages in a random order (a Rust hash map); sorted, the same site gives
    the same bytes every time. The order means nothing to its script (it looks languages up by name)."""
    if not entry.is_file():
        return
    index = json.loads(entry.read_text(encoding="utf-8"))
    if isinstance(index.get("languages"), dict):
        index["languages"] = dict(sorted(index["languages"].items()))
    entry.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")


def _start(generator: Any) -> None:
    """Every page is written: index them while the calendars, feeds and PDFs are made."""
    _stop_leftover()
    if not generator.settings.get("SEARCH_INDEX", True):
        return
    cache = generator.settings.get("NETWORK_OUTPUT_CACHE")
    if cache is not None:  # `make serve`: the last index now, a new one after the rebuild (index_in_place)
        cache.reuse_folder(BUNDLE)
        return
    output = Path(generator.output_path)
    _RUNNING.append((start_index(output), output / BUNDLE))


def _finish(pelican: Any) -> None:
    while _RUNNING:
        process, output = _RUNNING.pop()
        problem = finish_index(process, output)
        if problem:
            log.error(problem)  # the build reports it and keeps the previous output


def _stop_leftover() -> None:
    """An index still running from a build that failed before its end (e.g. under `make serve`)."""
    while _RUNNING:
        process, _output = _RUNNING.pop()
        process.kill()
        process.communicate()


# The index being made by this process's build (at most one: builds in one process run one at a time).
_RUNNING: list[tuple[subprocess.Popen[str], Path]] = []


def register() -> None:
    # A named function: blinker keeps only weak references to receivers.
    pages_written.connect(_start)
    signals.finalized.connect(_finish)

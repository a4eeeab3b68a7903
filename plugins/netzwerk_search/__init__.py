"""The site's search index, made at build time by Pagefind over the written pages.

Pagefind (the `pagefind` package ships its binary) reads every page marked `data-pagefind-body`
(records and content pages, not lists or filters), keeps one index per page language (from
`<html lang>`), and writes it with the small script that queries it under pagefind/ at the site root.
The search page asks only that folder: no request goes to another host. SEARCH_INDEX = False in the
settings builds without it (the search page then offers its links only).
"""

from __future__ import annotations

import json
import logging
import subprocess
import sys
from pathlib import Path
from typing import Any

from pelican import signals

log = logging.getLogger(__name__)

# Pagefind takes about a second for a thousand pages; anything near this means it is stuck.
TIMEOUT_S = 600
# Pagefind's ready-made search interfaces: the search page has its own (theme/static/js/search.js),
# so these are not published.
UNUSED = ("pagefind-ui.*", "pagefind-component-ui.*", "pagefind-modular-ui.*", "pagefind-highlight.js")


def index_site(output: Path) -> str | None:
    """Index the built site in `output`; the problem in words when it fails, else None."""
    command = [sys.executable, "-m", "pagefind", "--site", str(output), "--silent"]
    try:
        result = subprocess.run(command, capture_output=True, text=True, timeout=TIMEOUT_S, check=False)
    except subprocess.TimeoutExpired:
        return f"the search index (Pagefind) did not finish within {TIMEOUT_S} s"
    if result.returncode != 0:
        detail = (result.stderr or result.stdout).strip().splitlines()[-5:]
        return "the search index (Pagefind) could not be made: " + " / ".join(detail or ["no message"])
    for pattern in UNUSED:
        for unused in (output / "pagefind").glob(pattern):
            unused.unlink()
    _sort_entry(output / "pagefind" / "pagefind-entry.json")
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


def _index(pelican: Any) -> None:
    if not pelican.settings.get("SEARCH_INDEX", True):
        return
    problem = index_site(Path(pelican.settings["OUTPUT_PATH"]))
    if problem:
        log.error(problem)  # the build reports it and keeps the previous output


def register() -> None:
    signals.finalized.connect(_index)

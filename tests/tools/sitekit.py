"""Shared helpers for checking a *built* site: serving it, finding pages,
launching Debian's Chromium through Playwright, locating external tools.

Used by tests/output/conftest.py and tests/tools/screenshots.py.
Standard library only (Playwright is imported lazily by callers).
"""

from __future__ import annotations

import contextlib
import functools
import http.server
import os
import shutil
import threading
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[2]

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]

HOW_TO_GET_TOOLS = (
    "run `make test` (it runs `npm ci` for vnu-jar and axe-core); Debian's chromium and a JRE "
    "are installed by `bash .ci/run`, which CI runs before `make test`"
)

# Page types of the site, as (name, listing folder, has detail pages below it).
# The homepage is "home" (index.html of the language root).
PAGE_TYPES = [
    "home",
    "members",
    "member",
    "working-groups",
    "working-group",
    "events",
    "event",
    "info-mail",
    "info-mail-article",
    "about",
    "periods",
    "period",
    "subscribe",
    "search",
    "propose-event",
    "change-member",
    "leichte-sprache",
]
_LISTINGS = {
    "members": "members",
    "working-groups": "working-groups",
    "events": "events",
    "info-mail": "info-mail",
    "about": "about",
    "periods": "events/calendar",
    "subscribe": "subscribe",
    "search": "search",
    "propose-event": "propose-event",
    "change-member": "change-member",
    "leichte-sprache": "leichte-sprache",
}
_DETAILS = {
    "member": "members",
    "working-group": "working-groups",
    "event": "events",
    "info-mail-article": "info-mail",
    "period": "events/calendar",
}
# Folders below a listing that hold other page types, never a detail page.
_NOT_DETAILS = {"calendar", "filter", "archive"}


def language_prefix(lang: str) -> str:
    """Folder of a language in the output: German is the site root."""
    return "" if lang == "de" else f"{lang}/"


def find_page(site: Path, lang: str, page_type: str) -> Path | None:
    """Return the index.html of one page of `page_type` in `lang`, or None.

    A detail page is the index.html of the first sub-folder of the listing
    (sorted by name) that has one directly, e.g. members/<id>/index.html;
    sub-folders that only hold deeper pages (members/filter/..., an archive)
    are passed over. Only when no sub-folder has one is the first index.html
    found deeper taken, e.g. events/2026/<slug>/index.html.
    """
    base = site / language_prefix(lang)
    if page_type == "home":
        candidate = base / "index.html"
        return candidate if candidate.is_file() else None
    if page_type in _LISTINGS:
        candidate = base / _LISTINGS[page_type] / "index.html"
        return candidate if candidate.is_file() else None
    if page_type in _DETAILS:
        listing = base / _DETAILS[page_type]
        if not listing.is_dir():
            return None
        subs = sorted(p for p in listing.iterdir() if p.is_dir() and p.name not in _NOT_DETAILS)
        for sub in subs:
            if (sub / "index.html").is_file():
                return sub / "index.html"
        for sub in subs:
            found = sorted(sub.rglob("index.html"))
            if found:
                return found[0]
        return None
    raise ValueError(f"unknown page type {page_type!r}")


def url_path(site: Path, page: Path) -> str:
    """URL path (with leading slash, directory style) of a built page."""
    rel = page.relative_to(site).as_posix()
    if rel == "index.html":
        return "/"
    if rel.endswith("/index.html"):
        return "/" + rel[: -len("index.html")]
    return "/" + rel


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):
        pass


@contextlib.contextmanager
def serve_directory(root: Path, handler_class: type[http.server.SimpleHTTPRequestHandler] = _QuietHandler):
    """Serve `root` on 127.0.0.1 with a free port; yield the base URL
    (no trailing slash). Stops the server on exit."""
    handler = functools.partial(handler_class, directory=str(root))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, name=f"serve {root}", daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


def node_modules() -> Path:
    return REPO_ROOT / "node_modules"


def vnu_jar() -> Path:
    return node_modules() / "vnu-jar" / "build" / "dist" / "vnu.jar"


def axe_script() -> Path:
    return node_modules() / "axe-core" / "axe.min.js"


def java_binary() -> str | None:
    """Path of `java`: JAVA_HOME first, then PATH, then Debian's default."""
    java_home = os.environ.get("JAVA_HOME")
    if java_home and (Path(java_home) / "bin" / "java").is_file():
        return str(Path(java_home) / "bin" / "java")
    found = shutil.which("java")
    if found:
        return found
    return "/usr/bin/java" if Path("/usr/bin/java").is_file() else None


def chromium_available() -> bool:
    return Path(CHROMIUM).is_file() and os.access(CHROMIUM, os.X_OK)


def launch_chromium(playwright):
    """Launch Debian's Chromium (Playwright cannot download browsers here)."""
    return playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)


LOCAL_HOSTS = {"127.0.0.1"}
LOCAL_SCHEMES = {"data", "blob", "about"}


def is_local_request(url: str) -> bool:
    """True for requests that stay on this machine's test server."""
    from urllib.parse import urlsplit

    parts = urlsplit(url)
    if parts.scheme in LOCAL_SCHEMES:
        return True
    return parts.scheme in ("http", "https") and parts.hostname in LOCAL_HOSTS


def block_non_local(context) -> None:
    """Abort every request of a Playwright browser context that would leave
    127.0.0.1 (the `request` event still fires for it)."""

    def handle(route):
        if is_local_request(route.request.url):
            route.continue_()
        else:
            route.abort("blockedbyclient")

    context.route("**/*", handle)

"""Check every internal link and anchor of a built site with LinkChecker, over HTTP.

The site is served by a plain static server without directory listings (as most hosts are
set up), so a link to a folder without index.html is a 404 and not a listing. LinkChecker
starts at the site's index.html, follows every link on the local server's origin (also
those that leave the site's sub-folder: they must be broken, and are reported) and checks
every ``#anchor`` with its AnchorCheck plugin. Links to other hosts, ``mailto:`` and
``tel:`` are only checked for syntax: the check never leaves this machine.

Standard library and sitekit only; LinkChecker is the ``linkchecker`` script beside the running Python.
"""

from __future__ import annotations

import contextlib
import csv
import http.server
import io
import re
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlsplit

sys.path.insert(0, str(Path(__file__).resolve().parent))

import sitekit

LINKCHECKER_TIMEOUT_S = 300


def linkchecker_binary() -> Path:
    return Path(sys.executable).parent / "linkchecker"


class _StaticHandler(http.server.SimpleHTTPRequestHandler):
    """Files only: a folder without index.html is 404, as on a host without listings."""

    def end_headers(self) -> None:
        # LinkChecker limits itself to 10 requests a second per host unless the host answers with
        # this header; then `maxrequestspersecond` applies.
        self.send_header("LinkChecker", "local test server")
        super().end_headers()

    def list_directory(self, path):
        self.send_error(404, "No index.html here")
        return None

    def log_message(self, format, *args):
        pass


def serve(root: Path) -> contextlib.AbstractContextManager[str]:
    """Serve `root` on 127.0.0.1 with a free port (files only); yield the origin, e.g. ``http://127.0.0.1:4711``."""
    return sitekit.serve_directory(root, _StaticHandler)


@dataclass
class Problem:
    url: str
    parent: str
    line: str
    what: str

    def __str__(self) -> str:
        return f"{self.url}\n      linked from {self.parent or '(start)'} line {self.line}: {self.what}"


@dataclass
class Report:
    """What LinkChecker saw: the internal URLs it checked and everything broken among them."""

    checked: set[str] = field(default_factory=set)
    problems: list[Problem] = field(default_factory=list)
    output: str = ""

    def pages(self, origin: str, below: str) -> set[str]:
        """Paths (relative to `below`, e.g. ``en/members/``) of the checked pages under origin + below."""
        start = origin + below
        found = set()
        for url in self.checked:
            if url.startswith(start):
                found.add(unquote(urlsplit(url[len(start) :]).path))
        return found

    def explain(self, limit: int = 60) -> str:
        lines = [f"{len(self.problems)} broken internal links or anchors:"]
        lines += [f"  {problem}" for problem in self.problems[:limit]]
        if len(self.problems) > limit:
            lines.append(f"  … and {len(self.problems) - limit} more")
        return "\n".join(lines)


# Warnings that are about a link's target being wrong (the rest, e.g. slow downloads, are not).
_BROKEN_WARNINGS = ("Anchor `", "url-anchor-not-found", "http-empty-content", "url-content-size-zero")


def config_text(origin: str) -> str:
    """LinkChecker's settings: internal = the local server's origin, anchors checked, nothing else fetched."""
    local = re.escape(origin.rstrip("/") + "/")
    return "\n".join(
        [
            "[checking]",
            "threads=4",
            "timeout=30",
            "recursionlevel=-1",
            "maxrequestspersecond=1000",
            "[filtering]",
            "checkextern=0",
            f"internlinks=^{local}",
            # Everything off the local origin (other hosts, the public address, mailto:, tel:) is
            # checked for syntax only: the check never sends a request off this machine.
            f"ignore=^(?!{local})",
            "[AnchorCheck]",
            "",
        ]
    )


def check_links(start_urls: list[str], origin: str, workdir: Path) -> Report:
    """Run LinkChecker recursively from `start_urls`; return what it checked and what is broken."""
    config = workdir / "linkcheckerrc"
    config.write_text(config_text(origin), encoding="utf-8")
    command = [
        str(linkchecker_binary()),
        "--config",
        str(config),
        "--verbose",
        "--no-status",
        "--output",
        "csv",
        *start_urls,
    ]
    proc = subprocess.run(command, capture_output=True, text=True, timeout=LINKCHECKER_TIMEOUT_S, check=False)
    report = Report(output=proc.stdout[-3000:] + proc.stderr[-3000:])
    # LinkChecker's comment lines start with "# " (a row of a same-page link starts with "#name;").
    lines = proc.stdout.splitlines()
    header = next((i for i, line in enumerate(lines) if line.startswith("urlname;")), len(lines))
    rows = [line for line in lines[header:] if line and not line.startswith("# ")]
    local = origin.rstrip("/") + "/"
    for row in csv.DictReader(io.StringIO("\n".join(rows)), delimiter=";"):
        url = row.get("url") or row.get("urlname") or ""
        if not url.startswith(local):
            continue
        report.checked.add(url)
        warnings = row.get("warningstring") or ""
        broken_warning = [w for w in warnings.split("\n") if any(key in w for key in _BROKEN_WARNINGS)]
        if row.get("valid") != "True":
            what = row.get("result") or "invalid"
        elif broken_warning:
            what = "; ".join(broken_warning)
        else:
            continue
        report.problems.append(Problem(url, row.get("parentname") or "", row.get("line") or "?", what))
    if proc.returncode not in (0, 1) or not report.checked:
        report.problems.append(
            Problem(" ".join(start_urls), "", "-", f"linkchecker exited {proc.returncode}:\n{report.output}")
        )
    report.problems.sort(key=lambda p: (p.url, p.parent))
    return report

"""Every HTML page (and every CSS file) of both built sites passes the Nu Html
Checker (npm vnu-jar), run once per site over the whole output folder."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path
from urllib.parse import unquote, urlparse

import pytest

MAX_SHOWN = 30


def _file_of(url: str, site: Path) -> str:
    path = Path(unquote(urlparse(url).path)) if url.startswith("file:") else Path(url)
    try:
        return path.resolve().relative_to(site.resolve()).as_posix()
    except ValueError:
        return url


def run_vnu(java: str, vnu_jar: Path, site: Path):
    """Return (checked file paths, messages) of one validator run over `site`."""
    cmd = [
        java,
        "-jar",
        str(vnu_jar),
        "--skip-non-html",
        "--errors-only",
        "--also-check-css",
        "--verbose",  # lists every checked file on stdout
        "--format",
        "json",
        str(site),
    ]
    proc = subprocess.run(cmd, capture_output=True, text=True, timeout=600)
    if proc.returncode not in (0, 1):
        pytest.fail(f"vnu.jar crashed (exit {proc.returncode}):\n{proc.stderr[-3000:]}")
    try:
        report = json.loads(proc.stderr)
    except json.JSONDecodeError:
        pytest.fail(f"vnu.jar gave no JSON report (exit {proc.returncode}):\n{proc.stderr[-3000:]}")
    checked = {_file_of(line.strip(), site) for line in proc.stdout.splitlines() if line.strip()}
    messages = report.get("messages", [])
    if proc.returncode == 1 and not messages:
        pytest.fail(f"vnu.jar exited 1 without messages:\n{proc.stderr[-3000:]}")
    return checked, messages


def test_all_pages_valid(built_site, java, vnu_jar):
    html_files = {p.relative_to(built_site).as_posix() for p in built_site.rglob("*.html")}
    assert html_files, f"no .html files in {built_site}"

    checked, messages = run_vnu(java, vnu_jar, built_site)

    not_checked = sorted(html_files - checked)
    assert not not_checked, f"the validator did not check: {not_checked[:20]}"

    # --errors-only leaves "error" and "non-document-error" (I/O, bad encoding...)
    problems = [m for m in messages if m.get("type") != "info"]
    lines = [
        f"{_file_of(m.get('url', '?'), built_site)}:{m.get('lastLine', '?')}: "
        f"[{m.get('type')}{'/' + m['subType'] if m.get('subType') else ''}] {m.get('message')}"
        for m in problems[:MAX_SHOWN]
    ]
    more = f"\n... and {len(problems) - MAX_SHOWN} more" if len(problems) > MAX_SHOWN else ""
    assert not problems, (
        f"{len(problems)} validator error(s) in {len(html_files)} pages of {built_site}:\n" + "\n".join(lines) + more
    )

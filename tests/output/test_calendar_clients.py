"""Every feed of both built sites is accepted by two real calendar parsers: libical (Evolution,
through Debian's gir1.2-ical-3.0) and Mozilla's ical.js (Thunderbird), see ../shared/oracles.md."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

TOOLS = Path(__file__).resolve().parents[1] / "tools"
REPO = TOOLS.parents[1]
NEEDS_CI = "is missing: run `make test` via `.ci/run`, which installs it"
SYSTEM_PYTHON = "/usr/bin/python3"  # libical's bindings are Debian packages, not in the venv


def feeds_of(site: Path) -> list[str]:
    files = sorted(str(path) for path in site.rglob("*.ics"))
    assert files, f"{site} has no .ics files"
    return files


@pytest.mark.parametrize("site_name", ["fixture", "default"])
def test_libical_accepts_every_feed(request: pytest.FixtureRequest, site_name: str) -> None:
    probe = subprocess.run([SYSTEM_PYTHON, "-c", "import gi"], capture_output=True, check=False)
    assert probe.returncode == 0, f"python3-gi / gir1.2-ical-3.0 {NEEDS_CI}"
    site = request.getfixturevalue(f"{site_name}_site")
    result = subprocess.run(
        [SYSTEM_PYTHON, str(TOOLS / "libical_check.py"), *feeds_of(site)],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stdout[-5000:] + result.stderr[-5000:]


@pytest.mark.parametrize("site_name", ["fixture", "default"])
def test_icaljs_accepts_every_feed(request: pytest.FixtureRequest, site_name: str, node_modules: Path) -> None:
    assert (node_modules / "ical.js").is_dir(), f"the npm package ical.js {NEEDS_CI}"
    site = request.getfixturevalue(f"{site_name}_site")
    files = feeds_of(site)
    result = subprocess.run(
        ["node", str(TOOLS / "icaljs_check.mjs"), "2040-01-01", *files],
        cwd=REPO,  # ical.js is an ES module: node resolves it from the folder with node_modules
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.stdout, result.stderr
    report = json.loads(result.stdout)
    assert sorted(report) == files
    problems = {path: found["problems"] for path, found in report.items() if found["problems"]}
    assert not problems and result.returncode == 0, dict(list(problems.items())[:5]) or result.stderr

"""The event-pages fixture site (tests/fixtures/event-pages), built once per test run.

Used by tests/output/test_event_pages.py and tests/output/test_enhancements.py. Like the
other built sites (tests/output/conftest.py), an already built folder can be used instead:
set NETZWERK_EVENT_SITE_OUTPUT to its path.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import sitekit

FIXTURE = sitekit.REPO_ROOT / "tests" / "fixtures" / "event-pages"
DATA = FIXTURE / "data"
CONTENT = FIXTURE / "content"
TODAY = "2026-11-24"
ENVIRONMENT = "NETZWERK_EVENT_SITE_OUTPUT"
BUILD_TIMEOUT_S = 600

_built: dict[str, Path] = {}


class BuildFailed(AssertionError):
    """The build command failed on the fixture (its output says why)."""


def event_site(base: Path) -> Path:
    """The built site: the prebuilt folder named by NETZWERK_EVENT_SITE_OUTPUT, else a build into `base`."""
    if "site" in _built:
        return _built["site"]
    prebuilt = os.environ.get(ENVIRONMENT)
    if prebuilt:
        output = Path(prebuilt).resolve()
        if not (output / "index.html").is_file():
            raise BuildFailed(f"{ENVIRONMENT}={prebuilt} has no index.html")
    else:
        output = base / "output"
        command = [sys.executable, "-m", "invoke", "build", "--data", str(DATA), "--content", str(CONTENT)]
        command += ["--output", str(output), "--today", TODAY]
        done = subprocess.run(
            command, cwd=sitekit.REPO_ROOT, capture_output=True, text=True, timeout=BUILD_TIMEOUT_S, check=False
        )
        if done.returncode != 0:
            raise BuildFailed(f"build of {FIXTURE} failed:\n{done.stdout[-4000:]}\n{done.stderr[-4000:]}")
    _built["site"] = output
    return output

"""Warnings about stale data (build and validate still succeed) and `make translations`."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
FIXTURE = ROOT / "tests" / "fixtures" / "site"
QUIET = "Warning: data/working-groups/arbeit.yaml:1: name: the working group has had no meeting since 2025-11-24"


def invoke(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "invoke", *args], cwd=ROOT, capture_output=True, text=True, timeout=300, check=False
    )


def test_validate_prints_warnings_and_succeeds(tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(FIXTURE / "data", data)
    member = data / "members" / "koordination.yaml"
    member.write_text(member.read_text(encoding="utf-8") + 'left: "2026-06-30"\n', encoding="utf-8")
    result = invoke("validate", "--data", str(data), "--content", str(FIXTURE / "content"), "--today", "2026-11-24")
    assert result.returncode == 0, result.stderr
    assert QUIET in result.stdout
    assert "Warning: data/working-groups/sprache.yaml:6: spokespersons[0].member: 'koordination' left" in result.stdout
    assert "Warning: data/events/2026/netzwerktreffen-dezember.yaml:6: organisers[0]: 'koordination' left" in (
        result.stdout
    )
    assert result.stdout.rstrip().endswith("all files are valid.")


def test_build_prints_warnings_and_succeeds(tmp_path: Path) -> None:
    output = tmp_path / "output"
    result = invoke(
        "build", "--data", str(FIXTURE / "data"), "--content", str(FIXTURE / "content"),
        "--output", str(output), "--today", "2026-11-24",
    )  # fmt: skip
    assert result.returncode == 0, result.stdout + result.stderr
    assert QUIET in result.stdout
    assert (output / "index.html").is_file()


def test_translations_lists_what_falls_back_per_language() -> None:
    result = invoke("translations", "--data", str(FIXTURE / "data"), "--content", str(FIXTURE / "content"))
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "  en (on the site): 11 data texts, 3 pages and info mails, 0 interface strings" in out
    assert "  uk (not on the site yet: catalogue only):" in out
    uk = out.split("== uk ==")[1]
    assert "data/venues/rathaus.yaml:1: name" in uk
    assert "content/pages/about.md (add about.uk.md with Slug: about and Lang: uk)" in uk

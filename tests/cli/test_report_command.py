"""`invoke report` (make report YEAR=…): the figures as a table, a CSV file, clear refusals."""

from __future__ import annotations

import csv
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
FIXTURE = ROOT / "tests" / "fixtures" / "report"


def report(*args: str) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "invoke", "report", "--data", str(FIXTURE / "data")]
    command += ["--content", str(FIXTURE / "content"), "--today", "2026-11-24", *args]
    return subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=300, check=False)


def test_report_prints_the_figures_and_writes_the_csv(tmp_path: Path) -> None:
    folder = tmp_path / "reports"
    done = report("--year", "2026", "--folder", str(folder))
    assert done.returncode == 0, done.stderr
    path = folder / "report-2026.csv"
    assert done.stdout.rstrip().endswith(f"Wrote {path}")
    assert "Annual report 2026 (as of 2026-11-24)" in done.stdout
    assert "sprache" in done.stdout
    with path.open(encoding="utf-8", newline="") as file:
        rows = list(csv.DictReader(file))
    assert set(rows[0]) == {"year", "figure", "item", "measure", "value"}
    values = {(r["figure"], r["item"], r["measure"]): int(r["value"]) for r in rows}
    assert {r["year"] for r in rows} == {"2026"}
    assert values[("events", "working-group", "dates")] == 9
    assert values[("events", "network-cafe", "dates")] == 6
    assert values[("working-groups", "sprache", "held")] == 8
    assert values[("working-groups", "wohnen", "planned")] == 4
    assert values[("members", "joined", "members")] == 1
    assert values[("members", "left", "members")] == 1
    assert values[("event-languages", "de", "dates")] == 16
    assert values[("attendance", "working-group", "participants")] == 28


def test_a_bad_year_exits_non_zero_with_a_clear_message(tmp_path: Path) -> None:
    for year, message in [
        ("2031", "2031 has not begun yet"),
        ("20x6", "is not a year"),
        ("2019", "years with a report: 2025, 2026"),
        ("", "say which year: make report YEAR=2026"),
    ]:
        done = report("--year", year, "--folder", str(tmp_path / "reports"))
        assert done.returncode != 0
        assert message in done.stderr, done.stderr
        assert "Traceback" not in done.stderr
    assert not (tmp_path / "reports").exists()


def test_the_csv_never_goes_into_the_data_folder(tmp_path: Path) -> None:
    done = report("--year", "2026", "--folder", str(FIXTURE / "data" / "reports"))
    assert done.returncode != 0 and "inside or around the data folder" in done.stderr
    assert not (FIXTURE / "data" / "reports").exists()

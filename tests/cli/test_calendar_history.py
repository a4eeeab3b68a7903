"""SEQUENCE and LAST-MODIFIED come from the data folder's git history, never from the build's clock.

A data folder is copied into a new git repository and edited commit by commit (with fixed commit
times), then built; the feeds are read back with icalendar. A folder that is not under git builds
with SEQUENCE 0 and LAST-MODIFIED only from an editor's `updated`.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from icalendar import Calendar

ROOT = Path(__file__).resolve().parents[2]
FIXTURE = ROOT / "tests" / "fixtures" / "site"
EVENT = "netzwerktreffen-dezember"
EVENT_FILE = Path("data") / "events" / "2026" / f"{EVENT}.yaml"
UID = f"{EVENT}@test.example"  # the fixture network's website is https://test.example/
BERLIN = ZoneInfo("Europe/Berlin")


def quiet_git_env(tmp_path: Path) -> dict[str, str]:
    """No user or system git configuration, and no repository above the test's folder."""
    return {
        **os.environ,
        "GIT_CONFIG_GLOBAL": os.devnull,
        "GIT_CONFIG_NOSYSTEM": "1",
        "GIT_CEILING_DIRECTORIES": str(tmp_path),
        "GIT_AUTHOR_NAME": "Redaktion",
        "GIT_AUTHOR_EMAIL": "redaktion@test.example",
        "GIT_COMMITTER_NAME": "Redaktion",
        "GIT_COMMITTER_EMAIL": "redaktion@test.example",
    }


def commit(folder: Path, message: str, when: str) -> None:
    env = {**quiet_git_env(folder.parent), "GIT_AUTHOR_DATE": when, "GIT_COMMITTER_DATE": when}
    for command in (["add", "-A"], ["commit", "-q", "-m", message]):
        subprocess.run(["git", *command], cwd=folder, env=env, check=True, capture_output=True)


def build(site: Path, output: Path) -> Path:
    folders = ["--data", str(site / "data"), "--content", str(site / "content"), "--output", str(output)]
    result = subprocess.run(
        [sys.executable, "-m", "invoke", "build", *folders, "--today", "2026-11-24"],
        cwd=ROOT,
        env=quiet_git_env(site.parent),
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    return output


def events_in(feed: Path) -> dict[str, list]:
    """UID -> its VEVENTs (the series first, then changed dates), read with icalendar."""
    calendar = Calendar.from_ical(feed.read_bytes())
    found: dict[str, list] = {}
    for event in calendar.walk("VEVENT"):
        assert not event.errors, event.errors
        found.setdefault(str(event["UID"]), []).append(event)
    return found


def stamps(output: Path, uid: str = UID) -> set[tuple[int, datetime | None]]:
    """(SEQUENCE, LAST-MODIFIED) of an event in every feed and language that holds it."""
    found = set()
    for feed in output.rglob("*.ics"):
        for event in events_in(feed).get(uid, []):
            modified = event["LAST-MODIFIED"].dt if "LAST-MODIFIED" in event else None
            found.add((int(event["SEQUENCE"]), modified))
    assert found, f"{uid} is in no feed"
    return found


def edit(site: Path, old: str, new: str, file: Path = EVENT_FILE) -> None:
    path = site / file
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} is not in {file}"
    path.write_text(text.replace(old, new), encoding="utf-8")


@pytest.fixture
def site(tmp_path: Path) -> Path:
    folder = tmp_path / "site"
    shutil.copytree(FIXTURE / "data", folder / "data")
    shutil.copytree(FIXTURE / "content", folder / "content")
    return folder


def test_a_change_of_time_keeps_the_uid_and_raises_the_sequence(site: Path, tmp_path: Path) -> None:
    subprocess.run(["git", "init", "-q"], cwd=site, env=quiet_git_env(tmp_path), check=True)
    commit(site, "Netzwerktreffen angelegt", "2026-01-05T10:00:00+00:00")
    first = build(site, tmp_path / "first")
    created = datetime(2026, 1, 5, 10, 0, tzinfo=UTC)
    assert stamps(first) == {(0, created)}
    event = events_in(first / "calendar" / "events" / f"{EVENT}.ics")[UID][0]
    assert event["DTSTAMP"].dt == created  # from the data, not the build's clock
    assert event["DTSTART"].dt == datetime(2026, 12, 2, 14, 0, tzinfo=BERLIN)

    # A new time: subscribers must see it.
    edit(site, 'start: "2026-12-02T14:00"', 'start: "2026-12-02T15:00"')
    edit(site, 'end: "2026-12-02T17:00"', 'end: "2026-12-02T18:00"')
    commit(site, "Netzwerktreffen eine Stunde später", "2026-02-10T09:30:00+00:00")
    second = build(site, tmp_path / "second")
    moved = datetime(2026, 2, 10, 9, 30, tzinfo=UTC)
    assert stamps(second) == {(1, moved)}  # in every feed and language, with the same UID
    event = events_in(second / "calendar" / "events" / f"{EVENT}.ics")[UID][0]
    assert event["DTSTART"].dt == datetime(2026, 12, 2, 15, 0, tzinfo=BERLIN)
    assert stamps(second, "woche@test.example") == {(0, created)}  # untouched events stay as they were

    # A new description only: nothing subscribers must be alerted to.
    edit(site, "Mit **Netzwerkcafé**.", "Mit **Netzwerkcafé** und Imbiss.")
    commit(site, "Beschreibung ergänzt", "2026-03-01T08:00:00+00:00")
    assert stamps(build(site, tmp_path / "third")) == {(1, moved)}

    # A cancellation not yet committed: a preview build shows it with a higher SEQUENCE already.
    edit(site, 'languages: ["de"]', 'languages: ["de"]\nstatus: "cancelled"')
    assert stamps(build(site, tmp_path / "preview")) == {(2, moved)}


def test_a_changed_date_of_a_series_raises_the_sequence_of_the_whole_series(site: Path, tmp_path: Path) -> None:
    series = Path("data") / "events" / "2026" / "sprachcafe.yaml"
    subprocess.run(["git", "init", "-q"], cwd=site, env=quiet_git_env(tmp_path), check=True)
    commit(site, "Sprachcafé", "2026-04-01T12:00:00+00:00")
    edit(site, 'start: "2027-01-12T17:00"', 'start: "2027-01-12T18:00"', series)
    commit(site, "Januar-Termin verschoben", "2026-05-02T12:00:00+00:00")
    output = build(site, tmp_path / "output")
    components = events_in(output / "calendar" / "events" / "sprachcafe.ics")["sprachcafe@test.example"]
    assert len(components) == 2 and "RECURRENCE-ID" in components[1]
    assert {int(c["SEQUENCE"]) for c in components} == {1}
    assert stamps(output, "sprachcafe@test.example") == {(1, datetime(2026, 5, 2, 12, 0, tzinfo=UTC))}


def test_without_git_sequence_is_zero_and_last_modified_comes_from_updated(site: Path, tmp_path: Path) -> None:
    woche = Path("data") / "events" / "2027" / "woche.yaml"
    edit(site, 'category: "other"', 'category: "other"\nupdated: "2026-11-20T09:15"', woche)
    output = build(site, tmp_path / "output")
    assert stamps(output, "woche@test.example") == {(0, datetime(2026, 11, 20, 8, 15, tzinfo=UTC))}  # CET: UTC+1
    assert stamps(output) == {(0, None)}
    event = events_in(output / "calendar" / "events" / f"{EVENT}.ics")[UID][0]
    assert event["DTSTAMP"].dt == event["DTSTART"].dt.astimezone(UTC)  # no history: the start, never the clock
    again = build(site, tmp_path / "again")
    assert {p.relative_to(output): p.read_bytes() for p in output.rglob("*.ics")} == {
        p.relative_to(again): p.read_bytes() for p in again.rglob("*.ics")
    }


def test_a_shallow_clone_is_built_and_named_in_the_builds_output(site: Path, tmp_path: Path) -> None:
    subprocess.run(["git", "init", "-q"], cwd=site, env=quiet_git_env(tmp_path), check=True)
    commit(site, "Daten", "2026-01-05T10:00:00+00:00")
    edit(site, 'start: "2026-12-02T14:00"', 'start: "2026-12-02T15:00"')
    commit(site, "verschoben", "2026-02-10T09:30:00+00:00")
    shallow = tmp_path / "shallow"
    subprocess.run(
        ["git", "clone", "-q", "--depth", "1", site.as_uri(), str(shallow)],
        env=quiet_git_env(tmp_path),
        check=True,
        capture_output=True,
    )
    folders = ["--data", str(shallow / "data"), "--content", str(shallow / "content")]
    result = subprocess.run(
        [sys.executable, "-m", "invoke", "build", *folders, "--output", str(tmp_path / "out"), "--today", "2026-11-24"],
        cwd=ROOT,
        env=quiet_git_env(tmp_path),
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    assert "shallow clone" in result.stdout and "fetch-depth: 0" in result.stdout, result.stdout[-2000:]
    assert stamps(tmp_path / "out") == {(0, datetime(2026, 2, 10, 9, 30, tzinfo=UTC))}  # what the clone knows

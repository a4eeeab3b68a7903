"""A file or folder that cannot be read is named once, with the reason, instead of a traceback
or a hundred follow-up problems. (Tests run as root, where chmod cannot stop reading, so the
operating system's refusal is simulated.)"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from workspace import FIXTURE, ROOT

import netzwerk_build
from netzwerk_data import files

PROJECT = netzwerk_build.Project(ROOT)


@pytest.fixture
def site(tmp_path: Path) -> Path:
    shutil.copytree(FIXTURE, tmp_path, dirs_exist_ok=True)
    return tmp_path


def test_an_unreadable_folder_is_one_problem_not_many(site: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    real_scandir = os.scandir

    def scandir(path: os.PathLike | str = ".") -> object:
        if Path(path).name == "members":
            raise PermissionError(13, "Permission denied")
        return real_scandir(path)

    monkeypatch.setattr(files.os, "scandir", scandir)
    report = netzwerk_build.check(PROJECT, site / "data", site / "content").report()
    assert "data/members:1: (folder): the folder cannot be read: permission denied" in report
    assert "unknown member" not in report and "not a member of this group" not in report
    assert report.startswith("The data has 1 problem:"), report


def test_an_unreadable_file_names_the_file_and_the_reason(site: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    real_open = os.open

    def open_file(path: os.PathLike | str, *args: object, **kwargs: object) -> int:
        if Path(path).name in ("verein.yaml", "about.md"):
            raise PermissionError(13, "Permission denied")
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr(files.os, "open", open_file)
    report = netzwerk_build.check(PROJECT, site / "data", site / "content").report()
    assert "data/members/verein.yaml:1: (file): the file cannot be read: permission denied" in report
    assert "content/pages/about.md:1: (file): the file cannot be read: permission denied" in report
    assert "unknown member 'verein'" not in report

"""A workspace per hostile case: the fixture site's data and content, an output folder
from a good build, and the build command run on top of it as editors run it.

The good output is built once per session and copied into each workspace, so every
case costs one (failing) build.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from workspace import FIXTURE, TODAY, Workspace, invoke


@pytest.fixture(scope="session")
def good_output(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The fixture site, built once, to be copied as every case's previous output."""
    base = tmp_path_factory.mktemp("good")
    output = base / "output"
    result = invoke(
        "build", "--data", str(FIXTURE / "data"), "--content", str(FIXTURE / "content"), "--output", str(output),
        "--today", TODAY,
    )  # fmt: skip
    assert result.returncode == 0, result.stdout + result.stderr
    return output


@pytest.fixture
def workspace(tmp_path: Path, good_output: Path) -> Iterator[Workspace]:
    space = Workspace(tmp_path / "ws")
    shutil.copytree(FIXTURE / "data", space.data)
    shutil.copytree(FIXTURE / "content", space.content)
    shutil.copytree(good_output, space.output)
    yield space

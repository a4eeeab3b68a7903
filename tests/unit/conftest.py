"""Shared helpers for the loader's unit tests.

Every invalid case is a small patch on top of the valid fixture site: the fixture's
data folder is copied into a temporary folder and one or more files are written
(or deleted) there, so each rule needs only the broken YAML text in its test.
"""

from __future__ import annotations

import shutil
import sys
from collections.abc import Callable, Mapping
from pathlib import Path

import pytest

_PLUGINS = str(Path(__file__).parents[2] / "plugins")
if _PLUGINS not in sys.path:
    sys.path.insert(0, _PLUGINS)

from netzwerk_data import DataError, Dataset, Problem, load_dataset  # noqa: E402

FIXTURE_SITE = Path(__file__).parents[1] / "fixtures" / "site"

# relative path under data/ -> new file text, or None to delete the file
Patches = Mapping[str, "str | None"]


@pytest.fixture
def make_data(tmp_path: Path) -> Callable[[Patches], Path]:
    """Copy the valid fixture's data/ to tmp_path/data and apply `patches`; return the data folder."""

    def make(patches: Patches) -> Path:
        data = tmp_path / "data"
        shutil.copytree(FIXTURE_SITE / "data", data)
        for relative, text in patches.items():
            target = data / relative
            if text is None:
                target.unlink()
            else:
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_text(text, encoding="utf-8")
        return data

    return make


@pytest.fixture
def load(make_data: Callable[[Patches], Path]) -> Callable[[Patches], Dataset]:
    """Load the patched fixture data; it must load without problems."""

    def run(patches: Patches) -> Dataset:
        return load_dataset(make_data(patches), FIXTURE_SITE / "content")

    return run


@pytest.fixture
def problems_of(make_data: Callable[[Patches], Path]) -> Callable[[Patches], list[Problem]]:
    """Load the patched fixture data; it must fail, and the problems are returned."""

    def run(patches: Patches) -> list[Problem]:
        with pytest.raises(DataError) as caught:
            load_dataset(make_data(patches), FIXTURE_SITE / "content")
        problems = caught.value.problems
        assert problems, "DataError raised without problems"
        return problems

    return run

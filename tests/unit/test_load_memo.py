"""`make serve` keeps the data files it parsed and validated (netzwerk_data.memo.LoadMemo): a load with
the memo must give what a load without it gives, see every edit, and report every mistake again."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from netzwerk_data import DataError, load_dataset
from netzwerk_data.memo import LoadMemo

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "site"


@pytest.fixture
def data(tmp_path: Path) -> Path:
    shutil.copytree(FIXTURE / "data", tmp_path / "data")
    shutil.copytree(FIXTURE / "content", tmp_path / "content")
    return tmp_path / "data"


def _some_event(data: Path) -> Path:
    return sorted((data / "events").rglob("*.yaml"))[0]


def test_a_load_with_the_memo_gives_what_a_load_without_it_gives(data: Path) -> None:
    memo = LoadMemo()
    plain = load_dataset(data, data.parent / "content")
    first = load_dataset(data, data.parent / "content", memo)
    again = load_dataset(data, data.parent / "content", memo)
    for loaded in (first, again):
        assert loaded.events == plain.events
        assert loaded.members == plain.members
        assert loaded.network == plain.network
    assert again.events[_some_event(data).stem] is first.events[_some_event(data).stem]  # kept, not read again


def test_an_edited_file_is_read_again(data: Path) -> None:
    memo = LoadMemo()
    event = _some_event(data)
    before = load_dataset(data, data.parent / "content", memo).events[event.stem]
    text = event.read_text(encoding="utf-8")
    assert "\ntitle:" in text
    event.write_text(_retitled(text, "Ganz neu"), encoding="utf-8")
    after = load_dataset(data, data.parent / "content", memo).events[event.stem]
    assert after is not before
    assert after.title != before.title
    assert "Ganz neu" in repr(after.title)


def test_a_mistake_is_reported_on_every_load_and_a_fix_is_seen(data: Path) -> None:
    memo = LoadMemo()
    load_dataset(data, data.parent / "content", memo)
    event = _some_event(data)
    text = event.read_text(encoding="utf-8")
    event.write_text(text + "colour: blue\n", encoding="utf-8")
    for _ in range(2):  # the broken file comes from the memo the second time: its problem must too
        with pytest.raises(DataError) as raised:
            load_dataset(data, data.parent / "content", memo)
        shown = [(p.file, p.field) for p in raised.value.problems]
        assert any(file.endswith(event.name) and field == "colour" for file, field in shown), shown
    event.write_text(text, encoding="utf-8")
    assert event.stem in load_dataset(data, data.parent / "content", memo).events


def _retitled(text: str, title: str) -> str:
    """The file with its title replaced by a German-only one."""
    lines = text.splitlines(keepends=True)
    start = next(i for i, line in enumerate(lines) if line.startswith("title:"))
    end = start + 1
    while end < len(lines) and lines[end].startswith(" "):
        end += 1
    return "".join([*lines[:start], f'title: "{title}"\n', *lines[end:]])

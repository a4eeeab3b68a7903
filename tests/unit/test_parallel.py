"""The build's work shared out to forked processes: every item done once, children's messages kept."""

from __future__ import annotations

import logging
import os
from pathlib import Path

import pytest

from netzwerk_site.parallel import run_shared


def test_every_item_is_done_once_by_one_of_the_processes(tmp_path: Path) -> None:
    def work(item: int) -> None:
        with (tmp_path / f"{item}.txt").open("x", encoding="utf-8") as file:  # "x": a second time fails
            file.write(str(os.getpid()))

    run_shared(list(range(40)), work, processes=2)
    done = {path.stem: path.read_text(encoding="utf-8") for path in tmp_path.iterdir()}
    assert sorted(done, key=int) == [str(n) for n in range(40)]
    if hasattr(os, "fork"):
        assert len(set(done.values())) == 2, "the work was not shared out"


def test_what_a_child_logs_and_raises_reaches_the_build(caplog: pytest.LogCaptureFixture) -> None:
    def work(item: int) -> None:
        if item == 1:  # shared round-robin: item 1 goes to the second process
            logging.getLogger("netzwerk_site.test").warning("page %d: a warning", item)
            raise ValueError("page 3 cannot be written")

    with caplog.at_level(logging.WARNING):
        run_shared([0, 1, 2, 3], work, processes=2)
    messages = [record.getMessage() for record in caplog.records]
    assert "page 1: a warning" in messages
    assert "ValueError: page 3 cannot be written" in messages

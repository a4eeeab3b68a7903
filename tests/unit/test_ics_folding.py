"""The fast path in front of icalendar's line folding gives exactly what icalendar gives."""

from __future__ import annotations

import random

import pytest
from icalendar import Calendar, Event

from netzwerk_calendar import folding

# ASCII, umlauts (2 octets), Arabic (2), CJK and emoji (3 and 4), and the escapes icalendar keeps together.
ALPHABET = "abcdefghij KLMNOP 0123 ,;:\\^ äöüß ابتثج 漢字 🙂"


def _lines(count: int, seed: int = 7) -> list[str]:
    chance = random.Random(seed)
    found = []
    for _ in range(count):
        length = chance.choice([0, 1, 30, 60, 70, 72, 73, 74, 75, 76, 80, 150, 400])
        found.append("".join(chance.choice(ALPHABET) for _ in range(length)))
    return found


def test_every_line_folds_as_icalendar_folds_it() -> None:
    folding.install()
    original = folding.icalendar_foldline()
    assert original is not folding._fast_foldline
    for line in _lines(5000):
        assert folding._fast_foldline(line) == original(line), line


@pytest.mark.parametrize("octets", [73, 74, 75, 76])
def test_lines_at_the_limit(octets: int) -> None:
    folding.install()
    original = folding.icalendar_foldline()
    for line in ("x" * octets, "ä" + "x" * (octets - 2), "x" * (octets - 2) + "ä"):
        assert folding._fast_foldline(line) == original(line)
        assert all(len(part.encode()) <= 75 for part in folding._fast_foldline(line).split("\r\n"))


def test_a_calendar_serialises_to_the_same_bytes_with_and_without_the_fast_path() -> None:
    calendar = Calendar()
    calendar.add("prodid", "-//test//")
    calendar.add("version", "2.0")
    for number, line in enumerate(_lines(200, seed=11)):
        event = Event()
        event.add("uid", f"{number}@example.org")
        event.add("summary", line)
        event.add("description", line * 2)
        calendar.add_component(event)
    folding.install()
    fast = calendar.to_ical()
    from icalendar.parser import content_line

    content_line._foldline = folding.icalendar_foldline()
    try:
        slow = calendar.to_ical()
    finally:
        content_line._foldline = folding._fast_foldline
    assert fast == slow
    assert Calendar.from_ical(fast).walk("VEVENT")[5]["SUMMARY"] == _lines(200, seed=11)[5]


@pytest.mark.parametrize("limit", [2, 5, 6, 7, 20, 75, 76, 100])
def test_long_lines_fold_as_icalendar_folds_them_at_any_limit(limit: int) -> None:
    folding.install()
    original = folding.icalendar_foldline()
    for line in _lines(1000, seed=limit):
        long_line = line * 3
        assert folding._fast_foldline(long_line, limit) == original(long_line, limit), long_line
    escapes = "\\" * 300 + "^" * 300 + "ab\\^" * 100
    assert folding._fast_foldline(escapes, limit) == original(escapes, limit)

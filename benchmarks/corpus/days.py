"""Calendar arithmetic the generator needs (weekdays of a month) and dates as people write them."""

from __future__ import annotations

import calendar
from datetime import date, datetime, time

from .vocabulary import MONTHS_DE, MONTHS_EN, WEEKDAYS_DE, WEEKDAYS_EN

MONDAY, TUESDAY, WEDNESDAY, THURSDAY, FRIDAY, SATURDAY, SUNDAY = range(7)
RRULE_DAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")


def nth_weekday(year: int, month: int, weekday: int, n: int) -> date:
    """The n-th (1–4) given weekday of a month, e.g. the second Tuesday."""
    first = date(year, month, 1)
    offset = (weekday - first.weekday()) % 7
    return first.replace(day=1 + offset + 7 * (n - 1))


def last_day(year: int, month: int) -> int:
    return calendar.monthrange(year, month)[1]


def at(day: date, hour: int, minute: int = 0) -> datetime:
    return datetime.combine(day, time(hour, minute))


def iso(value: date | datetime) -> str:
    """As the data files write it: 2026-11-24 or 2026-11-24T18:30."""
    return value.isoformat(timespec="minutes") if isinstance(value, datetime) else value.isoformat()


def german_day(value: date | datetime) -> str:
    """Mi., 4. November"""
    return f"{WEEKDAYS_DE[value.weekday()]}, {value.day}. {MONTHS_DE[value.month - 1]}"


def english_day(value: date | datetime) -> str:
    """Wed 4 November"""
    return f"{WEEKDAYS_EN[value.weekday()]} {value.day} {MONTHS_EN[value.month - 1]}"


def clock(value: datetime) -> str:
    return f"{value.hour:02d}:{value.minute:02d}"

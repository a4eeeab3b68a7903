"""VTIMEZONE components: every zone a feed uses, with its changes of offset over the years its events span.

Written in the form every calendar program reads (the form of RFC 5545's examples and of the
zones Thunderbird and Outlook ship): one STANDARD and one DAYLIGHT observance with a yearly RRULE
when the zone's changes follow one (Europe: the last Sunday of March and of October). Each onset is
the local time before the change, as RFC 5545 requires ("02:00" when clocks go forward in Berlin).
A zone whose changes follow no such rule gets one observance per change, without RDATE lists
(Mozilla's ical.js ignores an observance's DTSTART when it has RDATEs).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from functools import cache
from itertools import groupby
from zoneinfo import ZoneInfo

from icalendar import Timezone, TimezoneDaylight, TimezoneStandard, vRecur

_WEEKDAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
_MINUTE = timedelta(minutes=1)


@dataclass(frozen=True)
class Onset:
    """One change of a zone's offset."""

    local: datetime  # naive: the wall-clock time just before the change (in `offset_from`)
    offset_from: timedelta
    offset_to: timedelta
    name: str
    daylight: bool

    @property
    def kind(self) -> tuple[bool, timedelta, timedelta, str]:
        return self.daylight, self.offset_from, self.offset_to, self.name


def _offset(zone: ZoneInfo, moment: datetime) -> timedelta:
    offset = moment.astimezone(zone).utcoffset()
    assert offset is not None
    return offset


def onsets(zone: ZoneInfo, first: datetime, last: datetime) -> list[Onset]:
    """Every change of the zone's offset between two UTC times, found day by day, then to the minute."""
    found = []
    day = first
    offset = _offset(zone, day)
    while day < last:
        following = day + timedelta(days=1)
        if _offset(zone, following) != offset:
            low, high = 0, 24 * 60  # minutes after `day`: `low` has the old offset, `high` the new one
            while high - low > 1:
                middle = (low + high) // 2
                low, high = (middle, high) if _offset(zone, day + middle * _MINUTE) == offset else (low, middle)
            change = day + high * _MINUTE
            after = change.astimezone(zone)
            new_offset = _offset(zone, change)
            local = (change + offset).replace(tzinfo=None)
            found.append(Onset(local, offset, new_offset, after.tzname() or "", bool(after.dst())))
            offset = new_offset
        day = following
    return found


def yearly_rule(changes: list[Onset]) -> str | None:
    """An RRULE giving exactly these onsets, one a year on the n-th or last weekday of a month, if any."""
    first = changes[0].local
    years = [change.local.year for change in changes]
    if years != list(range(first.year, first.year + len(changes))):
        return None
    shape = (first.month, first.weekday(), first.time())
    if any((c.local.month, c.local.weekday(), c.local.time()) != shape for c in changes):
        return None
    if all((c.local + timedelta(days=7)).month != first.month for c in changes):
        ordinal = -1  # the last weekday of the month
    else:
        ordinal = (first.day - 1) // 7 + 1
        if any((c.local.day - 1) // 7 + 1 != ordinal for c in changes):
            return None
    return f"FREQ=YEARLY;BYMONTH={first.month};BYDAY={ordinal}{_WEEKDAYS[first.weekday()]}"


def _observance(daylight: bool, start: datetime, offset_from: timedelta, offset_to: timedelta, name: str):
    component = TimezoneDaylight() if daylight else TimezoneStandard()
    component.add("dtstart", start)
    component.add("tzoffsetfrom", offset_from)
    component.add("tzoffsetto", offset_to)
    if name:
        component.add("tzname", name)
    return component


@cache
def timezone_ical(zone_name: str, first_year: int, last_year: int) -> bytes:
    """timezone_component as iCalendar lines, written once for all the feeds that need it."""
    return timezone_component(zone_name, first_year, last_year).to_ical()


@cache
def timezone_component(zone_name: str, first_year: int, last_year: int) -> Timezone:
    """The zone from a year before `first_year` to the end of `last_year` and one year more.

    The year before gives the onset in effect on 1 January of `first_year`; the year after covers
    events that end after midnight. A rule still in force at the end runs on without end, as the
    zone does; one that stopped earlier ends with UNTIL. Built once per zone and span.
    """
    zone = ZoneInfo(zone_name)
    begin, end = datetime(first_year - 1, 1, 1, tzinfo=UTC), datetime(last_year + 2, 1, 1, tzinfo=UTC)
    changes = onsets(zone, begin, end)
    component = Timezone()
    component.add("tzid", zone_name)
    if not changes or changes[0].local.year > first_year - 1:
        # No change in the year before: the offset of the start holds until the first change.
        at_begin = begin.astimezone(zone)
        offset = _offset(zone, begin)
        start = (begin + offset).replace(tzinfo=None)
        component.add_component(_observance(bool(at_begin.dst()), start, offset, offset, at_begin.tzname() or ""))
    by_kind = sorted(changes, key=lambda change: (change.kind, change.local))
    for kind, group in groupby(by_kind, key=lambda change: change.kind):
        same = list(group)
        daylight, offset_from, offset_to, name = kind
        rule = yearly_rule(same)
        if rule is None:
            for change in same:
                component.add_component(_observance(daylight, change.local, offset_from, offset_to, name))
            continue
        observance = _observance(daylight, same[0].local, offset_from, offset_to, name)
        if same[-1].local.year < last_year + 1:  # the rule stopped within the span
            rule += f";UNTIL={(same[-1].local - offset_from):%Y%m%dT%H%M%SZ}"
        observance.add("rrule", vRecur.from_ical(rule))
        component.add_component(observance)
    return component


def zone_spans(spans: list[tuple[str, date, date]]) -> dict[str, tuple[int, int]]:
    """zone -> (first year, last year) over (zone, first day, last day) of the events using it."""
    years: dict[str, tuple[int, int]] = {}
    for zone_name, first, last in spans:
        low, high = years.get(zone_name, (first.year, last.year))
        years[zone_name] = (min(low, first.year), max(high, last.year))
    return dict(sorted(years.items()))

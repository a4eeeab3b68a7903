"""Expand an event (single or RRULE series) into its occurrences.

A series is given as an RFC 5545 rule (`FREQ=MONTHLY;BYDAY=2TU;COUNT=6`), read with dateutil.
Editors write these by hand, so the rule is checked part by part before dateutil sees it, and
every series is bounded: it repeats at most daily, it has an end (COUNT or UNTIL), at most
MAX_OCCURRENCES dates, and its last date is at most MAX_SERIES_YEARS after its start. The dates
are computed once, within that window, and never from an unbounded iteration (see `_window_starts`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from itertools import islice

from dateutil.rrule import rrule, rrulestr

from .models import Event, OccurrenceChange
from .problems import did_you_mean
from .values import MAX_YEAR, Translatable

# The most dates a series may have (and pages and feeds show).
MAX_OCCURRENCES = 500
# The last date of a series is at most this many years after its start.
MAX_SERIES_YEARS = 10
# INTERVAL=2 is every second time; beyond this a series has hardly two dates within its years.
MAX_INTERVAL = 100

EXAMPLE = "FREQ=MONTHLY;BYDAY=2TU;COUNT=6"
_FREQUENCIES = ("DAILY", "WEEKLY", "MONTHLY", "YEARLY")
_TOO_OFTEN = {"HOURLY": "every hour", "MINUTELY": "every minute", "SECONDLY": "every second"}
_TIME_PARTS = {"BYHOUR": "hour", "BYMINUTE": "minute", "BYSECOND": "second"}
_WEEKDAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
_BYDAY_ITEM = re.compile(r"([+-]?)([0-9]{1,2})?(MO|TU|WE|TH|FR|SA|SU)")
_NUMBER = re.compile(r"[+-]?[0-9]{1,3}")
# Parts whose value is a list of whole numbers: (lowest, highest, negative allowed, how to write them).
_NUMBER_LISTS = {
    "BYMONTH": (1, 12, False, "write months as numbers from 1 (January) to 12 (December), e.g. BYMONTH=3,9"),
    "BYMONTHDAY": (1, 31, True, "write days of the month from 1 to 31, or -1 for the last day, e.g. BYMONTHDAY=15"),
    "BYYEARDAY": (1, 366, True, "write days of the year from 1 to 366, or -1 for the last day"),
    "BYWEEKNO": (1, 53, True, "write weeks of the year from 1 to 53, or -1 for the last week"),
    "BYSETPOS": (1, 366, True, "write positions from 1 (the first) to 366, or -1 for the last, e.g. BYSETPOS=-1"),
}
_PARTS = ("FREQ", "INTERVAL", "COUNT", "UNTIL", "BYDAY", *_NUMBER_LISTS, "WKST")
# What each part means, in the editor's words (for messages that name a part).
PART_MEANINGS = {
    "FREQ": "how often: DAILY, WEEKLY, MONTHLY or YEARLY",
    "INTERVAL": "every how many days, weeks, months or years",
    "COUNT": "how many dates",
    "UNTIL": "the last day",
    "BYDAY": "on which weekdays",
    "BYMONTH": "in which months",
    "BYMONTHDAY": "on which days of the month",
    "BYYEARDAY": "on which days of the year",
    "BYWEEKNO": "in which weeks of the year",
    "BYSETPOS": "which of the dates in a month or year",
    "WKST": "the first day of the week",
}
_FREQ_WORDS = {"DAILY": "every day", "WEEKLY": "every week", "MONTHLY": "every month", "YEARLY": "every year"}
_ORDINALS = {1: "first", 2: "second", 3: "third", 4: "fourth", 5: "fifth", -1: "last", -2: "second to last"}
_DAY_NAMES = dict(
    zip(_WEEKDAYS, ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"), strict=True)
)


def _byday_words(item: str) -> str:
    """'2TU' -> 'the second Tuesday', 'TU' -> 'Tuesday'."""
    match = _BYDAY_ITEM.fullmatch(item)
    if match is None:
        return item
    sign, number, day = match.groups()
    if number is None:
        return _DAY_NAMES[day]
    position = int(number) * (-1 if sign == "-" else 1)
    ordinal = _ORDINALS.get(position, f"{position}th" if position > 0 else f"{-position}th from last")
    return f"the {ordinal} {_DAY_NAMES[day]}"


# The Gregorian calendar repeats exactly every 400 years, weekdays included (146,097 days).
_CALENDAR_CYCLE_YEARS = 400


@dataclass(frozen=True)
class Occurrence:
    event: Event
    start: date | datetime
    end: date | datetime
    status: str
    venue: str | None
    location: Translatable | None
    # The start the rule produced (RECURRENCE-ID); None for a single event.
    recurrence_id: date | datetime | None = None
    changed: bool = False

    @property
    def all_day(self) -> bool:
        return not isinstance(self.start, datetime)

    @property
    def start_date(self) -> date:
        return as_date(self.start)

    @property
    def end_date(self) -> date:
        return as_date(self.end)


def as_datetime(value: date | datetime) -> datetime:
    return value if isinstance(value, datetime) else datetime.combine(value, time())


def as_date(value: date | datetime) -> date:
    return value.date() if isinstance(value, datetime) else value


def same_kind(value: date | datetime, like: date | datetime) -> date | datetime:
    """`value` as a date when `like` is a date (all-day), else as a datetime."""
    if isinstance(like, datetime):
        return as_datetime(value)
    return as_date(value)


def _shown(value: date | datetime) -> str:
    return value.isoformat(timespec="minutes") if isinstance(value, datetime) else value.isoformat()


def series_limit(start: date | datetime) -> date:
    """The last day a series starting on `start` may have a date on."""
    day = as_date(start)
    try:
        limit = day.replace(year=day.year + MAX_SERIES_YEARS)
    except ValueError:  # 29 February
        limit = day.replace(year=day.year + MAX_SERIES_YEARS, day=28)
    return min(limit, date(MAX_YEAR, 12, 31))


def _why_limit(start: date | datetime) -> str:
    if series_limit(start).year == MAX_YEAR and as_date(start).year + MAX_SERIES_YEARS > MAX_YEAR:
        return f"the end of {MAX_YEAR}, the last year a date may have"
    return f"{MAX_SERIES_YEARS} years after the start"


# --- reading the rule -------------------------------------------------------------------------


@dataclass(frozen=True)
class _Parts:
    parts: dict[str, str]
    count: int | None
    until: date | None


_UNIT = {"DAILY": "day", "WEEKLY": "week", "MONTHLY": "month", "YEARLY": "year"}


def _split(text: str) -> dict[str, str]:
    if text.upper().startswith("RRULE:"):
        raise ValueError(f"write the rule without the 'RRULE:' prefix, e.g. {EXAMPLE}")
    if not text:
        raise ValueError(f"the rule is empty; write one like {EXAMPLE}, or remove 'recurrence'")
    if any(char.isspace() for char in text):
        raise ValueError(f"remove the spaces from the rule; write it like {EXAMPLE}")
    parts: dict[str, str] = {}
    pieces = text.split(";")
    if pieces[-1] == "":
        pieces.pop()  # a trailing ';'
    for piece in pieces:
        name, equals, value = piece.partition("=")
        name, value = name.upper(), value.upper()
        if not equals or not name or not value:
            raise ValueError(
                f"'{piece}' is not a part of a rule: write parts like NAME=VALUE separated by ';', e.g. {EXAMPLE}"
            )
        if name in _TIME_PARTS:
            raise ValueError(
                f"{name}={value} sets the {_TIME_PARTS[name]} of the day, which here comes from 'start': remove "
                f"{name}=… from the rule (for several times a day, make one event per time)"
            )
        if name not in _PARTS:
            parts_list = "; ".join(f"{part} ({meaning})" for part, meaning in PART_MEANINGS.items())
            raise ValueError(
                f"'{name}' is not a part of a repeat rule:{did_you_mean(name, _PARTS)} the parts are {parts_list}"
            )
        if name in parts:
            raise ValueError(f"{name} is given twice in the rule; keep one")
        parts[name] = value
    return parts


def _whole(name: str, value: str, low: int, high: int, fix: str) -> int:
    if not re.fullmatch(r"[0-9]+", value):
        raise ValueError(f"{name}={value} is not a whole number; {fix}")
    if len(value) > 9 or not low <= int(value) <= high:
        raise ValueError(f"{name}={value} is not allowed; {fix}")
    return int(value)


def _check_list(name: str, value: str) -> None:
    for item in value.split(","):
        if name == "BYDAY":
            match = _BYDAY_ITEM.fullmatch(item)
            if match is None or (match.group(2) is not None and not 1 <= int(match.group(2)) <= 53):
                raise ValueError(
                    f"BYDAY={value}: '{item}' is not a weekday; write MO, TU, WE, TH, FR, SA or SU, with a number "
                    "before it for 'the second Tuesday' (2TU) or 'the last Friday' (-1FR)"
                )
            continue
        low, high, negative, fix = _NUMBER_LISTS[name]
        number = int(item) if _NUMBER.fullmatch(item) else None
        if number is None or not (low <= abs(number) <= high and (negative or number > 0)):
            raise ValueError(f"{name}={value}: '{item}' is not allowed; {fix}")


# Parts RFC 5545 allows only with some frequencies; calendar programs differ on the others.
_ONLY_WITH = {"BYWEEKNO": ("YEARLY",), "BYYEARDAY": ("YEARLY",), "BYMONTHDAY": ("DAILY", "MONTHLY", "YEARLY")}


def _check_combination(parts: dict[str, str], freq: str) -> None:
    for name, frequencies in _ONLY_WITH.items():
        if name in parts and freq not in frequencies:
            allowed = "FREQ=" + " or ".join(frequencies).replace(" or ", ", ", len(frequencies) - 2)
            said = f"{name}={parts[name]} ({PART_MEANINGS[name]})"
            example = (
                f" For 'every month on day {parts[name]}' write FREQ=MONTHLY;{name}={parts[name]}."
                if name == "BYMONTHDAY"
                else ""
            )
            raise ValueError(
                f"{name} only works with {allowed}: the rule says {said} but FREQ={freq} "
                f"({_FREQ_WORDS[freq]}); remove {name}={parts[name]} or change FREQ.{example}"
            )
    numbered = [item for item in parts.get("BYDAY", "").split(",") if item[:1] in "+-0123456789" and item]
    if numbered and (freq not in ("MONTHLY", "YEARLY") or "BYWEEKNO" in parts):
        day = numbered[0].lstrip("+-0123456789")
        words = _byday_words(numbered[0])
        if "BYWEEKNO" in parts:
            said = "BYWEEKNO is given (weeks of the year)"
        else:
            said = f"FREQ is {freq} ({_FREQ_WORDS.get(freq, freq)})"
        raise ValueError(
            f"the repeat rule says BYDAY={parts['BYDAY']} ({words}) but {said}: a number before a weekday "
            "only works with FREQ=MONTHLY or YEARLY, without BYWEEKNO. "
            f"For '{words} of every month' write FREQ=MONTHLY;BYDAY={numbered[0]}; "
            f"for 'every other {_DAY_NAMES[day]}' write FREQ=WEEKLY;INTERVAL=2;BYDAY={day}; "
            f"for every {_DAY_NAMES[day]} write the weekday alone, e.g. {day}"
        )


def _read(text: str, start: date | datetime) -> _Parts:
    """The rule's parts, checked one by one; ValueError says what to write instead."""
    parts = _split(text)
    freq = parts.get("FREQ")
    if freq is None:
        raise ValueError(
            "the repeat rule does not say how often: start it with FREQ=DAILY (every day), WEEKLY (every week), "
            f"MONTHLY (every month) or YEARLY (every year), e.g. {EXAMPLE}"
        )
    if freq in _TOO_OFTEN:
        raise ValueError(
            f"FREQ={freq} repeats {_TOO_OFTEN[freq]}: a series here repeats at most daily; "
            "use FREQ=DAILY, WEEKLY, MONTHLY or YEARLY"
        )
    if freq not in _FREQUENCIES:
        hint = did_you_mean(freq, _FREQUENCIES).replace(" did you mean '", " Did you mean FREQ=").replace("'?", "?")
        raise ValueError(
            f"FREQ={freq}: '{freq}' is not a frequency.{hint} Write FREQ=DAILY (every day), WEEKLY (every week), "
            f"MONTHLY (every month) or YEARLY (every year); example: {EXAMPLE}"
        )
    if "INTERVAL" in parts:
        _whole(
            "INTERVAL",
            parts["INTERVAL"],
            1,
            MAX_INTERVAL,
            f"write how many {_UNIT[freq]}s lie between two dates, from 1 (every {_UNIT[freq]}) to {MAX_INTERVAL}; "
            f"e.g. INTERVAL=2 is every second {_UNIT[freq]}",
        )
    for name in ("BYDAY", *_NUMBER_LISTS):
        if name in parts:
            _check_list(name, parts[name])
    _check_combination(parts, freq)
    if "WKST" in parts and parts["WKST"] not in _WEEKDAYS:
        raise ValueError(f"WKST={parts['WKST']}: write the first day of the week as MO, TU, WE, TH, FR, SA or SU")
    if "COUNT" in parts and "UNTIL" in parts:
        raise ValueError("give either COUNT (how many dates) or UNTIL (the last date), not both")
    limit = series_limit(start)
    count = until = None
    if "COUNT" in parts:
        count = _whole(
            "COUNT",
            parts["COUNT"],
            1,
            MAX_OCCURRENCES,
            f"write how many dates the series has, from 1 to {MAX_OCCURRENCES}, e.g. COUNT=10",
        )
    elif "UNTIL" in parts:
        until = _until(parts["UNTIL"], start, limit)
    else:
        example = f"{as_date(start).year + 1}1231"
        raise ValueError(
            f"the series has no end: add ;COUNT=10 for ten dates, or ;UNTIL={example} for the last date "
            f"(e.g. {text.rstrip(';')};COUNT=10)"
        )
    return _Parts(parts, count, until)


def _until(value: str, start: date | datetime, limit: date) -> date:
    how = f"write the date of the last day as YYYYMMDD, e.g. UNTIL={as_date(start).year + 1}1231"
    match = re.fullmatch(r"([0-9]{8})(T[0-9]{6}Z?)?", value)
    if match is None:
        raise ValueError(f"UNTIL={value} is not a date; {how}")
    if match.group(2):
        raise ValueError(f"write UNTIL as the date of the last day, without a time: UNTIL={match.group(1)}")
    try:
        until = datetime.strptime(match.group(1), "%Y%m%d").date()
    except ValueError:
        raise ValueError(f"UNTIL={value} is not a real date; {how}") from None
    if until < as_date(start):
        raise ValueError(
            f"UNTIL={value} is before the start ({as_date(start).isoformat()}), so the series has no date; "
            "write the date of its last day"
        )
    if until > limit:
        raise ValueError(
            f"UNTIL={value} is too far ahead: a series may run until {limit:%Y%m%d} at the latest "
            f"({_why_limit(start)}); write an earlier last date, and start a new series "
            "in a new file when this one ends"
        )
    return until


# --- the dates of a series ----------------------------------------------------------------------


@dataclass(frozen=True)
class Rule:
    """A checked rule of one event: dateutil's rule without its end, and the end as the editor gave it."""

    text: str
    # The parts as checked, in capitals, in the editor's order.
    parts: tuple[tuple[str, str], ...]
    rrule: rrule
    start: datetime
    count: int | None
    until: date | None
    # The end of the last day the series may have a date on (its UNTIL, else `series_limit`).
    last: datetime

    def starts(self, most: int) -> tuple[datetime, ...]:
        """At most `most` dates of the rule, from its start to `last`, in order.

        dateutil stops at an end only when it meets a date after it: a rule that produces nothing
        more (BYMONTHDAY=30 in February) searches on, period by period, until the year 9999. So the
        dates are computed shifted by whole 400-year cycles of the calendar (which change neither
        weekdays nor leap years) to just before the year 9999, where any search ends after at most
        400 years of periods (146,097 for FREQ=DAILY): a fixed bound, whatever the rule.
        """
        shift = (datetime.max.year - 1 - self.last.year) // _CALENDAR_CYCLE_YEARS * _CALENDAR_CYCLE_YEARS
        shifted = self.rrule.replace(
            dtstart=self.start.replace(year=self.start.year + shift),
            until=self.last.replace(year=self.last.year + shift),
        )
        found: list[datetime] = []
        try:
            for moment in islice(shifted, most):
                found.append(moment.replace(year=moment.year - shift))
        except (ValueError, OverflowError):
            pass  # the search reached the year 9999, long after `last`: there are no more dates
        return tuple(found)


def parse_rule(event: Event) -> Rule:
    """The event's rule, checked part by part; ValueError (in the editor's words) on a bad rule."""
    assert event.recurrence is not None
    text = event.recurrence.strip()
    read = _read(text, event.start)
    kept = ";".join(f"{name}={value}" for name, value in read.parts.items() if name not in ("COUNT", "UNTIL"))
    start = as_datetime(event.start)
    try:
        parsed = rrulestr(kept, dtstart=start)
    except (ValueError, TypeError, KeyError, IndexError) as error:
        raise ValueError(
            f"the repeat rule '{text}' cannot be read (the calendar library reports: {error}); "
            f"compare it with the examples in docs/data-format.md, e.g. {EXAMPLE}"
        ) from None
    if not isinstance(parsed, rrule):
        raise ValueError(f"write one repeat rule only, on one line, e.g. {EXAMPLE}")
    last = read.until if read.until is not None else series_limit(event.start)
    return Rule(
        text, tuple(read.parts.items()), parsed, start, read.count, read.until, datetime.combine(last, time(23, 59, 59))
    )


def calendar_rule(event: Event, zone: tzinfo) -> str:
    """The event's rule as an iCalendar RRULE value: what calendar programs read as the pages do.

    The parts are in capitals, and UNTIL (the editor's last day, inclusive) is written as RFC 5545
    requires it: a date for an all-day series, else the end of that day in `zone`, as UTC time.
    """
    rule = parse_rule(event)
    parts = [f"{name}={value}" for name, value in rule.parts if name != "UNTIL"]
    if rule.until is not None:
        if isinstance(event.start, datetime):
            end = datetime.combine(rule.until, time(23, 59, 59), tzinfo=zone).astimezone(UTC)
            parts.append(f"UNTIL={end:%Y%m%dT%H%M%SZ}")
        else:
            parts.append(f"UNTIL={rule.until:%Y%m%d}")
    return ";".join(parts)


def series_starts(event: Event) -> tuple[datetime, ...]:
    """Every start of the series, in order: at most MAX_OCCURRENCES, none after `series_limit`.

    ValueError (in the editor's words) when the rule is wrong, produces no date, does not produce
    the event's start as its first date, or would run longer or produce more dates than allowed.
    """
    rule = parse_rule(event)
    starts = rule.starts(rule.count if rule.count is not None else MAX_OCCURRENCES + 1)
    if not starts:
        raise ValueError(
            f"the rule gives no date from the start ({_shown(event.start)}) to {rule.last.date().isoformat()}: "
            "check its parts (for example, there is no 30 February)"
        )
    if starts[0] != rule.start:
        first = same_kind(starts[0], event.start)
        raise ValueError(
            f"the start ({_shown(event.start)}) is not a date of the rule, whose first date is "
            f"{_shown(first)}: make that the start, or change the rule so that "
            f"it gives the start (the start is a {weekday_name(event.start)}, the rule's first date a "
            f"{weekday_name(first)})"
        )
    if rule.count is not None and len(starts) < rule.count:
        raise ValueError(
            f"COUNT={rule.count} runs too far ahead: the rule gives only {len(starts)} "
            f"date{'s' if len(starts) != 1 else ''} until {rule.last.date().isoformat()} "
            f"({_why_limit(event.start)}); lower COUNT, "
            "or start a new series in a new file when this one ends"
        )
    if len(starts) > MAX_OCCURRENCES:
        raise ValueError(
            f"the series has more than {MAX_OCCURRENCES} dates until UNTIL={rule.last:%Y%m%d}: "
            "write an earlier last date, or repeat less often"
        )
    return starts


def weekday_name(value: date | datetime) -> str:
    """The English name of the day of the week, e.g. 'Tuesday'."""
    return _DAY_NAMES[_WEEKDAYS[as_date(value).weekday()]]


def rule_produces(rule: Rule, moment: date | datetime) -> bool:
    """Whether the rule gives `moment` (within its bounds)."""
    wanted = as_datetime(moment)
    if not rule.start <= wanted <= rule.last:
        return False
    return wanted in rule.starts(rule.count if rule.count is not None else MAX_OCCURRENCES + 1)


def _duration(event: Event) -> timedelta:
    return as_datetime(event.end) - as_datetime(event.start)


def apply_change(event: Event, change: OccurrenceChange) -> Occurrence:
    """The occurrence `change.date` of a series with the editor's changes applied.

    A new start without a new end keeps the series' duration. Pages and calendars both use this.
    """
    start = same_kind(change.date, event.start)
    new_start = change.start if change.start is not None else start
    new_end = (
        change.end if change.end is not None else same_kind(as_datetime(new_start) + _duration(event), event.start)
    )
    return Occurrence(
        event,
        new_start,
        new_end,
        change.status or event.status,
        change.venue if change.venue is not None else event.venue,
        change.location if change.location is not None else event.location,
        start,
        changed=True,
    )


def expand(event: Event, until: date | None = None) -> list[Occurrence]:
    """All occurrences starting on or before `until` (all of them when None).

    A series has at most MAX_OCCURRENCES dates (see `series_starts`); a rule that breaks the rules
    of the data contract raises ValueError instead of running on.
    """
    single = Occurrence(event, event.start, event.end, event.status, event.venue, event.location)
    if event.recurrence is None:
        return [single]
    duration = _duration(event)
    skipped = {as_datetime(value) for value in event.exceptions}
    changes = {as_datetime(change.date): change for change in event.changed}
    result: list[Occurrence] = []
    for moment in series_starts(event):
        if until is not None and moment.date() > until:
            break
        if moment in skipped:
            continue
        start = same_kind(moment, event.start)
        end = same_kind(moment + duration, event.start)
        change = changes.get(moment)
        if change is None:
            result.append(Occurrence(event, start, end, event.status, event.venue, event.location, start))
        else:
            result.append(apply_change(event, change))
    return result

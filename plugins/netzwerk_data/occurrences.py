"""Expand an event (single or RRULE series) into its occurrences."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from dateutil.rrule import rrule, rrulestr

from .models import Event, OccurrenceChange
from .values import Translatable

# A rule without COUNT or UNTIL runs forever; pages and feeds stop here.
MAX_OCCURRENCES = 500


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


def parse_rule(event: Event) -> rrule:
    """The event's rule anchored at its start; raises ValueError on a bad rule."""
    assert event.recurrence is not None
    text = event.recurrence.strip()
    if text.upper().startswith("RRULE:"):
        raise ValueError("write the rule without the 'RRULE:' prefix, e.g. FREQ=MONTHLY;BYDAY=2TU;COUNT=6")
    try:
        rule = rrulestr(text, dtstart=as_datetime(event.start))
    except (ValueError, TypeError, KeyError, IndexError) as error:
        raise ValueError(
            f"'{text}' is not an RFC 5545 rule ({error}); example: FREQ=MONTHLY;BYDAY=2TU;COUNT=6"
        ) from None
    if not isinstance(rule, rrule):
        raise ValueError("give exactly one rule")
    return rule


def rule_produces(rule: rrule, moment: date | datetime) -> bool:
    return as_datetime(moment) in rule


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
    """All occurrences starting on or before `until` (all of them when None and finite)."""
    single = Occurrence(event, event.start, event.end, event.status, event.venue, event.location)
    if event.recurrence is None:
        return [single]
    rule = parse_rule(event)
    duration = _duration(event)
    skipped = {as_datetime(value) for value in event.exceptions}
    changes = {as_datetime(change.date): change for change in event.changed}
    result: list[Occurrence] = []
    for moment in rule:
        if (until is not None and moment.date() > until) or len(result) >= MAX_OCCURRENCES:
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

"""What event pages and event lists show beyond the record itself: how a date of a series was
changed, the date a page leads with, events by month, and the map link of a venue."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime
from urllib.parse import urlencode

from netzwerk_data import Occurrence
from netzwerk_data.models import Geo
from netzwerk_data.occurrences import as_datetime, same_kind

# OpenStreetMap's own page, at street level: a plain link, nothing of it is embedded or loaded.
OPENSTREETMAP = "https://www.openstreetmap.org/"
MAP_ZOOM = 17


@dataclass(frozen=True)
class DateChange:
    """How one date of a series differs from the date its rule gives, to say so in words."""

    original_start: date | datetime
    original_end: date | datetime
    moved: bool  # it starts or ends at another time
    new_place: bool  # another venue or location


def date_change(occurrence: Occurrence) -> DateChange | None:
    """What was changed in a date of a series (time, day, place); None when nothing of that was.

    A date whose only change is its status (cancelled, postponed) says so with its status alone.
    """
    original = occurrence.recurrence_id
    if not occurrence.changed or original is None:
        return None
    event = occurrence.event
    duration = as_datetime(event.end) - as_datetime(event.start)
    original_end = same_kind(as_datetime(original) + duration, event.start)
    moved = (occurrence.start, occurrence.end) != (original, original_end)
    new_place = (occurrence.venue, occurrence.location) != (event.venue, event.location)
    if not moved and not new_place:
        return None
    return DateChange(original, original_end, moved, new_place)


def leading_occurrence(occurrences: list[Occurrence], upcoming: Occurrence | None) -> Occurrence | None:
    """The date an event page leads with: the next one; when every date has passed, the last."""
    if upcoming is not None:
        return upcoming
    return occurrences[-1] if occurrences else None


def by_month(occurrences: list[Occurrence]) -> list[tuple[date, list[Occurrence]]]:
    """The occurrences grouped by the month they start in (its first day), in order."""
    months: dict[date, list[Occurrence]] = defaultdict(list)
    for occurrence in occurrences:
        months[occurrence.start_date.replace(day=1)].append(occurrence)
    return sorted(months.items(), key=lambda item: item[0])


def _coordinate(value: float) -> str:
    return f"{value:.6f}".rstrip("0").rstrip(".")


def openstreetmap_url(geo: Geo) -> str:
    """A link to the place on openstreetmap.org, with a marker: ?mlat=..&mlon=..#map=17/lat/lon."""
    lat, lon = _coordinate(geo.lat), _coordinate(geo.lon)
    return f"{OPENSTREETMAP}?{urlencode({'mlat': lat, 'mlon': lon})}#map={MAP_ZOOM}/{lat}/{lon}"

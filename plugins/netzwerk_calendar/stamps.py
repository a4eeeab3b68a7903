"""SEQUENCE, LAST-MODIFIED and DTSTAMP of each event: from the data and its git history, never the clock."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

from netzwerk_data import Dataset
from netzwerk_data.history import event_histories
from netzwerk_data.models import Event
from netzwerk_data.occurrences import as_datetime


@dataclass(frozen=True)
class EventStamp:
    sequence: int
    last_modified: datetime | None  # UTC; None when neither git nor `updated` tells
    dtstamp: datetime  # UTC


def _utc(value: date | datetime, zone: ZoneInfo) -> datetime:
    return as_datetime(value).replace(tzinfo=zone).astimezone(UTC)


def event_zone(event: Event, dataset: Dataset) -> ZoneInfo:
    return ZoneInfo(event.timezone or dataset.network.timezone)


def event_stamps(dataset: Dataset) -> dict[str, EventStamp]:
    """Every event's stamps.

    SEQUENCE counts the commits that changed what subscribers see (netzwerk_data.history); without
    git it is 0. LAST-MODIFIED is the latest of that history's last change and the editor's
    `updated`. DTSTAMP (required, and by RFC 5545 in UTC) is LAST-MODIFIED, or else the event's
    start: both come from the data, so two builds of the same data give the same bytes.
    """
    current = {event_id: dataset.sources[("event", event_id)].document.value for event_id in dataset.events}
    histories = event_histories(dataset.root / "events", current)
    stamps = {}
    for event_id, event in dataset.events.items():
        zone = event_zone(event, dataset)
        history = histories[event_id]
        known = [history.last_modified] if history.last_modified is not None else []
        if event.updated is not None:
            known.append(_utc(event.updated, zone))
        last_modified = max(known) if known else None
        stamps[event_id] = EventStamp(history.sequence, last_modified, last_modified or _utc(event.start, zone))
    return stamps

"""The network's events as one RFC 5545 calendar, deterministic and readable by common clients."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

from icalendar import Calendar, Event, Timezone, vCalAddress, vRecur

from netzwerk_data import Dataset
from netzwerk_data.models import Event as EventRecord
from netzwerk_data.occurrences import Occurrence, apply_change, as_date, as_datetime, calendar_rule, series_starts
from netzwerk_site import routes
from netzwerk_site.richtext import plain_text

STATUS = {"scheduled": "CONFIRMED", "cancelled": "CANCELLED", "postponed": "TENTATIVE"}


def _moment(value: date | datetime, zone: ZoneInfo) -> date | datetime:
    return value.replace(tzinfo=zone) if isinstance(value, datetime) else value


def _end(value: date | datetime, zone: ZoneInfo) -> date | datetime:
    """All-day ends are inclusive in the data and exclusive in iCalendar."""
    return value.replace(tzinfo=zone) if isinstance(value, datetime) else value + timedelta(days=1)


def _stamp(event: EventRecord, zone: ZoneInfo) -> datetime:
    # From the data, never the clock: the last change editors recorded, else the start.
    moment = event.updated if event.updated is not None else event.start
    return as_datetime(moment).replace(tzinfo=zone).astimezone(UTC)


class CalendarWriter:
    def __init__(self, dataset: Dataset, base_url: str) -> None:
        self.data = dataset
        self.base_url = base_url
        self.lang = dataset.default_language
        self.host = urlsplit(base_url).hostname or "localhost"
        self.organizer = vCalAddress(f"mailto:{dataset.network.email}")
        self.organizer.params["CN"] = dataset.network.short_name

    def _text(self, value) -> str:
        return value.get(self.lang, self.lang).text if value is not None else ""

    def _location(self, venue_id: str | None, location, event: EventRecord) -> str | None:
        parts = []
        if venue_id:
            venue = self.data.venues[venue_id]
            parts.append(f"{self._text(venue.name)}, {venue.street}, {venue.postcode} {venue.city}")
        if location is not None:
            parts.append(self._text(location))
        if event.online:
            parts.append(event.online)
        return "; ".join(parts) or None

    def _vevent(self, event: EventRecord, zone: ZoneInfo) -> Event:
        component = Event()
        component.add("uid", f"{event.id}@{self.host}")
        component.add("dtstamp", _stamp(event, zone))
        component.add("summary", self._text(event.title))
        component.add("dtstart", _moment(event.start, zone))
        component.add("dtend", _end(event.end, zone))
        component.add("status", STATUS[event.status])
        component.add("organizer", self.organizer)  # METHOD:PUBLISH (RFC 5546) requires one
        url = routes.public_url(self.base_url, routes.event(event.id))
        component.add("url", url)
        # Calendar programs show DESCRIPTION as text: the Markdown's plain text, links as addresses.
        description = plain_text(self._text(event.description))
        component.add("description", f"{description}\n\n{url}".strip())
        location = self._location(event.venue, event.location, event)
        if location:
            component.add("location", location)
        if event.recurrence:
            component.add("rrule", vRecur.from_ical(calendar_rule(event, zone)))
            for skipped in event.exceptions:
                component.add("exdate", _moment(skipped, zone))
        return component

    def _override(self, occurrence: Occurrence, zone: ZoneInfo) -> Event:
        """One changed occurrence of a series (RECURRENCE-ID)."""
        component = self._vevent(occurrence.event, zone)
        for name in ("rrule", "exdate", "dtstart", "dtend", "status", "location"):
            component.pop(name, None)
        assert occurrence.recurrence_id is not None
        component.add("recurrence-id", _moment(occurrence.recurrence_id, zone))
        component.add("dtstart", _moment(occurrence.start, zone))
        component.add("dtend", _end(occurrence.end, zone))
        component.add("status", STATUS[occurrence.status])
        location = self._location(occurrence.venue, occurrence.location, occurrence.event)
        if location:
            component.add("location", location)
        return component

    def calendar(self) -> bytes:
        network = self.data.network
        calendar = Calendar()
        calendar.add("prodid", f"-//{network.short_name}//netzwerk-site//{self.lang.upper()}")
        calendar.add("version", "2.0")
        calendar.add("calscale", "GREGORIAN")
        calendar.add("method", "PUBLISH")
        calendar.add("x-wr-calname", self._text(network.name))
        calendar.add("x-wr-timezone", network.timezone)
        zones: dict[str, tuple[date, date]] = {}
        for event_id in sorted(self.data.events):
            event = self.data.events[event_id]
            zone_name = event.timezone or network.timezone
            zone = ZoneInfo(zone_name)
            calendar.add_component(self._vevent(event, zone))
            for change in event.changed:
                calendar.add_component(self._override(apply_change(event, change), zone))
            ends = as_date(series_starts(event)[-1]) if event.recurrence else as_date(event.end)
            first, last = zones.get(zone_name, (as_date(event.start), ends))
            zones[zone_name] = (min(first, as_date(event.start)), max(last, ends))
        for zone_name, (first, last) in sorted(zones.items()):
            # Rules for every year from the first start to the last date of any series, and one more.
            timezone = Timezone.from_tzinfo(
                ZoneInfo(zone_name), zone_name, first_date=date(first.year, 1, 1), last_date=date(last.year + 2, 1, 1)
            )
            timezone.pop("COMMENT", None)  # not allowed inside VTIMEZONE (RFC 5545)
            calendar.subcomponents.insert(0, timezone)
        return calendar.to_ical()

"""The VEVENTs of one event in one language: the event itself (a series with RRULE and EXDATE) and
one override (RECURRENCE-ID) per changed date. The same UID in every feed and every language."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, timedelta
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

from icalendar import Event, vCalAddress, vRecur

from netzwerk_data import Dataset, Translatable
from netzwerk_data.models import Event as EventRecord
from netzwerk_data.occurrences import Occurrence, apply_change, calendar_rule
from netzwerk_site import vocabulary
from netzwerk_site.richtext import plain_text

from .stamps import EventStamp, event_zone
from .words import FeedWords

STATUS = {"scheduled": "CONFIRMED", "cancelled": "CANCELLED", "postponed": "TENTATIVE"}


def uid_host(base_url: str) -> str:
    """The host part of every UID: the site's public address, so UIDs are unique to this site."""
    return urlsplit(base_url).hostname or "localhost"


def _moment(value: date | datetime, zone: ZoneInfo) -> date | datetime:
    return value.replace(tzinfo=zone) if isinstance(value, datetime) else value


def _end(value: date | datetime, zone: ZoneInfo) -> date | datetime:
    """All-day ends are inclusive in the data and exclusive in iCalendar."""
    return value.replace(tzinfo=zone) if isinstance(value, datetime) else value + timedelta(days=1)


class EventComponents:
    """Builds the components of events in one language, each event once (feeds share them)."""

    def __init__(
        self,
        dataset: Dataset,
        words: FeedWords,
        page_url: dict[str, str],
        stamps: dict[str, EventStamp],
        host: str,
        remembered: Callable[[str, Callable[[], bytes]], bytes] | None = None,
    ) -> None:
        """remembered(event_id, make): under `make serve`, an event's lines from the last build when
        nothing they are made from changed (netzwerk_site.reuse), else make()."""
        self.data = dataset
        self.remembered = remembered
        self.words = words
        self.page_url = page_url  # event id -> the event page's absolute address in this language
        self.stamps = stamps
        self.host = host
        self.organizer = vCalAddress(f"mailto:{dataset.network.email}")
        self.organizer.params["CN"] = dataset.network.short_name
        self._built: dict[str, list[Event]] = {}
        self._written: dict[str, bytes] = {}

    def of(self, event_id: str) -> list[Event]:
        if event_id not in self._built:
            self._built[event_id] = self._build(self.data.events[event_id])
        return self._built[event_id]

    def ical(self, event_id: str) -> bytes:
        """The event's components as iCalendar lines, written once however many feeds hold the event
        (folding the lines is most of the work of a feed)."""
        if event_id not in self._written:

            def make() -> bytes:
                return b"".join(component.to_ical() for component in self.of(event_id))

            self._written[event_id] = self.remembered(event_id, make) if self.remembered else make()
        return self._written[event_id]

    def _build(self, event: EventRecord) -> list[Event]:
        zone = event_zone(event, self.data)
        master = self._component(event, event.start, event.end, event.status, event.venue, event.location, zone)
        if event.recurrence:
            master.add("rrule", vRecur.from_ical(calendar_rule(event, zone)))
            for skipped in event.exceptions:
                master.add("exdate", _moment(skipped, zone))
        overrides = [self._override(apply_change(event, change), zone) for change in event.changed]
        overrides.sort(key=lambda component: component["RECURRENCE-ID"].dt.isoformat())
        return [master, *overrides]

    def _override(self, occurrence: Occurrence, zone: ZoneInfo) -> Event:
        """One changed date of a series: moved, cancelled or elsewhere."""
        o = occurrence
        component = self._component(o.event, o.start, o.end, o.status, o.venue, o.location, zone)
        assert o.recurrence_id is not None
        component.add("recurrence-id", _moment(o.recurrence_id, zone))
        return component

    def _component(
        self,
        event: EventRecord,
        start: date | datetime,
        end: date | datetime,
        status: str,
        venue: str | None,
        location: Translatable | None,
        zone: ZoneInfo,
    ) -> Event:
        stamp = self.stamps[event.id]
        url = self.page_url[event.id]
        component = Event()
        component.add("uid", f"{event.id}@{self.host}")
        component.add("dtstamp", stamp.dtstamp)
        component.add("sequence", stamp.sequence)
        if stamp.last_modified is not None:
            component.add("last-modified", stamp.last_modified)
        component.add("summary", self.words.title(self.words.text(event.title), status))
        component.add("dtstart", _moment(start, zone))
        component.add("dtend", _end(end, zone))
        component.add("status", STATUS[status])
        component.add("categories", [self.words.L.gettext(vocabulary.EVENT_CATEGORIES[event.category])])
        component.add("organizer", self.organizer)  # METHOD:PUBLISH (RFC 5546) requires one
        component.add("url", url)
        # Calendar programs show DESCRIPTION as text: the Markdown's plain text, links as addresses.
        description = plain_text(self.words.text(event.description)) if event.description else ""
        component.add("description", f"{description}\n\n{url}".strip())
        place = self._location(venue, location, event.online)
        if place:
            component.add("location", place)
        geo = self.data.venues[venue].geo if venue else None
        if geo is not None:
            component.add("geo", (geo.lat, geo.lon))
        return component

    def _location(self, venue_id: str | None, location: Translatable | None, online: str | None) -> str:
        """The venue's full address, the editor's place text and the online address, as one line."""
        parts = []
        if venue_id:
            venue = self.data.venues[venue_id]
            parts.append(f"{self.words.text(venue.name)}, {venue.street}, {venue.postcode} {venue.city}")
        if location is not None:
            parts.append(self.words.text(location))
        if online:
            parts.append(online)
        return "; ".join(parts)

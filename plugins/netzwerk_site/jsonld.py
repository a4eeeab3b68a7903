"""schema.org `Event` as JSON-LD for an event page, so search engines and assistants read the event right.

Built from the record and the date the page leads with (for a series: the next date). The values
follow https://schema.org/Event; dates carry their UTC offset; texts are in the page's language
(or the fallback the page shows). The result is safe inside a <script> element whatever the data holds.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date, datetime
from typing import Any
from zoneinfo import ZoneInfo

from markupsafe import Markup

from netzwerk_data import Dataset, Occurrence
from netzwerk_data.models import Event
from netzwerk_i18n import Localizer

from . import routes
from .event_view import date_change
from .richtext import plain_text

SCHEMA = "https://schema.org/"
EVENT_STATUS = {"scheduled": "EventScheduled", "cancelled": "EventCancelled", "postponed": "EventPostponed"}
# A date of a series that was moved to another time. (EventMovedOnline never applies: a changed
# date can get another venue or location, but the data has no way to move a date online.)
RESCHEDULED = "EventRescheduled"
ATTENDANCE = {
    "offline": "OfflineEventAttendanceMode",
    "online": "OnlineEventAttendanceMode",
    "mixed": "MixedEventAttendanceMode",
}

# Characters that could end the <script> element or start markup in it, written as JSON escapes.
_SCRIPT_SAFE = {ord("<"): "\\u003c", ord(">"): "\\u003e", ord("&"): "\\u0026", 0x2028: "\\u2028", 0x2029: "\\u2029"}


def _moment(value: date | datetime, zone: ZoneInfo) -> str:
    """ISO 8601 with the offset of the event's time zone on that day; an all-day date stays a date."""
    return value.replace(tzinfo=zone).isoformat() if isinstance(value, datetime) else value.isoformat()


class EventJsonLd:
    """The JSON-LD of one event page in one language."""

    def __init__(self, localizer: Localizer, dataset: Dataset, public_url: Callable[[str], str]) -> None:
        self.localizer = localizer
        self.dataset = dataset
        self.public_url = public_url

    def _text(self, value: Any) -> str | None:
        localized = self.localizer.text(value)
        return localized.text if localized is not None else None

    def data(self, event: Event, occurrence: Occurrence | None) -> dict[str, Any]:
        """The schema.org Event of `event` on the date `occurrence` (the event's own dates when None)."""
        zone = ZoneInfo(event.timezone or self.dataset.network.timezone)
        start, end = (occurrence.start, occurrence.end) if occurrence else (event.start, event.end)
        status = occurrence.status if occurrence else event.status
        venue_id = occurrence.venue if occurrence else event.venue
        location = occurrence.location if occurrence else event.location
        data: dict[str, Any] = {
            "@context": "https://schema.org",
            "@type": "Event",
            "name": self._text(event.title),
            "url": self.public_url(routes.event(event.id)),
            "startDate": _moment(start, zone),
            "endDate": _moment(end, zone),
            "eventStatus": SCHEMA + EVENT_STATUS[status],
        }
        change = date_change(occurrence) if occurrence else None
        if change is not None and change.moved:
            data["previousStartDate"] = _moment(change.original_start, zone)
            if status == "scheduled":
                data["eventStatus"] = SCHEMA + RESCHEDULED
        places = self._locations(venue_id, location, event.online)
        data["eventAttendanceMode"] = SCHEMA + ATTENDANCE[self._attendance(venue_id, location, event.online)]
        if places:
            data["location"] = places[0] if len(places) == 1 else places
        data["organizer"] = self._organizers(event)
        if event.languages:
            data["inLanguage"] = list(event.languages)
        description = self._text(event.description)
        if description:
            data["description"] = plain_text(description)
        return data

    @staticmethod
    def _attendance(venue_id: str | None, location: Any, online: str | None) -> str:
        in_person = venue_id is not None or location is not None
        if online and in_person:
            return "mixed"
        return "online" if online else "offline"

    def _locations(self, venue_id: str | None, location: Any, online: str | None) -> list[dict[str, Any]]:
        places: list[dict[str, Any]] = []
        where = self._text(location)
        if venue_id is not None:
            venue = self.dataset.venues[venue_id]
            name = self._text(venue.name)
            place: dict[str, Any] = {
                "@type": "Place",
                "name": f"{name}, {where}" if where else name,
                "address": {
                    "@type": "PostalAddress",
                    "streetAddress": venue.street,
                    "postalCode": venue.postcode,
                    "addressLocality": venue.city,
                },
            }
            if venue.geo is not None:
                place["geo"] = {"@type": "GeoCoordinates", "latitude": venue.geo.lat, "longitude": venue.geo.lon}
            places.append(place)
        elif where:
            places.append({"@type": "Place", "name": where, "address": where})
        if online:
            places.append({"@type": "VirtualLocation", "url": online})
        return places

    def _organizers(self, event: Event) -> list[dict[str, Any]]:
        """The organising members, else the network itself."""
        if not event.organisers:
            network = self.dataset.network
            return [{"@type": "Organization", "name": self._text(network.name), "url": self.public_url(routes.HOME)}]
        organizers = []
        for member_id in event.organisers:
            member = self.dataset.members[member_id]
            url = member.website or self.public_url(routes.member(member_id))
            organizers.append({"@type": "Organization", "name": member.name, "url": url})
        return organizers


def script_json(data: dict[str, Any]) -> Markup:
    """JSON for a <script type="application/ld+json"> element: no '<', '>' or '&' can end or open markup."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return Markup(text.translate(_SCRIPT_SAFE))


def event_jsonld(
    event: Event,
    occurrence: Occurrence | None,
    localizer: Localizer,
    dataset: Dataset,
    public_url: Callable[[str], str],
) -> Markup:
    """The script-safe JSON-LD of an event page."""
    return script_json(EventJsonLd(localizer, dataset, public_url).data(event, occurrence))


def organization_jsonld(
    localizer: Localizer,
    dataset: Dataset,
    members: list[tuple[str, Any]],
    public_url: Callable[[str], str],
    logo: str,
) -> Markup:
    """The network as a schema.org `Organization` for the homepage, with its current members."""
    network = dataset.network
    home = dataset.venues[network.venue]
    described = localizer.text(network.description)
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "Organization",
        "name": localizer.text(network.name).text,
        "alternateName": network.short_name,
        "url": public_url(routes.HOME),
        "logo": logo,
        "email": network.email,
        "foundingDate": str(network.founded),
        "address": {
            "@type": "PostalAddress",
            "streetAddress": home.street,
            "postalCode": home.postcode,
            "addressLocality": home.city,
        },
        "member": [
            {
                "@type": "Organization",
                "name": member.name,
                "url": member.website or public_url(routes.member(member_id)),
            }
            for member_id, member in members
        ],
    }
    if described is not None:
        data["description"] = plain_text(described.text)
    if network.social:
        data["sameAs"] = [link.url for link in network.social]
    return script_json(data)

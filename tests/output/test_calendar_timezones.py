"""The VTIMEZONEs the feeds carry give the same UTC offsets as the IANA database, at every hour of
every day they cover (read back with icalendar's own VTIMEZONE reader, compared with zoneinfo)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from icalendar import Calendar, Timezone

from netzwerk_calendar.zones import timezone_component

# Zones with the European rule, the southern one, none, one that stopped (Mexico 2022), and
# one whose changes follow no yearly rule (Morocco, around Ramadan).
ZONES = ["Europe/Berlin", "Australia/Sydney", "Asia/Kabul", "America/Mexico_City", "Africa/Casablanca"]


def mismatches(vtimezone: Timezone, first_year: int, last_year: int) -> list[str]:
    """Hours from 1 January of `first_year` to the end of `last_year` where the two disagree."""
    zone_id = str(vtimezone["TZID"])
    ours, iana = vtimezone.to_tz(), ZoneInfo(zone_id)
    found = []
    moment = datetime(first_year, 1, 1, tzinfo=UTC)
    while moment.year <= last_year and len(found) < 5:
        expected = moment.astimezone(iana).utcoffset()
        got = moment.astimezone(ours).utcoffset()
        if got != expected:
            found.append(f"{zone_id} {moment:%Y-%m-%d %H:%M}Z: {got} instead of {expected}")
        moment += timedelta(hours=1)
    return found


@pytest.mark.parametrize("zone", ZONES)
def test_a_zone_has_the_offsets_of_the_iana_database(zone: str) -> None:
    vtimezone = timezone_component(zone, 2021, 2027)
    assert "COMMENT" not in vtimezone.to_ical().decode()
    assert mismatches(vtimezone, 2021, 2028) == []


def test_the_european_rule_is_written_as_one_yearly_rule_per_observance() -> None:
    """The form calendar programs know (RFC 5545's examples), with the onset in the time before the change."""
    vtimezone = timezone_component("Europe/Berlin", 2026, 2027)
    observances = {part.name: part for part in vtimezone.subcomponents}
    assert set(observances) == {"STANDARD", "DAYLIGHT"}
    daylight, standard = observances["DAYLIGHT"], observances["STANDARD"]
    assert daylight["RRULE"].to_ical() == b"FREQ=YEARLY;BYDAY=-1SU;BYMONTH=3"
    assert standard["RRULE"].to_ical() == b"FREQ=YEARLY;BYDAY=-1SU;BYMONTH=10"
    assert daylight["DTSTART"].dt.time().hour == 2 and standard["DTSTART"].dt.time().hour == 3


def test_every_vtimezone_in_the_feeds_matches_the_iana_database(fixture_site: Path) -> None:
    checked = set()
    for feed in sorted(fixture_site.rglob("*.ics")):
        for vtimezone in Calendar.from_ical(feed.read_bytes()).walk("VTIMEZONE"):
            text = vtimezone.to_ical()
            if text in checked:
                continue
            checked.add(text)
            first = min(part["DTSTART"].dt.year for part in vtimezone.subcomponents) + 1
            assert mismatches(vtimezone, first, first + 2) == [], feed
    assert checked

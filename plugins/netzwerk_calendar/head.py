"""The lines that open a feed (VCALENDAR and its properties), written without building icalendar objects.

icalendar builds a Calendar, types and parameters for every feed (about 1.5 ms a feed; a 20-year site
has some 4,000 feeds). These are the same lines: each value in icalendar's own iCalendar form (vText
escapes, vUri, vDuration), folded by icalendar's folding, in the order icalendar 7 writes them.
tests/unit/test_calendar_head.py compares them with a Calendar made by icalendar.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from icalendar import vDuration, vText, vUri
from icalendar.parser import content_line

# How often calendar programs should fetch a subscription again: the site is rebuilt daily.
REFRESH = timedelta(days=1)


def line(name: str, value: Any) -> bytes:
    """One content line: `name`, then the value as icalendar writes it, folded (RFC 5545 §3.1)."""
    # Looked up on each call: netzwerk_calendar.folding puts its fast path in front of it.
    return content_line._foldline(f"{name}:{value.to_ical().decode('utf-8')}").encode("utf-8") + b"\r\n"


@dataclass(frozen=True)
class FeedText:
    """What one feed says about itself."""

    name: str
    description: str
    url: str  # the page that shows what the feed holds
    source: str  # the feed's own address


class CalendarHead:
    """The opening lines of every feed of one language."""

    def __init__(self, prodid: str, timezone: str) -> None:
        self._first = b"BEGIN:VCALENDAR\r\n" + b"".join(
            line(name, vText(value))
            for name, value in (
                ("VERSION", "2.0"),
                ("PRODID", prodid),
                ("CALSCALE", "GREGORIAN"),
                ("METHOD", "PUBLISH"),
            )
        )
        self._refresh = line("REFRESH-INTERVAL;VALUE=DURATION", vDuration(REFRESH))
        self._last = line("X-PUBLISHED-TTL", vDuration(REFRESH)) + line("X-WR-TIMEZONE", vText(timezone))

    def of(self, feed: FeedText) -> bytes:
        description, name = vText(feed.description), vText(feed.name)
        return b"".join(
            (
                self._first,
                line("DESCRIPTION", description),
                line("X-WR-CALDESC", description),
                line("NAME", name),
                line("X-WR-CALNAME", name),
                self._refresh,
                line("SOURCE", vUri(feed.source)),
                line("URL", vUri(feed.url)),
                self._last,
            )
        )

"""A feed's opening lines (netzwerk_calendar.head) are the lines icalendar writes for the same Calendar."""

from __future__ import annotations

import pytest
from icalendar import Calendar, vDuration, vText, vUri

from netzwerk_calendar import folding
from netzwerk_calendar.head import REFRESH, CalendarHead, FeedText

TEXTS = [
    "Veranstaltungskalender September–Oktober 2015 (Netzwerk für Integration)",
    "Kurz",
    "Commas, semicolons; backslashes \\ and a line\nbreak",
    "تقويم فعاليات الشبكة من 1 سبتمبر 2015 إلى 31 أكتوبر 2015؛ سلاسل المواعيد بكل مواعيدها." * 3,
    "x" * 73 + "\\," + "ü" * 80,
]
URLS = ["https://example.org/calendar/periods/2015-09.ics", "https://example.org/ar/events/" + "a-b" * 40 + "/"]


def _icalendar_head(prodid: str, timezone: str, feed: FeedText) -> bytes:
    """The head as the calendar plugin made it with icalendar's Calendar (up to its END line)."""
    calendar = Calendar()
    calendar.add("prodid", prodid)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("name", vText(feed.name))
    calendar.add("x-wr-calname", vText(feed.name))
    calendar.add("description", feed.description)
    calendar.add("x-wr-caldesc", vText(feed.description))
    calendar.add("x-wr-timezone", vText(timezone))
    calendar.add("url", vUri(feed.url))
    calendar.add("source", vUri(feed.source))
    calendar.add("refresh-interval", REFRESH, parameters={"VALUE": "DURATION"})
    calendar.add("x-published-ttl", vDuration(REFRESH))
    written = calendar.to_ical()
    assert written.endswith(b"END:VCALENDAR\r\n")
    return written[: -len(b"END:VCALENDAR\r\n")]


@pytest.mark.parametrize("fast_folding", [False, True])
@pytest.mark.parametrize("name", TEXTS)
def test_the_head_is_what_icalendar_writes(name: str, fast_folding: bool) -> None:
    if fast_folding:
        folding.install()
    prodid = "-//Netzwerk für Integration//netzwerk-site//DE"
    head = CalendarHead(prodid, "Europe/Berlin")
    for description in TEXTS:
        for url in URLS:
            feed = FeedText(name, description, url, URLS[0])
            assert head.of(feed) == _icalendar_head(prodid, "Europe/Berlin", feed)


def test_the_head_parses_back_to_its_values() -> None:
    feed = FeedText(TEXTS[3], TEXTS[2], URLS[1], URLS[0])  # the escapes in the description
    calendar = Calendar.from_ical(CalendarHead("-//x//y//EN", "Europe/Berlin").of(feed) + b"END:VCALENDAR\r\n")
    assert str(calendar["DESCRIPTION"]) == TEXTS[2]
    assert str(calendar["URL"]) == URLS[1]
    assert calendar["REFRESH-INTERVAL"].dt == REFRESH

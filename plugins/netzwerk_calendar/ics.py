"""One feed as an RFC 5545 calendar in one language: deterministic bytes that calendar programs refresh."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from netzwerk_data import Dataset
from netzwerk_site import routes

from .catalogue import CATEGORY, EVENT, GROUP, PERIOD, Feed, FeedCatalogue
from .components import EventComponents
from .head import CalendarHead, FeedText
from .words import FeedWords
from .zones import timezone_ical, zone_spans

_END = b"END:VCALENDAR\r\n"


class FeedWriter:
    """Every feed of the catalogue in one language."""

    def __init__(
        self,
        catalogue: FeedCatalogue,
        words: FeedWords,
        components: EventComponents,
        lang: str,
        public_url: Callable[[str], str],  # language-neutral path -> absolute address in this language
    ) -> None:
        self.catalogue = catalogue
        self.data: Dataset = catalogue.model.dataset
        self.words = words
        self.components = components
        self.lang = lang
        self.public_url = public_url
        network = self.data.network
        self.head = CalendarHead(f"-//{network.short_name}//netzwerk-site//{lang.upper()}", network.timezone)

    def _page_of(self, feed: Feed) -> str:
        """The page that shows what the feed holds (the calendar's URL)."""
        if feed.kind == GROUP:
            return routes.group(feed.key)
        if feed.kind == PERIOD:
            return routes.period(feed.key)
        if feed.kind == EVENT:
            return routes.event(feed.key)
        if feed.kind == CATEGORY and any(f.value == feed.key for f in self.catalogue.model.event_facets["category"]):
            return routes.event_facet("category", feed.key)
        return routes.EVENTS

    def calendar(self, feed: Feed) -> bytes:
        period = self.catalogue.period_of(feed)
        page_url = self.public_url(self._page_of(feed))
        name = self.words.name(feed, period)
        description = self.words.description(feed, self.catalogue.past_months, page_url, period)
        # RFC 7986 properties, and the X-WR- ones that Apple, Google and Outlook read instead (head.py).
        head = self.head.of(FeedText(name, description, page_url, self.public_url(feed.path)))
        # Each zone's and event's lines are written once however many feeds hold them (folding lines
        # is most of the work of a feed).
        zones = b"".join(timezone_ical(zone, first, last) for zone, (first, last) in self._zone_years(feed).items())
        events = b"".join(self.components.ical(event_id) for event_id in feed.event_ids)
        return head + zones + events + _END

    def _zone_years(self, feed: Feed) -> dict[str, tuple[int, int]]:
        """The zones of the feed's VTIMEZONEs and the years each must cover: every zone the feed's timed
        events use, and the network's (X-WR-TIMEZONE)."""
        spans = []
        for event_id in feed.event_ids:
            event = self.data.events[event_id]
            if isinstance(event.start, datetime):
                first, last = self.catalogue.spans[event_id]
                spans.append((event.timezone or self.data.network.timezone, first, last))
        if not any(zone == self.data.network.timezone for zone, _first, _last in spans):
            today = self.catalogue.model.today
            spans.append((self.data.network.timezone, today, today))
        return zone_spans(spans)

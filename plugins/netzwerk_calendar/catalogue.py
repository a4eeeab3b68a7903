"""Which calendar feeds the site publishes and which events each one holds.

The choice is the same in every language: only names and texts differ (see words.py). A feed holds
whole events, a series with all its dates, so that every feed carries the same UID, RRULE and
overrides for an event and a calendar program never sees half a series.
"""

from __future__ import annotations

from calendar import monthrange
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from functools import cached_property

from netzwerk_data import expand
from netzwerk_data.models import Event
from netzwerk_data.occurrences import as_date
from netzwerk_site import routes, vocabulary
from netzwerk_site.site_model import Period, SiteModel

NETWORK, ARCHIVE, GROUP, CATEGORY, PERIOD, EVENT = "network", "archive", "group", "category", "period", "event"


@dataclass(frozen=True)
class Feed:
    """One .ics file (once per language): its kind, its key within the kind, and its events."""

    kind: str
    key: str  # group id, category, period key or event id; "" for the network and the archive
    event_ids: tuple[str, ...]

    @property
    def path(self) -> str:
        """The language-neutral address below the site root (CHANGELOG.md lists them)."""
        if self.kind == NETWORK:
            return routes.CALENDAR_FEED
        if self.kind == ARCHIVE:
            return routes.CALENDAR_ARCHIVE
        return routes.calendar_feed_path(self.kind, self.key)


def months_before(day: date, months: int) -> date:
    """The same day `months` months earlier (the month's last day when it is shorter)."""
    index = day.year * 12 + day.month - 1 - months
    year, month = divmod(index, 12)
    return date(year, month + 1, min(day.day, monthrange(year, month + 1)[1]))


@dataclass
class FeedCatalogue:
    """Every feed of the site, from the site model (`today` splits past and ahead)."""

    model: SiteModel
    past_months: int  # CALENDAR_PAST_MONTHS: how far back the subscription feeds reach

    @cached_property
    def window_start(self) -> date:
        """The first day the network, group and category feeds hold events of."""
        return months_before(self.model.today, self.past_months)

    @property
    def _events(self) -> Mapping[str, Event]:
        return self.model.dataset.events

    @cached_property
    def spans(self) -> dict[str, tuple[date, date]]:
        """Event id -> (first day, last day) of all its dates (a series' whole run, beyond the site's horizon)."""
        spans = {}
        for event_id, event in self._events.items():
            occurrences = expand(event)  # may be empty: a series whose every date is an exception
            first = min([as_date(event.start), *(o.start_date for o in occurrences)])
            spans[event_id] = (first, max([as_date(event.end), *(o.end_date for o in occurrences)]))
        return spans

    def _in_window(self, event_id: str) -> bool:
        return self.spans[event_id][1] >= self.window_start

    def _ids(self, windowed: bool, **field_values: str) -> tuple[str, ...]:
        """Ids of the events whose fields have these values (and that reach into the window), sorted."""
        return tuple(
            event_id
            for event_id, event in sorted(self._events.items())
            if all(getattr(event, name) == value for name, value in field_values.items())
            and (not windowed or self._in_window(event_id))
        )

    @cached_property
    def network(self) -> Feed:
        """The whole network: every event with a date from `window_start` on, series whole."""
        return Feed(NETWORK, "", self._ids(windowed=True))

    @cached_property
    def archive(self) -> Feed:
        return Feed(ARCHIVE, "", self._ids(windowed=False))

    @cached_property
    def groups(self) -> list[Feed]:
        """One per working group (closed ones too: their pages and feed addresses stay), windowed."""
        groups = sorted(self.model.dataset.working_groups)
        return [Feed(GROUP, group_id, self._ids(windowed=True, working_group=group_id)) for group_id in groups]

    @cached_property
    def categories(self) -> list[Feed]:
        """One per category that has events (in the order of the vocabulary), windowed."""
        used = {event.category for event in self._events.values()}
        return [
            Feed(CATEGORY, category, self._ids(windowed=True, category=category))
            for category in vocabulary.EVENT_CATEGORIES
            if category in used
        ]

    @cached_property
    def periods(self) -> list[Feed]:
        """One per two-month period of the bimonthly calendar: the events with a date in it."""
        return [Feed(PERIOD, period.key, self._period_ids(period)) for period in self.model.periods]

    @staticmethod
    def _period_ids(period: Period) -> tuple[str, ...]:
        return tuple(sorted({o.event.id for o in period.occurrences}))

    @cached_property
    def _periods_by_key(self) -> dict[str, Period]:
        return {period.key: period for period in self.model.periods}

    def period_of(self, feed: Feed) -> Period | None:
        """The two-month period a period feed is about (None for other feeds)."""
        return self._periods_by_key.get(feed.key) if feed.kind == PERIOD else None

    @cached_property
    def events(self) -> list[Feed]:
        """One per event ("add to calendar")."""
        return [Feed(EVENT, event_id, (event_id,)) for event_id in sorted(self._events)]

    def all(self) -> list[Feed]:
        return [self.network, self.archive, *self.groups, *self.categories, *self.periods, *self.events]

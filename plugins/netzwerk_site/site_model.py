"""The language-independent shape of the site: who is listed where, what is upcoming."""

from __future__ import annotations

import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import cached_property
from typing import Any

from netzwerk_data import Dataset, Occurrence, expand
from netzwerk_data.models import Member, Spokesperson, WorkingGroup

from . import routes


def sort_key(name: str) -> str:
    """Alphabetical as people expect it: "Bäckerei" before "Bildung"."""
    return "".join(c for c in unicodedata.normalize("NFKD", name.casefold()) if not unicodedata.combining(c))


@dataclass(frozen=True)
class Facet:
    """One filter value of the member directory and the members it selects."""

    facet: str
    value: str
    member_ids: tuple[str, ...]

    @property
    def path(self) -> str:
        return routes.member_facet(self.facet, self.value)


@dataclass(frozen=True)
class Period:
    """Two months of the bimonthly calendar (January–February, …, November–December) and their events."""

    year: int
    first_month: int  # 1, 3, 5, 7, 9 or 11
    occurrences: tuple[Occurrence, ...]

    @property
    def key(self) -> str:
        return f"{self.year}-{self.first_month:02d}"

    @property
    def first_day(self) -> date:
        return date(self.year, self.first_month, 1)

    @property
    def last_day(self) -> date:
        following = date(self.year + 1, 1, 1) if self.first_month == 11 else date(self.year, self.first_month + 2, 1)
        return following - timedelta(days=1)

    @property
    def second_month(self) -> date:
        return date(self.year, self.first_month + 1, 1)

    @property
    def path(self) -> str:
        return routes.period(self.key)

    def days(self) -> list[tuple[date, list[Occurrence]]]:
        """The occurrences grouped by the day they start, in order."""
        by_day: dict[date, list[Occurrence]] = defaultdict(list)
        for occurrence in self.occurrences:
            by_day[occurrence.start_date].append(occurrence)
        return sorted(by_day.items())


def period_of(day: date) -> tuple[int, int]:
    """(year, first month) of the two-month period that holds `day`."""
    return day.year, day.month - (day.month - 1) % 2


@dataclass(frozen=True)
class EventFacet:
    """One filter value of the events list and the upcoming occurrences it selects."""

    facet: str
    value: str
    occurrences: tuple[Occurrence, ...]

    @property
    def path(self) -> str:
        return routes.event_facet(self.facet, self.value)


@dataclass
class SiteModel:
    dataset: Dataset
    today: date
    horizon_days: int
    articles: list[Any] = field(default_factory=list)  # Pelican articles (info mails), newest first
    pages: list[Any] = field(default_factory=list)  # Pelican pages
    pdf_periods: str = "all"  # which periods get a printable PDF: all, upcoming or none

    @cached_property
    def current_members(self) -> list[tuple[str, Member]]:
        members = [(mid, m) for mid, m in self.dataset.members.items() if m.is_current(self.today)]
        return sorted(members, key=lambda item: sort_key(item[1].name))

    @cached_property
    def former_members(self) -> list[tuple[str, Member]]:
        current = {mid for mid, _ in self.current_members}
        former = [(mid, m) for mid, m in self.dataset.members.items() if mid not in current]
        return sorted(former, key=lambda item: sort_key(item[1].name))

    @cached_property
    def active_groups(self) -> list[tuple[str, WorkingGroup]]:
        groups = self.dataset.working_groups.items()
        return sorted((gid, g) for gid, g in groups if g.closed is None or g.closed > self.today)

    def group_members(self, group_id: str, current: bool = True) -> list[tuple[str, Member]]:
        ids = set(self.dataset.group_members.get(group_id, ()))
        source = self.current_members if current else self.former_members
        return [(mid, m) for mid, m in source if mid in ids]

    @cached_property
    def facets(self) -> dict[str, list[Facet]]:
        values: dict[str, dict[str, list[str]]] = {name: defaultdict(list) for name in routes.FACETS}
        for member_id, member in self.current_members:
            values["type"][member.type].append(member_id)
            for offer in member.offers:
                values["offer"][offer].append(member_id)
            for lang in member.languages:
                values["language"][lang].append(member_id)
            for group_id in member.working_groups:
                values["group"][group_id].append(member_id)
        return {
            name: [Facet(name, value, tuple(ids)) for value, ids in sorted(by_value.items())]
            for name, by_value in values.items()
        }

    def has_member_facet(self, facet: str, value: str) -> bool:
        """True when the member directory has a page for this filter value (some current member has it);
        a former member's offer or language that no current member shares has none, so it is not linked."""
        return any(f.value == value for f in self.facets.get(facet, ()))

    @cached_property
    def occurrences(self) -> list[Occurrence]:
        until = self.today + timedelta(days=self.horizon_days)
        found = [o for event in self.dataset.events.values() for o in expand(event, until)]
        return sorted(found, key=lambda o: (o.start_date, str(o.start), o.event.id))

    @cached_property
    def upcoming(self) -> list[Occurrence]:
        return [o for o in self.occurrences if o.end_date >= self.today]

    @cached_property
    def upcoming_by_month(self) -> list[tuple[date, list[Occurrence]]]:
        """Upcoming occurrences grouped by the month they start in (first day of month, items)."""
        months: dict[date, list[Occurrence]] = defaultdict(list)
        for occurrence in self.upcoming:
            months[occurrence.start_date.replace(day=1)].append(occurrence)
        return sorted(months.items())

    @cached_property
    def past_by_year(self) -> dict[int, list[Occurrence]]:
        years: dict[int, list[Occurrence]] = defaultdict(list)
        for occurrence in self.occurrences:
            if occurrence.end_date < self.today:
                years[occurrence.start_date.year].append(occurrence)
        return {year: list(reversed(items)) for year, items in sorted(years.items(), reverse=True)}

    @cached_property
    def _occurrences_by_event(self) -> dict[str, list[Occurrence]]:
        grouped: dict[str, list[Occurrence]] = defaultdict(list)
        for occurrence in self.occurrences:
            grouped[occurrence.event.id].append(occurrence)
        return grouped

    def occurrences_of(self, event_id: str) -> list[Occurrence]:
        return self._occurrences_by_event.get(event_id, [])

    def next_occurrence(self, event_id: str) -> Occurrence | None:
        """The first occurrence that has not ended yet (a series' next date), else None."""
        return next((o for o in self.occurrences_of(event_id) if o.end_date >= self.today), None)

    @cached_property
    def periods(self) -> list[Period]:
        """Every two-month period with at least one event, oldest first."""
        grouped: dict[tuple[int, int], list[Occurrence]] = defaultdict(list)
        for occurrence in self.occurrences:
            grouped[period_of(occurrence.start_date)].append(occurrence)
        return [Period(year, month, tuple(items)) for (year, month), items in sorted(grouped.items())]

    @cached_property
    def current_period(self) -> Period | None:
        """The period of today if it has events, else the next one that has, else the latest."""
        today = period_of(self.today)
        ahead = [p for p in self.periods if (p.year, p.first_month) >= today]
        return ahead[0] if ahead else (self.periods[-1] if self.periods else None)

    def has_pdf(self, period: Period) -> bool:
        """Whether the build makes a PDF of this period (PERIOD_PDFS in the settings)."""
        if self.pdf_periods == "all":
            return True
        current = self.current_period
        return self.pdf_periods == "upcoming" and current is not None and period.key >= current.key

    def neighbours(self, period: Period) -> tuple[Period | None, Period | None]:
        index = self.periods.index(period)
        before = self.periods[index - 1] if index > 0 else None
        after = self.periods[index + 1] if index + 1 < len(self.periods) else None
        return before, after

    @cached_property
    def event_facets(self) -> dict[str, list[EventFacet]]:
        """Category, language and audience of the upcoming events, each value with its occurrences."""
        values: dict[str, dict[str, list[Occurrence]]] = {name: defaultdict(list) for name in routes.EVENT_FACETS}
        for occurrence in self.upcoming:
            event = occurrence.event
            values["category"][event.category].append(occurrence)
            for lang in event.languages:
                values["language"][lang].append(occurrence)
            for audience in event.audience:
                values["audience"][audience].append(occurrence)
        return {
            name: [EventFacet(name, value, tuple(items)) for value, items in sorted(by_value.items())]
            for name, by_value in values.items()
        }

    @cached_property
    def _occurrences_by_group(self) -> dict[str, list[Occurrence]]:
        grouped: dict[str, list[Occurrence]] = defaultdict(list)
        for occurrence in self.occurrences:
            if occurrence.event.working_group:
                grouped[occurrence.event.working_group].append(occurrence)
        return grouped

    def group_meetings(self, group_id: str) -> tuple[list[Occurrence], list[Occurrence]]:
        mine = self._occurrences_by_group.get(group_id, [])
        upcoming = [o for o in mine if o.end_date >= self.today]
        past = [o for o in reversed(mine) if o.end_date < self.today]
        return upcoming, past

    def has_left(self, member: Member) -> bool:
        return member.left is not None and member.left <= self.today

    def shows_contact_person(self, member: Member) -> bool:
        """A named contact only while the member is in the network and agreed to publish it (GDPR)."""
        return member.public_contact and member.contact is not None and not self.has_left(member)

    def spokespersons(self, group: WorkingGroup) -> list[Spokesperson]:
        """Named spokespersons, without those whose organisation has left (their names are no longer needed)."""
        return [p for p in group.spokespersons if not self.has_left(self.dataset.members[p.member])]

    def events_by_member(self, member_id: str) -> list[Occurrence]:
        return self._upcoming_by_organiser.get(member_id, [])

    @cached_property
    def _upcoming_by_organiser(self) -> dict[str, list[Occurrence]]:
        """Member id -> the upcoming dates it organises, in order (grouped once, not per member)."""
        found: dict[str, list[Occurrence]] = {}
        for occurrence in self.upcoming:
            for member_id in dict.fromkeys(occurrence.event.organisers):
                found.setdefault(member_id, []).append(occurrence)
        return found

    def menu(self, name: str) -> list[Any]:
        """Content pages whose `Menu:` metadata names this menu, by `Order:` then slug."""
        chosen = [p for p in self.pages if getattr(p, "menu", None) == name]
        return sorted(chosen, key=lambda p: (int(getattr(p, "order", 99)), p.slug))

    def page(self, slug: str) -> Any:
        """The Pelican page with this slug, or None."""
        return next((p for p in self.pages if p.slug == slug), None)

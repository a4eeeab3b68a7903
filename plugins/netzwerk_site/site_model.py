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


@dataclass
class SiteModel:
    dataset: Dataset
    today: date
    horizon_days: int
    articles: list[Any] = field(default_factory=list)  # Pelican articles (info mails), newest first
    pages: list[Any] = field(default_factory=list)  # Pelican pages

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

    def occurrences_of(self, event_id: str) -> list[Occurrence]:
        return [o for o in self.occurrences if o.event.id == event_id]

    def group_meetings(self, group_id: str) -> tuple[list[Occurrence], list[Occurrence]]:
        mine = [o for o in self.occurrences if o.event.working_group == group_id]
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
        return [o for o in self.upcoming if member_id in o.event.organisers]

    def menu(self, name: str) -> list[Any]:
        """Content pages whose `Menu:` metadata names this menu, by `Order:` then slug."""
        chosen = [p for p in self.pages if getattr(p, "menu", None) == name]
        return sorted(chosen, key=lambda p: (int(getattr(p, "order", 99)), p.slug))

    def page(self, slug: str) -> Any:
        """The Pelican page with this slug, or None."""
        return next((p for p in self.pages if p.slug == slug), None)

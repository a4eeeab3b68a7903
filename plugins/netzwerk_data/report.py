"""The annual report: the figures the network plans its next year from, computed from the data.

One module for both `invoke report` (a table and a CSV file) and the site's report pages, so
both always show the same numbers.

What counts (see also the README):

* An event date counts when it took place: a single event counts once, a series counts each of
  its dates (`occurrences.expand`). Dates in `exceptions` do not exist; dates whose status is
  `cancelled` or `postponed` (the event itself, or that date in `changed`) did not take place and do
  not count. A date moved with a new `start` counts in the year of its new start.
* Only dates up to the report's day count: the end of the year, or, for the current year, today
  (the report then says "as of"). Planned dates still ahead are not counted.
* A working group's meetings are its events of category `working-group` (`working_group: <id>`);
  a group counts in a year when it existed in it (founded on or before its last counted day,
  not closed before the year began). Its planned number is `meetings_per_year`.
* Members: who joined and who left in the year (`joined`, `left`), and the member organisations
  per type and per language they offer on the report's day.
* Participants: the sum of `attendance` over the counted dates that have a figure (a single event's
  own `attendance`, a series date's `attendance` in `changed`), per category, with how many dates
  have a figure.
"""

from __future__ import annotations

import csv
import io
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import get_args

from .loader import Dataset
from .models import Event, EventCategory, MemberType
from .occurrences import Occurrence, as_datetime, expand

CATEGORIES: tuple[str, ...] = get_args(EventCategory)
MEMBER_TYPES: tuple[str, ...] = get_args(MemberType)
# Statuses of a date that did not take place.
NOT_HELD = frozenset({"cancelled", "postponed"})
CSV_FIELDS = ("year", "figure", "item", "measure", "value")


@dataclass(frozen=True)
class Row:
    """One item of a figure (a category, a working group, a language, …) and its numbers, one per measure."""

    item: str
    values: tuple[int, ...]


@dataclass(frozen=True)
class Figure:
    """One figure of the report: a table of items by measures, charted by its `bar` measure.

    `target`, when set, is a measure shown as a mark on each bar (the planned number).
    """

    key: str
    measures: tuple[str, ...]
    rows: tuple[Row, ...]
    bar: str
    target: str | None = None

    def value(self, item: str, measure: str) -> int:
        index = self.measures.index(measure)
        return next(row.values[index] for row in self.rows if row.item == item)

    def column(self, measure: str) -> list[tuple[str, int]]:
        index = self.measures.index(measure)
        return [(row.item, row.values[index]) for row in self.rows]

    def total(self, measure: str) -> int:
        return sum(value for _item, value in self.column(measure))


@dataclass(frozen=True)
class AnnualReport:
    year: int
    # The last day counted: 31 December, or today in the current year.
    until: date
    figures: tuple[Figure, ...]

    @property
    def complete(self) -> bool:
        return self.until == date(self.year, 12, 31)

    def figure(self, key: str) -> Figure:
        return next(figure for figure in self.figures if figure.key == key)

    def csv_rows(self) -> list[dict[str, str | int]]:
        return [
            {"year": self.year, "figure": figure.key, "item": row.item, "measure": measure, "value": value}
            for figure in self.figures
            for row in figure.rows
            for measure, value in zip(figure.measures, row.values, strict=True)
        ]

    def csv_text(self) -> str:
        out = io.StringIO()
        writer = csv.DictWriter(out, fieldnames=CSV_FIELDS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(self.csv_rows())
        return out.getvalue()

    def text_table(self) -> str:
        """The figures as a plain-text table for the terminal."""
        lines = [f"Annual report {self.year}" + ("" if self.complete else f" (as of {self.until.isoformat()})")]
        for figure in self.figures:
            lines += ["", f"{FIGURE_TITLES[figure.key]}:"]
            width = max([len("item"), *(len(row.item) for row in figure.rows)])
            lines.append("  " + "item".ljust(width) + "".join(f"  {m:>12}" for m in figure.measures))
            for row in figure.rows:
                lines.append("  " + row.item.ljust(width) + "".join(f"  {v:>12}" for v in row.values))
            if not figure.rows:
                lines.append("  (none)")
        return "\n".join(lines)


# English titles for the terminal; the site has its own translated titles.
FIGURE_TITLES = {
    "events": "Event dates per category",
    "working-groups": "Meetings per working group (held against planned per year)",
    "members": "Members joined and left",
    "member-types": "Member organisations per type",
    "event-languages": "Event dates per language",
    "member-languages": "Member organisations per language they offer",
    "attendance": "Participants per category (dates with an attendance figure)",
}


def held_by_year(dataset: Dataset, today: date) -> dict[int, list[Occurrence]]:
    """The dates that took place up to `today`, per year, in order: each event is expanded once, so
    the reports of many years cost no more than one (a date a change moved into another year counts
    there)."""
    years: dict[int, list[Occurrence]] = {}
    for event in dataset.events.values():
        for occurrence in expand(event, today):
            if occurrence.status not in NOT_HELD and occurrence.start_date <= today:
                years.setdefault(occurrence.start_date.year, []).append(occurrence)
    order = lambda o: (o.start_date, str(o.start), o.event.id)  # noqa: E731
    return {year: sorted(found, key=order) for year, found in years.items()}


def attendance_of(occurrence: Occurrence) -> int | None:
    """The attendance recorded for this date: a single event's own, a series date's in `changed`."""
    event: Event = occurrence.event
    if occurrence.recurrence_id is None:
        return event.attendance
    wanted = as_datetime(occurrence.recurrence_id)
    change = next((c for c in event.changed if as_datetime(c.date) == wanted), None)
    return change.attendance if change is not None else None


def report_years(dataset: Dataset, today: date) -> list[int]:
    """The years that have a report: every year with an event date, up to the current one."""
    years = {
        occurrence.start_date.year
        for event in dataset.events.values()
        for occurrence in expand(event, today)
        if occurrence.start_date <= today
    }
    return sorted(years)


class ReportProblem(ValueError):
    """The year asked for has no report; the message says which years have one."""


def check_year(text: str | int, dataset: Dataset, today: date) -> int:
    """The year of a report as a number, or ReportProblem in plain words."""
    years = report_years(dataset, today)
    shown = ", ".join(str(y) for y in years) or "none (there are no events up to today)"
    value = str(text).strip()
    if not value.isdigit() or len(value) != 4:
        raise ReportProblem(f"YEAR={value or '(empty)'} is not a year; write it like YEAR={today.year}")
    year = int(value)
    if year > today.year:
        raise ReportProblem(f"{year} has not begun yet (today is {today.isoformat()}); years with a report: {shown}")
    if year not in years:
        raise ReportProblem(f"there are no events in {year} in the data; years with a report: {shown}")
    return year


def _rows(counts: Counter[str], order: Iterable[str] | None = None) -> tuple[Row, ...]:
    """One row per item: in the given order (zeros included), else by count, most first, then by key."""
    if order is not None:
        return tuple(Row(item, (counts.get(item, 0),)) for item in order)
    return tuple(Row(item, (count,)) for item, count in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))


def annual_report(
    dataset: Dataset, year: int, today: date, held_years: dict[int, list[Occurrence]] | None = None
) -> AnnualReport:
    """Every figure of `year`, counting dates up to the end of the year or `today`, whichever is first.

    held_years: held_by_year(dataset, today), when the caller makes the reports of several years."""
    until = min(date(year, 12, 31), today)
    first = date(year, 1, 1)
    held = (held_by_year(dataset, today) if held_years is None else held_years).get(year, [])

    per_category = Counter(o.event.category for o in held)
    events = Figure("events", ("dates",), _rows(per_category, CATEGORIES), bar="dates")

    meetings = Counter(o.event.working_group for o in held if o.event.category == "working-group")
    groups = [
        (group_id, group)
        for group_id, group in sorted(dataset.working_groups.items())
        if group.founded <= until and (group.closed is None or group.closed >= first)
    ]
    working_groups = Figure(
        "working-groups",
        ("held", "planned"),
        tuple(Row(group_id, (meetings.get(group_id, 0), group.meetings_per_year)) for group_id, group in groups),
        bar="held",
        target="planned",
    )

    members = dataset.members.values()
    joined = sum(1 for m in members if m.joined.year == year and m.joined <= until)
    left = sum(1 for m in members if m.left is not None and m.left.year == year and m.left <= until)
    movement = Figure("members", ("members",), (Row("joined", (joined,)), Row("left", (left,))), bar="members")

    current = [m for m in members if m.is_current(until)]
    types = Figure("member-types", ("members",), _rows(Counter(m.type for m in current), MEMBER_TYPES), bar="members")
    event_languages = Figure(
        "event-languages", ("dates",), _rows(Counter(lang for o in held for lang in o.event.languages)), bar="dates"
    )
    member_languages = Figure(
        "member-languages", ("members",), _rows(Counter(lang for m in current for lang in m.languages)), bar="members"
    )

    participants: Counter[str] = Counter()
    counted: Counter[str] = Counter()
    for occurrence in held:
        figure = attendance_of(occurrence)
        if figure is not None:
            participants[occurrence.event.category] += figure
            counted[occurrence.event.category] += 1
    attendance = Figure(
        "attendance",
        ("participants", "dates"),
        tuple(Row(c, (participants[c], counted[c])) for c in CATEGORIES if counted[c]),
        bar="participants",
    )
    figures = (events, working_groups, movement, types, event_languages, member_languages, attendance)
    return AnnualReport(year, until, figures)

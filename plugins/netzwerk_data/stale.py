"""Warnings, not errors: data that is consistent but probably out of date.

The build and `make validate` print them ("Warning: file:line: field: ...") and still succeed.
Both depend on the day the site is built for (`today`), so they are never part of load_dataset.
"""

from __future__ import annotations

from datetime import date

from .loader import Dataset
from .occurrences import expand
from .problems import Problem

# A working group with no meeting for this long is probably asleep (or its dates are not in the data).
QUIET_DAYS = 365


def _year_before(today: date) -> date:
    try:
        return today.replace(year=today.year - 1)
    except ValueError:  # 29 February
        return today.replace(year=today.year - 1, day=28)


def stale_warnings(dataset: Dataset, today: date) -> list[Problem]:
    """Every warning about `dataset` on `today`, sorted by file and line."""
    warnings = _former_members_still_named(dataset, today) + _quiet_groups(dataset, today)
    return sorted(set(warnings))


def _former_members_still_named(dataset: Dataset, today: date) -> list[Problem]:
    warnings: list[Problem] = []
    left = {
        member_id: member.left
        for member_id, member in dataset.members.items()
        if member.left is not None and member.left <= today
    }
    if not left:
        return warnings
    for group_id, group in dataset.working_groups.items():
        if group.closed is not None and group.closed <= today:
            continue
        source = dataset.sources[("working-group", group_id)]
        for index, person in enumerate(group.spokespersons):
            if person.member in left:
                member_file = dataset.sources[("member", person.member)].file
                warnings.append(
                    source.at(
                        ("spokespersons", index, "member"),
                        f"'{person.member}' left the network on {left[person.member].isoformat()} "
                        f"({member_file}) but is still a spokesperson of this group: name the new spokesperson, "
                        "or remove this entry (the site no longer shows it)",
                    )
                )
    for event_id, event in dataset.events.items():
        named = [(index, organiser) for index, organiser in enumerate(event.organisers) if organiser in left]
        if not named:
            continue
        try:
            ahead = [o for o in expand(event) if o.start_date >= today and o.status != "cancelled"]
        except ValueError:
            continue  # a broken rule is an error of its own
        source = dataset.sources[("event", event_id)]
        for index, organiser in named:
            later = [o for o in ahead if o.start_date > left[organiser]]
            if later:
                member_file = dataset.sources[("member", organiser)].file
                warnings.append(
                    source.at(
                        ("organisers", index),
                        f"'{organiser}' left the network on {left[organiser].isoformat()} "
                        f"({member_file}) but organises this event on {later[0].start_date.isoformat()}: "
                        "name the member that organises it now, or remove the organiser",
                    )
                )
    return warnings


def _quiet_groups(dataset: Dataset, today: date) -> list[Problem]:
    since = _year_before(today)
    met: set[str] = set()
    for event in dataset.events.values():
        if event.working_group is None or event.working_group in met:
            continue
        try:
            occurrences = expand(event, until=today)
        except ValueError:
            continue
        if any(since <= o.start_date <= today and o.status != "cancelled" for o in occurrences):
            met.add(event.working_group)
    warnings: list[Problem] = []
    for group_id, group in dataset.working_groups.items():
        if group.closed is not None or group.founded > since or group_id in met:
            continue
        source = dataset.sources[("working-group", group_id)]
        warnings.append(
            source.at(
                ("name",),
                f"the working group has had no meeting since {since.isoformat()} (no event with "
                f'working_group: "{group_id}" took place in the 12 months before {today.isoformat()}): add its '
                'meetings to data/events/, or set closed: "YYYY-MM-DD" if the group has ended',
            )
        )
    return warnings


def warning_lines(warnings: list[Problem]) -> list[str]:
    """Warnings as the build prints them: `Warning: file:line: field: what to do`."""
    return [f"Warning: {warning}" for warning in warnings]

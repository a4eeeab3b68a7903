"""Checks across fields and files: references, dates in order, recurrence rules."""

from __future__ import annotations

import os
from collections.abc import Iterator, Mapping
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from .documents import check_documents
from .files import FileWords, real_file_problem
from .models import Event, Member, WorkingGroup
from .occurrences import as_datetime, series_starts, weekday_name
from .problems import Problem, did_you_mean

if TYPE_CHECKING:
    from .loader import Dataset, Source

FOLDER_OF = {"venue": "venues", "member": "members", "working-group": "working-groups"}


def check_dataset(dataset: Dataset, content_dir: Path | None) -> list[Problem]:
    problems: list[Problem] = []
    problems += _check_network(dataset)
    for member_id, member in dataset.members.items():
        problems += _check_member(dataset, dataset.sources[("member", member_id)], member, content_dir)
    for group_id, group in dataset.working_groups.items():
        problems += _check_group(dataset, dataset.sources[("working-group", group_id)], group_id, group)
    for event_id, event in dataset.events.items():
        problems += _check_event(dataset, dataset.sources[("event", event_id)], event)
    problems += check_documents(dataset, content_dir)
    return problems


def _reference(
    dataset: Dataset, source: Source, path: tuple[str | int, ...], kind: str, target: str | None
) -> Iterator[Problem]:
    """An unknown reference names both files and suggests the closest id."""
    if target is None:
        return
    known: Mapping[str, object] = {
        "venue": dataset.venues,
        "member": dataset.members,
        "working-group": dataset.working_groups,
    }[kind]
    if target in known or (kind, target) in dataset.sources:
        return  # exists (a file with its own problems is reported on its own)
    if kind in dataset.unreadable:
        return  # its folder could not be read: that one problem says it all
    folder = f"{dataset.root.name}/{FOLDER_OF[kind]}"
    hint = did_you_mean(target, known)
    if hint:
        suggestion = hint.strip().removeprefix("did you mean '").removesuffix("'?")
        hint = f"; did you mean '{suggestion}' ({folder}/{suggestion}.yaml)?"
    yield source.at(
        path, f"unknown {kind} '{target}': there is no file {folder}/{target}.yaml{hint or '; check the spelling'}"
    )


def _check_network(dataset: Dataset) -> list[Problem]:
    source = dataset.sources[("network", "network")]
    network = dataset.network
    problems = list(_reference(dataset, source, ("coordinator",), "member", network.coordinator))
    problems += _reference(dataset, source, ("venue",), "venue", network.venue)
    seen: set[str] = set()
    for index, lang in enumerate(network.languages):
        if lang in seen:
            problems.append(source.at(("languages", index), f"'{lang}' is listed twice; remove one"))
        seen.add(lang)
    return problems


def _check_member(dataset: Dataset, source: Source, member: Member, content_dir: Path | None) -> list[Problem]:
    problems: list[Problem] = []
    for index, group in enumerate(member.working_groups):
        problems += _reference(dataset, source, ("working_groups", index), "working-group", group)
    if member.left is not None and member.left < member.joined:
        problems.append(source.at(("left",), f"left ({member.left}) is before joined ({member.joined}); check both"))
    if member.public_contact and member.contact is None:
        problems.append(
            source.at(("public_contact",), "public_contact is true but there is no 'contact'; add one or set it false")
        )
    if member.logo and content_dir is not None:
        problem = _logo_problem(content_dir / "images", member.logo)
        if problem:
            problems.append(source.at(("logo",), problem))
    return problems


LOGO_WORDS = FileWords(
    add="add the image to",
    copy="a copy of the image",
    not_a_file="is not an image file (it is a folder or a special file); name an image file",
)


def _logo_problem(images: Path, logo: str) -> str | None:
    """Why content/images/<logo> cannot be the logo, or None.

    The path's form (relative, no '..', an image type) is checked by its value type; here each step
    is looked up without following symbolic links, and must be a real folder, the last a regular
    file. The file is not read (static_files.py checks what an image may contain).
    """
    if not images.parent.is_dir() or _unreadable(images):
        return None  # the content check reports the missing or unreadable folder, once
    return real_file_problem(images, "content/images", logo, LOGO_WORDS)


def _unreadable(folder: Path) -> bool:
    try:
        with os.scandir(folder):
            return False
    except FileNotFoundError:
        return False
    except OSError:
        return True


def _check_group(dataset: Dataset, source: Source, group_id: str, group: WorkingGroup) -> list[Problem]:
    problems: list[Problem] = []
    if group.closed is not None and group.closed < group.founded:
        problems.append(source.at(("closed",), f"closed ({group.closed}) is before founded ({group.founded})"))
    for index, person in enumerate(group.spokespersons):
        found = list(_reference(dataset, source, ("spokespersons", index, "member"), "member", person.member))
        problems += found
        known = person.member in dataset.members  # a member file with mistakes of its own is reported there
        if not found and known and person.member not in dataset.group_members.get(group_id, ()):
            member_file = dataset.sources[("member", person.member)].file
            problems.append(
                source.at(
                    ("spokespersons", index, "member"),
                    f"'{person.member}' is not a member of this group: add '{group_id}' to working_groups "
                    f"in {member_file}, or name another member",
                )
            )
    return problems


def _shown(value: date | datetime) -> str:
    """A date as the editor writes it: 2026-11-24 or 2026-11-24T18:30."""
    return value.isoformat(timespec="minutes") if isinstance(value, datetime) else value.isoformat()


def _kind(value: date | datetime) -> str:
    return "date-time" if isinstance(value, datetime) else "date"


def _check_event(dataset: Dataset, source: Source, event: Event) -> list[Problem]:
    problems: list[Problem] = []
    folder_year = Path(source.file).parent.name
    if folder_year != str(event.start.year):
        problems.append(
            source.at(
                ("start",),
                f"the event starts in {event.start.year} but its file is in the folder {folder_year}/; "
                f"move it to {dataset.root.name}/events/{event.start.year}/",
            )
        )
    if _kind(event.start) != _kind(event.end):
        problems.append(
            source.at(("end",), f"start is a {_kind(event.start)} but end is a {_kind(event.end)}; use the same form")
        )
    elif event.all_day and event.end < event.start:  # type: ignore[operator]
        problems.append(
            source.at(("end",), f"end ({_shown(event.end)}) is before start ({_shown(event.start)}); check both")
        )
    elif not event.all_day and event.end <= event.start:  # type: ignore[operator]
        problems.append(
            source.at(("end",), f"end ({_shown(event.end)}) must be after start ({_shown(event.start)}); check both")
        )
    if event.venue is None and event.location is None and event.online is None:
        problems.append(source.at(("venue",), "say where the event is: add 'venue', 'location' or 'online'"))
    problems += _reference(dataset, source, ("venue",), "venue", event.venue)
    problems += _reference(dataset, source, ("working_group",), "working-group", event.working_group)
    if event.category == "working-group" and event.working_group is None:
        problems.append(source.at(("category",), "a working-group event needs 'working_group: <group id>'"))
    for index, organiser in enumerate(event.organisers):
        problems += _reference(dataset, source, ("organisers", index), "member", organiser)
    registration = event.registration
    if registration is not None:
        if registration.url is None and registration.email is None:
            problems.append(source.at(("registration",), "give a 'url' or an 'email' where people register"))
        if registration.deadline is not None and as_datetime(registration.deadline) > as_datetime(event.start):
            problems.append(source.at(("registration", "deadline"), "the deadline is after the event starts"))
    problems += _check_recurrence(dataset, source, event)
    return problems


def _check_recurrence(dataset: Dataset, source: Source, event: Event) -> list[Problem]:
    if event.recurrence is None:
        problems = []
        if event.exceptions:
            problems.append(source.at(("exceptions",), "exceptions only make sense with a 'recurrence' rule"))
        if event.changed:
            problems.append(source.at(("changed",), "changed only makes sense with a 'recurrence' rule"))
        return problems
    attendance = []
    if event.attendance is not None:
        # A series has one figure per date; one for the whole series would count nowhere.
        attendance.append(
            source.at(
                ("attendance",),
                "a series has its participants per date: move the number into 'changed:' under the date it "
                "belongs to (- date: …, attendance: …)",
            )
        )
    try:
        starts = series_starts(event)
    except ValueError as error:
        return [*attendance, source.at(("recurrence",), str(error))]
    produced = set(starts)
    problems = attendance
    moments = [(("exceptions", i), value) for i, value in enumerate(event.exceptions)]
    moments += [(("changed", i, "date"), change.date) for i, change in enumerate(event.changed)]
    for path, value in moments:
        if _kind(value) != _kind(event.start):
            problems.append(
                source.at(
                    path,
                    f"write it as a {_kind(event.start)}, like the event's start "
                    f'(e.g. "{_shown(_like(starts[0], event.start))}")',
                )
            )
        elif as_datetime(value) not in produced:
            problems.append(source.at(path, _not_produced(value, starts, event.start)))
    for index, change in enumerate(event.changed):
        problems += _reference(dataset, source, ("changed", index, "venue"), "venue", change.venue)
        start = change.start if change.start is not None else change.date
        if change.end is not None and as_datetime(change.end) < as_datetime(start):
            problems.append(source.at(("changed", index, "end"), "end is before start"))
    return problems


def _not_produced(value: date | datetime, starts: tuple[datetime, ...], like: date | datetime) -> str:
    """Why `value` is no date of the series, and the series' dates nearest to it."""
    moment = as_datetime(value)

    def shown(start: datetime) -> str:
        return f"{_shown(_like(start, like))} ({weekday_name(start)})"

    message = (
        f"{_shown(value)} ({weekday_name(value)}) is not an occurrence of the rule; give the date and time the "
        "rule produces"
    )
    first, last = starts[0], starts[-1]
    same_day = [start for start in starts if start.date() == moment.date()]
    if same_day:
        return f"{message}: on that day the series has {shown(same_day[0])}; write that"
    if moment < first or moment > last:
        return (
            f"{message} (the series runs from {_shown(_like(first, like))} to {_shown(_like(last, like))}; "
            f"its nearest date is {shown(first if moment < first else last)})"
        )
    before = max(start for start in starts if start < moment)
    after = min(start for start in starts if start > moment)
    return f"{message}: the series has {shown(before)} and {shown(after)} near it; write one of them"


def _like(moment: datetime, like: date | datetime) -> date | datetime:
    return moment if isinstance(like, datetime) else moment.date()

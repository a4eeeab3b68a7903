"""Lines in a page or info mail that pull facts from the data at build time.

An editor writes `{events 2026-12 2027-01}`, `{meetings 2026-12}`, `{event sprachcafe}` or
`{member caritas-erfurt}` as a paragraph or a list item of its own (the grammar and its checks are in
netzwerk_data.content). Here each becomes what the data says when the site is built, so a moved
meeting is right in the web version of a mail, its feeds and its e-mail without editing the mail.

Markdown writes every paragraph and list item on a line of its own: a directive is such a line whose
whole text is a directive, found with one linear pattern. Every text from the data is escaped, every
link starts with routes.ROOT_TOKEN (each page, feed and e-mail puts its own way to the site root
there), and the caller sanitises the result like all content.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from html import unescape
from typing import Any

from markupsafe import Markup

from netzwerk_data import Dataset, Occurrence, expand
from netzwerk_data.content import (
    EVENT,
    MAX_DATE_LISTS,
    MONTHS,
    Directive,
    DirectiveError,
    is_directive,
    parse_directive,
)
from netzwerk_data.occurrences import as_datetime
from netzwerk_i18n import Localizer, load_catalogue

from . import routes
from .event_view import date_change
from .generator import site_today
from .site_model import sort_key
from .vocabulary import EVENT_STATUS, MEMBER_TYPES

# A paragraph or list item that is one line of text, e.g. "<p>{events 2026-12}</p>".
_BLOCK = re.compile(r"^[ \t]*<(?P<tag>p|li)>(?P<text>[^<>\n]*)</(?P=tag)>[ \t]*$", re.MULTILINE)
_HEADING = re.compile(r"<h([1-6])[\s>]")
# Headings a directive writes (months of a list) sit one level below the heading above it, h2 to h4.
_HIGHEST, _LOWEST = 2, 4
# First-strong isolate ... pop directional isolate: a text from the data keeps its own direction inside
# a right-to-left page ("Angekommen in Erfurt?" keeps its "?" at its end), as <bdi> does in the
# templates (the sanitiser allows no <bdi> and no dir attribute in content).
_ISOLATE, _END_ISOLATE = "\u2068", "\u2069"


@dataclass(frozen=True)
class _Timeline:
    """Every date of the data, expanded once per build and sorted, so that no text can make the
    build expand the events again and again: each directive looks its dates up."""

    occurrences: tuple[Occurrence, ...]
    starts: tuple[date, ...]  # the day each occurrence starts, in the same order
    longest: timedelta  # the longest time from the start day to the last day of an occurrence
    by_event: Mapping[str, tuple[Occurrence, ...]]

    def between(self, first: date, last: date) -> list[Occurrence]:
        """Every occurrence that takes place on a day from `first` to `last`, cancelled ones included."""
        low, high = bisect_left(self.starts, first - self.longest), bisect_right(self.starts, last)
        return [o for o in self.occurrences[low:high] if o.end_date >= first]


class _Same:
    """A dataset as a cache key: this very (immutable) object, not an equal one."""

    __slots__ = ("dataset",)

    def __init__(self, dataset: Dataset) -> None:
        self.dataset = dataset

    def __hash__(self) -> int:
        return id(self.dataset)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, _Same) and other.dataset is self.dataset


@lru_cache(maxsize=2)
def _timeline(key: _Same) -> _Timeline:
    found = [occurrence for event in key.dataset.events.values() for occurrence in expand(event)]
    found.sort(key=lambda o: (as_datetime(o.start), o.event.id))
    by_event: dict[str, list[Occurrence]] = defaultdict(list)
    for occurrence in found:
        by_event[occurrence.event.id].append(occurrence)
    return _Timeline(
        tuple(found),
        tuple(o.start_date for o in found),
        max((o.end_date - o.start_date for o in found), default=timedelta(0)),
        {event_id: tuple(items) for event_id, items in by_event.items()},
    )


@dataclass(frozen=True)
class _View:
    """What a directive needs to speak one language on one build day."""

    dataset: Dataset
    timeline: _Timeline
    localizer: Localizer
    root: str  # ROOT_TOKEN + "/" + the language's prefix: where every link starts
    today: date

    def href(self, path: str) -> str:
        return self.root + routes.checked_internal(path)

    def text(self, value: Any) -> str:
        localized = self.localizer.text(value)
        return localized.text if localized is not None else ""

    def isolated(self, text: str) -> str:
        """A text from the data, set apart from the words around it on a right-to-left page."""
        return f"{_ISOLATE}{text}{_END_ISOLATE}" if text and self.localizer.dir == "rtl" else text

    def _(self, message: str) -> str:
        return self.localizer.gettext(message)


def expand_directives(html: str, lang: str, settings: dict[str, Any]) -> str:
    """The content's HTML with every directive replaced by what it stands for in the data.

    A line that only looks like a directive (an unknown name, a wrong month, an id that is not in
    the data) stays as it is: the content checks before the build name it with file and line.
    """
    dataset: Dataset | None = settings.get("NETWORK_DATASET")
    if dataset is None or "{" not in html:
        return html
    view: _View | None = None  # made for the first directive: most texts have none
    headings = [(match.start(), int(match.group(1))) for match in _HEADING.finditer(html)]
    positions = [position for position, _level in headings]
    pieces: list[str] = []
    done = lists = 0
    # The same line gives the same HTML: each is written once, however often it is repeated.
    written: dict[tuple[Directive, str, int], str | None] = {}
    for match in _BLOCK.finditer(html):
        text = unescape(match["text"])
        if not is_directive(text):
            continue
        try:
            directive = parse_directive(text)
        except DirectiveError:
            continue
        if directive.kind == MONTHS:
            lists += 1
            if lists > MAX_DATE_LISTS:
                continue
        above = bisect_right(positions, match.start())
        level = min(max(headings[above - 1][1] + 1, _HIGHEST), _LOWEST) if above else _HIGHEST
        key = (directive, match["tag"], level)
        if key not in written:
            view = view or _view(dataset, lang, settings)
            written[key] = _render(directive, view, match["tag"], level)
        rendered = written[key]
        if rendered is None:
            continue
        pieces += [html[done : match.start()], rendered]
        done = match.end()
    return "".join(pieces) + html[done:] if pieces else html


def _view(dataset: Dataset, lang: str, settings: dict[str, Any]) -> _View:
    network = dataset.network
    lang = lang if lang in network.languages else network.default_language
    localizer = Localizer(lang, network.default_language, load_catalogue(str(settings["THEME_TRANSLATIONS"]), lang))
    root = f"{routes.ROOT_TOKEN}/{routes.lang_prefix(lang, network.default_language)}"
    today = site_today(str(settings.get("SITE_TODAY", "today")), network.timezone)
    return _View(dataset, _timeline(_Same(dataset)), localizer, root, today)


def _render(directive: Directive, view: _View, tag: str, level: int) -> str | None:
    """The HTML that replaces the paragraph or list item, or None when the data has no such record."""
    if directive.kind == MONTHS:
        assert directive.first_day is not None and directive.last_day is not None
        occurrences = view.timeline.between(directive.first_day, directive.last_day)
        in_item = tag == "li"
        if directive.name == "meetings":
            block = _meetings(occurrences, view)
        else:
            block = _events(occurrences, directive.first_day, view, None if in_item else level)
        return f"<li>{block}</li>" if in_item else str(block)
    inline = _event(directive.record_id, view) if directive.kind == EVENT else _member(directive.record_id, view)
    return None if inline is None else f"<{tag}>{inline}</{tag}>"


# -- the directives -------------------------------------------------------------------------------


def _events(occurrences: list[Occurrence], first: date, view: _View, level: int | None) -> Markup:
    """A list of dates; when they fall in several months and there is room for headings, one per month."""
    if not occurrences:
        return Markup("<p>{}</p>").format(view._("No events in this period."))
    by_month: dict[date, list[Occurrence]] = defaultdict(list)
    for occurrence in occurrences:
        # An event that began before the first month is listed in the first month.
        by_month[max(occurrence.start_date, first).replace(day=1)].append(occurrence)
    if level is None or len(by_month) == 1:
        return _list(occurrences, view)
    return Markup("\n").join(
        Markup("<h{0}>{1}</h{0}>\n{2}").format(level, view.localizer.month(month), _list(items, view))
        for month, items in sorted(by_month.items())
    )


def _meetings(occurrences: list[Occurrence], view: _View) -> Markup:
    """The working groups' meetings, group by group (by name), each group linked to its page."""
    by_group: dict[str, list[Occurrence]] = defaultdict(list)
    for occurrence in occurrences:
        group_id = occurrence.event.working_group
        if group_id is not None and group_id in view.dataset.working_groups:
            by_group[group_id].append(occurrence)
    if not by_group:
        return Markup("<p>{}</p>").format(view._("No working group meetings in this period."))
    names = {group_id: view.text(view.dataset.working_groups[group_id].name) for group_id in by_group}
    items = [
        Markup('<li><a href="{}">{}</a>\n{}</li>').format(
            view.href(routes.group(group_id)), view.isolated(names[group_id]), _list(by_group[group_id], view)
        )
        for group_id in sorted(by_group, key=lambda group_id: (sort_key(names[group_id]), group_id))
    ]
    return Markup("<ul>\n{}\n</ul>").format(Markup("\n").join(items))


def _event(event_id: str | None, view: _View) -> Markup | None:
    """One event: its next date (the only one, or the last when all have passed), linked, with its place."""
    event = view.dataset.events.get(event_id or "")
    occurrences = view.timeline.by_event.get(event_id or "")
    if event is None or not occurrences:
        return None
    upcoming = [o for o in occurrences if o.end_date >= view.today]
    shown = upcoming[0] if upcoming else occurrences[-1]
    label = view._("Next date: %(date)s") if event.recurrence is not None and upcoming else None
    return _occurrence(shown, view, label)


def _member(member_id: str | None, view: _View) -> Markup | None:
    """A member's name linked to its page, with the kind of organisation it is."""
    member = view.dataset.members.get(member_id or "")
    if member is None or member_id is None:
        return None
    return Markup('<a href="{}">{}</a> ({})').format(
        view.href(routes.member(member_id)), view.isolated(member.name), view._(MEMBER_TYPES[member.type])
    )


# -- one date ---------------------------------------------------------------------------------------


def _list(occurrences: list[Occurrence], view: _View) -> Markup:
    items = Markup("\n").join(Markup("<li>{}</li>").format(_occurrence(o, view)) for o in occurrences)
    return Markup("<ul>\n{}\n</ul>").format(items)


def _occurrence(occurrence: Occurrence, view: _View, date_label: str | None = None) -> Markup:
    """Day and time, the title linked to the event's page, what changed in words, and the place with its address."""
    when = view.localizer.when(occurrence.start, occurrence.end)
    html = Markup('<strong>{}</strong>: <a href="{}">{}</a>').format(
        date_label % {"date": when} if date_label else when,
        view.href(routes.event(occurrence.event.id)),
        view.isolated(view.text(occurrence.event.title)),
    )
    if occurrence.status != "scheduled":
        html += Markup(" – <strong>{}</strong>").format(view._(EVENT_STATUS[occurrence.status]))
    change = _change(occurrence, view)
    if change:
        html += Markup("<br>") + change
    place = _place(occurrence, view, with_address=True)
    if place:
        html += Markup("<br>{}").format(place)
    return html


def _change(occurrence: Occurrence, view: _View) -> Markup | None:
    """A date of a series moved to another time or place, in words: "Moved: now 17:00 instead of 16:00"."""
    change = date_change(occurrence)
    if change is None:
        return None
    notes: list[str] = []
    if change.moved:
        now, before = view.localizer.rescheduled(
            occurrence.start, occurrence.end, change.original_start, change.original_end
        )
        notes.append(view._("now %(new)s instead of %(old)s") % {"new": now, "old": before})
    if change.new_place:
        notes.append(view._("new place: %(place)s") % {"place": _place(occurrence, view, with_address=False)})
    label = view._("Moved") if change.moved else view._("Changed")
    return Markup("<em><strong>{}:</strong> {}</em>").format(label, "; ".join(notes))


def _place(occurrence: Occurrence, view: _View, with_address: bool) -> str:
    """Where it takes place: the venue (with its address), a place described in words, online."""
    venue = view.dataset.venues.get(occurrence.venue) if occurrence.venue else None
    parts: list[str] = []
    if venue is not None:
        parts.append(view.text(venue.name))
    if occurrence.location is not None:
        parts.append(view.text(occurrence.location))
    if venue is not None and with_address:
        parts.append(f"{venue.street}, {venue.postcode} {venue.city}")
    if occurrence.event.online:
        parts.append(view._("Online"))
    return ", ".join(view.isolated(part) for part in parts if part)

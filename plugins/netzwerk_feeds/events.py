"""Atom feed of newly announced and changed events, in one language, newest change first.

When an event was announced or last changed comes from the data's git history (the commit that last
changed what subscribers see, as for the calendars' LAST-MODIFIED) or the editor's `updated`, never
from the clock. An event whose history is unknown (no git, no `updated`) is not listed: there is no
honest date to list it under. Only events with a date still ahead are listed: the feed says what is new.

Each change is an entry of its own (id: the event's page with `#revision-N`, N counting the changes as
the calendars' SEQUENCE does), so feed readers show a moved or cancelled event as news, and the id of
a change never changes.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

from feedgen.feed import FeedGenerator
from markupsafe import Markup, escape

from netzwerk_data import Occurrence
from netzwerk_data.history import event_histories
from netzwerk_data.models import Event
from netzwerk_data.occurrences import as_datetime
from netzwerk_site import routes
from netzwerk_site.richtext import render_markdown
from netzwerk_site.site_model import SiteModel

from .common import FeedLanguage, new_feed, set_feed_dates, when_nothing_was_published
from .links import absolute_html

MAX_ENTRIES = 50
ATOM_TYPE = "application/atom+xml"


def N_(message: str) -> str:
    """Marks a message for extraction (`make i18n`); it is translated where it is used."""
    return message


FEED_TITLE = N_("New and changed events")
FEED_SUBTITLE = N_("Events newly announced or changed, newest first. Every date is in the event calendar.")
CHANGED_TITLE = N_("Changed: %(title)s")
STATUS_TITLES = {"cancelled": N_("Cancelled: %(title)s"), "postponed": N_("Postponed: %(title)s")}
STATUS_SENTENCES = {
    "cancelled": N_("This event has been cancelled."),
    "postponed": N_("This event has been postponed; the new date will be announced."),
}
WHEN, NEXT_DATE, WHERE, ONLINE = N_("When"), N_("Next date"), N_("Where"), N_("Online")
DETAILS = N_("Details, all dates and the calendar file")


@dataclass(frozen=True)
class Announcement:
    """An event as the feed announces it: its latest change and its next date."""

    event_id: str
    event: Event
    revision: int  # 0: as first announced; n: the n-th change subscribers should notice
    changed_at: datetime  # UTC
    next: Occurrence


def _utc(value: date | datetime, zone: ZoneInfo) -> datetime:
    return as_datetime(value).replace(tzinfo=zone).astimezone(UTC)


def announcements(model: SiteModel) -> list[Announcement]:
    """Events with a date ahead whose last change is known, newest change first (then by id)."""
    dataset = model.dataset
    current = {event_id: dataset.sources[("event", event_id)].document.value for event_id in dataset.events}
    histories = event_histories(dataset.root / "events", current)
    found = []
    for event_id, event in dataset.events.items():
        upcoming = model.next_occurrence(event_id)
        history = histories[event_id]
        zone = ZoneInfo(event.timezone or dataset.network.timezone)
        known = [history.last_modified] if history.last_modified is not None else []
        if event.updated is not None:
            known.append(_utc(event.updated, zone))
        if upcoming is None or not known:
            continue
        found.append(Announcement(event_id, event, history.sequence, max(known), upcoming))
    found.sort(key=lambda a: (a.changed_at, a.event_id), reverse=True)
    return found[:MAX_ENTRIES]


def _title(site: FeedLanguage, item: Announcement) -> str:
    title = site.text(item.event.title)
    if item.event.status in STATUS_TITLES:
        return site._(STATUS_TITLES[item.event.status], title=title)
    return site._(CHANGED_TITLE, title=title) if item.revision else title


def _where(site: FeedLanguage, item: Announcement) -> Markup | None:
    venue_id = item.next.venue
    if venue_id and venue_id in site.dataset.venues:
        venue = site.dataset.venues[venue_id]
        return Markup("{}<br>{}, {} {}").format(site.text(venue.name), venue.street, venue.postcode, venue.city)
    if item.next.location is not None:
        return escape(site.text(item.next.location))
    if item.event.online:
        online = routes.checked_external(str(item.event.online))
        return Markup('{} <a href="{}">{}</a>').format(site._(ONLINE), online, online)
    return None


def _content(site: FeedLanguage, item: Announcement, page: str) -> str:
    """The entry's full text: when, where, status, description and the way to every date."""
    L = site.localizer
    when_label = site._(NEXT_DATE if item.event.recurrence else WHEN)
    parts = [Markup("<p><strong>{}</strong><br>{}</p>").format(when_label, L.when(item.next.start, item.next.end))]
    where = _where(site, item)
    if where is not None:
        parts.append(Markup("<p><strong>{}</strong><br>{}</p>").format(site._(WHERE), where))
    if item.event.status in STATUS_SENTENCES:
        parts.append(Markup("<p><strong>{}</strong></p>").format(site._(STATUS_SENTENCES[item.event.status])))
    if item.event.description is not None:
        parts.append(render_markdown(site.text(item.event.description)))
    parts.append(Markup('<p><a href="{}">{}</a></p>').format(page, site._(DETAILS)))
    return absolute_html(str(Markup("\n").join(parts)), site.base, page)


def events_feed(site: FeedLanguage, items: list[Announcement]) -> FeedGenerator:
    """The Atom feed of new and changed events (`announcements`) in the language of `site`."""
    feed = new_feed(
        site,
        feed_id=site.url(routes.EVENTS_ATOM),
        title=f"{site.network_name}: {site._(FEED_TITLE)}",
        subtitle=site._(FEED_SUBTITLE),
        page=site.url(routes.EVENTS),
        self_url=site.url(routes.EVENTS_ATOM),
        kind=ATOM_TYPE,
    )
    set_feed_dates(feed, max((a.changed_at for a in items), default=when_nothing_was_published(site.dataset)))
    for item in items:
        page = site.url(routes.event(item.event_id))
        entry = feed.add_entry(order="append")
        entry.id(f"{page}#revision-{item.revision}")
        entry.title(_title(site, item))
        entry.link(href=page, rel="alternate", type="text/html")
        entry.updated(item.changed_at)
        entry.content(_content(site, item, page), type="html")
    return feed

"""What a calendar feed says in one language: its name, its description, and status words in titles.

Interface words come from the site's catalogues (theme/translations), marked here for
`make i18n`; event titles and texts come from the data in that language, else in German.
"""

from __future__ import annotations

from netzwerk_data import Dataset, Localized, Translatable
from netzwerk_i18n import Localizer
from netzwerk_print.labels import period_months
from netzwerk_site import vocabulary
from netzwerk_site.site_model import Period

from .catalogue import ARCHIVE, CATEGORY, GROUP, NETWORK, PERIOD, Feed


def N_(message: str) -> str:
    """Marks a message for extraction (`make i18n`); it is translated where it is used."""
    return message


def ngettext(singular: str, plural: str) -> tuple[str, str]:
    """Marks a message with plural forms for extraction (babel's `ngettext` keyword)."""
    return singular, plural


# Calendar programs do not all show STATUS: the title says it too.
STATUS_TITLES = {
    "cancelled": N_("Cancelled: %(title)s"),
    "postponed": N_("Postponed: %(title)s"),
}
NETWORK_DESCRIPTION = ngettext(
    "%(network)s: events of the past %(num)d month and everything ahead.",
    "%(network)s: events of the past %(num)d months and everything ahead.",
)
ARCHIVE_NAME = N_("%(network)s: archive of all events")
ARCHIVE_DESCRIPTION = N_("%(network)s: every event, past and future.")
GROUP_DESCRIPTION = N_("Meetings and events of %(group)s.")
CATEGORY_DESCRIPTION = N_("Events in the category “%(category)s”.")
PERIOD_NAME = N_("Event calendar %(period)s")
PERIOD_DESCRIPTION = N_("Events with a date from %(first)s to %(last)s; a series with all its dates.")
EVENT_DESCRIPTION = N_("Details and changes: %(url)s")


def period_name(period: Period, localizer: Localizer) -> str:
    """The two months in full, as the period's page names them ("November–Dezember 2026")."""
    return period_months(localizer, period.first_day, period.second_month)


class FeedWords:
    """Names and descriptions of the feeds, and event titles with their status, in one language."""

    def __init__(self, dataset: Dataset, localizer: Localizer) -> None:
        self.data = dataset
        self.L = localizer

    def text(self, value: Translatable | None) -> str:
        localized = self.L.text(value)
        return localized.text if localized is not None else ""

    def _(self, message: str, **values: object) -> str:
        return self.L.gettext(message) % values

    def title(self, title: str, status: str) -> str:
        """An event's title, with "Cancelled:" or "Postponed:" before it when it is."""
        return self._(STATUS_TITLES[status], title=title) if status in STATUS_TITLES else title

    @property
    def network_name(self) -> str:
        return self.text(self.data.network.name)

    def _own(self, text: str) -> Localized:
        return Localized(text, self.L.lang)

    def label(self, feed: Feed, period: Period | None = None) -> Localized:
        """What the feed is about, as a heading says it (a group's name may be a German fallback)."""
        if feed.kind == NETWORK:
            return self.L.text(self.data.network.name) or self._own("")
        if feed.kind == ARCHIVE:
            return self._own(self._(ARCHIVE_NAME, network=self.data.network.short_name))
        if feed.kind == GROUP:
            return self.L.text(self.data.working_groups[feed.key].name) or self._own(feed.key)
        if feed.kind == CATEGORY:
            return self._own(self.L.gettext(vocabulary.EVENT_CATEGORIES[feed.key]))
        if feed.kind == PERIOD:
            assert period is not None
            return self._own(self._(PERIOD_NAME, period=period_name(period, self.L)))
        event = self.data.events[feed.key]
        return self._own(self.title(self.text(event.title), event.status))

    def name(self, feed: Feed, period: Period | None = None) -> str:
        """What a calendar program lists the subscription as (NAME, X-WR-CALNAME): in a list of many
        calendars, a group, category or period says whose it is."""
        label = self.label(feed, period).text
        if feed.kind in (GROUP, CATEGORY, PERIOD):
            return f"{label} ({self.data.network.short_name})"
        return label

    def description(self, feed: Feed, past_months: int, page_url: str, period: Period | None = None) -> str:
        """What the subscription holds (DESCRIPTION, X-WR-CALDESC)."""
        if feed.kind == NETWORK:
            singular, plural = NETWORK_DESCRIPTION
            return self.L.ngettext(singular, plural, past_months) % {"network": self.network_name, "num": past_months}
        if feed.kind == ARCHIVE:
            return self._(ARCHIVE_DESCRIPTION, network=self.network_name)
        if feed.kind == GROUP:
            return self._(GROUP_DESCRIPTION, group=self.label(feed).text)
        if feed.kind == CATEGORY:
            return self._(CATEGORY_DESCRIPTION, category=self.label(feed).text)
        if feed.kind == PERIOD:
            assert period is not None
            first, last = (self.L.date(day, long=True) for day in (period.first_day, period.last_day))
            return self._(PERIOD_DESCRIPTION, first=first, last=last)
        return self._(EVENT_DESCRIPTION, url=page_url)

"""What every feed of one language shares: its addresses, its words, and dates that never come from the clock."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from feedgen.ext.base import BaseEntryExtension
from feedgen.feed import FeedGenerator
from lxml import etree

from netzwerk_data import Dataset
from netzwerk_i18n import Localizer
from netzwerk_site import routes

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
DUBLIN_CORE = "http://purl.org/dc/elements/1.1/"


@dataclass(frozen=True)
class FeedLanguage:
    """One site language's part of the feeds: German at the site root, the others under /<lang>/."""

    dataset: Dataset
    localizer: Localizer
    base: str  # the site's public address (routes.public_base)

    @property
    def lang(self) -> str:
        return self.localizer.lang

    @property
    def default_lang(self) -> str:
        return self.dataset.default_language

    def path(self, path: str) -> str:
        """A language-neutral path in this language's part of the site."""
        return routes.in_language(path, self.lang, self.default_lang)

    def url(self, path: str) -> str:
        """The public address of a page or file in this language."""
        return routes.public_url(self.base, self.path(path))

    def _(self, message: str, **values: object) -> str:
        text = self.localizer.gettext(message)
        return text % values if values else text

    def text(self, value: object) -> str:
        localized = self.localizer.text(value)  # type: ignore[arg-type]
        return localized.text if localized is not None else ""

    @property
    def network_name(self) -> str:
        return self.text(self.dataset.network.name)


def when_nothing_was_published(dataset: Dataset) -> datetime:
    """`updated` of a feed without entries: a date from the data (the network's founding year), not the clock."""
    return datetime(dataset.network.founded, 1, 1, tzinfo=UTC)


class EntryLanguage(BaseEntryExtension):
    """An entry in another language than its feed (an info mail not yet translated): Atom's xml:lang
    on the entry, Dublin Core's language in RSS."""

    def __init__(self) -> None:
        self.lang: str | None = None

    def extend_atom(self, entry: etree._Element) -> etree._Element:
        if self.lang:
            entry.attrib[XML_LANG] = self.lang
        return entry

    def extend_rss(self, item: etree._Element) -> etree._Element:
        if self.lang:
            etree.SubElement(item, f"{{{DUBLIN_CORE}}}language", nsmap={"dc": DUBLIN_CORE}).text = self.lang
        return item


def mark_language(entry: object, lang: str) -> None:
    entry.register_extension("language", EntryLanguage)  # type: ignore[attr-defined]
    entry.language.lang = lang  # type: ignore[attr-defined]


def new_feed(
    site: FeedLanguage, feed_id: str, title: str, subtitle: str, page: str, self_url: str, kind: str
) -> FeedGenerator:
    """A feedgen feed with what Atom and RSS both require: id, title, links, language, author."""
    network = site.dataset.network
    feed = FeedGenerator()
    feed.id(feed_id)
    feed.title(title)
    feed.subtitle(subtitle)
    feed.link(href=self_url, rel="self", type=kind)
    feed.link(href=page, rel="alternate", type="text/html")  # the last link is RSS's <link>: the web page
    feed.language(site.lang)
    feed.author({"name": network.short_name, "email": network.email})
    return feed


def render(feed: FeedGenerator, kind: str) -> bytes:
    """The feed's bytes; every date in it was set from the data (feedgen would use the clock otherwise)."""
    return feed.atom_str(pretty=True) if kind == "atom" else feed.rss_str(pretty=True)


def set_feed_dates(feed: FeedGenerator, newest: datetime) -> None:
    feed.updated(newest)
    feed.lastBuildDate(newest)

"""The info mail as Atom and RSS in one language (feedgen), dated by the mails, never by the clock.

Every language's feed lists every published mail, newest first: in the feed's language when the mail
is translated, else the original, marked with its own language (a reader of the English feed
still learns that a mail came out). An entry's id is the address of the mail's page in the feed's
language; the German feed keeps the ids it had before there were other languages.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from feedgen.feed import FeedGenerator

from netzwerk_site import routes
from netzwerk_site.generator import in_language

from .common import FeedLanguage, mark_language, new_feed, set_feed_dates, when_nothing_was_published
from .links import absolute_html

MAX_ENTRIES = 24
TYPES = {"atom": "application/atom+xml", "rss": "application/rss+xml"}
PATHS = {"atom": routes.INFO_MAIL_ATOM, "rss": routes.INFO_MAIL_RSS}


def N_(message: str) -> str:
    """Marks a message for extraction (`make i18n`); it is translated where it is used."""
    return message


FEED_TITLE = N_("Info mail")
FEED_SUBTITLE = N_("Every month the info mail collects news, dates and offers from the network.")


@dataclass(frozen=True)
class MailInFeed:
    """One info mail as a feed in one language shows it."""

    slug: str
    text: Any  # the Pelican article in the feed's language, else the original

    @property
    def published(self) -> datetime:
        return self.text.date

    @property
    def updated(self) -> datetime:
        """The mail's Modified, else its Date (never before the Date)."""
        modified = getattr(self.text, "modified", None)
        return max(modified, self.text.date) if modified else self.text.date


def mails_in(articles: list[Any], lang: str) -> list[MailInFeed]:
    """The newest MAX_ENTRIES mails (articles come newest first), each in `lang` if translated."""
    return [MailInFeed(article.slug, in_language(article, lang)) for article in articles[:MAX_ENTRIES]]


def info_mail_feed(site: FeedLanguage, articles: list[Any], kind: str) -> FeedGenerator:
    """The Atom ("atom") or RSS ("rss") feed of the info mail in the language of `site`."""
    feed = new_feed(
        site,
        feed_id=site.url(routes.INFO_MAIL),
        title=f"{site.network_name}: {site._(FEED_TITLE)}",
        subtitle=site._(FEED_SUBTITLE),
        page=site.url(routes.INFO_MAIL),
        self_url=site.url(PATHS[kind]),
        kind=TYPES[kind],
    )
    mails = mails_in(articles, site.lang)
    set_feed_dates(feed, max((m.updated for m in mails), default=when_nothing_was_published(site.dataset)))
    for mail in mails:
        page = site.url(routes.info_mail(mail.slug))
        entry = feed.add_entry(order="append")
        entry.id(page)
        entry.title(mail.text.title)
        entry.link(href=page, rel="alternate", type="text/html")
        entry.published(mail.published)
        entry.updated(mail.updated)
        entry.summary(absolute_html(mail.text.summary, site.base, page), type="html")
        entry.content(absolute_html(mail.text.content, site.base, page), type="html")
        if mail.text.lang != site.lang:
            mark_language(entry, mail.text.lang)
    return feed

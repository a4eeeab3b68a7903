"""The info mail as a feed (feedgen), dated by the articles, never by the clock."""

from __future__ import annotations

from typing import Any

from feedgen.feed import FeedGenerator

from netzwerk_data import Dataset
from netzwerk_site import routes
from netzwerk_site.richtext import plain_text

MAX_ENTRIES = 24


def info_mail_feed(dataset: Dataset, articles: list[Any], base_url: str) -> FeedGenerator:
    network = dataset.network
    lang = dataset.default_language
    name = network.name.get(lang, lang).text
    feed = FeedGenerator()
    feed.id(routes.public_url(base_url, routes.INFO_MAIL))
    feed.title(f"{name}: Infomail" if lang == "de" else name)
    feed.subtitle(plain_text(network.description.get(lang, lang).text).split("\n", 1)[0])
    feed.link(href=routes.public_url(base_url, routes.INFO_MAIL), rel="alternate")
    feed.link(href=routes.public_url(base_url, routes.INFO_MAIL_ATOM), rel="self")
    feed.language(lang)
    feed.author({"name": network.short_name, "email": network.email})
    latest = [a for a in articles if a.lang == lang][:MAX_ENTRIES]
    if latest:
        feed.updated(latest[0].date)
        feed.lastBuildDate(latest[0].date)
    for article in reversed(latest):  # feedgen puts the last added first
        url = routes.public_url(base_url, routes.info_mail(article.slug))
        entry = feed.add_entry()
        entry.id(url)
        entry.title(article.title)
        entry.link(href=url)
        entry.published(article.date)
        entry.updated(getattr(article, "modified", None) or article.date)
        absolute = f"{base_url.rstrip('/')}/"  # links of the content, absolute for feed readers
        entry.summary(routes.resolve_root(article.summary, absolute), type="html")
        entry.content(routes.resolve_root(article.content, absolute), type="html")
    return feed

"""What the subscribe page lists: the feeds people subscribe to, named as the feeds name themselves."""

from __future__ import annotations

from urllib.parse import urlsplit

from netzwerk_data import Localized
from netzwerk_i18n import Localizer

from .catalogue import Feed, FeedCatalogue
from .words import FeedWords


class SubscribeView:
    """Given to templates as `calendar_feeds` (subscribe.html)."""

    def __init__(self, catalogue: FeedCatalogue) -> None:
        self.catalogue = catalogue
        self.network = catalogue.network
        self.archive = catalogue.archive
        self.categories = catalogue.categories
        self.periods = catalogue.periods
        active = {group_id for group_id, _group in catalogue.model.active_groups}
        self.groups = [feed for feed in catalogue.groups if feed.key in active]

    def label(self, feed: Feed, localizer: Localizer) -> Localized:
        """What the feed is about in the reader's language (its NAME in the .ics without the network's)."""
        return FeedWords(self.catalogue.model.dataset, localizer).label(feed, self.catalogue.period_of(feed))

    def description(self, feed: Feed, localizer: Localizer, page_url: str = "") -> str:
        """The feed's own description (DESCRIPTION in the .ics) in the reader's language."""
        words = FeedWords(self.catalogue.model.dataset, localizer)
        return words.description(feed, self.catalogue.past_months, page_url, self.catalogue.period_of(feed))

    @staticmethod
    def webcal(url: str) -> str:
        """The feed's address with the webcal: scheme, which opens the calendar program to subscribe."""
        parts = urlsplit(url)
        return f"webcal://{parts.netloc}{parts.path}"

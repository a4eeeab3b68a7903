"""The calendars people subscribe to: iCalendar feeds of the network, its archive, each working group,
category, two-month period and event, once per site language (German at the root, others under
/<lang>/), with the same UIDs everywhere. Addresses: netzwerk_site.routes; list: CHANGELOG.md."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from pelican import signals
from pelican.generators import Generator

from netzwerk_data.history import history_note
from netzwerk_i18n import Localizer, load_catalogue
from netzwerk_site import routes

from .catalogue import FeedCatalogue
from .components import EventComponents, uid_host
from .ics import FeedWriter
from .stamps import event_stamps
from .subscribe import SubscribeView
from .words import FeedWords


class CalendarGenerator(Generator):
    def generate_context(self) -> None:
        model = self.context.get("NETWORK_SITE")
        if model is None:
            raise RuntimeError("netzwerk_calendar needs the site model: list netzwerk_site before it in PLUGINS")
        past_months = max(0, int(self.settings.get("CALENDAR_PAST_MONTHS", 12)))  # 0: today and ahead
        self.catalogue = FeedCatalogue(model, past_months)
        # The subscribe page (written by netzwerk_site) lists the feeds under the names they carry.
        self.context["calendar_feeds"] = SubscribeView(self.catalogue)

    def generate_output(self, writer: Any) -> None:
        dataset = self.catalogue.model.dataset
        base = routes.public_base(self.settings, dataset.network.website)
        note = history_note(dataset.root / "events")
        if note:  # the build prints the notes plugins leave (netzwerk_build); not a failure
            self.settings.setdefault("NETWORK_NOTES", []).append(f"Calendar: {note}")
        output = Path(self.output_path)
        default_lang = dataset.default_language
        for lang, feeds in feed_writers(self.catalogue, base, self.settings["THEME_TRANSLATIONS"]):
            for feed in self.catalogue.all():
                target = output / routes.in_language(feed.path, lang, default_lang)
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_bytes(feeds.calendar(feed))


def feed_writers(catalogue: FeedCatalogue, base: str, translations: str) -> Iterator[tuple[str, FeedWriter]]:
    """A writer of every feed per site language, with absolute addresses below `base`."""
    dataset = catalogue.model.dataset
    default_lang = dataset.default_language
    stamps = event_stamps(dataset)
    host = uid_host(base)
    for lang in dataset.network.languages:
        words = FeedWords(dataset, Localizer(lang, default_lang, load_catalogue(translations, lang)))

        def public_url(path: str, _lang: str = lang) -> str:
            return routes.public_url(base, routes.in_language(path, _lang, default_lang))

        pages = {event_id: public_url(routes.event(event_id)) for event_id in dataset.events}
        components = EventComponents(dataset, words, pages, stamps, host)
        yield lang, FeedWriter(catalogue, words, components, lang, public_url)


def _generators(pelican: Any) -> type[CalendarGenerator]:
    return CalendarGenerator


def register() -> None:
    # A named function: blinker keeps only weak references to receivers.
    signals.get_generators.connect(_generators)

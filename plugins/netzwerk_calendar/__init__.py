"""The calendars people subscribe to: iCalendar feeds of the network, its archive, each working group,
category, two-month period and event, once per site language (German at the root, others under
/<lang>/), with the same UIDs everywhere. Addresses: netzwerk_site.routes; list: CHANGELOG.md."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from pelican import signals
from pelican.generators import Generator

from netzwerk_data.history import history_note
from netzwerk_i18n import Localizer, load_catalogue
from netzwerk_site import routes
from netzwerk_site.parallel import available_processes, run_shared
from netzwerk_site.reuse import InputKeys, OutputCache

from . import folding
from .catalogue import Feed, FeedCatalogue
from .components import EventComponents, uid_host
from .ics import FeedWriter
from .stamps import EventStamp, event_stamps
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
        stamps, host = event_stamps(dataset), uid_host(base)
        translations = self.settings["THEME_TRANSLATIONS"]

        cache: OutputCache | None = self.settings.get("NETWORK_OUTPUT_CACHE")
        keys: InputKeys | None = self.context.get("NETWORK_INPUT_KEYS")
        languages = list(dataset.network.languages)
        to_write = {lang: list(self.catalogue.all()) for lang in languages}
        if cache is not None and keys is not None:
            for lang in languages:
                to_write[lang] = _not_reused(to_write[lang], lang, default_lang, cache, keys, stamps, base)

        def write_language(lang: str) -> None:
            remembered = None
            if cache is not None and keys is not None:

                def remembered(event_id: str, make: Callable[[], bytes]) -> bytes:
                    key = keys.of("vevent", lang, (event_id,), repr(stamps[event_id]), base)
                    return cache.part(key, make)

            feeds = feed_writer(self.catalogue, base, translations, lang, stamps, host, remembered)
            for feed in to_write[lang]:
                target = output / routes.in_language(feed.path, lang, default_lang)
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_bytes(feeds.calendar(feed))

        # One process per language: each writes its language's files, from its own event lines. Even
        # with fewer CPUs than languages this is quicker than pairing languages in one process.
        processes = min(len(languages), 2 * available_processes(self.settings.get("BUILD_PROCESSES")))
        if cache is not None:  # `make serve`: here, where the lines of unchanged events are kept for the next build
            processes = 1
        run_shared(languages, write_language, processes)


def _not_reused(
    feeds: list[Feed],
    lang: str,
    default_lang: str,
    cache: OutputCache,
    keys: InputKeys,
    stamps: dict[str, EventStamp],
    base: str,
) -> list[Feed]:
    """Under `make serve`, the feeds in `lang` whose events or shared inputs changed since the last build;
    the others are kept as they are in the output folder (netzwerk_site/reuse.py)."""
    written = []
    for feed in feeds:
        target = routes.in_language(feed.path, lang, default_lang)
        key = keys.of("ics", target, feed.event_ids, base, [repr(stamps[i]) for i in feed.event_ids])
        if not cache.reuse([target], key):
            written.append(feed)
    return written


def feed_writer(
    catalogue: FeedCatalogue,
    base: str,
    translations: str,
    lang: str,
    stamps: dict[str, EventStamp],
    host: str,
    remembered: Callable[[str, Callable[[], bytes]], bytes] | None = None,
) -> FeedWriter:
    """The writer of every feed in `lang`, with absolute addresses below `base`."""
    dataset = catalogue.model.dataset
    default_lang = dataset.default_language
    words = FeedWords(dataset, Localizer(lang, default_lang, load_catalogue(translations, lang)))

    def public_url(path: str) -> str:
        return routes.public_url(base, routes.in_language(path, lang, default_lang))

    pages = {event_id: public_url(routes.event(event_id)) for event_id in dataset.events}
    components = EventComponents(dataset, words, pages, stamps, host, remembered)
    return FeedWriter(catalogue, words, components, lang, public_url)


def _generators(pelican: Any) -> type[CalendarGenerator]:
    return CalendarGenerator


def register() -> None:
    folding.install()  # the same bytes, without folding each short line character by character
    # A named function: blinker keeps only weak references to receivers.
    signals.get_generators.connect(_generators)

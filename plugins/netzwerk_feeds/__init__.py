"""Feeds for feed readers, once per site language (German at the site root, the others under /<lang>/):
the info mail as Atom and RSS (feeds/info-mail.atom.xml, feeds/info-mail.rss.xml) and the newly
announced and changed events as Atom (feeds/events.atom.xml). Addresses: netzwerk_site.routes;
list: CHANGELOG.md."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pelican import signals
from pelican.generators import Generator

from netzwerk_i18n import Localizer, load_catalogue
from netzwerk_site import routes

from .common import FeedLanguage, render
from .events import announcements, events_feed
from .infomail import PATHS, info_mail_feed


class FeedGenerator(Generator):
    def generate_output(self, writer: Any) -> None:
        model = self.context.get("NETWORK_SITE")
        if model is None:
            raise RuntimeError("netzwerk_feeds needs the site model: list netzwerk_site before it in PLUGINS")
        dataset = model.dataset
        base = routes.public_base(self.settings, dataset.network.website)
        changes = announcements(model)
        output = Path(self.output_path)
        for lang in dataset.network.languages:
            catalogue = load_catalogue(self.settings["THEME_TRANSLATIONS"], lang)
            site = FeedLanguage(dataset, Localizer(lang, dataset.default_language, catalogue), base)
            files = {PATHS[kind]: render(info_mail_feed(site, model.articles, kind), kind) for kind in PATHS}
            files[routes.EVENTS_ATOM] = render(events_feed(site, changes), "atom")
            for path, content in files.items():
                target = output / site.path(path)
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_bytes(content)


def _generators(pelican: Any) -> type[FeedGenerator]:
    return FeedGenerator


def register() -> None:
    # A named function: blinker keeps only weak references to receivers.
    signals.get_generators.connect(_generators)

"""Atom and RSS feeds of the info mail (feeds/info-mail.atom.xml, feeds/info-mail.rss.xml)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pelican import signals
from pelican.generators import Generator

from netzwerk_site import routes

from .infomail import info_mail_feed


class FeedGenerator(Generator):
    def generate_output(self, writer: Any) -> None:
        dataset = self.settings["NETWORK_DATASET"]
        model = self.context["NETWORK_SITE"]
        feed = info_mail_feed(dataset, model.articles, routes.public_base(self.settings, dataset.network.website))
        output = Path(self.output_path)
        for path, render in ((routes.INFO_MAIL_ATOM, feed.atom_str), (routes.INFO_MAIL_RSS, feed.rss_str)):
            (output / path).parent.mkdir(parents=True, exist_ok=True)
            (output / path).write_bytes(render(pretty=True))


def _generators(pelican: Any) -> type[FeedGenerator]:
    return FeedGenerator


def register() -> None:
    # A named function: blinker keeps only weak references to receivers.
    signals.get_generators.connect(_generators)

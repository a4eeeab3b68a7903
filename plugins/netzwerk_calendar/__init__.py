"""The iCalendar feed of all the network's events (calendar/netzwerk.ics)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pelican import signals
from pelican.generators import Generator

from netzwerk_site import routes

from .ics import CalendarWriter


class CalendarGenerator(Generator):
    def generate_output(self, writer: Any) -> None:
        dataset = self.settings["NETWORK_DATASET"]
        target = Path(self.output_path) / routes.CALENDAR_FEED
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(
            CalendarWriter(dataset, routes.public_base(self.settings, dataset.network.website)).calendar()
        )


def _generators(pelican: Any) -> type[CalendarGenerator]:
    return CalendarGenerator


def register() -> None:
    # A named function: blinker keeps only weak references to receivers.
    signals.get_generators.connect(_generators)

"""Pelican, run in this process on data that is already checked; its warnings are failures."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from netzwerk_data import Dataset

# Pelican's own words for the few things the checks before it cannot see, in the editor's words.
_TRANSLATED = {
    "Attempted to break out of output directory": "a link or file name leads outside the output folder; "
    "use links inside the content folder",
    # The checks reserve the site's own addresses; this is the last line of defence.
    "as Pelican has already written to it previously": "two pages would have the same address; "
    "give one of them another Slug (or its data file another name)",
}


class _Collector(logging.Handler):
    """Keeps every warning and error Pelican or a plugin logs during the run."""

    def __init__(self) -> None:
        super().__init__(level=logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(_editor_words(record.getMessage()))


def _editor_words(message: str) -> str:
    for pelican_words, ours in _TRANSLATED.items():
        if pelican_words in message:
            return f"{ours} ({message})"
    return message


def run_pelican(settings_file: Path, overrides: dict[str, Any], dataset: Dataset) -> tuple[list[str], list[str]]:
    """Build with Pelican into overrides["OUTPUT_PATH"]; return what went wrong (empty: success)
    and the notes the plugins left for the editor (e.g. drafts held back)."""
    from pelican import Pelican
    from pelican.log import console
    from pelican.settings import read_settings

    settings = read_settings(str(settings_file), override={**overrides, "NETWORK_DATASET": dataset})
    collector = _Collector()
    root = logging.getLogger()
    saved_level, saved_quiet = root.level, console.quiet
    root.addHandler(collector)
    root.setLevel(logging.WARNING)
    console.quiet = True  # Pelican's "Done: Processed …" line; the build prints its own summary
    try:
        Pelican(settings).run()
    except Exception as error:  # an exception here is reported, not shown as a traceback
        collector.messages.append(_editor_words(f"{type(error).__name__}: {error}"))
    finally:
        root.removeHandler(collector)
        root.setLevel(saved_level)
        console.quiet = saved_quiet
    return list(dict.fromkeys(collector.messages)), list(settings.get("NETWORK_NOTES", []))

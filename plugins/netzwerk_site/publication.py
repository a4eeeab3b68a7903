"""Which Markdown files Pelican publishes: dates read as the checks read them, drafts and mails
dated after the build day held back (and named in the build's output, never dropped silently)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from pelican import readers

from netzwerk_data.content import parse_content_date

from .generator import site_today

# Pelican's content status that makes it skip a file before it becomes a page.
SKIP = "skip"


def read_date(value: str, _settings: Any) -> datetime:
    """Pelican's Date/Modified processor: the same reading as the content checks (ISO or German)."""
    parsed = parse_content_date(value)
    if parsed is None:  # the checks before the build report it with file and line
        raise ValueError(f"not a date: {value!r}")
    return parsed


def use_strict_dates() -> None:
    for name in ("date", "modified"):
        readers.METADATA_PROCESSORS[name] = read_date


def hold_back(generator: Any, metadata: dict[str, Any]) -> None:
    """Drafts, and info mails dated after the build day, are skipped; the build lists them."""
    settings = generator.settings
    notes: list[str] = settings.setdefault("NETWORK_NOTES", [])
    what = f"'{metadata.get('title', '')}' ({metadata.get('lang', '')})"
    if metadata.get("status") == "draft":
        metadata["status"] = SKIP
        notes.append(f"Not published (draft): {what}")
        return
    published = metadata.get("date")
    if isinstance(published, datetime):
        today = site_today(str(settings["SITE_TODAY"]), settings["NETWORK_DATASET"].network.timezone)
        if published.date() > today:
            metadata["status"] = SKIP
            notes.append(f"Not published before {published.date().isoformat()}: {what}")

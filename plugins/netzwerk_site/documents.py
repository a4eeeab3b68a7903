"""Documents on the site: what event and working-group pages list, and the files the build publishes.

A document's file (content/documents/…) is published at the same path under the site root
(/documents/2026/protokoll.pdf), once for all languages; only files some event, date of a series
or working group names are published (the data checks made sure each is a real, allowed file).
Pages link to it relatively (`site_file_href`), so the site works at any deploy path.
"""

from __future__ import annotations

import shutil
from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from babel.numbers import format_decimal

from netzwerk_data import Dataset, Occurrence
from netzwerk_data.documents import DOCUMENT_TYPES
from netzwerk_data.models import Document, Event, WorkingGroup
from netzwerk_data.occurrences import as_datetime
from netzwerk_i18n import Localizer

from . import vocabulary

KILOBYTE = 1000
MEGABYTE = 1000 * KILOBYTE


@dataclass(frozen=True)
class DocumentEntry:
    """A document as pages show it: the record, its file's address, type and size."""

    document: Document
    path: str  # under the site root, e.g. documents/2026/protokoll.pdf
    type_label: str  # PDF, DOCX, …
    media_type: str
    size: int  # bytes

    @property
    def kind_label(self) -> str:
        """The kind's label (untranslated message; templates translate it)."""
        return vocabulary.DOCUMENT_KINDS[self.document.kind]


@dataclass(frozen=True)
class Meeting:
    """One date (occurrence) with the documents kept for it."""

    occurrence: Occurrence
    documents: tuple[DocumentEntry, ...]


@dataclass(frozen=True)
class DatedDocuments:
    """The documents of one date of a series (for the event page)."""

    occurrence: Occurrence | None  # None when the date is no longer produced by the rule
    day: date
    documents: tuple[DocumentEntry, ...]


def size_parts(size: int) -> tuple[float, str]:
    """(number, unit) of a file size as readers see it: whole kilobytes (rounded up, at least 1) below
    one megabyte, else megabytes with one decimal. Units are decimal (1 KB = 1000 bytes)."""
    kilobytes = max(1, -(-size // KILOBYTE))
    if kilobytes < KILOBYTE:
        return float(kilobytes), "KB"
    return round(size / MEGABYTE, 1), "MB"


def human_size(size: int, localizer: Localizer) -> str:
    """The size as "245 KB" or "1,2 MB" in the reader's language (its digits and decimal sign)."""
    number, unit = size_parts(size)
    shown = format_decimal(number, format="#,##0.#", locale=localizer.locale)
    return localizer.gettext(vocabulary.SIZE_UNITS[unit]) % {"size": shown}


class DocumentIndex:
    """The documents of the dataset, with the published files' sizes (read once)."""

    def __init__(self, dataset: Dataset, content_dir: Path) -> None:
        self.dataset = dataset
        self.content_dir = Path(content_dir)
        self._sizes: dict[str, int] = {}  # file -> bytes

    def entry(self, document: Document) -> DocumentEntry:
        if document.file not in self._sizes:
            self._sizes[document.file] = (self.content_dir / document.file).stat().st_size
        label, media_type = DOCUMENT_TYPES[Path(document.file).suffix.lower()]
        return DocumentEntry(document, document.file, label, media_type, self._sizes[document.file])

    def entries(self, documents: tuple[Document, ...]) -> list[DocumentEntry]:
        return [self.entry(document) for document in documents]

    # -- events ---------------------------------------------------------------------

    def of_event(self, event: Event) -> list[DocumentEntry]:
        """The documents of the event itself (a series: those of the whole series)."""
        return self.entries(event.documents)

    def of_dates(self, event: Event, occurrences: list[Occurrence]) -> list[DatedDocuments]:
        """The documents of single dates of a series, newest date first."""
        by_start = {as_datetime(o.recurrence_id): o for o in occurrences if o.recurrence_id is not None}
        found = []
        for change in event.changed:
            if not change.documents:
                continue
            occurrence = by_start.get(as_datetime(change.date))
            day = occurrence.start_date if occurrence else as_datetime(change.date).date()
            found.append(DatedDocuments(occurrence, day, tuple(self.entries(change.documents))))
        return sorted(found, key=lambda item: item.day, reverse=True)

    def of_occurrence(self, occurrence: Occurrence) -> list[DocumentEntry]:
        """The documents of one meeting: a single event's own, or those of that date of a series."""
        event = occurrence.event
        if occurrence.recurrence_id is None:
            return self.entries(event.documents)
        moment = as_datetime(occurrence.recurrence_id)
        documents = [d for c in event.changed if as_datetime(c.date) == moment for d in c.documents]
        return self.entries(tuple(documents))

    # -- working groups ---------------------------------------------------------------

    def of_group(self, group: WorkingGroup) -> list[DocumentEntry]:
        return self.entries(group.documents)

    def meetings_by_year(self, past: list[Occurrence]) -> list[tuple[int, list[Meeting]]]:
        """Past meetings grouped by the year they started in, newest year and newest meeting first."""
        years: dict[int, list[Meeting]] = defaultdict(list)
        ordered = sorted(past, key=lambda o: (as_datetime(o.start), o.event.id), reverse=True)
        for occurrence in ordered:
            meeting = Meeting(occurrence, tuple(self.of_occurrence(occurrence)))
            years[occurrence.start_date.year].append(meeting)
        return sorted(years.items(), reverse=True)

    # -- publishing -----------------------------------------------------------------

    def files(self) -> list[str]:
        """Every file a document names, once (paths under content/ and the site root)."""
        named = {d.file for group in self.dataset.working_groups.values() for d in group.documents}
        for event in self.dataset.events.values():
            named |= {d.file for d in event.documents}
            named |= {d.file for change in event.changed for d in change.documents}
        return sorted(named)

    def publish(self, output_dir: Path) -> list[Path]:
        """Copy every named file to the same path under the output folder; return the written files."""
        written = []
        for file in self.files():
            target = Path(output_dir) / file
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(self.content_dir / file, target)
            written.append(target)
        return written

"""A seeded synthetic corpus in the kit's data format: many years of a network's data and content.

    python -m benchmarks.corpus OUT --years 20 --scale 1 --seed 1

writes OUT/data and OUT/content. The same arguments always give the same bytes (nothing depends on
the clock). At scale 1 a year has about 60 events (network meetings, cafés, working-group meetings,
trainings, conferences, festivals; series with exceptions, moved and cancelled dates; all-day,
multi-day and online events) and 12 info mails, the network 80 members (joining and leaving over
the years) and 8 working groups; scale k adds k-1 district networks of the same shape.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from .events import EventPlan, YearContext, year_of_events
from .mails import info_mails
from .naming import Ids, Strand
from .organisations import (
    MEMBERS_PER_STRAND,
    finish_groups,
    group_plans,
    join_groups,
    member_plans,
    network_record,
    venue_records,
)
from .pages import page_files
from .yaml_writer import yaml_document

GROUPS_PER_STRAND = 8
LAST_YEAR = 2026  # a fixed year, never the clock: the same arguments give the same corpus


@dataclass(frozen=True)
class CorpusSpec:
    years: int = 20
    scale: int = 1
    seed: int = 1
    last_year: int = LAST_YEAR

    @property
    def first_year(self) -> int:
        return self.last_year - self.years + 1

    @property
    def today(self) -> date:
        """The build day: the middle of the last year, so there are past and upcoming events."""
        return date(self.last_year, 6, 30)

    def describe(self) -> str:
        return f"{self.years} year{'s' if self.years != 1 else ''}, scale {self.scale}"


@dataclass(frozen=True)
class Corpus:
    spec: CorpusSpec
    data: Path
    content: Path
    counts: dict[str, int] = field(default_factory=dict)

    @property
    def today(self) -> date:
        return self.spec.today


def generate(folder: Path, spec: CorpusSpec) -> Corpus:
    """Write spec's corpus into folder/data and folder/content (both must not exist yet)."""
    if spec.years < 1 or spec.scale < 1:
        raise ValueError("years and scale are at least 1")
    data, content = folder / "data", folder / "content"
    for sub in ("venues", "members", "working-groups", "events"):
        (data / sub).mkdir(parents=True)
    for sub in ("pages", "info-mail", "images/logos"):
        (content / sub).mkdir(parents=True)
    _write(data / "network.yaml", yaml_document(network_record(spec.first_year), "../schemas/network.schema.json"))
    for venue_id, record in venue_records(random.Random(f"{spec.seed}:venues")).items():
        _write(data / "venues" / f"{venue_id}.yaml", yaml_document(record, "../../schemas/venue.schema.json"))
    founded = network_record(spec.first_year)["founded"]
    member_ids, event_ids, logos = Ids(), Ids(), []
    counts = {"members": 0, "members_left": 0, "working_groups": 0, "events": 0, "info_mails": 0, "translations": 0}
    for index in range(spec.scale):
        strand = Strand(index)
        rng = random.Random(f"{spec.seed}:strand:{index}")
        members = member_plans(rng, strand, MEMBERS_PER_STRAND, spec.first_year, spec.today, member_ids, logos)
        groups = group_plans(rng, strand, GROUPS_PER_STRAND, spec.first_year, spec.last_year)
        join_groups(rng, members, groups)
        finish_groups(rng, members, groups)
        for group in groups:
            _write(
                data / "working-groups" / f"{group.id}.yaml",
                yaml_document(group.record, "../../schemas/working-group.schema.json"),
            )
        for member in members:
            _write(
                data / "members" / f"{member.id}.yaml", yaml_document(member.record, "../../schemas/member.schema.json")
            )
        events: list[EventPlan] = []
        for year in range(spec.first_year, spec.last_year + 1):
            context = YearContext(
                random.Random(f"{spec.seed}:events:{index}:{year}"), strand, year, members, groups, event_ids
            )
            events += year_of_events(context, founded if index == 0 else spec.first_year - 1)
        for plan in events:
            folder_of_year = data / "events" / str(plan.day.year)
            folder_of_year.mkdir(exist_ok=True)
            _write(folder_of_year / f"{plan.id}.yaml", yaml_document(plan.record, "../../../schemas/event.schema.json"))
        mails = info_mails(
            random.Random(f"{spec.seed}:mails:{index}"), strand, spec.first_year, spec.today, events, members, groups
        )
        for mail in mails:
            _write(content / "info-mail" / mail.name, mail.text)
        counts["members"] += len(members)
        counts["members_left"] += sum(1 for m in members if m.left and m.left <= spec.today)
        counts["working_groups"] += len(groups)
        counts["events"] += len(events)
        counts["info_mails"] += sum(1 for m in mails if m.name.count(".") == 1)
        counts["translations"] += sum(1 for m in mails if m.name.count(".") == 2)
    for name, text in page_files().items():
        _write(content / "pages" / name, text)
    for member_id in logos:
        _write(content / "images" / "logos" / f"{member_id}.svg", _logo(member_id))
    return Corpus(spec, data, content, counts)


def _write(path: Path, text: str) -> None:
    path.write_text(text, encoding="utf-8", newline="\n")


def _logo(member_id: str) -> str:
    initials = "".join(part[0] for part in member_id.split("-")[:2]).upper()
    return (
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64" width="64" height="64">'
        '<circle cx="32" cy="32" r="28" fill="#0b5394"/>'
        '<text x="32" y="40" font-size="22" text-anchor="middle" fill="#fff" font-family="sans-serif">'
        f"{initials}</text>"
        "</svg>\n"
    )

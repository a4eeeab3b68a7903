"""The monthly info mails (German, some translated into English and Arabic) and the content pages."""

from __future__ import annotations

import random
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from .days import SATURDAY, at, clock, english_day, german_day
from .events import EventPlan
from .naming import Strand
from .organisations import GroupPlan, MemberPlan
from .vocabulary import MONTHS_AR, MONTHS_DE, MONTHS_EN

ENGLISH_MONTHS = (3, 6, 9, 12)  # and now and then another one
ARABIC_MONTHS = (6, 12)


@dataclass(frozen=True)
class MailFile:
    name: str  # file name under content/info-mail/
    text: str


def _header(title: str, when: datetime, slug: str, lang: str, summary: str) -> str:
    return f"Title: {title}\nDate: {when:%Y-%m-%d %H:%M}\nSlug: {slug}\nLang: {lang}\nSummary: {summary}\n\n"


def _dates_de(plan: EventPlan) -> str:
    if isinstance(plan.start, datetime) and isinstance(plan.end, datetime):
        if plan.start.date() == plan.end.date():
            return f"{german_day(plan.start)}, {clock(plan.start)}–{clock(plan.end)} Uhr"
        return f"{german_day(plan.start)}, {clock(plan.start)} Uhr, bis {german_day(plan.end)}, {clock(plan.end)} Uhr"
    if plan.start == plan.end:
        return f"{german_day(plan.start)}, ganztägig"
    return f"{german_day(plan.start)} bis {german_day(plan.end)}"


def _dates_en(plan: EventPlan) -> str:
    if isinstance(plan.start, datetime) and isinstance(plan.end, datetime):
        return f"{english_day(plan.start)}, {clock(plan.start)}–{clock(plan.end)}"
    return (
        english_day(plan.start) if plan.start == plan.end else f"{english_day(plan.start)} to {english_day(plan.end)}"
    )


def _status_de(plan: EventPlan) -> str:
    return {"cancelled": " – **fällt aus**", "postponed": " – **wird verschoben**"}.get(plan.record.get("status"), "")


def _listing_de(plans: list[EventPlan]) -> str:
    return "\n".join(f"- **{_dates_de(p)}:** {p.titles[0]} ({p.place}){_status_de(p)}" for p in plans)


def _listing_en(plans: list[EventPlan]) -> str:
    return "\n".join(f"- **{_dates_en(p)}:** {p.titles[1] or p.titles[0]} ({p.place})" for p in plans)


def _listing_ar(plans: list[EventPlan]) -> str:
    return "\n".join(f"- **{p.day.day}/{p.day.month}:** {p.titles[2] or p.titles[0]}" for p in plans)


def _first_working_day(year: int, month: int) -> datetime:
    day = date(year, month, 1)
    while day.weekday() >= SATURDAY:
        day += timedelta(days=1)
    return at(day, 9)


def _months(first_year: int, today: date) -> Iterator[tuple[int, int]]:
    year, month = first_year, 1
    while (year, month) <= (today.year, today.month):
        yield year, month
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)


def _previous(year: int, month: int) -> tuple[int, int]:
    return (year - 1, 12) if month == 1 else (year, month - 1)


def info_mails(
    rng: random.Random,
    strand: Strand,
    first_year: int,
    today: date,
    events: list[EventPlan],
    members: list[MemberPlan],
    groups: list[GroupPlan],
) -> list[MailFile]:
    """One mail a month up to `today` (later ones are not written yet), with that month's events."""
    by_month: dict[tuple[int, int], list[EventPlan]] = defaultdict(list)
    for plan in sorted(events, key=lambda p: (p.day, p.id)):
        by_month[(plan.day.year, plan.day.month)].append(plan)
    joined: dict[tuple[int, int], list[MemberPlan]] = defaultdict(list)
    left: dict[tuple[int, int], list[MemberPlan]] = defaultdict(list)
    for member in members:
        joined[(member.joined.year, member.joined.month)].append(member)
        if member.left:
            left[(member.left.year, member.left.month)].append(member)
    district_de, district_en, district_ar = (f" {n}" if n else "" for n in strand.names)
    files: list[MailFile] = []
    previous_slug: str | None = None
    for year, month in _months(first_year, today):
        when = _first_working_day(year, month)
        if when.date() > today:
            break
        slug = f"{year}-{month:02d}{strand.suffix}"
        last = _previous(year, month)
        following = (year + 1, 1) if month == 12 else (year, month + 1)
        now, ahead = by_month.get((year, month), []), by_month.get(following, [])[:3]
        new, gone = joined.get(last, []), left.get(last, [])
        active = [g for g in groups if g.active_in(when.date())]
        month_de, month_en = MONTHS_DE[month - 1], MONTHS_EN[month - 1]
        summary = f"Die Termine im {month_de}, Neues aus den Arbeitsgruppen" + (" und neue Mitglieder." if new else ".")
        body = _german_body(rng, month_de, MONTHS_DE[last[1] - 1], now, ahead, new, gone, active, previous_slug)
        title = f"Infomail{district_de} {month_de} {year}"
        files.append(MailFile(f"{slug}.md", _header(title, when, slug, "de", summary) + body))
        if month in ENGLISH_MONTHS or rng.random() < 0.1:
            title_en = f"Info mail{district_en} {month_en} {year}"
            summary_en = f"Dates in {month_en} and news from the network" + (", with new members." if new else ".")
            body_en = _english_body(month_en, now, ahead, new)
            files.append(MailFile(f"{slug}.en.md", _header(title_en, when, slug, "en", summary_en) + body_en))
        if month in ARABIC_MONTHS:
            title_ar = f"الرسالة الإخبارية{district_ar} {MONTHS_AR[month - 1]} {year}"
            summary_ar = f"مواعيد شهر {MONTHS_AR[month - 1]} وأخبار مجموعات العمل."
            files.append(MailFile(f"{slug}.ar.md", _header(title_ar, when, slug, "ar", summary_ar) + _arabic_body(now)))
        previous_slug = slug
    return files


def _german_body(
    rng: random.Random,
    month: str,
    last_month: str,
    now: list[EventPlan],
    ahead: list[EventPlan],
    new: list[MemberPlan],
    gone: list[MemberPlan],
    groups: list[GroupPlan],
    previous_slug: str | None,
) -> str:
    parts = [f"Im {month} erwarten Sie wieder viele Termine im Netzwerk. Hier ist der Überblick.", "## Termine"]
    parts.append(_listing_de(now) if now else f"Im {month} stehen keine Termine im Kalender.")
    if ahead:
        parts += ["Vorschau auf den nächsten Monat:", _listing_de(ahead)]
    parts.append("Alle Termine mit Orten und Hinweisen zur Barrierefreiheit finden Sie im Veranstaltungskalender.")
    parts.append("## Aus den Arbeitsgruppen")
    for group in rng.sample(groups, min(len(groups), 2)):
        parts.append(
            f"Die {group.names[0]} hat im {last_month} ihre Arbeit fortgesetzt. Wer mitarbeiten möchte, schreibt "
            f"an {group.record['email']}; neue Mitglieder sind *jederzeit* willkommen."
        )
    parts.append("## Neue Mitglieder")
    if new:
        for member in new:
            link = f" Mehr erfahren Sie [auf der Website]({member.website})." if member.website else ""
            parts.append(f"Wir begrüßen **{member.name}** im Netzwerk.{link}")
    else:
        parts.append(f"Im {last_month} sind keine neuen Mitglieder hinzugekommen.")
    for member in gone:
        parts.append(f"Verabschiedet hat sich „{member.name}“. Wir danken für die gute Zusammenarbeit.")
    parts.append("## Hinweise")
    notes = [
        "- Anmeldungen zu den Schulungen nehmen wir unter schulungen@netzwerk-integration-erfurt.example entgegen."
    ]
    if previous_slug:
        link = f"{{filename}}/info-mail/{previous_slug}.md"
        notes.append(f"- Was im {last_month} los war, lesen Sie in der [letzten Infomail]({link}).")
    notes.append("- Wie Sie Mitglied werden, steht auf der Seite [Mitglied werden]({filename}/pages/join.md).")
    parts.append("\n".join(notes))
    return "\n\n".join(parts) + "\n"


def _english_body(month: str, now: list[EventPlan], ahead: list[EventPlan], new: list[MemberPlan]) -> str:
    parts = [f"Here is what is coming up in the network in {month}.", "## Dates"]
    parts.append(_listing_en(now) if now else f"There are no dates in the calendar for {month}.")
    if ahead:
        parts += ["Looking ahead to next month:", _listing_en(ahead)]
    parts.append("## New members")
    parts.append(
        "\n".join(f"- We welcome **{m.name}** to the network." for m in new) if new else "No new members this month."
    )
    parts.append("## Notes\n\nRegistration for trainings: schulungen@netzwerk-integration-erfurt.example.")
    return "\n\n".join(parts) + "\n"


def _arabic_body(now: list[EventPlan]) -> str:
    listing = _listing_ar(now) if now else "لا توجد مواعيد هذا الشهر."
    return (
        "إليكم أهم مواعيد الشبكة لهذا الشهر.\n\n## المواعيد\n\n"
        f"{listing}\n\n## ملاحظات\n\nتجدون جميع المواعيد مع الأماكن ومعلومات إمكانية الوصول في تقويم الفعاليات.\n"
    )

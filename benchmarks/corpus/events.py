"""One year of one strand's events: meetings, cafés, group meetings, trainings, conferences, festivals,
series with exceptions and changed or cancelled dates, all-day and multi-day events, online events."""

from __future__ import annotations

import random
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from . import texts
from .days import FRIDAY, RRULE_DAYS, SATURDAY, SUNDAY, THURSDAY, TUESDAY, WEDNESDAY, at, iso, nth_weekday
from .naming import Ids, Strand, slug
from .organisations import COORDINATOR, HOME_VENUE, GroupPlan, MemberPlan
from .vocabulary import CONFERENCE_TOPICS, GROUP_TOPICS, LOCATIONS, TRAINING_TOPICS, VENUES

NETWORK_MEETING_MONTHS = (2, 4, 6, 9, 11)
CAFE_MONTHS = (3, 7, 10)
TRAININGS_PER_YEAR = 9
VENUE_IDS = tuple(v[0] for v in VENUES)
VENUE_NAMES = {v[0]: v[1] for v in VENUES}


@dataclass
class EventPlan:
    id: str
    strand: int
    start: date | datetime
    end: date | datetime
    titles: tuple[str, str, str]
    place: str  # in German, for the info mail
    record: dict[str, Any] = field(default_factory=dict)

    @property
    def day(self) -> date:
        return self.start.date() if isinstance(self.start, datetime) else self.start


@dataclass
class YearContext:
    """What every event of one strand and year draws on."""

    rng: random.Random
    strand: Strand
    year: int
    members: list[MemberPlan]
    groups: list[GroupPlan]
    ids: Ids

    def organisers(self, day: date, most: int = 2) -> list[str]:
        """The strand's coordinator and members that belonged to the network on that day."""
        current = [m.id for m in self.members if m.is_current(day)]
        lead = self.members[0].id if self.members else COORDINATOR
        others = [m for m in current if m != lead]
        return [lead, *self.rng.sample(others, min(len(others), self.rng.randint(0, most - 1)))]

    def event_id(self, kind: str, day: date | None = None) -> str:
        when = f"{self.year}-{day.month:02d}" if day else str(self.year)
        return self.ids.new(f"{kind}{self.strand.suffix}-{when}")


def _event(
    context: YearContext,
    event_id: str,
    titles: tuple[str, str, str],
    category: str,
    start: date | datetime,
    end: date | datetime,
    where: dict[str, Any],
    description: dict[str, str],
    with_district: bool = True,
    **extra: Any,
) -> EventPlan:
    de, en, ar = context.strand.titled(*titles) if with_district else titles
    title: dict[str, str] | str = {"de": de, "en": en, **({"ar": ar} if ar else {})} if en else de
    day = start.date() if isinstance(start, datetime) else start
    record: dict[str, Any] = {"title": title, "category": category, "start": iso(start), "end": iso(end), **where}
    record["organisers"] = extra.pop("organisers", None) or context.organisers(day)
    record.update(extra)
    record["description"] = description
    if "venue" in where:
        place = VENUE_NAMES[where["venue"]]
    elif "online" in where:
        place = "online"
    else:
        place = where["location"]["de"]
    return EventPlan(event_id, context.strand.index, start, end, (de, en, ar), place, record)


def _venue(context: YearContext, home: float = 0.5) -> dict[str, str]:
    return {"venue": HOME_VENUE if context.rng.random() < home else context.rng.choice(VENUE_IDS)}


def network_meetings(context: YearContext, founded: int) -> Iterator[EventPlan]:
    for index, month in enumerate(NETWORK_MEETING_MONTHS):
        day = nth_weekday(context.year, month, WEDNESDAY, context.rng.choice((2, 3)))
        number = (context.year - founded) * len(NETWORK_MEETING_MONTHS) + index + 1
        theme_de, theme_en = context.rng.choice(CONFERENCE_TOPICS)
        yield _event(
            context,
            context.event_id("netzwerktagung", day),
            (f"{number}. Netzwerktagung", f"Network meeting no. {number}", f"الملتقى الشبكي رقم {number}"),
            "network-meeting",
            at(day, 14),
            at(day, 17),
            {"venue": "rathaus" if month == 11 else HOME_VENUE},
            texts.network_meeting(context.rng, number, theme_de, theme_en),
            languages=["de", "en", "ar"],
            audience=["members", "professionals"],
        )


def cafes(context: YearContext) -> Iterator[EventPlan]:
    for month in CAFE_MONTHS:
        day = nth_weekday(context.year, month, context.rng.choice((TUESDAY, THURSDAY)), context.rng.randint(1, 4))
        yield _event(
            context,
            context.event_id("netzwerkcafe", day),
            ("Netzwerkcafé", "Network café", "مقهى الشبكة"),
            "network-cafe",
            at(day, 15),
            at(day, 17, 30),
            _venue(context),
            texts.cafe(context.rng),
            audience=["public"],
        )


def _meeting_months(count: int) -> list[int]:
    return [1 + (12 * i) // count for i in range(count)]


def group_meetings(context: YearContext) -> Iterator[EventPlan]:
    for position, group in enumerate(context.groups):
        months = _meeting_months(group.meetings_per_year)
        days = [nth_weekday(context.year, m, group.weekday, group.week) for m in months]
        days = [d for d in days if group.active_in(d)]
        if not days:
            continue
        topics_de, topics_en = GROUP_TOPICS[group.topic][4], GROUP_TOPICS[group.topic][5]
        # A quarter of the groups write the year's meetings as one series.
        if position % 4 == 1 and len(days) == len(months) and 12 % len(months) == 0:
            yield _group_series(context, group, days)
            continue
        for index, day in enumerate(days):
            turn = (context.year * 7 + index) % len(topics_de)
            de, en = group.names[0], group.names[1]
            yield _event(
                context,
                context.ids.new(f"ag-{group.id}-{context.year}-{day.month:02d}"),
                (f"{de} – {topics_de[turn]}", f"{en} – {topics_en[turn]}" if context.rng.random() < 0.5 else "", ""),
                "working-group",
                at(day, group.hour),
                at(day, group.hour + 2),
                _venue(context, home=0.6),
                texts.group_meeting(context.rng, de, topics_de[turn], group.record["email"]),
                with_district=False,  # the group's name carries it
                working_group=group.id,
                languages=["de"],
            )


def _group_series(context: YearContext, group: GroupPlan, days: list[date]) -> EventPlan:
    """The group's meetings of the year as one rule; sometimes one moves to another room or is cancelled."""
    interval = 12 // len(days)
    rule = f"FREQ=MONTHLY;INTERVAL={interval};BYDAY={group.week}{RRULE_DAYS[group.weekday]};COUNT={len(days)}"
    starts = [at(d, group.hour) for d in days]
    extra: dict[str, Any] = {"working_group": group.id, "recurrence": rule}
    if len(starts) > 2 and context.rng.random() < 0.5:
        moved = starts[1]
        extra["changed"] = [
            {"date": iso(moved), "venue": context.rng.choice(VENUE_IDS)}
            if context.rng.random() < 0.5
            else {"date": iso(moved), "status": "cancelled"}
        ]
    return _event(
        context,
        context.ids.new(f"ag-{group.id}-{context.year}"),
        (f"{group.names[0]}: Treffen {context.year}", f"{group.names[1]}: meetings {context.year}", ""),
        "working-group",
        starts[0],
        starts[0] + timedelta(hours=2),
        {"venue": HOME_VENUE},
        texts.group_meeting(context.rng, group.names[0], "Jahresplanung und Berichte", group.record["email"]),
        with_district=False,
        **extra,
    )


def trainings(context: YearContext) -> Iterator[EventPlan]:
    months = sorted(context.rng.sample(range(1, 13), TRAININGS_PER_YEAR))
    for index, month in enumerate(months):
        topic_de, topic_en, topic_ar = TRAINING_TOPICS[(context.year + index) % len(TRAINING_TOPICS)]
        day = nth_weekday(context.year, month, context.rng.choice((TUESDAY, WEDNESDAY, THURSDAY)), 2)
        online = index % 3 == 0
        where = {"online": f"{texts.MEET}/{slug(topic_de, 30)}-{context.year}"} if online else _venue(context, home=0.7)
        title_de = f"Online-Schulung: {topic_de}" if online else f"Schulung: {topic_de}"
        title_en = f"Online training: {topic_en}" if online else f"Training: {topic_en}"
        registration: dict[str, str] = (
            {"email": "schulungen@netzwerk-integration-erfurt.example"}
            if context.rng.random() < 0.5
            else {"url": f"https://anmeldung.netzwerk-integration-erfurt.example/{slug(topic_de, 30)}"}
        )
        registration["deadline"] = iso(day - timedelta(days=7))
        yield _event(
            context,
            context.ids.new(f"schulung-{slug(topic_de, 30)}{context.strand.suffix}-{context.year}-{month:02d}"),
            (title_de, title_en, topic_ar),
            "training",
            at(day, 10 if online else 9),
            at(day, 12 if online else 15),
            where,
            texts.training(context.rng, topic_de, topic_en, online),
            languages=["de"],
            audience=["professionals", "volunteers"],
            registration=registration,
        )


def conferences(context: YearContext) -> Iterator[EventPlan]:
    topic_de, topic_en = CONFERENCE_TOPICS[context.year % len(CONFERENCE_TOPICS)]
    day = nth_weekday(context.year, 10, THURSDAY, 1)
    yield _event(
        context,
        context.ids.new(f"fachtag-{slug(topic_de, 30)}{context.strand.suffix}-{context.year}"),
        (f"Fachtag {topic_de}", f"Conference: {topic_en}", ""),
        "conference",
        at(day, 9),
        at(day, 15, 30),
        _venue(context, home=0.3),
        texts.conference(context.rng, topic_de, topic_en),
        audience=["professionals"],
        registration={"email": "fachtag@netzwerk-integration-erfurt.example", "deadline": iso(day - timedelta(7))},
    )
    first = nth_weekday(context.year, 6, THURSDAY, 2)  # two whole days, Thursday and Friday
    yield _event(
        context,
        context.event_id("integrationskonferenz"),
        (
            f"Integrationskonferenz {context.year}",
            f"Integration conference {context.year}",
            f"مؤتمر الاندماج {context.year}",
        ),
        "conference",
        first,
        first + timedelta(days=1),
        {"venue": "rathaus"},
        texts.conference(context.rng, "Integration in Erfurt", "Integration in Erfurt"),
        languages=["de", "en"],
    )


def festivities(context: YearContext) -> Iterator[EventPlan]:
    """The year's fixed points: reception, women's day, intercultural week and festival, open day, retreat."""
    rng, year = context.rng, context.year
    reception = nth_weekday(year, 1, FRIDAY, 2)
    yield _event(
        context,
        context.event_id("neujahrsempfang"),
        ("Neujahrsempfang", "New Year reception", "حفل استقبال العام الجديد"),
        "other",
        at(reception, 18),
        at(reception, 21),
        {"venue": "rathaus"},
        texts.general(rng, "Neujahrsempfang", "New Year reception"),
    )
    womens_day = date(year, 3, 8)
    while womens_day.weekday() in (SATURDAY, SUNDAY):
        womens_day -= timedelta(days=1)
    yield _event(
        context,
        context.event_id("internationaler-frauentag"),
        ("Internationaler Frauentag", "International Women's Day", "اليوم العالمي للمرأة"),
        "other",
        at(womens_day, 16),
        at(womens_day, 19),
        _venue(context),
        texts.general(rng, "Internationaler Frauentag", "International Women's Day"),
        audience=["public"],
    )
    week = nth_weekday(year, 9, SUNDAY, 3)  # all day, a whole week
    location = rng.choice(LOCATIONS[1:])
    yield _event(
        context,
        context.event_id("interkulturelle-woche"),
        (f"Interkulturelle Woche {year}", f"Intercultural Week {year}", f"الأسبوع بين الثقافات {year}"),
        "other",
        week,
        week + timedelta(days=7),
        {"location": {"de": location[0], "en": location[1], **({"ar": location[2]} if location[2] else {})}},
        texts.general(rng, "Interkulturelle Woche", "Intercultural Week"),
        languages=["de", "en", "ar"],
        audience=["public"],
    )
    festival = week + timedelta(days=6)  # all day, one day
    yield _event(
        context,
        context.event_id("fest-der-kulturen"),
        ("Fest der Kulturen", "Festival of Cultures", "مهرجان الثقافات"),
        "other",
        festival,
        festival,
        {"location": {"de": LOCATIONS[0][0], "en": LOCATIONS[0][1], "ar": LOCATIONS[0][2]}},
        texts.general(rng, "Fest der Kulturen", "Festival of Cultures"),
        audience=["public"],
    )
    open_day = nth_weekday(year, 5, SATURDAY, 2)
    yield _event(
        context,
        context.event_id("tag-der-offenen-tuer"),
        ("Tag der offenen Tür im ZIM", "Open day at the ZIM", ""),
        "other",
        at(open_day, 10),
        at(open_day, 16),
        {"venue": HOME_VENUE},
        texts.general(rng, "Tag der offenen Tür", "Open day"),
        audience=["public", "newcomers"],
    )
    retreat = nth_weekday(year, 8, FRIDAY, 3)  # over two days, with times
    yield _event(
        context,
        context.event_id("klausurtagung"),
        ("Klausurtagung der Sprecherinnen und Sprecher", "Spokespersons' retreat", ""),
        "other",
        at(retreat, 16),
        at(retreat + timedelta(days=1), 13),
        _venue(context, home=0.2),
        texts.general(rng, "Klausurtagung", "Retreat"),
        audience=["members"],
    )
    reading = nth_weekday(year, 12, THURSDAY, 1)
    yield _event(
        context,
        context.event_id("lesung"),
        ("Lesung: Angekommen in Erfurt", "Reading: arriving in Erfurt", "قراءة أدبية: الوصول إلى إرفورت"),
        "other",
        at(reading, 19),
        at(reading, 21),
        {"venue": "stadtteilbibliothek-johannesplatz"},
        texts.general(rng, "Lesung", "Reading"),
        audience=["public"],
    )
    for month in (4, 9, 11):
        evening = nth_weekday(year, month, TUESDAY, 4)
        topic_de, topic_en, _ = TRAINING_TOPICS[(year + month) % len(TRAINING_TOPICS)]
        yield _event(
            context,
            context.event_id("online-infoabend", evening),
            (f"Online-Infoabend: {topic_de}", f"Online information evening: {topic_en}", ""),
            "other",
            at(evening, 18),
            at(evening, 19, 30),
            {"online": f"{texts.MEET}/infoabend-{year}-{month:02d}"},
            texts.general(rng, "Online-Infoabend", "Online information evening"),
            audience=["newcomers"],
        )


def series_of_the_year(context: YearContext, active_groups: list[GroupPlan]) -> Iterator[EventPlan]:
    """Three series: a monthly café with a summer break and changed dates, weekly consultation hours until
    summer with holidays and a cancelled date, and a fortnightly parents' café or a monthly online hour."""
    rng, year = context.rng, context.year
    cafe_days = [nth_weekday(year, month, TUESDAY, 2) for month in range(1, 12)]
    cafe_starts = [at(d, 16) for d in cafe_days]
    changes: list[dict[str, Any]] = [
        {
            "date": iso(cafe_starts[1]),
            "start": iso(cafe_starts[1] + timedelta(hours=1)),
            "end": iso(cafe_starts[1] + timedelta(hours=3)),
            "venue": "stadtteilbibliothek-johannesplatz",
        },
    ]
    if rng.random() < 0.6:
        changes.append({"date": iso(cafe_starts[rng.randint(2, 6)]), "status": "cancelled"})
    yield _event(
        context,
        context.event_id("sprachcafe"),
        ("Sprachcafé im ZIM", "Language café at the ZIM", "مقهى اللغة في مركز ZIM"),
        "other",
        cafe_starts[0],
        cafe_starts[0] + timedelta(hours=2),
        {"venue": HOME_VENUE},
        texts.series(
            rng,
            "Jeden zweiten Dienstag im Monat: Deutsch üben bei Tee und Kaffee.",
            "Every second Tuesday of the month: practise German over tea and coffee.",
            "Im August ist Sommerpause. Im Februar treffen wir uns ausnahmsweise eine Stunde später "
            "in der Stadtteilbibliothek.",
            "There is a summer break in August. In February we meet an hour later at the district library.",
        ),
        languages=["de", "en", "ar", "uk"],
        audience=["public", "newcomers"],
        recurrence="FREQ=MONTHLY;BYDAY=2TU;COUNT=11",
        exceptions=[iso(cafe_starts[7])],
        changed=changes,
        updated=iso(at(cafe_days[0] - timedelta(days=20), 11)),
    )
    first = nth_weekday(year, 2, THURSDAY, 1)
    weekly = [at(first + timedelta(weeks=k), 18) for k in range(30) if first + timedelta(weeks=k) <= date(year, 6, 30)]
    work_groups = [g for g in active_groups if g.topic == 1]
    where_group: dict[str, Any] = (
        {"working_group": work_groups[0].id} if work_groups and work_groups[0].active_in(first) else {}
    )
    yield _event(
        context,
        context.event_id("sprechstunde-arbeit"),
        (
            "Offene Sprechstunde Arbeit und Anerkennung",
            "Open consultation hours on work and recognition",
            "ساعات الاستشارة المفتوحة حول العمل",
        ),
        "working-group" if where_group else "other",
        weekly[0],
        weekly[0] + timedelta(hours=1, minutes=30),
        {"venue": HOME_VENUE},
        texts.series(
            rng,
            "Jeden Donnerstag bis zu den Sommerferien: Fragen zu Arbeit, Ausbildung und Anerkennung.",
            "Every Thursday until the summer holidays: questions about work, training and recognition.",
            "In den Osterferien fällt die Sprechstunde aus.",
            "There are no consultation hours during the Easter holidays.",
        ),
        languages=["de", "ar"],
        audience=["newcomers"],
        recurrence=f"FREQ=WEEKLY;UNTIL={year}0630",
        exceptions=[iso(weekly[8]), iso(weekly[9])],
        changed=[{"date": iso(weekly[12]), "status": "cancelled"}],
        **where_group,
    )
    if year % 2:
        start = at(nth_weekday(year, 9, WEDNESDAY, 1), 9, 30)
        yield _event(
            context,
            context.event_id("elterncafe"),
            ("Elterncafé", "Parents' café", "مقهى الأهالي"),
            "other",
            start,
            start + timedelta(hours=1, minutes=30),
            {"venue": "familienzentrum-wiesenhuegel"},
            texts.series(
                rng,
                "Alle zwei Wochen am Mittwochvormittag: Austausch für Eltern, Kinder sind willkommen.",
                "Every other Wednesday morning: meeting for parents, children are welcome.",
                "Eine Kinderbetreuung ist vor Ort.",
                "Childcare is available.",
            ),
            audience=["public"],
            recurrence="FREQ=WEEKLY;INTERVAL=2;BYDAY=WE;COUNT=8",
        )
    else:
        start = at(date(year, 3, 15), 17)
        yield _event(
            context,
            context.event_id("online-sprechstunde"),
            ("Online-Sprechstunde Anerkennung", "Online consultation on recognition", ""),
            "other",
            start,
            start + timedelta(hours=1),
            {"online": f"{texts.MEET}/sprechstunde-{year}"},
            texts.series(
                rng,
                "Am 15. jedes Monats: Fragen zur Anerkennung ausländischer Abschlüsse, per Video.",
                "On the 15th of every month: questions on the recognition of foreign qualifications, by video.",
                "Den Link finden Sie beim Termin.",
                "You will find the link with the date.",
            ),
            audience=["newcomers"],
            recurrence=f"FREQ=MONTHLY;BYMONTHDAY=15;UNTIL={year}1231",
        )


def cancel_some(rng: random.Random, plans: list[EventPlan]) -> None:
    """One or two single events a year are cancelled, now and then one is postponed; the files stay."""
    singles = [p for p in plans if "recurrence" not in p.record and p.record["category"] != "network-meeting"]
    for plan in rng.sample(singles, min(len(singles), rng.choice((1, 1, 2)))):
        plan.record["status"] = "cancelled"
    if rng.random() < 0.3:
        candidates = [p for p in singles if "status" not in p.record]
        if candidates:
            rng.choice(candidates).record["status"] = "postponed"


def year_of_events(context: YearContext, founded: int) -> list[EventPlan]:
    active = [g for g in context.groups if g.active_in(date(context.year, 6, 30))]
    plans = [
        *network_meetings(context, founded),
        *cafes(context),
        *group_meetings(context),
        *trainings(context),
        *conferences(context),
        *festivities(context),
        *series_of_the_year(context, active),
    ]
    cancel_some(context.rng, plans)
    return plans

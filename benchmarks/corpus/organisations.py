"""The network, its venues, members (joining and leaving over the years) and working groups."""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from .days import iso
from .naming import Ids, Strand, slug
from .vocabulary import (
    CITY,
    DISTRICTS,
    FIRST_NAMES,
    GROUP_GOALS,
    GROUP_TOPICS,
    LAST_NAMES,
    MEMBER_PATTERNS,
    MEMBER_TYPE_TEXT,
    MEMBER_TYPE_WEIGHTS,
    NATIONALITIES,
    OFFER_TEXT,
    OFFERS,
    POSTCODES,
    SAINTS,
    SERVICE_LANGUAGES,
    STREETS,
    TOWNS,
    VENUES,
)

MEMBERS_PER_STRAND = 80
FOUNDED = date(1999, 10, 1)
COORDINATOR = "ib-mitte"
HOME_VENUE = "zim"
# How often the eight groups of a strand meet a year, shuffled among them: 35 meetings in all.
MEETINGS_PER_YEAR = (3, 3, 4, 4, 4, 5, 6, 6)
SHARE_LEFT = 0.15  # of the members who joined, this many have left by the end of the corpus
ROLES = ("Koordination", "Beratung", "Geschäftsführung", "Projektleitung", "Sozialarbeit", "Ehrenamtskoordination")


@dataclass
class MemberPlan:
    id: str
    name: str
    strand: int
    joined: date
    left: date | None
    website: str | None
    groups: list[str] = field(default_factory=list)
    offers: tuple[str, ...] = ()
    record: dict[str, Any] = field(default_factory=dict)

    def is_current(self, day: date) -> bool:
        return self.joined <= day and (self.left is None or self.left > day)


@dataclass
class GroupPlan:
    id: str
    topic: int  # index into GROUP_TOPICS
    strand: Strand
    names: tuple[str, str, str]
    founded: date
    closed: date | None
    meetings_per_year: int
    weekday: int
    week: int  # the n-th weekday of the month it meets on
    hour: int
    record: dict[str, Any] = field(default_factory=dict)

    def active_in(self, day: date) -> bool:
        return self.founded <= day and (self.closed is None or self.closed > day)


def person(rng: random.Random) -> str:
    return f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}"


def network_record(first_year: int) -> dict[str, Any]:
    founded = min(FOUNDED.year, first_year)
    return {
        "name": {
            "de": "Netzwerk für Integration der Landeshauptstadt Erfurt",
            "en": "Network for Integration of the City of Erfurt",
            "ar": "شبكة الاندماج في مدينة إرفورت",
        },
        "short_name": "Netzwerk für Integration",
        "description": {
            "de": (
                f"Das Netzwerk für Integration der Landeshauptstadt Erfurt wurde {founded} gegründet. Im Auftrag "
                "der Stadt koordiniert der Internationale Bund (IB Mitte gGmbH) das Netzwerk; sein Zuhause ist das "
                "Zentrum für Integration und Migration (ZIM).\n\nÄmter, Wohlfahrtsverbände, Migrantenorganisationen, "
                "Sprachkursträger, Schulen, Unternehmen und Ehrenamtliche arbeiten mit. Fünfmal im Jahr treffen sich "
                "alle Mitglieder zur **Netzwerktagung**, acht Arbeitsgruppen treffen sich zu ihren Themen.\n"
            ),
            "en": (
                f"The Network for Integration of the City of Erfurt was founded in {founded}. On behalf of the city, "
                "the Internationaler Bund (IB Mitte gGmbH) coordinates the network; its home is the Centre for "
                "Integration and Migration (ZIM).\n\nCity offices, welfare associations, migrant organisations, "
                "language course providers, schools, companies and volunteers take part. Five times a year all "
                "members meet for the **network meeting**; eight working groups meet on their topics.\n"
            ),
            "ar": (
                f"تأسست شبكة الاندماج في مدينة إرفورت عام {founded}. ويتولى الاتحاد الدولي تنسيق الشبكة بتكليف من "
                "المدينة، ومقرها مركز الاندماج والهجرة.\n\nيشارك في الشبكة دوائر المدينة وجمعيات الرعاية ومنظمات "
                "المهاجرين والمدارس والشركات والمتطوعون.\n"
            ),
        },
        "founded": founded,
        "coordinator": COORDINATOR,
        "venue": HOME_VENUE,
        "email": "netzwerk@netzwerk-integration-erfurt.example",
        "website": "https://www.netzwerk-integration-erfurt.example/",
        "languages": ["de", "en", "ar"],
        "timezone": "Europe/Berlin",
        "social": [{"label": "Padlet des Netzwerks", "url": "https://padlet.example/netzwerk-integration-erfurt"}],
    }


def venue_records(rng: random.Random) -> dict[str, dict[str, Any]]:
    records = {}
    for venue_id, de, en, ar, street, lat, lon in VENUES:
        step_free = rng.random() < 0.8
        record: dict[str, Any] = {
            "name": {"de": de, "en": en, **({"ar": ar} if ar else {})},
            "street": street,
            "postcode": rng.choice(POSTCODES),
            "city": CITY,
            "geo": {"lat": lat, "lon": lon},
            "accessibility": {
                "de": "- Stufenloser Zugang über den Haupteingang\n- Barrierefreies WC\n"
                if step_free
                else "- Drei Stufen am Eingang, eine mobile Rampe ist vorhanden\n- Kein barrierefreies WC\n",
                "en": "- Step-free access via the main entrance\n- Accessible toilet\n"
                if step_free
                else "- Three steps at the entrance, a mobile ramp is available\n- No accessible toilet\n",
                "ar": "- مدخل بدون درجات\n- مرحاض مهيأ لذوي الإعاقة\n" if step_free else "- ثلاث درجات عند المدخل\n",
            },
        }
        if rng.random() < 0.6:
            record["directions"] = {
                "de": f"Straßenbahnlinie {rng.randint(1, 6)} bis Haltestelle „{street.rsplit(' ', 1)[0]}“, "
                "dann wenige Minuten zu Fuß.",
                "en": f"Tram line {rng.randint(1, 6)} to the stop “{street.rsplit(' ', 1)[0]}”, then a short walk.",
            }
        records[venue_id] = record
    return records


def _member_name(rng: random.Random, kind: str) -> str:
    pattern = rng.choice(MEMBER_PATTERNS[kind])
    return pattern.format(
        place=rng.choice(TOWNS[:3]) if rng.random() < 0.3 else CITY,
        district=rng.choice(DISTRICTS),
        last=rng.choice(LAST_NAMES),
        nation=rng.choice(NATIONALITIES),
        saint=rng.choice(SAINTS),
    )


def _unique_name(rng: random.Random, kind: str, ids: Ids, tries: int = 20) -> str:
    """A member's name that no other member has (names of one kind run out at larger scales)."""
    for _ in range(tries):
        name = _member_name(rng, kind)
        if slug(name.removesuffix(" e. V.")) not in ids:
            return name
    base = name.removesuffix(" e. V.")
    for district in rng.sample(DISTRICTS, len(DISTRICTS)):  # another office of the same organisation
        name = f"{base}, Standort {district}"
        if slug(name) not in ids:
            return name
    return f"{base}, Standort {rng.randint(2, 10_000)}"


def _day_between(rng: random.Random, first: date, last: date) -> date:
    return first + timedelta(days=rng.randint(0, max(0, (last - first).days)))


def _member_description(rng: random.Random, name: str, kind: str, offers: tuple[str, ...]) -> dict[str, str]:
    what_de, what_en = MEMBER_TYPE_TEXT[kind]
    offers_de = ", ".join(OFFER_TEXT[o][0] for o in offers)
    offers_en = ", ".join(OFFER_TEXT[o][1] for o in offers)
    text = {
        "de": f"{name} {what_de}. Zu den Angeboten gehören {offers_de}.\n\n"
        f"Im Netzwerk bringt die Organisation ihre Erfahrung in die Arbeitsgruppen ein und lädt regelmäßig zu "
        f"**offenen Sprechstunden** ein.\n",
    }
    if rng.random() < 0.45:
        text["en"] = (
            f"{name} {what_en}. Its services include {offers_en}.\n\nIn the network it contributes its experience "
            f"to the working groups and regularly invites people to **open consultation hours**.\n"
        )
    if rng.random() < 0.15:
        text["ar"] = "تقدم المنظمة خدماتها للمهاجرين بعدة لغات، وتشارك خبرتها في مجموعات العمل داخل الشبكة.\n"
    return text


def member_plans(
    rng: random.Random, strand: Strand, count: int, first_year: int, today: date, ids: Ids, logos: list[str]
) -> list[MemberPlan]:
    """`count` members of one strand: some founding members, the others joining over the years, some leaving."""
    start = FOUNDED if strand.index == 0 else date(first_year, 1, 1)
    kinds = list(MEMBER_TYPE_WEIGHTS)
    weights = list(MEMBER_TYPE_WEIGHTS.values())
    plans = []
    for number in range(count):
        if number == 0 and strand.index == 0:
            kind, name, member_id = "welfare", "Internationaler Bund (IB) Mitte gGmbH", ids.new(COORDINATOR)
        else:
            kind = rng.choices(kinds, weights)[0]
            name = _unique_name(rng, kind, ids)
            member_id = ids.new(slug(name.removesuffix(" e. V.")))
        founding = number < count // 6
        joined = start if founding else _day_between(rng, date(max(start.year, first_year), 1, 1), today)
        left = None
        if number and rng.random() < SHARE_LEFT:
            left = _day_between(rng, joined + timedelta(days=365), today + timedelta(days=180))
            left = max(left, joined)
        offers = tuple(sorted(rng.sample(OFFERS, rng.randint(1, 4))))
        domain = slug(member_id, most=40)
        website = f"https://www.{domain}.example/" if rng.random() < 0.8 else None
        record: dict[str, Any] = {
            "name": name,
            "type": kind,
            "description": _member_description(rng, name, kind, offers),
        }
        if website:
            record["website"] = website
        if rng.random() < 0.85:
            record["email"] = f"info@{domain}.example"
        if rng.random() < 0.6:
            record["phone"] = f"+49 361 {rng.randint(5550000, 5559999)}"
        if rng.random() < 0.7:
            record["address"] = {
                "street": f"{rng.choice(STREETS)} {rng.randint(1, 120)}",
                "postcode": rng.choice(POSTCODES),
                "city": CITY,
            }
        if rng.random() < 0.9:
            record["languages"] = ["de", *sorted(rng.sample(SERVICE_LANGUAGES, rng.randint(0, 4)))]
        record["offers"] = list(offers)
        plans.append(MemberPlan(member_id, name, strand.index, joined, left, website, offers=offers, record=record))
        if rng.random() < 0.05:
            logos.append(member_id)
            record["logo"] = f"logos/{member_id}.svg"
        record["joined"] = iso(joined)
        if left:
            record["left"] = iso(left)
        if rng.random() < 0.65:
            contact_name = person(rng)
            local = slug(contact_name.split()[-1], most=20) or "kontakt"
            contact: dict[str, str] = {"name": contact_name, "role": rng.choice(ROLES)}
            contact["email"] = f"{local}@{domain}.example"
            if rng.random() < 0.5:
                contact["phone"] = f"+49 361 {rng.randint(5550000, 5559999)}"
            record["public_contact"] = rng.random() < 0.45
            record["contact"] = contact
    return plans


def group_plans(rng: random.Random, strand: Strand, count: int, first_year: int, last_year: int) -> list[GroupPlan]:
    """`count` working groups of one strand; one of them closes two thirds into the corpus."""
    plans = []
    span = last_year - first_year + 1
    meetings = rng.sample(MEETINGS_PER_YEAR, len(MEETINGS_PER_YEAR))
    for number in range(count):
        topic = number % len(GROUP_TOPICS)
        group_id, de, en, ar = GROUP_TOPICS[topic][:4]
        round_ = number // len(GROUP_TOPICS)
        names = strand.titled(f"AG {de}", f"Working Group {en}", f"مجموعة عمل {ar}")
        if round_:
            names = (f"{names[0]} {round_ + 1}", f"{names[1]} {round_ + 1}", f"{names[2]} {round_ + 1}")
        group_id = f"{group_id}{strand.suffix}{f'-{round_ + 1}' if round_ else ''}"
        founded = date(min(first_year, 2001 + number), rng.randint(1, 12), rng.randint(1, 28))
        if strand.index:  # a district network's groups: founded just before the corpus starts
            founded = date(first_year - 1, rng.randint(1, 12), rng.randint(1, 28))
        closed = None
        if number == count - 3 and span >= 3:
            closed = date(first_year + (2 * span) // 3, rng.randint(1, 12), rng.randint(1, 28))
        plans.append(
            GroupPlan(
                id=group_id,
                topic=topic,
                strand=strand,
                names=names,
                founded=founded,
                closed=closed,
                meetings_per_year=meetings[number % len(meetings)],
                weekday=rng.randint(0, 3),
                week=rng.randint(2, 4),  # not the first week: no meeting on New Year's Day
                hour=rng.choice((9, 10, 14, 16, 18)),
            )
        )
    return plans


def join_groups(rng: random.Random, members: list[MemberPlan], groups: list[GroupPlan]) -> None:
    """Members join 0–3 groups, mostly those close to what they offer; every group gets some members."""
    for member in members:
        related = [g for g in groups if set(GROUP_TOPICS[g.topic][6]) & set(member.offers)]
        others = [g for g in groups if g not in related]
        wanted = rng.choice((0, 1, 1, 2, 2, 3))
        chosen = rng.sample(related, min(len(related), wanted))
        if len(chosen) < wanted and others:
            chosen += rng.sample(others, min(len(others), wanted - len(chosen)))
        member.groups = sorted(g.id for g in chosen)
    for group in groups:
        inside = [m for m in members if group.id in m.groups]
        for member in rng.sample([m for m in members if m not in inside], max(0, 3 - len(inside))):
            member.groups = sorted([*member.groups, group.id])


def finish_groups(rng: random.Random, members: list[MemberPlan], groups: list[GroupPlan]) -> None:
    """Each group's record: texts, goals and spokespersons chosen among its members."""
    for group in groups:
        de, en, ar = group.names
        topic_de, topic_en = GROUP_TOPICS[group.topic][4][0], GROUP_TOPICS[group.topic][5][0]
        goals = rng.sample(GROUP_GOALS, rng.randint(2, 4))
        inside = [m for m in members if group.id in m.groups]
        speakers = rng.sample(inside, min(len(inside), rng.randint(1, 2)))
        group.record = {
            "name": {"de": de, "en": en, "ar": ar},
            "description": {
                "de": f"Die {de} bringt Fachstellen, Vereine und Ehrenamtliche zusammen. Sie trifft sich "
                f"{group.meetings_per_year}-mal im Jahr; ein Schwerpunkt ist zurzeit **{topic_de}**.\n\n"
                "Gäste sind willkommen. Protokolle und Termine verschickt die Gruppe per E-Mail.\n",
                "en": f"The {en} brings together specialist services, associations and volunteers. It meets "
                f"{group.meetings_per_year} times a year; a current focus is **{topic_en}**.\n\n"
                "Guests are welcome. The group sends minutes and dates by e-mail.\n",
                "ar": f"تجمع {ar} المختصين والجمعيات والمتطوعين، وتلتقي {group.meetings_per_year} مرات في السنة.\n",
            },
            "goals": [{"de": g_de, "en": g_en, "ar": g_ar} for g_de, g_en, g_ar in goals],
            "spokespersons": [{"name": person(rng), "member": m.id} for m in speakers],
            "meetings_per_year": group.meetings_per_year,
            "email": f"ag-{group.id}@netzwerk-integration-erfurt.example",
            "founded": iso(group.founded),
        }
        if group.closed:
            group.record["closed"] = iso(group.closed)
    for member in members:
        record = member.record
        # Keep the editors' field order: working_groups belongs before joined.
        tail = {key: record.pop(key) for key in ("joined", "left", "public_contact", "contact") if key in record}
        record["working_groups"] = member.groups
        record.update(tail)

"""The typed, immutable records of the data contract (one class per file kind)."""

from __future__ import annotations

from datetime import date, datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, StrictBool
from pydantic.json_schema import SkipJsonSchema

from .values import (
    Attendance,
    DateOrDateTime,
    Email,
    FoundedYear,
    Id,
    ImagePath,
    IsoDate,
    Language,
    Latitude,
    Longitude,
    MeetingsPerYear,
    PlainText,
    Tag,
    Text,
    TimeZone,
    Url,
)

MemberType = Literal[
    "administration", "welfare", "association", "migrant-organisation", "education", "church", "company", "other"
]
EventCategory = Literal["network-meeting", "working-group", "conference", "network-cafe", "training", "other"]
EventStatus = Literal["scheduled", "cancelled", "postponed"]
# Who an event is for; an event may name several.
EventAudience = Literal["public", "members", "professionals", "volunteers", "newcomers"]
# What a document of an event or working group is.
DocumentKind = Literal["agenda", "minutes", "presentation", "flyer", "report", "other"]


class Record(BaseModel):
    """Base of every record: unknown fields are errors, values never change after loading."""

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)


class FileRecord(Record):
    # The id is the file's stem, set by the loader; editors never write it.
    id: SkipJsonSchema[str] = Field(default="", exclude=True)


class Link(Record):
    label: PlainText
    url: Url


class Document(Record):
    """A file kept with an event, a date of a series or a working group (agenda, minutes, ...)."""

    title: Text
    kind: DocumentKind
    file: PlainText = Field(description="path of the file under content/, e.g. documents/2026/ag-sprache-protokoll.pdf")
    language: Language
    date: IsoDate | None = None


class Network(FileRecord):
    name: Text
    short_name: PlainText
    description: Text
    founded: FoundedYear
    coordinator: Id = Field(description="id of the coordinating member (data/members/<id>.yaml)")
    venue: Id = Field(description="id of the network's home venue (data/venues/<id>.yaml)")
    email: Email
    website: Url
    languages: tuple[Language, ...] = Field(min_length=1, description="languages of the site; the first is the default")
    timezone: TimeZone = "Europe/Berlin"
    social: tuple[Link, ...] = ()
    phone: PlainText | None = Field(default=None, description="the network's phone number, e.g. +49 361 5551000")
    office_hours: Text | None = Field(default=None, description="when the office can be reached, e.g. Mo–Do 9–15 Uhr")

    @property
    def default_language(self) -> str:
        return self.languages[0]


class Geo(Record):
    lat: Latitude
    lon: Longitude


class Venue(FileRecord):
    name: Text
    street: PlainText
    postcode: PlainText
    city: PlainText
    geo: Geo | None = None
    accessibility: Text
    directions: Text | None = None


class Address(Record):
    street: PlainText
    postcode: PlainText
    city: PlainText


class Contact(Record):
    name: PlainText
    role: PlainText | None = None
    email: Email | None = None
    phone: PlainText | None = None


class Member(FileRecord):
    name: PlainText
    type: MemberType
    description: Text
    website: Url | None = None
    email: Email | None = None
    phone: PlainText | None = None
    address: Address | None = None
    languages: tuple[Language, ...] = ()
    offers: tuple[Tag, ...] = ()
    working_groups: tuple[Id, ...] = ()
    joined: IsoDate
    left: IsoDate | None = None
    logo: ImagePath | None = Field(default=None, description="path of an image under content/images/")
    public_contact: StrictBool = False
    contact: Contact | None = None

    def is_current(self, on: date) -> bool:
        return self.joined <= on and (self.left is None or self.left > on)


class Spokesperson(Record):
    name: PlainText
    member: Id


class WorkingGroup(FileRecord):
    name: Text
    description: Text
    goals: tuple[Text, ...] = ()
    spokespersons: tuple[Spokesperson, ...] = ()
    meetings_per_year: MeetingsPerYear
    email: Email | None = None
    founded: IsoDate
    closed: IsoDate | None = None
    documents: tuple[Document, ...] = ()


class Registration(Record):
    url: Url | None = None
    email: Email | None = None
    deadline: DateOrDateTime | None = None


class OccurrenceChange(Record):
    date: DateOrDateTime = Field(description="the occurrence as the rule produces it")
    status: EventStatus | None = None
    start: DateOrDateTime | None = None
    end: DateOrDateTime | None = None
    venue: Id | None = None
    location: Text | None = None
    attendance: Attendance | None = Field(default=None, description="how many took part in this date")
    documents: tuple[Document, ...] = ()


class Event(FileRecord):
    title: Text
    category: EventCategory
    start: DateOrDateTime
    end: DateOrDateTime
    timezone: TimeZone | None = None
    venue: Id | None = None
    location: Text | None = None
    online: Url | None = None
    working_group: Id | None = None
    organisers: tuple[Id, ...] = ()
    description: Text | None = None
    languages: tuple[Language, ...] = ()
    audience: tuple[EventAudience, ...] = Field(
        default=(),
        description="who it is for: public (open to everyone), members (network members), professionals, "
        "volunteers, newcomers (newcomers welcome)",
    )
    registration: Registration | None = None
    status: EventStatus = "scheduled"
    recurrence: PlainText | None = Field(
        default=None,
        description="RFC 5545 RRULE repeating daily, weekly, monthly or yearly, with an end: COUNT (at most 500 "
        "dates) or UNTIL (the last date, at most 10 years after start), e.g. FREQ=MONTHLY;BYDAY=2TU;COUNT=6",
    )
    exceptions: tuple[DateOrDateTime, ...] = ()
    changed: tuple[OccurrenceChange, ...] = ()
    updated: DateOrDateTime | None = None
    attendance: Attendance | None = Field(
        default=None, description="how many took part (a single event; for a series, give it per date in changed)"
    )
    documents: tuple[Document, ...] = ()

    @property
    def all_day(self) -> bool:
        return not isinstance(self.start, datetime)


class ChronicleEntry(Record):
    """One event in the network's history: sourced, or marked as example data."""

    date: IsoDate
    title: Text
    text: Text | None = None
    source: Url | None = Field(default=None, description="where the fact can be checked (a web address)")
    example: StrictBool = Field(default=False, description="true: example data, not a fact of the network")


class Chronicle(FileRecord):
    """data/chronicle.yaml: the network's history, oldest first or in any order."""

    entries: tuple[ChronicleEntry, ...] = Field(min_length=1)


Kind = type[FileRecord]
KINDS: dict[str, Kind] = {
    "network": Network,
    "venue": Venue,
    "member": Member,
    "working-group": WorkingGroup,
    "event": Event,
    "chronicle": Chronicle,
}

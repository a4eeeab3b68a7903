"""Labels for the contract's fixed values. N_ only marks them for extraction;
templates translate them with the reader's catalogue."""

from __future__ import annotations


def N_(message: str) -> str:
    return message


MEMBER_TYPES = {
    "administration": N_("Public administration"),
    "welfare": N_("Welfare association"),
    "association": N_("Association"),
    "migrant-organisation": N_("Migrant organisation"),
    "education": N_("Education"),
    "church": N_("Church and faith community"),
    "company": N_("Company"),
    "other": N_("Other"),
}

OFFERS = {
    "language-course": N_("Language courses"),
    "counselling": N_("Counselling"),
    "legal-advice": N_("Legal advice"),
    "childcare": N_("Childcare"),
    "housing": N_("Housing"),
    "work": N_("Work"),
    "health": N_("Health"),
    "leisure": N_("Leisure"),
    "volunteering": N_("Volunteering"),
    "education": N_("Education"),
    "youth": N_("Youth"),
    "women": N_("Women"),
    "culture": N_("Culture"),
    "sport": N_("Sport"),
}

EVENT_CATEGORIES = {
    "network-meeting": N_("Network meeting"),
    "working-group": N_("Working group"),
    "conference": N_("Conference"),
    "network-cafe": N_("Network café"),
    "training": N_("Training"),
    "other": N_("Other event"),
}

EVENT_AUDIENCES = {
    "public": N_("Open to the public"),
    "members": N_("For network members"),
    "professionals": N_("For professionals"),
    "volunteers": N_("For volunteers"),
    "newcomers": N_("Newcomers welcome"),
}

EVENT_STATUS = {
    "scheduled": N_("Scheduled"),
    "cancelled": N_("Cancelled"),
    "postponed": N_("Postponed"),
}

DOCUMENT_KINDS = {
    "agenda": N_("Agenda"),
    "minutes": N_("Minutes"),
    "presentation": N_("Presentation"),
    "flyer": N_("Flyer"),
    "report": N_("Report"),
    "other": N_("Document"),
}

# A document's file size: the number is written in the reader's language, the unit comes from here.
SIZE_UNITS = {
    "KB": N_("%(size)s KB"),
    "MB": N_("%(size)s MB"),
}


# The main menu's fixed sections; content pages with `Menu: main` follow them.
SECTIONS = [
    ("", N_("Home")),
    ("members/", N_("Members")),
    ("working-groups/", N_("Working groups")),
    ("events/", N_("Events")),
    ("events/calendar/", N_("Calendar")),  # leads to the current two-month period
    ("info-mail/", N_("Info mail")),
]


def offer_label(tag: str) -> str:
    """A known offer's label; an editor's own tag is shown as written."""
    return OFFERS.get(tag, tag)

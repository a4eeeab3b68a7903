"""The rules the browser checks on the forms "propose an event" and "change our member entry".

They are made at build time from the data contract itself (the models' fixed values, the id pattern,
the language codes, the character rules of values.py, the ids that exist), so a proposal the form
accepts is one the data checks accept too. theme/static/js/propose.js reads them from the form's
`data-rules` attribute; nothing of them is written by hand in the script.
"""

from __future__ import annotations

import codecs
import json
from datetime import date
from typing import Any, get_args

from netzwerk_data import Dataset, values
from netzwerk_data.models import EventAudience, EventCategory, Member, MemberType

from . import vocabulary

# Mail programs and browsers cut longer mailto: addresses (some at about 2,000 characters); a longer
# proposal is copied from the page and pasted into the mail instead (propose.js says so).
MAILTO_LIMIT = 2000


def _characters() -> dict[str, Any]:
    """The character rules of values.py (CODE, LINE, TEXT): what a text may not contain."""
    return {
        "allowedFormat": sorted(values._ALLOWED_FORMAT_IN_TEXT),
        "invisibleLetters": sorted(values._INVISIBLE_LETTERS),
    }


def _common(dataset: Dataset) -> dict[str, Any]:
    network = dataset.network
    return {
        # the address as protected_email writes it (ROT13), never in clear in the page
        "to": codecs.encode(network.email, "rot13"),
        "mailtoLimit": MAILTO_LIMIT,
        "idPattern": values.ID_PATTERN,
        "idMaxLength": values.MAX_ID_LENGTH,
        "minYear": values.MIN_YEAR,
        "maxYear": values.MAX_YEAR,
        "languages": sorted(values.language_codes()),
        "characters": _characters(),
        "defaultLanguage": network.default_language,
    }


def event_rules(dataset: Dataset, today: date) -> str:
    """The rules of an event file (data/events/<year>/<id>.yaml), as JSON."""
    rules = {
        **_common(dataset),
        "kind": "event",
        "categories": list(get_args(EventCategory)),
        "audiences": list(get_args(EventAudience)),
        "venues": sorted(dataset.venues),
        "members": sorted(dataset.members),
        "groups": sorted(dataset.working_groups),
        # an id that is taken, or the name of one of the events section's own pages
        "takenIds": sorted(dataset.events),
        "reservedIds": sorted(values.SECTION_PAGES["event"]),
        "today": today.isoformat(),
    }
    return json.dumps(rules, ensure_ascii=False, separators=(",", ":"))


def public_member(member: Member) -> dict[str, Any]:
    """What the member's page shows anyway (e-mail addresses in ROT13, as on the page)."""
    address = member.address
    return {
        "name": member.name,
        "type": member.type,
        "website": member.website or "",
        "email": codecs.encode(member.email, "rot13") if member.email else "",
        "phone": member.phone or "",
        "street": address.street if address else "",
        "postcode": address.postcode if address else "",
        "city": address.city if address else "",
        "languages": list(member.languages),
        "offers": list(member.offers),
    }


def member_rules(dataset: Dataset, current: list[tuple[str, Member]]) -> str:
    """The rules of a member file (data/members/<id>.yaml) and the current entries, as JSON."""
    rules = {
        **_common(dataset),
        "kind": "member",
        "memberTypes": list(get_args(MemberType)),
        "offers": offer_values(current),
        "entries": {member_id: public_member(member) for member_id, member in current},
    }
    return json.dumps(rules, ensure_ascii=False, separators=(",", ":"))


def offer_values(current: list[tuple[str, Member]]) -> list[str]:
    """The offers to choose from: the known ones, then the members' own tags."""
    own = sorted({offer for _mid, member in current for offer in member.offers} - set(vocabulary.OFFERS))
    return [*vocabulary.OFFERS, *own]


# --- the newcomer's entry on the homepage ---------------------------------------------------------

# The offers a newcomer looks for first, in this order; the rest of the known offers follow.
NEWCOMER_OFFERS = ("counselling", "language-course", "work", "housing", "health", "legal-advice", "childcare")


def offers_by_language(current: list[tuple[str, Member]]) -> list[tuple[str, list[tuple[str, int]]]]:
    """(offer, [(language, how many members), ...]) for every combination some current member has,
    offers in NEWCOMER_OFFERS order, languages by how many members."""
    table = []
    for offer in NEWCOMER_OFFERS:
        counts: dict[str, int] = {}
        for _mid, member in current:
            if offer in member.offers:
                for lang in member.languages:
                    counts[lang] = counts.get(lang, 0) + 1
        if counts:
            table.append((offer, sorted(counts.items(), key=lambda item: (-item[1], item[0]))))
    return table

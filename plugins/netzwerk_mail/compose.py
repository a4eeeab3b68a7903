"""The draft of a month's info mail, composed from the data (`make mail MONTH=2026-12`).

The coordinator edits the draft, deletes its `Status: draft` line and commits it. Its dates are
directives (`{events 2026-12 2027-01}`), never typed: the site fills them in from the data every
time it is built, so a moved meeting is right in the mail's web version, its feeds and its e-mail.
New members are named by id (`{member …}`), so their names and links come from the data too.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from pathlib import Path

from babel.messages.pofile import read_po
from dateutil.easter import easter

from netzwerk_data import Dataset
from netzwerk_data.content import MAX_MARKDOWN_BYTES, parse_content_date, read_metadata
from netzwerk_data.files import read_text
from netzwerk_data.models import Member
from netzwerk_data.values import MAX_YEAR, MIN_YEAR
from netzwerk_i18n import Localizer, load_catalogue
from netzwerk_site.site_model import sort_key
from netzwerk_site.vocabulary import N_

# Where info mails live in the content folder (ARTICLE_PATHS in pelicanconf.py).
INFO_MAIL_FOLDER = "info-mail"
# A mail goes out in the morning of its day.
SEND_TIME = time(9, 0)
# A mail announces the dates of its month and the next.
MONTHS_AHEAD = 2

# What the composer writes around the directives: interface strings, translated in
# theme/translations/<lang>.po. A language gets a draft of its own once all of them are translated.
TEXTS = {
    "title": N_("Info mail %(month)s"),
    "summary": N_("Dates for %(months)s, news from the working groups and new members."),
    "note": N_(
        "Draft: check and complete the text, then delete the line 'Status: draft'. "
        "Dates, places and links come from the data whenever the site is built."
    ),
    "intro": N_("Here are the network's dates for %(months)s and news from the network."),
    "dates": N_("Dates"),
    "dates_after": N_("Each date links to its page, with directions, accessibility and how to register."),
    "groups": N_("From the working groups"),
    "members": N_("New members"),
    "members_intro": N_("We welcome to the network:"),
    "no_members": N_("No new members have joined since the last info mail."),
}
_MONTH = re.compile(r"(\d{4})-(\d{2})")


class ComposeError(Exception):
    """Why no draft was written, in the editor's words (nothing was written)."""


@dataclass(frozen=True)
class _Mail:
    """The facts a draft is made of, the same in every language."""

    month: str
    months: tuple[date, ...]  # the first day of each month it announces
    day: date
    new_members: tuple[str, ...]  # ids, by name


def compose_mail(dataset: Dataset, content_dir: Path, month: str, today: date, translations: Path) -> list[Path]:
    """Write the draft of `month` ("YYYY-MM") into content_dir/info-mail/ and return the files written:
    `<month>.md` in the default language, `<month>.<lang>.md` for each other site language whose
    catalogue translates the composer's texts. Refuses (ComposeError) to overwrite anything."""
    first = _first_day(month)
    last = _following(first) - timedelta(days=1)
    if last < today:
        raise ComposeError(
            f"{month} has passed (today is {today.isoformat()}): compose the info mail of this month or a coming one"
        )
    folder = content_dir / INFO_MAIL_FOLDER
    network = dataset.network
    languages = [network.default_language] + [
        lang for lang in network.languages[1:] if _translates_the_composer(translations, lang)
    ]
    targets = {lang: folder / _file_name(month, lang, network.default_language) for lang in languages}
    existing = _info_mails(folder)
    _refuse_to_overwrite(month, targets, existing)
    day = _mail_day(first, today)
    months = [first]
    while len(months) < MONTHS_AHEAD:
        months.append(_following(months[-1]))
    previous = max(
        (header.date for header in existing.values() if not header.draft and header.date.date() < first),
        default=None,
    )
    mail = _Mail(month, tuple(months), day, _new_members(dataset, previous, first, day))
    folder.mkdir(parents=True, exist_ok=True)
    for lang, path in targets.items():
        localizer = Localizer(lang, network.default_language, load_catalogue(str(translations), lang))
        path.write_text(_draft(mail, localizer), encoding="utf-8", newline="\n")
    return list(targets.values())


def _refuse_to_overwrite(month: str, targets: dict[str, Path], existing: dict[Path, _Header]) -> None:
    """ComposeError naming every file the draft would overwrite or duplicate (the same Slug and Lang)."""
    taken = [str(path) for path in targets.values() if path.exists()] + [
        f"{path} (it has Slug: {month} and Lang: {header.lang})"
        for path, header in existing.items()
        if header.slug == month and header.lang in targets and path not in targets.values()
    ]
    taken += [
        f"{path} (an info mail of {month}, Slug: {header.slug})"
        for path, header in existing.items()
        if header.slug != month and header.date.strftime("%Y-%m") == month and header.lang in targets
    ]
    if taken:
        raise ComposeError(
            f"not writing the draft of {month}: {', '.join(taken)} already "
            f"{'exists' if len(taken) == 1 else 'exist'}; edit that file, or delete it to compose the draft again"
        )


def _first_day(month: str) -> date:
    match = _MONTH.fullmatch(month.strip())
    if match is None or not 1 <= int(match[2]) <= 12 or not MIN_YEAR <= int(match[1]) < MAX_YEAR:
        raise ComposeError(f"'{month}' is not a month: write it as YYYY-MM, e.g. 2026-12 for December 2026")
    return date(int(match[1]), int(match[2]), 1)


def _following(first: date) -> date:
    return date(first.year + 1, 1, 1) if first.month == 12 else date(first.year, first.month + 1, 1)


def _file_name(month: str, lang: str, default_lang: str) -> str:
    return f"{month}.md" if lang == default_lang else f"{month}.{lang}.md"


def _translates_the_composer(translations: Path, lang: str) -> bool:
    """Whether the language's catalogue translates every text of the draft."""
    path = translations / f"{lang}.po"
    if not path.is_file():
        return False
    with path.open("rb") as handle:
        catalogue = read_po(handle, locale=lang)
    for message_id in TEXTS.values():
        message = catalogue.get(message_id)
        if message is None or not message.string or message.fuzzy:
            return False
    return True


# -- the day it goes out ------------------------------------------------------------------------


def public_holidays(year: int) -> set[date]:
    """Germany's nationwide public holidays (those of a single state never fall on a month's first working day)."""
    sunday = easter(year)
    return {
        date(year, 1, 1),
        sunday - timedelta(days=2),  # Good Friday
        sunday + timedelta(days=1),  # Easter Monday
        date(year, 5, 1),
        sunday + timedelta(days=39),  # Ascension Day
        sunday + timedelta(days=50),  # Whit Monday
        date(year, 10, 3),
        date(year, 12, 25),
        date(year, 12, 26),
    }


def first_working_day(start: date) -> date:
    """`start`, or the next day after it that is a working day (Monday to Friday, not a public holiday)."""
    day = start
    while day.weekday() >= 5 or day in public_holidays(day.year):
        day += timedelta(days=1)
    return day


def _mail_day(first: date, today: date) -> date:
    """The first working day of the month; when that has passed, the next working day from today."""
    return first_working_day(max(first, today))


# -- the mails already written and the members since the last one ------------------------------


@dataclass(frozen=True)
class _Header:
    """What the composer reads of an info mail already written."""

    slug: str
    lang: str
    date: datetime
    draft: bool


def _info_mails(folder: Path) -> dict[Path, _Header]:
    """The header of each readable, dated info mail; other files are left to the content checks."""
    found: dict[Path, _Header] = {}
    if not folder.is_dir():
        return found
    for path in sorted(folder.glob("*.md")):
        if path.is_symlink() or not path.is_file():
            continue
        text, problem = read_text(path, MAX_MARKDOWN_BYTES, "an info mail is a few kilobytes")
        if problem is not None:
            continue
        fields, _duplicates, _body = read_metadata(text)
        when = parse_content_date(fields["date"].value) if "date" in fields else None
        if when is None:
            continue
        slug = fields["slug"].value if "slug" in fields else ""
        lang = fields["lang"].value if "lang" in fields else ""
        found[path] = _Header(slug, lang, when, "status" in fields and fields["status"].value == "draft")
    return found


def _new_members(dataset: Dataset, previous: datetime | None, first: date, day: date) -> tuple[str, ...]:
    """Members that joined after the last published mail (without one: since the month before) up to
    the mail's day, and are still members on that day; by name."""
    since = previous.date() if previous is not None else _previous_month(first) - timedelta(days=1)
    chosen: list[tuple[str, Member]] = [
        (member_id, member)
        for member_id, member in dataset.members.items()
        if since < member.joined <= day and (member.left is None or member.left > day)
    ]
    return tuple(member_id for member_id, member in sorted(chosen, key=lambda item: (sort_key(item[1].name), item[0])))


def _previous_month(first: date) -> date:
    return date(first.year - 1, 12, 1) if first.month == 1 else date(first.year, first.month - 1, 1)


# -- the text -------------------------------------------------------------------------------------


def _draft(mail: _Mail, localizer: Localizer) -> str:
    """The Markdown file: header, a note for the editor, and headings, sentences and directives to edit."""

    def text(key: str, **values: str) -> str:
        # One line, whatever the catalogue holds: a header value or a paragraph.
        return " ".join((localizer.gettext(TEXTS[key]) % values if values else localizer.gettext(TEXTS[key])).split())

    months = localizer.join([localizer.month(first) for first in mail.months])
    span = f"{mail.months[0]:%Y-%m} {mail.months[-1]:%Y-%m}"
    # An HTML comment is not published; "--" would end it early.
    note = text("note").replace("--", "–")
    lines = [
        f"Title: {text('title', month=localizer.month(mail.months[0]))}",
        f"Date: {datetime.combine(mail.day, SEND_TIME):%Y-%m-%d %H:%M}",
        f"Slug: {mail.month}",
        f"Lang: {localizer.lang}",
        "Status: draft",
        f"Summary: {text('summary', months=months)}",
        "",
        f"<!-- {note} -->",
        "",
        text("intro", months=months),
        "",
        f"## {text('dates')}",
        "",
        f"{{events {span}}}",
        "",
        text("dates_after"),
        "",
        f"## {text('groups')}",
        "",
        f"{{meetings {span}}}",
        "",
        f"## {text('members')}",
        "",
    ]
    if mail.new_members:
        lines += [text("members_intro"), "", *(f"- {{member {member_id}}}" for member_id in mail.new_members)]
    else:
        lines.append(text("no_members"))
    return "\n".join(lines) + "\n"

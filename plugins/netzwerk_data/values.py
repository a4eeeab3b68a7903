"""Value types of the data contract, each with a strict parser and a clear message."""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from functools import cache
from pathlib import PurePosixPath
from typing import Annotated, Any
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo, available_timezones

from babel.localedata import locale_identifiers
from email_validator import EmailNotValidError, validate_email
from pydantic import PlainSerializer, PlainValidator, WithJsonSchema

from .problems import did_you_mean
from .static_files import IMAGE_TYPES

ID_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
# Ids become folder names in the output; file systems allow 255 bytes per name.
MAX_ID_LENGTH = 100
_DATE_RE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_DATETIME_RE = re.compile(r"([0-9]{4}-[0-9]{2}-[0-9]{2})T([0-9]{2}):([0-9]{2})(?::([0-9]{2}))?")

# Every date the data may hold. The build computes with dates: an all-day end is one day later in
# iCalendar, a calendar's time-zone rules run three years past its last event, a series runs on from
# its start. Within these years none of that can leave what Python and iCalendar can represent, and
# no date of a municipal network's history or plans lies outside them.
MIN_YEAR = 1900
MAX_YEAR = 2199
_YEAR_PATTERN = "(19|2[01])[0-9]{2}"


# --- characters ---------------------------------------------------------------------------
#
# One rule for every text the data holds, in three strictness levels:
#   CODE  ids, web and e-mail addresses, language codes, time zones, dates, file paths:
#         no control, format (invisible) or line-separator character at all.
#   LINE  one-line texts (names, addresses, labels): no control character (not even a line
#         break or tab), no bidirectional override/embedding/isolate, no invisible character.
#   TEXT  texts that may have several lines (translatable texts, Markdown): as LINE, but line
#         breaks and tabs are fine.
# Allowed in LINE and TEXT: the joiners U+200C/U+200D (Persian, Arabic, Indic scripts, emoji),
# the direction marks U+200E/U+200F/U+061C (right-to-left text), the soft hyphen U+00AD (a
# hyphenation point in long German words, visible as "-" where the line breaks), the visible
# Arabic/Syriac/Kaithi number and abbreviation signs, and the tag characters of a flag emoji.
CODE = "code"
LINE = "line"
TEXT = "text"

_ALLOWED_FORMAT_IN_TEXT = frozenset(
    (
        0x00AD,
        *range(0x0600, 0x0606),
        0x061C,
        0x06DD,
        0x070F,
        0x0890,
        0x0891,
        0x08E2,
        0x110BD,
        0x110CD,
        *range(0x200C, 0x2010),
    )
)
# Not format characters, but invisible and used to fake "empty" names: Hangul fillers, Khmer inherent vowels.
_INVISIBLE_LETTERS = frozenset([0x115F, 0x1160, 0x17B4, 0x17B5, 0x3164, 0xFFA0])
# A flag emoji such as England's: black flag, tag letters, cancel tag.
_EMOJI_TAG_SEQUENCE = re.compile("\U0001f3f4[\U000e0030-\U000e0039\U000e0061-\U000e007a]{1,6}\U000e007f")
_NOT_PLAIN_ASCII = re.compile(r"[^\x20-\x7e]")
_CONTROL_NAMES = {
    0x00: "NULL",
    0x07: "BELL",
    0x08: "BACKSPACE",
    0x09: "TAB",
    0x0A: "LINE FEED",
    0x0B: "LINE TABULATION",
    0x0C: "FORM FEED",
    0x0D: "CARRIAGE RETURN",
    0x1B: "ESCAPE",
    0x7F: "DELETE",
    0x85: "NEXT LINE",
}
_RETYPE = "if your editor does not show it, delete and retype the text around it"


def _character_name(char: str) -> str:
    code = ord(char)
    if code in _CONTROL_NAMES:
        return _CONTROL_NAMES[code]
    if unicodedata.category(char) == "Cs":
        return "HALF OF A CHARACTER PAIR"
    return unicodedata.name(char, "CONTROL CHARACTER" if unicodedata.category(char) == "Cc" else "UNNAMED")


def _is_noncharacter(code: int) -> bool:
    return 0xFDD0 <= code <= 0xFDEF or code & 0xFFFE == 0xFFFE


def _refusal(char: str, kind: str) -> str | None:
    """Why `char` is not allowed in a value of `kind` (a key for the message), or None."""
    category = unicodedata.category(char)
    code = ord(char)
    if category == "Cc":
        if kind == TEXT and char in "\n\t":
            return None
        if char == "\n":
            return "a line break"
        if char == "\t":
            return "a tab"
        return "control"
    if category in ("Zl", "Zp"):
        return "separator"
    if category == "Cs" or _is_noncharacter(code):
        return "broken"
    if category == "Cf":
        return None if kind != CODE and code in _ALLOWED_FORMAT_IN_TEXT else "invisible"
    if code in _INVISIBLE_LETTERS:
        return "invisible"
    return None


def invisible_character_problem(text: str, kind: str = TEXT) -> str | None:
    """The message for the first character `text` may not contain (see CODE, LINE, TEXT), or None.

    The message starts with "contains ..." and says how to fix it; the caller names the field.
    """
    checked = text if kind == CODE else _EMOJI_TAG_SEQUENCE.sub(lambda m: "\U0001f3f4" * len(m.group()), text)
    for found in _NOT_PLAIN_ASCII.finditer(checked):
        char = found.group()
        reason = _refusal(char, kind)
        if reason is None:
            continue
        position = found.start() + 1
        code = f"U+{ord(char):04X}"
        named = f"{code} ({_character_name(char)})"
        if reason == "a line break":
            return f"contains a line break at position {position}: write it on one line"
        if reason == "a tab":
            return f"contains a tab character at position {position}: replace it by a space"
        if reason == "control":
            return f"contains the control character {named} at position {position}: delete it ({_RETYPE})"
        if reason == "separator":
            fix = "replace it by a normal line break" if kind == TEXT else "delete it; write it on one line"
            return f"contains the invisible character {named} at position {position}: {fix}"
        if reason == "broken":
            return (
                f"contains the broken character {code} at position {position}: delete it and type the character again"
            )
        return (
            f"contains the invisible character {named} at position {position}: "
            "delete it; it can make text look different from what it says"
        )
    return None


def check_characters(text: str, kind: str) -> str:
    """`text` when it has only allowed characters, else ValueError with the editor's message."""
    problem = invisible_character_problem(text, kind)
    if problem is not None:
        raise ValueError(problem)
    return text


def _require_text(value: Any, what: str, example: str, kind: str = CODE) -> str:
    if isinstance(value, bool) or not isinstance(value, str):
        shown = "true/false" if isinstance(value, bool) else repr(value)
        raise ValueError(f'expected {what} in quotes, got {shown}; write it like "{example}"')
    return check_characters(value, kind)


# --- dates --------------------------------------------------------------------------------


def _check_year(text: str, value: date) -> None:
    if not MIN_YEAR <= value.year <= MAX_YEAR:
        raise ValueError(
            f"'{text}' is outside the years {MIN_YEAR} to {MAX_YEAR} that the site and its calendars can show; "
            "check the year"
        )


def parse_date(value: Any) -> date:
    text = _require_text(value, "a date", "2026-11-24")
    if not _DATE_RE.fullmatch(text):
        raise ValueError(f"'{text}' is not a date; write YYYY-MM-DD, e.g. \"2026-11-24\"")
    try:
        parsed = date.fromisoformat(text)
    except ValueError as error:
        raise ValueError(f"'{text}' is not a real date ({error})") from None
    _check_year(text, parsed)
    return parsed


def parse_date_or_datetime(value: Any) -> date | datetime:
    """`YYYY-MM-DD` (all day) or `YYYY-MM-DDTHH:MM` (local time, no offset)."""
    text = _require_text(value, "a date or date-time", "2026-11-24T18:30")
    if _DATE_RE.fullmatch(text):
        return parse_date(text)
    if not _DATETIME_RE.fullmatch(text):
        raise ValueError(
            f"'{text}' is not a date or date-time; write \"2026-11-24\" for a whole day or "
            '"2026-11-24T18:30" for a time (local time, without a time-zone offset)'
        )
    try:
        parsed = datetime.fromisoformat(text)
    except ValueError as error:
        raise ValueError(f"'{text}' is not a real date-time ({error})") from None
    _check_year(text, parsed)
    return parsed


# --- codes and addresses ----------------------------------------------------------------------


@cache
def language_codes() -> frozenset[str]:
    """ISO 639-1 codes that Babel knows (and can therefore format dates for)."""
    return frozenset(code for code in locale_identifiers() if len(code) == 2)


# Addresses the site's own pages use (netzwerk_site.routes): a page slug or record id of one of
# these names would be written over, or would write over, a page of the site.
SITE_SECTIONS = frozenset(
    {
        *("members", "working-groups", "events", "info-mail", "subscribe", "calendar", "feeds", "theme", "images"),
        *("search", "pagefind"),
        *("chronicle", "report", "documents"),
        *("propose-event", "change-member", "leichte-sprache"),
    }
)
# Sub-pages of a section: the events calendar, filters and archive, the members' filters, the
# page on how to receive the info mail. Keyed by what the id or slug names (a data kind, or "info mail").
SECTION_PAGES = {
    "event": frozenset({"calendar", "filter", "archive"}),
    "member": frozenset({"filter"}),
    "info mail": frozenset({"receive"}),
}


def reserved_name_problem(kind: str, name: str) -> str | None:
    """Why `name` cannot be the id or slug of a `kind` ("page", "info mail" or a data kind), or None."""
    if kind == "page" and name in SITE_SECTIONS:
        return f"'{name}' is the address of the site's own {name} pages; choose another slug"
    if kind == "page" and name in language_codes():
        return f"'{name}' is a language code, and /{name}/ holds the site in that language; choose a longer slug"
    if name in SECTION_PAGES.get(kind, ()):
        return f"'{name}' is the address of one of the site's own pages; choose another name"
    return None


def parse_language(value: Any) -> str:
    text = _require_text(value, "a language code", "de")
    if text not in language_codes():
        hint = did_you_mean(text.lower(), language_codes())
        raise ValueError(
            f"unknown language code '{text}':{hint} use a two-letter ISO 639-1 code such as de, en, ar, uk, tr, fa, ru"
        )
    return text


def parse_url(value: Any) -> str:
    text = _require_text(value, "a web address", "https://example.org/")
    space = next((index for index, char in enumerate(text) if char.isspace()), None)
    if space is not None:
        char = text[space]
        named = "" if char == " " else f" (U+{ord(char):04X} {unicodedata.name(char, 'SPACE')})"
        raise ValueError(
            f"'{text}' contains a space{named} at position {space + 1}: a web address has no spaces; "
            "copy the address from the browser's address bar"
        )
    try:
        parts = urlsplit(text)
        scheme, host = parts.scheme, parts.hostname
    except ValueError:  # e.g. a broken [IPv6] address
        scheme, host = "", None
    if scheme not in ("http", "https") or not host:
        raise ValueError(f"'{text}' is not a web address; write the full address, e.g. \"https://example.org/\"")
    return text


def parse_email(value: Any) -> str:
    text = _require_text(value, "an e-mail address", "info@example.org")
    try:
        validate_email(text, check_deliverability=False)
    except EmailNotValidError as error:
        raise ValueError(f"'{text}' is not an e-mail address: {error}") from None
    return text


@cache
def _zones() -> frozenset[str]:
    return frozenset(available_timezones())


def parse_timezone(value: Any) -> str:
    text = _require_text(value, "a time zone", "Europe/Berlin")
    if text not in _zones():
        raise ValueError(
            f"unknown time zone '{text}':{did_you_mean(text, _zones())} use an IANA name like Europe/Berlin"
        )
    ZoneInfo(text)
    return text


def _check_id(value: Any) -> str:
    text = _require_text(value, "an id", "my-id")
    if len(text) > MAX_ID_LENGTH:
        raise ValueError(f"the id has {len(text)} characters; ids have at most {MAX_ID_LENGTH}")
    if not re.fullmatch(ID_PATTERN, text):
        raise ValueError(
            f"'{text}' is not an id: ids are lowercase letters, digits and hyphens, e.g. \"caritas-erfurt\""
        )
    return text


def parse_tag(value: Any) -> str:
    text = _require_text(value, "a tag", "language-course")
    if not re.fullmatch(ID_PATTERN, text):
        raise ValueError(f"'{text}' may only contain lowercase letters, digits and hyphens, e.g. language-course")
    return text


def parse_image_path(value: Any) -> str:
    """A path below content/images/ as the editor writes it, e.g. "logos/verein.png".

    Only its form is checked here; that the file exists (and is no symbolic link) is checked
    against the content folder in checks.py.
    """
    text = _require_text(value, "a file name", "logos/verein.png")
    where = 'write the path of the image below content/images/, e.g. "logos/verein.png"'
    if not text.strip():
        raise ValueError(f"the path is empty; {where}, or remove the field")
    if text != text.strip():
        raise ValueError(f"'{text}' starts or ends with a space; remove it")
    if re.match(r"^([a-zA-Z][a-zA-Z0-9+.-]*://|(data|javascript|file|mailto):)", text, re.IGNORECASE):
        raise ValueError(f"'{text}' is an address, not a file: save the image in content/images/ and write its path")
    if text.startswith(("/", "~")) or re.match(r"^[a-zA-Z]:", text):
        raise ValueError(f"'{text}' is an absolute path; {where}")
    if "\\" in text:
        raise ValueError(f"'{text}' contains '\\'; separate folders with '/', e.g. \"logos/verein.png\"")
    if text.startswith("content/images/"):
        raise ValueError(f"write the path without 'content/images/': \"{text.removeprefix('content/images/')}\"")
    parts = text.split("/")
    if any(part in ("", ".", "..") for part in parts):
        raise ValueError(f"'{text}' may not contain '..', '.' or '//': {where}")
    if any(part.startswith(".") for part in parts):
        raise ValueError(f"'{text}': names starting with '.' are hidden and not published; rename the file")
    suffix = PurePosixPath(text).suffix.lower()
    if suffix not in IMAGE_TYPES:
        raise ValueError(
            f"'{text}' is not an image: a logo is a file ending in {', '.join(IMAGE_TYPES)}; "
            "save the logo in one of these formats"
        )
    return text


# --- numbers --------------------------------------------------------------------------------

_DECIMAL = re.compile(r"-?[0-9]+(\.[0-9]+)?")


def _coordinate(low: int, high: int, what: str, example: str) -> Callable[[Any], float]:
    def parse(value: Any) -> float:
        if isinstance(value, str) and _DECIMAL.fullmatch(value.strip()):
            value = float(value)
        elif isinstance(value, str) and re.fullmatch(r"-?[0-9]+,[0-9]+", value.strip()):
            raise ValueError(f"'{value}' has a decimal comma; write a decimal point: {value.strip().replace(',', '.')}")
        if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
            raise ValueError(f"expected a number, got {value!r}; write the {what} in degrees, e.g. {example}")
        if not low <= value <= high:
            raise ValueError(f"{value} is out of range: the {what} is between {low} and {high} degrees, e.g. {example}")
        return float(value)

    return parse


def _whole_number(low: int, high: int, what: str, example: int) -> Callable[[Any], int]:
    def parse(value: Any) -> int:
        if isinstance(value, bool) or not isinstance(value, int):
            how = "without quotes" if isinstance(value, str) and re.fullmatch("-?[0-9]+", value) else "as digits only"
            raise ValueError(f"expected a whole number, got {value!r}; write it {how}, e.g. {example}")
        if not low <= value <= high:
            raise ValueError(f"{value} is out of range: write {what} from {low} to {high}, e.g. {example}")
        return value

    return parse


# --- texts ------------------------------------------------------------------------------------


def parse_plain_text(value: Any) -> str:
    """Plain one-line text; a bare number (postcode 99084) is read as the digits typed."""
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    return _require_text(value, "text", "…", LINE)


@dataclass(frozen=True)
class Localized:
    """A text in one language, and which language it really is in."""

    text: str
    lang: str


@dataclass(frozen=True)
class Translatable:
    """Text in the default language, optionally translated: `{de: ..., en: ...}`."""

    values: tuple[tuple[str, str], ...]

    def as_dict(self, default_lang: str) -> dict[str, str]:
        """Language -> text, a plain string counted as the default language."""
        return {(lang or default_lang): text for lang, text in self.values}

    def get(self, lang: str, default_lang: str) -> Localized:
        """The text in `lang`, else in the default language, else the first given."""
        mapping = self.as_dict(default_lang)
        for candidate in (lang, default_lang):
            if candidate in mapping:
                return Localized(mapping[candidate], candidate)
        first_lang, first_text = self.values[0]
        return Localized(first_text, first_lang)


# A plain string belongs to the default language, which only network.yaml knows;
# it is stored under "" and resolved when the text is read.
DEFAULT_LANGUAGE_PLACEHOLDER = ""


def parse_translatable(value: Any) -> Translatable:
    if isinstance(value, Translatable):
        return value
    if isinstance(value, str):
        if not value.strip():
            raise ValueError("the text is empty; write the text or remove the field")
        return Translatable(((DEFAULT_LANGUAGE_PLACEHOLDER, check_characters(value, TEXT)),))
    if isinstance(value, dict):
        if not value:
            raise ValueError('no text given; write a text or a mapping like {de: "…", en: "…"}')
        pairs = []
        for lang, text in value.items():
            if isinstance(lang, str) and (problem := invisible_character_problem(lang, CODE)) is not None:
                raise ValueError(f"a language code {problem}")
            parse_language(lang)
            if not isinstance(text, str) or not text.strip():
                raise ValueError(f"the text for '{lang}' must be non-empty text in quotes")
            problem = invisible_character_problem(text, TEXT)
            if problem is not None:
                raise ValueError(f"the text for '{lang}' {problem}")
            pairs.append((lang, text))
        return Translatable(tuple(pairs))
    raise ValueError('expected a text, or a mapping from language code to text like {de: "…", en: "…"}')


_TRANSLATABLE_SCHEMA = {
    "anyOf": [
        {"type": "string", "minLength": 1, "description": "Text in the default language (German)."},
        {
            "type": "object",
            "description": "Text per language code, e.g. {de: ..., en: ..., ar: ...}.",
            "propertyNames": {"pattern": "^[a-z]{2}$"},
            "additionalProperties": {"type": "string", "minLength": 1},
            "minProperties": 1,
        },
    ]
}


def _case_insensitive(suffix: str) -> str:
    return "".join(f"[{char}{char.upper()}]" if char.isalpha() else re.escape(char) for char in suffix)


_IMAGE_PATH_PATTERN = (
    r"^(?![/~\\])(?![a-zA-Z]:)(?!.*(^|/)\.)(?!.*//)[^\\]+\.("
    + "|".join(_case_insensitive(suffix.lstrip(".")) for suffix in IMAGE_TYPES)
    + ")$"
)

Id = Annotated[
    str,
    PlainValidator(_check_id),
    WithJsonSchema({"type": "string", "pattern": ID_PATTERN, "maxLength": MAX_ID_LENGTH}),
]
Tag = Annotated[str, PlainValidator(parse_tag), WithJsonSchema({"type": "string", "pattern": ID_PATTERN})]
IsoDate = Annotated[
    date,
    PlainValidator(parse_date),
    WithJsonSchema(
        {
            "type": "string",
            "format": "date",
            "pattern": f"^{_YEAR_PATTERN}-[0-9]{{2}}-[0-9]{{2}}$",
            "description": f"YYYY-MM-DD, a year from {MIN_YEAR} to {MAX_YEAR}",
        }
    ),
]
DateOrDateTime = Annotated[
    date | datetime,
    PlainValidator(parse_date_or_datetime),
    WithJsonSchema(
        {
            "type": "string",
            "pattern": f"^{_YEAR_PATTERN}-[0-9]{{2}}-[0-9]{{2}}(T[0-9]{{2}}:[0-9]{{2}}(:[0-9]{{2}})?)?$",
            "description": "YYYY-MM-DD (whole day) or YYYY-MM-DDTHH:MM (local time), "
            f"a year from {MIN_YEAR} to {MAX_YEAR}",
        }
    ),
]
Language = Annotated[str, PlainValidator(parse_language), WithJsonSchema({"type": "string", "pattern": "^[a-z]{2}$"})]
Url = Annotated[
    str, PlainValidator(parse_url), WithJsonSchema({"type": "string", "format": "uri", "pattern": "^https?://"})
]
Email = Annotated[str, PlainValidator(parse_email), WithJsonSchema({"type": "string", "format": "email"})]
TimeZone = Annotated[
    str, PlainValidator(parse_timezone), WithJsonSchema({"type": "string", "examples": ["Europe/Berlin"]})
]
PlainText = Annotated[str, PlainValidator(parse_plain_text), WithJsonSchema({"type": "string"})]
ImagePath = Annotated[
    str,
    PlainValidator(parse_image_path),
    WithJsonSchema(
        {
            "type": "string",
            "pattern": _IMAGE_PATH_PATTERN,
            "description": f"path of an image under content/images/ ({', '.join(IMAGE_TYPES)}), e.g. logos/verein.png",
        }
    ),
]
Text = Annotated[
    Translatable,
    PlainValidator(parse_translatable),
    PlainSerializer(lambda t: dict(t.values)),
    WithJsonSchema(_TRANSLATABLE_SCHEMA),
]
Latitude = Annotated[
    float,
    PlainValidator(_coordinate(-90, 90, "latitude", "50.978")),
    WithJsonSchema({"type": "number", "minimum": -90, "maximum": 90, "description": "degrees north, e.g. 50.978"}),
]
Longitude = Annotated[
    float,
    PlainValidator(_coordinate(-180, 180, "longitude", "11.03")),
    WithJsonSchema({"type": "number", "minimum": -180, "maximum": 180, "description": "degrees east, e.g. 11.03"}),
]


def _bounded_int(low: int, high: int, what: str, example: int) -> Any:
    return Annotated[
        int,
        PlainValidator(_whole_number(low, high, what, example)),
        WithJsonSchema({"type": "integer", "minimum": low, "maximum": high}),
    ]


FoundedYear = _bounded_int(1900, 2100, "a year", 1999)
MeetingsPerYear = _bounded_int(0, 52, "the number of meetings a year", 4)
Attendance = _bounded_int(0, 100000, "the number of participants", 25)

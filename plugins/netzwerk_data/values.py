"""Value types of the data contract, each with a strict parser and a clear message."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime
from functools import cache
from typing import Annotated, Any
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo, available_timezones

from babel.localedata import locale_identifiers
from email_validator import EmailNotValidError, validate_email
from pydantic import PlainSerializer, PlainValidator, WithJsonSchema

from .problems import did_you_mean

ID_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
_DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_DATETIME_RE = re.compile(r"^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$")


def _require_text(value: Any, what: str, example: str) -> str:
    if isinstance(value, bool) or not isinstance(value, str):
        shown = "true/false" if isinstance(value, bool) else repr(value)
        raise ValueError(f'expected {what} in quotes, got {shown}; write it like "{example}"')
    return value


def parse_date(value: Any) -> date:
    text = _require_text(value, "a date", "2026-11-24")
    if not _DATE_RE.match(text):
        raise ValueError(f"'{text}' is not a date; write YYYY-MM-DD, e.g. \"2026-11-24\"")
    try:
        return date.fromisoformat(text)
    except ValueError as error:
        raise ValueError(f"'{text}' is not a real date ({error})") from None


def parse_date_or_datetime(value: Any) -> date | datetime:
    """`YYYY-MM-DD` (all day) or `YYYY-MM-DDTHH:MM` (local time, no offset)."""
    text = _require_text(value, "a date or date-time", "2026-11-24T18:30")
    if _DATE_RE.match(text):
        return parse_date(text)
    match = _DATETIME_RE.match(text)
    if not match:
        raise ValueError(
            f"'{text}' is not a date or date-time; write \"2026-11-24\" for a whole day or "
            '"2026-11-24T18:30" for a time (local time, without a time-zone offset)'
        )
    try:
        return datetime.fromisoformat(text)
    except ValueError as error:
        raise ValueError(f"'{text}' is not a real date-time ({error})") from None


@cache
def language_codes() -> frozenset[str]:
    """ISO 639-1 codes that Babel knows (and can therefore format dates for)."""
    return frozenset(code for code in locale_identifiers() if len(code) == 2)


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
    parts = urlsplit(text)
    if parts.scheme not in ("http", "https") or not parts.hostname or " " in text:
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


def parse_plain_text(value: Any) -> str:
    """Plain text; a bare number (postcode 99084) is read as the digits typed."""
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    return _require_text(value, "text", "…")


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
        return Translatable(((DEFAULT_LANGUAGE_PLACEHOLDER, value),))
    if isinstance(value, dict):
        if not value:
            raise ValueError('no text given; write a text or a mapping like {de: "…", en: "…"}')
        pairs = []
        for lang, text in value.items():
            parse_language(lang)
            if not isinstance(text, str) or not text.strip():
                raise ValueError(f"the text for '{lang}' must be non-empty text in quotes")
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

Id = Annotated[str, PlainValidator(lambda v: _check_id(v)), WithJsonSchema({"type": "string", "pattern": ID_PATTERN})]


def _check_id(value: Any) -> str:
    text = _require_text(value, "an id", "my-id")
    if not re.match(ID_PATTERN, text):
        raise ValueError(
            f"'{text}' is not an id: ids are lowercase letters, digits and hyphens, e.g. \"caritas-erfurt\""
        )
    return text


IsoDate = Annotated[
    date,
    PlainValidator(parse_date),
    WithJsonSchema({"type": "string", "format": "date", "pattern": _DATE_RE.pattern}),
]
DateOrDateTime = Annotated[
    date | datetime,
    PlainValidator(parse_date_or_datetime),
    WithJsonSchema(
        {
            "type": "string",
            "pattern": r"^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2})?)?$",
            "description": "YYYY-MM-DD (whole day) or YYYY-MM-DDTHH:MM (local time)",
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
Text = Annotated[
    Translatable,
    PlainValidator(parse_translatable),
    PlainSerializer(lambda t: dict(t.values)),
    WithJsonSchema(_TRANSLATABLE_SCHEMA),
]

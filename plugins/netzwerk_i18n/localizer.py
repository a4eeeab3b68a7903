"""Everything a template needs to speak one language: messages, texts, dates, times, direction."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date, datetime
from functools import cache, cached_property
from typing import Any

from babel import Locale
from babel.dates import format_date, format_interval, format_skeleton
from babel.lists import format_list
from babel.support import Translations

from netzwerk_data import Localized, Translatable

# Babel skeletons: the locale decides order, words and punctuation.
DATE_SHORT = "yMMMEd"

# The clock times are written in. The site serves a network in Germany, where every language it is
# read in (German, English as used in Germany, Arabic, ...) writes times on the 24-hour clock: "17:00".
# A language whose readers expect the 12-hour clock ("5:00 PM") says so in its catalogue: it
# translates the message "clock:24h" as "12h". Any other translation ("24h", or none) keeps the
# 24-hour clock. Babel still decides the digits and the words around the time.
TWELVE_HOUR_CLOCK = "12h"
SKELETON_24H = "Hm"
SKELETON_12H = "hm"


class Localizer:
    def __init__(self, lang: str, default_lang: str, translations: Translations) -> None:
        self.lang = lang
        self.default_lang = default_lang
        self.translations = translations
        self.locale = Locale.parse(lang)
        # Babel's formatting is slow and a site writes the same days and times on many pages.
        self._formatted: dict[tuple[Any, ...], str] = {}

    def _once(self, key: tuple[Any, ...], make: Callable[[], str]) -> str:
        """A formatted value by what it is made from (datetimes with their tzinfo: equal instants in
        other zones are other keys)."""
        found = self._formatted.get(key)
        if found is None:
            found = self._formatted[key] = make()
        return found

    @cached_property
    def dir(self) -> str:
        return "rtl" if self.locale.character_order == "right-to-left" else "ltr"

    def gettext(self, message: str) -> str:
        return self.translations.gettext(message)

    def ngettext(self, singular: str, plural: str, count: int) -> str:
        return self.translations.ngettext(singular, plural, count)

    def text(self, value: Translatable | None) -> Localized | None:
        """The text in this language, or the fallback (its `lang` then differs)."""
        return None if value is None else value.get(self.lang, self.default_lang)

    def language_name(self, code: str, in_own_language: bool = False) -> str:
        return _language_name(code, code if in_own_language else self.lang, in_own_language)

    def join(self, items: list[str]) -> str:
        """ "a, b and c" with the language's own separators."""
        return format_list(list(items), style="standard", locale=self.locale) if items else ""

    def dates(self, values: tuple[date, ...]) -> str:
        return self.join([self.date(value, long=True) for value in values])

    def languages(self, codes: tuple[str, ...]) -> str:
        return self.join([self.language_name(code) for code in codes])

    def labels(self, keys: tuple[str, ...], names: Mapping[str, str]) -> str:
        """Fixed values (e.g. an event's audience) by their translated labels, joined as a list."""
        return self.join([self.gettext(names[key]) for key in keys])

    def date(self, value: date, long: bool = False) -> str:
        key = ("date", value, getattr(value, "tzinfo", None), long)
        return self._once(key, lambda: format_date(value, format="long" if long else "medium", locale=self.locale))

    def month(self, value: date) -> str:
        return format_date(value, format="LLLL y", locale=self.locale)

    @cached_property
    def twelve_hour_clock(self) -> bool:
        """Whether this language's catalogue asks for the 12-hour clock (see TWELVE_HOUR_CLOCK)."""
        # The message is written out here so that `make i18n` puts it into every catalogue.
        return self.translations.gettext("clock:24h").strip().lower() == TWELVE_HOUR_CLOCK

    @cached_property
    def _time_skeleton(self) -> str:
        return SKELETON_12H if self.twelve_hour_clock else SKELETON_24H

    def time(self, value: datetime) -> str:
        """A time of day on this language's clock: "17:00" (or "5:00 PM" with the 12-hour clock)."""
        key = ("time", value, value.tzinfo)
        return self._once(key, lambda: format_skeleton(self._time_skeleton, value, locale=self.locale))

    def times(self, start: datetime, end: datetime) -> str:
        """The times of day of a start and an end: "17:00–19:00 Uhr", "17:00 – 19:00"."""
        times = (start.time(), end.time())
        return self._once(("times", *times), lambda: format_interval(*times, self._time_skeleton, locale=self.locale))

    def moment(self, value: date | datetime, long: bool = False) -> str:
        """A day, with its time of day when it has one: "Di., 12. Jan. 2027, 17:00"."""
        if not isinstance(value, datetime):
            return self._day(value, long)
        return self._joined(self.time(value), self._day(value, long))

    def when(self, start: date | datetime, end: date | datetime, long: bool = False) -> str:
        """A start-end range as people of this language write it."""
        if not isinstance(start, datetime) or not isinstance(end, datetime):
            if start == end:
                return self._day(start, long)
            return format_interval(start, end, DATE_SHORT, locale=self.locale)
        if start.date() == end.date():
            return self._joined(self.times(start, end), self._day(start, long))
        return " – ".join(self.moment(value, long) for value in (start, end))

    def rescheduled(
        self, start: date | datetime, end: date | datetime, was_start: date | datetime, was_end: date | datetime
    ) -> tuple[str, str]:
        """A moved date as (now, before), each saying only what changed: the times of one day
        ("17:00–19:00 Uhr" / "16:00–18:00 Uhr"), the day at the same times ("Fr., 8. Jan. 2027"), or both."""
        if all(isinstance(value, datetime) for value in (start, end, was_start, was_end)):
            one_day = start.date() == end.date() and was_start.date() == was_end.date()
            if one_day and start.date() == was_start.date():
                return self.times(start, end), self.times(was_start, was_end)
            if one_day and (start.time(), end.time()) == (was_start.time(), was_end.time()):
                return self._day(start, False), self._day(was_start, False)
        return self.when(start, end), self.when(was_start, was_end)

    def _joined(self, time_text: str, day_text: str) -> str:
        # The locale's pattern for a day and a time, e.g. "{1}, {0}": day, then time.
        return str(self.locale.datetime_formats["medium"]).format(time_text, day_text)

    def _day(self, value: date, long: bool) -> str:
        return self._once(("day", value, getattr(value, "tzinfo", None), long), lambda: self._format_day(value, long))

    def _format_day(self, value: date, long: bool) -> str:
        if long:
            return format_date(value, format="full", locale=self.locale)
        return format_skeleton(DATE_SHORT, value, locale=self.locale)


@cache
def _language_name(code: str, in_language: str, capitalised: bool) -> str:
    """A language's name in a language; a site build asks for the same few tens of thousands of times."""
    name = Locale.parse(code).get_display_name(Locale.parse(in_language)) or code
    return name[:1].upper() + name[1:] if capitalised else name

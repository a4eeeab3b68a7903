"""Everything a template needs to speak one language: messages, texts, dates, direction."""

from __future__ import annotations

from datetime import date, datetime
from functools import cached_property

from babel import Locale
from babel.dates import format_date, format_interval, format_skeleton, format_time
from babel.lists import format_list
from babel.support import Translations

from netzwerk_data import Localized, Translatable

# Babel skeletons: the locale decides order, words and punctuation.
DATE_SHORT = "yMMMEd"


class Localizer:
    def __init__(self, lang: str, default_lang: str, translations: Translations) -> None:
        self.lang = lang
        self.default_lang = default_lang
        self.translations = translations
        self.locale = Locale.parse(lang)

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
        locale = Locale.parse(code)
        name = locale.get_display_name(code if in_own_language else self.locale) or code
        return name[:1].upper() + name[1:] if in_own_language else name

    def join(self, items: list[str]) -> str:
        """ "a, b and c" with the language's own separators."""
        return format_list(list(items), style="standard", locale=self.locale) if items else ""

    def dates(self, values: tuple[date, ...]) -> str:
        return self.join([self.date(value, long=True) for value in values])

    def languages(self, codes: tuple[str, ...]) -> str:
        return self.join([self.language_name(code) for code in codes])

    def date(self, value: date, long: bool = False) -> str:
        return format_date(value, format="long" if long else "medium", locale=self.locale)

    def month(self, value: date) -> str:
        return format_date(value, format="LLLL y", locale=self.locale)

    def time(self, value: datetime) -> str:
        return format_time(value, format="short", locale=self.locale)

    def when(self, start: date | datetime, end: date | datetime, long: bool = False) -> str:
        """A start-end range as people of this language write it."""
        if not isinstance(start, datetime) or not isinstance(end, datetime):
            if start == end:
                return self._day(start, long)
            return format_interval(start, end, DATE_SHORT, locale=self.locale)
        joined = str(self.locale.datetime_formats["medium"])  # e.g. "{1}, {0}": date, then time
        if start.date() == end.date():
            times = format_interval(start.time(), end.time(), self._time_skeleton, locale=self.locale)
            return joined.format(times, self._day(start, long))
        return " – ".join(joined.format(self.time(moment), self._day(moment, long)) for moment in (start, end))

    @cached_property
    def _time_skeleton(self) -> str:
        """The locale's own clock: 24 hours (Hm) or 12 hours (hm)."""
        return "hm" if "h" in self.locale.time_formats["short"].pattern else "Hm"

    def _day(self, value: date, long: bool) -> str:
        if long:
            return format_date(value, format="full", locale=self.locale)
        return format_skeleton(DATE_SHORT, value, locale=self.locale)

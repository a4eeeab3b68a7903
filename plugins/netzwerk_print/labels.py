"""Words for the calendar sheet in the page's language (Babel, through the page's Localizer)."""

from __future__ import annotations

from datetime import date
from typing import Any

from babel.dates import format_date, format_interval
from jinja2 import pass_context

from netzwerk_i18n import Localizer
from netzwerk_site.site_model import Period

# Both month names in full, then the year: "November–Dezember 2026", "نوفمبر – ديسمبر 2026".
PERIOD_SKELETON = "yMMMM"


def period_months(localizer: Localizer, first_month: date, second_month: date) -> str:
    return format_interval(first_month, second_month, PERIOD_SKELETON, locale=localizer.locale)


def day_heading(localizer: Localizer, day: date) -> str:
    """The weekday and the full date, as the heading above the day's events."""
    return format_date(day, format="full", locale=localizer.locale)


@pass_context
def period_name(context: Any, period: Period) -> str:
    """The period in full month names in the page's language (a template global)."""
    return period_months(context["L"], period.first_day, period.second_month)


@pass_context
def day_name(context: Any, day: date) -> str:
    """The heading of one day of the calendar in the page's language (a template global)."""
    return day_heading(context["L"], day)
